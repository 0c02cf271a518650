package themes

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/charmbracelet/lipgloss"
)

// file is a theme file: every colour optional, taken from base (a built-in,
// dark by default) where missing.
type file struct {
	Name        string `toml:"name"`
	Description string `toml:"description"`
	Base        string `toml:"base"`

	Background    *string `toml:"background"`
	Text          *string `toml:"text"`
	Muted         *string `toml:"muted"`
	Accent        *string `toml:"accent"`
	Border        *string `toml:"border"`
	Selection     *string `toml:"selection"`
	Sev1          *string `toml:"sev1"`
	Sev2          *string `toml:"sev2"`
	Sev3          *string `toml:"sev3"`
	SevUnset      *string `toml:"sev_unset"`
	OnBadge       *string `toml:"on_badge"`
	Investigating *string `toml:"investigating"`
	Identified    *string `toml:"identified"`
	Monitoring    *string `toml:"monitoring"`
	Resolved      *string `toml:"resolved"`
	Closed        *string `toml:"closed"`
	Role          *string `toml:"role"`
	DefaultRole   *string `toml:"default_role"`
	Warning       *string `toml:"warning"`
	Done          *string `toml:"done"`
}

// Keys lists the keys a theme file may set.
func Keys() []string {
	return []string{"name", "description", "base", "background", "text", "muted", "accent", "border", "selection",
		"sev1", "sev2", "sev3", "sev_unset", "on_badge", "investigating", "identified", "monitoring", "resolved",
		"closed", "role", "default_role", "warning", "done"}
}

// Parse reads a theme file's TOML. Errors name the file and the key.
func Parse(path string, data []byte) (Theme, error) {
	var f file
	md, err := toml.Decode(string(data), &f)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return Theme{}, fmt.Errorf("%s:%d:%d: %s", path, pe.Position.Line, pe.Position.Col, pe.Message)
		}
		return Theme{}, fmt.Errorf("%s: %w", path, err)
	}
	if un := md.Undecoded(); len(un) > 0 {
		return Theme{}, fmt.Errorf("%s: unknown key %q; a theme file sets: %s", path, un[0].String(), strings.Join(Keys(), ", "))
	}
	base := Dark()
	if f.Base != "" {
		b, ok := Builtin(f.Base)
		if !ok {
			return Theme{}, fmt.Errorf("%s: key base: unknown theme %q; built-in themes: %s", path, f.Base, strings.Join(names(All()), ", "))
		}
		base = b
	}
	t := base
	t.Name = strings.TrimSuffix(filepath.Base(path), ".toml")
	if f.Name != "" {
		t.Name = f.Name
	}
	t.Description = f.Description
	if t.Description == "" {
		t.Description = "from " + path
	}
	for _, c := range []struct {
		key string
		v   *string
		dst *lipgloss.Color
	}{
		{"background", f.Background, &t.Background}, {"text", f.Text, &t.Text}, {"muted", f.Muted, &t.Muted},
		{"accent", f.Accent, &t.Accent}, {"border", f.Border, &t.Border}, {"selection", f.Selection, &t.Selection},
		{"sev1", f.Sev1, &t.Sev1}, {"sev2", f.Sev2, &t.Sev2}, {"sev3", f.Sev3, &t.Sev3}, {"sev_unset", f.SevUnset, &t.SevUnset},
		{"on_badge", f.OnBadge, &t.OnBadge}, {"investigating", f.Investigating, &t.Investigating},
		{"identified", f.Identified, &t.Identified}, {"monitoring", f.Monitoring, &t.Monitoring},
		{"resolved", f.Resolved, &t.Resolved}, {"closed", f.Closed, &t.Closed}, {"role", f.Role, &t.Role},
		{"default_role", f.DefaultRole, &t.DefaultRole}, {"warning", f.Warning, &t.Warning}, {"done", f.Done, &t.Done},
	} {
		if c.v == nil {
			continue
		}
		if _, _, _, err := rgb(lipgloss.Color(*c.v)); err != nil {
			return Theme{}, fmt.Errorf("%s: key %s: %w", path, c.key, err)
		}
		*c.dst = lipgloss.Color(*c.v)
	}
	return t, nil
}

// Load reads a theme file.
func Load(path string) (Theme, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return Theme{}, fmt.Errorf("theme: %w", err)
	}
	return Parse(path, data)
}

// Resolve finds a theme by name: a built-in, a file NAME.toml in dir, or,
// when name looks like a path, that file.
func Resolve(name, dir string) (Theme, error) {
	if strings.ContainsRune(name, filepath.Separator) || strings.HasSuffix(name, ".toml") {
		return Load(name)
	}
	if t, ok := Builtin(name); ok {
		return t, nil
	}
	if dir != "" {
		path := filepath.Join(dir, name+".toml")
		if _, err := os.Stat(path); err == nil {
			return Load(path)
		}
	}
	custom, _ := List(dir)
	return Theme{}, fmt.Errorf("unknown theme %q; themes: %s", name, strings.Join(names(custom), ", "))
}

// List returns the built-in themes, then the theme files in dir (a
// missing dir has none). A theme file that does not load is returned as
// an error beside the others.
func List(dir string) ([]Theme, error) {
	out := All()
	if dir == "" {
		return out, nil
	}
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return out, nil
	}
	if err != nil {
		return out, fmt.Errorf("themes: %w", err)
	}
	var errs []error
	var custom []Theme
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".toml") {
			continue
		}
		t, err := Load(filepath.Join(dir, e.Name()))
		if err != nil {
			errs = append(errs, err)
			continue
		}
		custom = append(custom, t)
	}
	sort.Slice(custom, func(i, j int) bool { return custom[i].Name < custom[j].Name })
	return append(out, custom...), errors.Join(errs...)
}

func names(ts []Theme) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.Name
	}
	return out
}
