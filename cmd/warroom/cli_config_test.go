package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeConfig writes the runner's config.toml (HOME is the runner's
// directory, so it is ~/.config/warroom/config.toml) and returns its path.
func writeConfig(t *testing.T, r *runner, name, content string) string {
	t.Helper()
	dir := filepath.Join(r.dir, ".config", "warroom")
	if err := os.MkdirAll(filepath.Join(dir, "themes"), 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestConfigPath(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	want := filepath.Join(r.dir, ".config", "warroom", "config.toml") + "\n"
	if got := r.ok("config", "path"); got != want {
		t.Errorf("config path = %q, want %q", got, want)
	}
	r.env["XDG_CONFIG_HOME"] = filepath.Join(r.dir, "xdg")
	if got := r.ok("config", "path"); got != filepath.Join(r.dir, "xdg", "warroom", "config.toml")+"\n" {
		t.Errorf("config path with XDG_CONFIG_HOME = %q", got)
	}
}

func TestConfigSetsNameLanguageRolesAndSeverities(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	r.env["WARROOM_USER"] = ""
	writeConfig(t, r, "config.toml", `
name = "carol"
language = "es"

[severity]
1 = "all hands: customers cannot pay"

[[role]]
key = "scribe"
text.en.name = "Note taker"

[[role]]
key = "security_lead"
aliases = ["sec"]
text.en.name = "Security lead"
text.es.name = "Responsable de seguridad"
text.en.primary = "Contains the breach."
`)
	r.ok("declare", "Checkout down", "--sev", "1")
	if d := r.export(); d.Incident.DeclaredBy != "carol" {
		t.Errorf("declared by %q, want the config's name", d.Incident.DeclaredBy)
	}
	wantContains(t, "roles", r.ok("roles"), "Documentalista", "Responsable de seguridad")
	wantContains(t, "roles --lang en", r.ok("roles", "--lang", "en"), "Note taker", "Security lead")
	r.ok("handoff", "SEC", "dave")
	wantContains(t, "show", r.ok("show", "--lang", "en"), "Security lead", "all hands: customers cannot pay")
	// The flag beats the config, the config beats the locale.
	r.env["LANG"] = "en_US.UTF-8"
	wantContains(t, "roles with LANG=en", r.ok("roles"), "Documentalista")
}

func TestLanguageFromLocale(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	r.env["LANG"] = "es_ES.UTF-8"
	wantContains(t, "roles", r.ok("roles", "tl"), "Responsable técnico")
	r.env["LC_ALL"] = "en_GB.UTF-8"
	wantContains(t, "roles", r.ok("roles", "tl"), "Tech lead")
}

func TestBadConfigWarnsAndUsesDefaults(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ content, want string }{
		{"name = \n", "config.toml:1:"},
		{"colour = \"red\"\n", `unknown key "colour"`},
		{"language = \"fr\"\n", `key language: "fr" is not en or es`},
		{"[severity]\n4 = \"x\"\n", `[severity] key "4"`},
		{"[[role]]\nkey = \"x\"\naliases = [\"tl\"]\ntext.en.name = \"X\"\n", `"tl" names both`},
	} {
		r := newRunner(t)
		path := writeConfig(t, r, "config.toml", c.content)
		res := r.run("roles", "tl")
		if res.code != 0 {
			t.Errorf("%q: a bad config stopped the command:\n%s", c.content, res)
		}
		wantContains(t, "stderr", res.stderr, "warning: "+path, c.want, "using the built-in defaults")
		wantContains(t, "stdout", res.stdout, "Tech lead")
	}
}

func TestThemes(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	writeConfig(t, r, "themes/ocean.toml", "description = \"deep blue\"\nbackground = \"#001b2e\"\n")
	writeConfig(t, r, "themes/broken.toml", "text = \"white\"\n")
	res := r.run("themes")
	if res.code != 0 {
		t.Fatalf("themes:\n%s", res)
	}
	wantContains(t, "themes", res.stdout, "* dark", "light", "high-contrast", "colorblind", "mono", "ocean", "deep blue")
	wantContains(t, "stderr", res.stderr, "broken.toml: key text")
	r.env["NO_COLOR"] = "1"
	wantContains(t, "themes under NO_COLOR", r.ok("themes"), "* mono")
	if out := r.ok("themes", "--theme", "ocean"); !strings.Contains(out, "* ocean") {
		t.Errorf("--theme ocean not in use:\n%s", out)
	}
	res = r.run("themes", "--theme", "neon")
	wantContains(t, "stderr", res.stderr, `unknown theme "neon"`, "using the dark theme")
}

// TestCommsApprovalStaysOn (issue 11, item 4): approval asked for as one
// word is on; an approval value warroom cannot read asks for approval of
// every audience, with a warning; a value of the wrong type elsewhere in
// [comms] falls back alone, and approval and the rest of the config stay.
// The config is the declarer's: the incident keeps its policy.
func TestCommsApprovalStaysOn(t *testing.T) {
	t.Parallel()
	const draft, sent = "update drafted as", "update recorded"
	for _, c := range []struct {
		name, config     string
		external, others string // what an update by carol does
		warning          string
	}{
		{"one word", `approval = "external"`, draft, sent, ""},
		{"a list", `approval = ["external", "executive"]`, draft, sent, ""},
		{"a number", `approval = 42`, draft, draft, `[comms] approval: give audiences as a list, such as ["external"]; until it is fixed, updates to every audience need approval`},
		{"unknown audience", `approval = ["press"]`, draft, draft, `[comms] approval: unknown audience "press"`},
		{"not a word", `approval = ["external", 3]`, draft, draft, "3 is not an audience"},
		{"misspelt key", `approvals = ["external"]`, draft, draft, `[comms]: unknown key "approvals"; did you mean approval?; until it is fixed, updates to every audience need approval`},
		{"rhythm a number", "approval = [\"external\"]\n[comms.cadence.sev1]\nexternal = 15", draft, sent,
			`[comms.cadence.sev1] external: write the rhythm as a quoted duration, such as "20m", or "none"; that value is the built-in default`},
	} {
		r := newRunner(t)
		writeConfig(t, r, "config.toml", "name = \"carol\"\n[comms]\n"+c.config+"\n")
		r.declare() // by alice (WARROOM_USER), with this config
		r.env["WARROOM_USER"] = ""
		ext := r.run("update", "Investigating.")
		internal := r.run("update", "--audience", "internal", "Investigating.")
		for _, got := range []struct {
			res  result
			want string
		}{{ext, c.external}, {internal, c.others}} {
			if got.res.code != 0 || !strings.Contains(got.res.stdout, got.want) {
				t.Errorf("%s: want %q:\n%s", c.name, got.want, got.res)
			}
			if c.warning == "" && got.res.stderr != "" {
				t.Errorf("%s: a warning for a good config:\n%s", c.name, got.res)
			}
			wantContains(t, c.name+": stderr", got.res.stderr, c.warning)
		}
		// The rest of the config still applies: carol is carol.
		if e := r.lastEntry(); e.By != "carol" {
			t.Errorf("%s: the update is signed %q, want the config's name", c.name, e.By)
		}
	}
}

// TestPolicyIsTheIncidentsNotTheConfigs (issue 11, item 21): the rhythms
// and approval are set at declaration from the declarer's config and
// kept in the file; a later config changes nothing others see; warroom
// policy set, by the incident manager only, changes them for everyone
// and the timeline says so.
func TestPolicyIsTheIncidentsNotTheConfigs(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	writeConfig(t, r, "config.toml", "[comms]\napproval = [\"external\"]\n[comms.cadence.sev1]\nexternal = \"10m\"\n")
	r.declare()
	policy := r.ok("policy")
	wantContains(t, "policy", policy, "SEV1", "10m", "Approval: external updates wait", "Handoffs: answered within 2m")
	// Another config — carol's, or alice's changed — changes nothing.
	writeConfig(t, r, "config.toml", "[comms]\n[comms.cadence.sev1]\nexternal = \"45m\"\n")
	if got := r.ok("policy"); got != policy {
		t.Errorf("a config changed the incident's policy:\n%s\nwas\n%s", got, policy)
	}
	r.env["WARROOM_USER"] = "carol"
	wantContains(t, "carol's update", r.ok("update", "Investigating."), "drafted as")
	res := r.run("policy", "set", "approval.external", "off")
	if res.code == 0 || !strings.Contains(res.stderr, "only the incident manager, alice") {
		t.Errorf("carol changing the policy:\n%s", res)
	}
	r.env["WARROOM_USER"] = "alice"
	wantContains(t, "set", r.ok("policy", "set", "sev1.external", "15m"), "sev1.external 10m → 15m")
	if e := r.lastEntry(); e.Kind != "policy" || e.By != "alice" || e.From != "10m" || e.To != "15m" {
		t.Errorf("the timeline's entry: %+v", e)
	}
	res = r.run("policy", "set", "sev1.external", "15m")
	if res.code != 0 || !strings.Contains(res.stdout+res.stderr, "already 15m") {
		t.Errorf("setting a rule to its value:\n%s", res)
	}
	res = r.run("policy", "set", "sev1.outside", "15m")
	if res.code != 2 || !strings.Contains(res.stderr, `unknown policy rule "sev1.outside"`) || !strings.Contains(res.stderr, "sev1.external") {
		t.Errorf("an unknown rule:\n%s", res)
	}
}
