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
	"github.com/warroom/warroom/model/i18n"
)

// config is the user's config.toml: defaults for the flags, and the team's
// vocabulary (role overrides, severity definitions).
type config struct {
	Name     string            `toml:"name"`
	Theme    string            `toml:"theme"`
	Language string            `toml:"language"`
	Severity map[string]string `toml:"severity"` // "1" = "what SEV1 means here"
	Role     []model.Role      `toml:"role"`
	Comms    commsConfig       `toml:"comms"`
}

// commsConfig is the team's communications policy: which audiences'
// updates the incident manager approves, the rhythm of updates per
// severity and audience, and the drafts per status.
//
//	[comms]
//	approval = ["external"]
//	[comms.cadence.sev1]
//	external = "15m"
//	first = "5m"
//	[comms.templates]
//	investigating = "We are looking into {title}. Next update by {next}."
type commsConfig struct {
	Approval  []string                     `toml:"approval"`
	Cadence   map[string]map[string]string `toml:"cadence"`
	Templates map[string]string            `toml:"templates"`
}

// comms reads the config's [comms] section. A value with a mistake is
// reported (the first one, naming its key) and left at the built-in
// default; the rest of the section still applies — above all the
// approval it asks for.
func (c config) comms(path string) (model.CommsPolicy, error) {
	out := model.DefaultCommsPolicy()
	var first error
	fail := func(format string, args ...any) {
		if first == nil {
			first = fmt.Errorf(format, args...)
		}
	}
	for _, v := range c.Comms.Approval {
		aud, err := model.ParseAudience(v)
		if err != nil {
			fail("%s: [comms] approval: %s", path, describe(err, i18n.English))
			continue
		}
		out.Approval[aud] = true
	}
	for k, m := range c.Comms.Cadence {
		sev, err := model.ParseSeverity(k)
		if err != nil || sev == model.SevUnset {
			fail("%s: [comms.cadence.%s]: use sev1, sev2 or sev3", path, k)
			continue
		}
		for key, v := range m {
			first := strings.EqualFold(strings.TrimSpace(key), "first")
			var aud model.Audience
			if !first {
				if aud, err = model.ParseAudience(key); err != nil {
					fail("%s: [comms.cadence.%s]: %s; or first, for the first update", path, k, describe(err, i18n.English))
					continue
				}
			}
			d, err := model.ParseRhythm(v)
			if err != nil {
				fail("%s: [comms.cadence.%s] %s: %s", path, k, key, describe(err, i18n.English))
				continue
			}
			if first {
				out.Cadence = out.Cadence.WithFirst(sev, d)
			} else {
				out.Cadence = out.Cadence.With(sev, aud, d)
			}
		}
	}
	for k, v := range c.Comms.Templates {
		st, err := model.ParseStatus(k)
		if err != nil {
			fail("%s: [comms.templates]: %s", path, describe(err, i18n.English))
			continue
		}
		if err := model.CheckTemplate(v); err != nil {
			fail("%s: [comms.templates] %s: %s", path, k, describe(err, i18n.English))
			continue
		}
		out.Templates[st] = v
	}
	return out, first
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
		return config{}, fmt.Errorf("%s: unknown key %q; the config sets name, theme, language, [severity], [[role]] and [comms]", path, un[0].String())
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

// applyConfig reads the config and takes what it says as defaults. A
// config that does not load, or whose roles do not, is reported and the
// built-in defaults are used; a mistake in [comms] is reported and only
// that value falls back. The warning goes to standard error, and the
// screen shows it too.
func (a *app) applyConfig() {
	path := configPath(a.getenv)
	a.comms = model.DefaultCommsPolicy()
	c, err := loadConfig(path)
	if err == nil {
		var cat *model.Catalog
		if cat, err = c.catalog(path); err == nil {
			a.catalog, a.config = cat, c
			var cerr error
			if a.comms, cerr = c.comms(path); cerr != nil {
				a.configWarning = i18n.M("warning: %s; that value is the built-in default", cerr.Error())
				a.warn("warning: %s; that value is the built-in default", cerr.Error())
			}
			return
		}
	}
	a.configWarning = i18n.M("warning: %s; using the built-in defaults", err.Error())
	a.warn("warning: %s; using the built-in defaults", err.Error())
}

// parseLang reads a language setting or locale: "es", "es_ES.UTF-8",
// "en-GB"... Its language code is the part before any _, - or .
func parseLang(v string) (i18n.Lang, bool) {
	v = strings.TrimSpace(v)
	if i := strings.IndexAny(v, "_-."); i >= 0 {
		v = v[:i]
	}
	l, err := model.ParseWord("language", v, i18n.Languages)
	return l, err == nil
}
