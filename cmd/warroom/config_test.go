package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/warroom/warroom/model"
)

// TestCommsSectionIsTyped: [comms] is read key by key with the types it
// has; a key it does not have is reported with the one it may have meant,
// a value of the wrong type falls back alone, and a key that may have
// meant approval asks for approval of every audience.
func TestCommsSectionIsTyped(t *testing.T) {
	for _, c := range []struct {
		name, toml string
		warning    string // "" for none
		approveAll bool   // every audience needs approval
		external   bool   // external updates need approval
	}{
		{"good", "[comms]\napproval = [\"external\"]\n[comms.cadence.sev1]\nexternal = \"15m\"\n[comms.templates]\nresolved = \"done\"\n", "", false, true},
		{"one word", "[comms]\napproval = \"external\"\n", "", false, true},
		{"aproval", "[comms]\naproval = [\"external\"]\n", `[comms]: unknown key "aproval"; did you mean approval?; until it is fixed, updates to every audience need approval`, true, true},
		{"cadance", "[comms]\napproval = [\"external\"]\n[comms.cadance.sev1]\nexternal = \"15m\"\n", `[comms]: unknown key "cadance"; did you mean cadence?`, false, true},
		{"templtes", "[comms.templtes]\nresolved = \"done\"\n", `unknown key "templtes"; did you mean templates?`, false, false},
		{"colour", "[comms]\ncolour = \"red\"\n", `unknown key "colour"; [comms] sets approval, cadence and templates`, false, false},
		{"an audience", "[comms.cadence.sev1]\nextrenal = \"15m\"\n", `unknown audience "extrenal"; valid: external, internal, executive, social; did you mean external?; or first`, false, false},
		{"a severity", "[comms.cadence.sevv1]\nexternal = \"15m\"\n", `[comms.cadence.sevv1]: use sev1, sev2 or sev3; did you mean sev1?`, false, false},
		{"a status", "[comms.templates]\nresolvd = \"done\"\n", `unknown status "resolvd"`, false, false},
		{"a status", "[comms.templates]\nresolvd = \"done\"\n", `did you mean resolved?`, false, false},
		{"an approval audience", "[comms]\napproval = [\"extrenal\"]\n", `did you mean external?; until it is fixed`, true, true},
		{"not a section", "comms = \"external\"\n", "comms: write it as a [comms] section", false, false},
		{"cadence not a section", "[comms]\ncadence = \"15m\"\n", "[comms] cadence: write it as [comms.cadence.sev1] sections", false, false},
		{"a severity not a section", "[comms.cadence]\nsev1 = \"15m\"\n", "[comms.cadence] sev1: write it as a [comms.cadence.sev1] section", false, false},
		{"a rhythm not a text", "[comms.cadence.sev1]\nexternal = 15\n", `[comms.cadence.sev1] external: write the rhythm as a quoted duration`, false, false},
		{"templates not a section", "[comms]\ntemplates = 1\n", "[comms] templates: write them as a [comms.templates] section", false, false},
		{"a draft not a text", "[comms.templates]\nresolved = 1\n", "[comms.templates] resolved: write the draft as a quoted text", false, false},
		{"approval a number", "[comms]\napproval = 42\n", `approval: give audiences as a list, such as ["external"]`, true, true},
		{"approval not words", "[comms]\napproval = [\"external\", 3]\n", "approval: 3 is not an audience", true, true},
	} {
		path := filepath.Join(t.TempDir(), "config.toml")
		if err := os.WriteFile(path, []byte("name = \"carol\"\n"+c.toml), 0o600); err != nil {
			t.Fatal(err)
		}
		cfg, err := loadConfig(path)
		if err != nil || cfg.Name != "carol" {
			t.Fatalf("%s: the config did not load: %v", c.name, err)
		}
		policy, w := cfg.comms(path)
		var said string
		if w != nil {
			said = w.err.Error() + "; " + w.fallback.String()
		}
		switch {
		case c.warning == "" && w != nil:
			t.Errorf("%s: a warning for a good section: %s", c.name, said)
		case c.warning != "" && !strings.Contains(said, c.warning):
			t.Errorf("%s: warning %q, want %q", c.name, said, c.warning)
		}
		all := true
		for _, aud := range model.Audiences {
			all = all && policy.Approval[aud]
		}
		if all != c.approveAll || policy.Approval[model.AudienceExternal] != c.external {
			t.Errorf("%s: approval %v", c.name, policy.Approval)
		}
	}
}
