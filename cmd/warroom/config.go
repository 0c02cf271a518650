package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/warroom/warroom/model"
)

// config is the user's config.toml: defaults for the flags, and the team's
// vocabulary (role overrides, severity definitions).
type config struct {
	Name     string            `toml:"name"`
	Theme    string            `toml:"theme"`
	Language string            `toml:"language"`
	Severity map[string]string `toml:"severity"` // "1" = "what SEV1 means here"
	Role     []model.Role      `toml:"role"`
}

// configDir is $XDG_CONFIG_HOME/warroom, else ~/.config/warroom.
func configDir(getenv func(string) string) string {
	if d := getenv("XDG_CONFIG_HOME"); d != "" {
		return filepath.Join(d, "warroom")
	}
	home := getenv("HOME")
	if home == "" {
		if h, err := os.UserHomeDir(); err == nil {
			home = h
		}
	}
	return filepath.Join(home, ".config", "warroom")
}

// configPath is where config.toml is read from.
func configPath(getenv func(string) string) string {
	return filepath.Join(configDir(getenv), "config.toml")
}

// loadConfig reads the config file. A missing file is an empty config.
// Errors name the file, line and column.
func loadConfig(path string) (config, error) {
	var c config
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return c, nil
	}
	if err != nil {
		return c, fmt.Errorf("config: %w", err)
	}
	md, err := toml.Decode(string(data), &c)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return config{}, fmt.Errorf("%s:%d:%d: %s", path, pe.Position.Line, pe.Position.Col, pe.Message)
		}
		return config{}, fmt.Errorf("%s: %w", path, err)
	}
	if un := md.Undecoded(); len(un) > 0 {
		return config{}, fmt.Errorf("%s: unknown key %q; the config sets name, theme, language, [severity] and [[role]]", path, un[0].String())
	}
	if c.Language != "" {
		if _, ok := parseLang(c.Language); !ok {
			return config{}, fmt.Errorf("%s: key language: %q is not en or es", path, c.Language)
		}
	}
	return c, nil
}

// catalog is the built-in catalog with the config's overrides.
func (c config) catalog(path string) (*model.Catalog, error) {
	defs := map[model.Severity]string{}
	for k, v := range c.Severity {
		n, err := strconv.Atoi(strings.TrimPrefix(strings.ToLower(k), "sev"))
		if err != nil || n < 1 || n > 3 {
			return nil, fmt.Errorf("%s: [severity] key %q: use 1, 2 or 3", path, k)
		}
		defs[model.Severity(n)] = v
	}
	if len(c.Role) == 0 && len(defs) == 0 {
		return model.DefaultCatalog(), nil
	}
	cat, err := model.DefaultCatalog().WithOverrides(c.Role, defs)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return cat, nil
}

// applyConfig reads the config and takes what it says as defaults. A bad
// config is reported on standard error and the built-in defaults are used.
func (a *app) applyConfig() {
	path := configPath(a.getenv)
	c, err := loadConfig(path)
	if err == nil {
		var cat *model.Catalog
		if cat, err = c.catalog(path); err == nil {
			a.catalog = cat
			a.config = c
			return
		}
	}
	a.warn("warning: %s; using the built-in defaults", err.Error())
}

// parseLang reads a language setting or locale: "es", "es_ES.UTF-8",
// "English"...
func parseLang(v string) (string, bool) {
	v = strings.ToLower(strings.TrimSpace(v))
	switch {
	case v == "es" || strings.HasPrefix(v, "es_") || strings.HasPrefix(v, "es-") || strings.HasPrefix(v, "es."):
		return "es", true
	case v == "en" || strings.HasPrefix(v, "en_") || strings.HasPrefix(v, "en-") || strings.HasPrefix(v, "en."):
		return "en", true
	}
	return "", false
}
