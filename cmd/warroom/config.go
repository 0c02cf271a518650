package main

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
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
	// Comms is the [comms] section, decoded value by value by comms into
	// commsSection, so that a mistake in one value costs only that value.
	Comms toml.Primitive `toml:"comms"`
	// meta is what decoding the file learnt of it: the types of its
	// values, the keys not decoded yet, and how to decode Comms.
	meta toml.MetaData
}

// commsSection is the [comms] section: who approves which updates, the
// rhythms per severity and audience, and the drafts per status. Each
// value is decoded on its own, its type checked first (comms).
type commsSection struct {
	// Approval: a list of audiences, or one audience on its own.
	Approval toml.Primitive `toml:"approval"`
	// Cadence: a [comms.cadence.sevN] table per severity, of rhythms
	// per audience and first, for the first update.
	Cadence toml.Primitive `toml:"cadence"`
	// Templates: a draft per status.
	Templates toml.Primitive `toml:"templates"`
}

// commsKeys are the keys of [comms], as commsSection names them.
var commsKeys = []string{"approval", "cadence", "templates"}

// The [comms] section is the team's communications policy: which
// audiences' updates the incident manager approves and the rhythm of
// updates per severity and audience — what an incident declared with this
// config keeps as its own policy — and the drafts per status.
//
//	[comms]
//	approval = ["external"]   # or "external", the same
//	[comms.cadence.sev1]
//	external = "15m"
//	first = "5m"
//	[comms.templates]
//	investigating = "We are looking into {title}. Next update by {next}."

// commsWarning is what was wrong with [comms], and what was done instead.
type commsWarning struct {
	err      error
	fallback i18n.Message
}

// comms reads the config's [comms] section. A value with a mistake is
// reported (the first one, naming its key) and only that value falls back:
// a rhythm, draft or other value to the built-in default; approval, which
// must never be lost to a typo, to approval for every audience. A key
// [comms] does not have is reported with the one it may have meant; one
// that may have meant approval counts as a mistake in approval.
func (c config) comms(path string) (model.CommsPolicy, *commsWarning) {
	out := model.DefaultCommsPolicy()
	var first *commsWarning
	fail := func(format string, args ...any) {
		if first == nil {
			first = &commsWarning{err: fmt.Errorf(format, args...), fallback: i18n.M("that value is the built-in default")}
		}
	}
	approvalFailed := func(err error) {
		for _, aud := range model.Audiences {
			out.Approval[aud] = true
		}
		// Reported before any other mistake: it changes who may send what.
		first = &commsWarning{err: fmt.Errorf("%s: %w", path, err),
			fallback: i18n.M("until it is fixed, updates to every audience need approval")}
	}
	md := c.meta
	if !md.IsDefined("comms") {
		return out, nil
	}
	var sec commsSection
	if !isTable(md, "comms") || md.PrimitiveDecode(c.Comms, &sec) != nil {
		fail("%s: comms: write it as a [comms] section", path)
		return out, first
	}
	var unknown []string // the keys of [comms] commsSection has not
	for _, k := range md.Undecoded() {
		if len(k) >= 2 && k[0] == "comms" && !slices.Contains(commsKeys, k[1]) && !slices.Contains(unknown, k[1]) {
			unknown = append(unknown, k[1])
		}
	}
	slices.Sort(unknown)
	for _, key := range unknown {
		msg := fmt.Sprintf("[comms]: unknown key %q; [comms] sets approval, cadence and templates", key)
		if near := nearest(key, commsKeys); near != "" {
			msg = fmt.Sprintf("[comms]: unknown key %q; did you mean %s?", key, near)
		}
		if nearest(key, []string{"approval"}) != "" {
			// "aproval", "approvals": meant as approval, and read as a
			// mistake in it.
			approvalFailed(errors.New(msg))
			continue
		}
		fail("%s: %s", path, msg)
	}
	if md.IsDefined("comms", "approval") {
		auds, err := approvalAudiences(md, sec.Approval, md.Type("comms", "approval"))
		if err != nil {
			approvalFailed(fmt.Errorf("[comms] approval: %w", err))
		}
		for _, aud := range auds {
			out.Approval[aud] = true
		}
	}
	if md.IsDefined("comms", "cadence") {
		out.Cadence = readCadence(path, md, sec.Cadence, out.Cadence, fail)
	}
	if md.IsDefined("comms", "templates") {
		readTemplates(path, md, sec.Templates, out.Templates, fail)
	}
	return out, first
}

// isTable reports whether the value at key is a table: one with a header
// of its own, or one made by the header of a table within it
// ([comms.cadence.sev1] makes comms.cadence one).
func isTable(md toml.MetaData, key ...string) bool {
	t := md.Type(key...)
	return t == "Hash" || (t == "" && md.IsDefined(key...))
}

// approvalAudiences reads [comms] approval, of TOML type typ: a list of
// audiences, or one audience on its own ("external" is ["external"]).
func approvalAudiences(md toml.MetaData, v toml.Primitive, typ string) ([]model.Audience, error) {
	var words []toml.Primitive
	switch typ {
	case "String":
		words = []toml.Primitive{v}
	case "Array":
		if err := md.PrimitiveDecode(v, &words); err != nil {
			return nil, fmt.Errorf("give audiences as a list, such as [\"external\"]")
		}
	default:
		return nil, fmt.Errorf("give audiences as a list, such as [\"external\"]")
	}
	var out []model.Audience
	for _, w := range words {
		var s string
		if err := md.PrimitiveDecode(w, &s); err != nil {
			var shown any
			_ = md.PrimitiveDecode(w, &shown)
			return nil, fmt.Errorf("%v is not an audience; give audiences as a list, such as [\"external\"]", shown)
		}
		aud, err := model.ParseAudience(s)
		if err != nil {
			return nil, errors.New(withNearest(describe(err, i18n.English), s, wordStrings(model.Audiences)))
		}
		out = append(out, aud)
	}
	return out, nil
}

