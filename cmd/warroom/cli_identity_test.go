package main

import (
	"os"
	"path/filepath"
	"testing"
)

// TestAuthorPrecedence checks who signs an entry: --as beats WARROOM_USER.
func TestAuthorPrecedence(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	r.env["WARROOM_USER"] = "env-user"
	r.ok("declare", "Author test")
	r.ok("log", "by the environment")
	r.ok("--as", "flag-user", "log", "by the flag over the environment")
	r.ok("log", "--as", "  padded  ", "flag after the verb, trimmed")
	r.env["WARROOM_USER"] = ""
	r.ok("--as", "only-flag", "log", "by the flag alone")
	r.env["WARROOM_USER"] = "env-user"
	r.ok("--as", "", "log", "empty flag falls back to the environment")

	d := r.export()
	if d.Incident.DeclaredBy != "env-user" || d.Timeline[0].By != "env-user" {
		t.Errorf("declared by %q / %q, want env-user", d.Incident.DeclaredBy, d.Timeline[0].By)
	}
	for text, want := range map[string]string{
		"by the environment":                       "env-user",
		"by the flag over the environment":         "flag-user",
		"flag after the verb, trimmed":             "padded",
		"by the flag alone":                        "only-flag",
		"empty flag falls back to the environment": "env-user",
	} {
		if got := d.entryWithText(t, text).By; got != want {
			t.Errorf("entry %q is by %q, want %q", text, got, want)
		}
	}
	people := map[string]bool{}
	for _, p := range d.People {
		people[p.Name] = true
	}
	for _, p := range []string{"env-user", "flag-user", "padded", "only-flag"} {
		if !people[p] {
			t.Errorf("people %v lack %q", d.People, p)
		}
	}
	// The incident manager defaults to whoever declares.
	if h, _ := d.role(t, "incident_manager", ""); h != "env-user" {
		t.Errorf("incident manager %q, want env-user", h)
	}
}

// TestFilePrecedence checks which file is used: --file beats WARROOM_FILE,
// which beats ./warroom.toml.
func TestFilePrecedence(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	envFile := r.file()
	flagFile := filepath.Join(r.dir, "flag.toml")

	r.ok("--file", flagFile, "declare", "Flag incident")
	if _, err := os.Stat(envFile); !os.IsNotExist(err) {
		t.Fatalf("declare --file also created WARROOM_FILE %s (%v)", envFile, err)
	}
	res := r.run("log", "goes to the env file")
	if res.code != 1 {
		t.Fatalf("log with WARROOM_FILE pointing at no file: want exit 1:\n%s", res)
	}
	wantContains(t, "stderr", res.stderr, envFile, "warroom declare")

	r.ok("declare", "Env incident")
	envBefore := r.snapshot()
	r.ok("log", "--file", flagFile, "flag entry")
	res = r.run("log", "--file", flagFile, "second flag entry")
	envBefore.unchanged(t, res)

	flagDoc := decodeJSON(t, r.ok("--file", flagFile, "export", "--format", "json"))
	envDoc := r.export()
	if flagDoc.Incident.Title != "Flag incident" || envDoc.Incident.Title != "Env incident" {
		t.Errorf("titles: flag %q, env %q", flagDoc.Incident.Title, envDoc.Incident.Title)
	}
	flagDoc.entryWithText(t, "flag entry")
	flagDoc.entryWithText(t, "second flag entry")
	if len(envDoc.Timeline) != 1 {
		t.Errorf("the WARROOM_FILE incident got entries meant for --file: %+v", envDoc.Timeline)
	}

	// Neither: ./warroom.toml in the working directory.
	r.env["WARROOM_FILE"] = ""
	out := r.ok("declare", "Default file incident")
	wantContains(t, "declare", out, "in warroom.toml")
	if _, err := os.Stat(filepath.Join(r.dir, "warroom.toml")); err != nil {
		t.Errorf("declare without --file or WARROOM_FILE did not create ./warroom.toml: %v", err)
	}
	wantContains(t, "show", r.ok("show"), "Default file incident")
}
