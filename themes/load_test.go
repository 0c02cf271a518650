package themes

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseThemeFile(t *testing.T) {
	th, err := Parse("/x/ocean.toml", []byte(`
description = "deep blue"
base = "light"
background = "#001b2e"
text = "#e0f0ff"
`))
	if err != nil {
		t.Fatal(err)
	}
	if th.Name != "ocean" || th.Background != "#001b2e" || th.Text != "#e0f0ff" || th.Accent != Light().Accent {
		t.Errorf("theme %+v", th)
	}
}

func TestThemeFileErrorsNameTheKey(t *testing.T) {
	for _, c := range []struct{ data, want string }{
		{`txt = "#ffffff"`, `unknown key "txt"`},
		{`text = "white"`, `key text: colour "white": want #rrggbb`},
		{`base = "neon"`, `key base: unknown theme "neon"`},
		{"text = \n", "t.toml:1:"},
	} {
		_, err := Parse("t.toml", []byte(c.data))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: %v, want %q", c.data, err, c.want)
		}
	}
}

func TestResolveAndList(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "ocean.toml"), []byte(`text = "#e0f0ff"`), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "broken.toml"), []byte(`text = 1`), 0o644); err != nil {
		t.Fatal(err)
	}
	if th, err := Resolve("ocean", dir); err != nil || th.Text != "#e0f0ff" {
		t.Errorf("Resolve(ocean) = %+v, %v", th, err)
	}
	if th, err := Resolve("high-contrast", dir); err != nil || th.Name != "high-contrast" {
		t.Errorf("Resolve(high-contrast) = %v", err)
	}
	if th, err := Resolve(filepath.Join(dir, "ocean.toml"), ""); err != nil || th.Name != "ocean" {
		t.Errorf("Resolve(path) = %+v, %v", th, err)
	}
	if _, err := Resolve("nope", dir); err == nil || !strings.Contains(err.Error(), "dark") || !strings.Contains(err.Error(), "ocean") {
		t.Errorf("Resolve(nope) = %v", err)
	}
	all, err := List(dir)
	if len(all) != len(All())+1 || err == nil || !strings.Contains(err.Error(), "broken.toml") {
		t.Errorf("List: %d themes, %v", len(all), err)
	}
}