// readCadence reads the [comms.cadence.sevN] tables onto c, reporting
// each value it cannot read through fail.
func readCadence(path string, md toml.MetaData, v toml.Primitive, c model.Cadence, fail func(string, ...any)) model.Cadence {
	var tables map[string]toml.Primitive
	if !isTable(md, "comms", "cadence") || md.PrimitiveDecode(v, &tables) != nil {
		fail("%s: [comms] cadence: write it as [comms.cadence.sev1] sections", path)
		return c
	}
	for _, k := range slices.Sorted(maps.Keys(tables)) {
		sev, err := model.ParseSeverity(k)
		if err != nil || sev == model.SevUnset {
			fail("%s: [comms.cadence.%s]: %s", path, k, withNearest("use sev1, sev2 or sev3", k, []string{"sev1", "sev2", "sev3"}))
			continue
		}
		var rhythms map[string]toml.Primitive
		if !isTable(md, "comms", "cadence", k) || md.PrimitiveDecode(tables[k], &rhythms) != nil {
			fail("%s: [comms.cadence] %s: write it as a [comms.cadence.%s] section of rhythms per audience", path, k, k)
			continue
		}
		for _, key := range slices.Sorted(maps.Keys(rhythms)) {
			first := strings.EqualFold(strings.TrimSpace(key), "first")
			var aud model.Audience
			if !first {
				if aud, err = model.ParseAudience(key); err != nil {
					fail("%s: [comms.cadence.%s]: %s; or first, for the first update", path, k,
						withNearest(describe(err, i18n.English), key, append(wordStrings(model.Audiences), "first")))
					continue
				}
			}
			var s string
			if md.Type("comms", "cadence", k, key) != "String" || md.PrimitiveDecode(rhythms[key], &s) != nil {
				fail("%s: [comms.cadence.%s] %s: write the rhythm as a quoted duration, such as \"20m\", or \"none\"", path, k, key)
				continue
			}
			d, err := model.ParseRhythm(s)
			if err != nil {
				fail("%s: [comms.cadence.%s] %s: %s", path, k, key, describe(err, i18n.English))
				continue
			}
			if first {
				c = c.WithFirst(sev, d)
			} else {
				c = c.With(sev, aud, d)
			}
		}
	}
	return c
}

// readTemplates reads the [comms.templates] drafts into out, by status,
// reporting each one it cannot read through fail.
func readTemplates(path string, md toml.MetaData, v toml.Primitive, out map[model.Status]string, fail func(string, ...any)) {
	var drafts map[string]toml.Primitive
	if !isTable(md, "comms", "templates") || md.PrimitiveDecode(v, &drafts) != nil {
		fail("%s: [comms] templates: write them as a [comms.templates] section", path)
		return
	}
	for _, k := range slices.Sorted(maps.Keys(drafts)) {
		st, err := model.ParseStatus(k)
		if err != nil {
			fail("%s: [comms.templates]: %s", path, withNearest(describe(err, i18n.English), k, wordStrings(model.Statuses)))
			continue
		}
		var tmpl string
		if md.Type("comms", "templates", k) != "String" || md.PrimitiveDecode(drafts[k], &tmpl) != nil {
			fail("%s: [comms.templates] %s: write the draft as a quoted text", path, k)
			continue
		}
		if err := model.CheckTemplate(tmpl); err != nil {
			fail("%s: [comms.templates] %s: %s", path, k, describe(err, i18n.English))
			continue
		}
		out[st] = tmpl
	}
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
	c.meta = md
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return config{}, fmt.Errorf("%s:%d:%d: %s", path, pe.Position.Line, pe.Position.Col, pe.Message)
		}
		return config{}, fmt.Errorf("%s: %w", path, err)
	}
	for _, k := range md.Undecoded() {
		if len(k) > 0 && k[0] == "comms" {
			continue // [comms] is read value by value, by comms
		}
		if len(k) > 0 && k[0] == "hook" {
			continue // [[hook]] tables are the hooks' (hooks.go), read on their own
		}
		return config{}, fmt.Errorf("%s: unknown key %q; the config sets name, theme, language, [severity], [[role]], [comms] and [[hook]]", path, k.String())
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
// that value falls back (see comms). The warning goes to standard error,
// and the screen shows it too.
func (a *app) applyConfig() {
	path := configPath(a.getenv)
	a.comms = model.DefaultCommsPolicy()
	c, err := loadConfig(path)
	if err == nil {
		var cat *model.Catalog
		if cat, err = c.catalog(path); err == nil {
			a.catalog, a.config = cat, c
			var w *commsWarning
			if a.comms, w = c.comms(path); w != nil {
				a.configWarning = i18n.M("warning: %s; %s", w.err.Error(), w.fallback)
				a.warn("warning: %s; %s", w.err.Error(), w.fallback)
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
