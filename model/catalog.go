package model

import (
	_ "embed"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"

	"github.com/warroom/warroom/model/i18n"
)

//go:embed roles.toml
var builtinCatalog []byte

// RoleText is what a role says about itself in one language.
type RoleText struct {
	Name string `toml:"name"`
	// Short is the name where room is short: a tab, a task's owner
	// ("TL·database"). The first alias in capitals when empty.
	Short      string   `toml:"short"`
	Summary    string   `toml:"summary"`
	Primary    string   `toml:"primary"`
	Secondary  []string `toml:"secondary"`
	OtherNames []string `toml:"other_names"`
}

// Role is one entry of the role catalog.
type Role struct {
	Key     string                 `toml:"key"`
	Aliases []string               `toml:"aliases"`
	Text    map[i18n.Lang]RoleText `toml:"text"`
	// Tools names the instruments the role's pane on the screen shows
	// (theories, comms, board …), in order. The screen knows them by
	// these names; the model only carries them.
	Tools []string `toml:"tools"`
}

// In returns the role's texts in l, falling back to English.
func (r Role) In(l i18n.Lang) RoleText {
	if t, ok := r.Text[l]; ok && t.Name != "" {
		return t
	}
	return r.Text[i18n.English]
}

// Name returns the role's display name in l.
func (r Role) Name(l i18n.Lang) string { return r.In(l).Name }

// Catalog is a team's vocabulary: the ordered list of roles an incident can
// assign, and what each severity means.
type Catalog struct {
	roles   []Role
	index   map[string]int // key and every alias, lower case → position
	sevDefs map[Severity]string
}

// The keys of the built-in catalog's roles, for code that must name one.
// A team's config may rename these roles, never their keys.
const (
	// IncidentManager is the key of the role that holds every role not
	// yet handed to someone else.
	IncidentManager       = "incident_manager"
	TechLead              = "tech_lead"
	CommunicationsManager = "communications_manager"
	CustomerSupportLead   = "customer_support_lead"
	SubjectMatterExpert   = "subject_matter_expert"
	SocialMediaLead       = "social_media_lead"
	Scribe                = "scribe"
	ProblemManager        = "problem_manager"
)

// DefaultCatalog returns the built-in catalog of eight roles. It is parsed
// once and never changed afterwards; callers must not modify it.
var DefaultCatalog = sync.OnceValue(func() *Catalog {
	c, err := ParseCatalog(builtinCatalog)
	if err != nil {
		// The built-in catalog is compiled in and covered by tests.
		panic(fmt.Sprintf("built-in role catalog: %v", err))
	}
	return c
})

// ParseCatalog reads a catalog from TOML: a list of [[role]] tables.
func ParseCatalog(data []byte) (*Catalog, error) {
	var doc struct {
		Role []Role `toml:"role"`
	}
	if _, err := toml.Decode(string(data), &doc); err != nil {
		return nil, fmt.Errorf("role catalog: %w", err)
	}
	return newCatalog(doc.Role)
}

// newCatalog indexes roles by key and alias, checking that every name
// points at one role and that the incident manager is there.
func newCatalog(roles []Role) (*Catalog, error) {
	c := &Catalog{roles: roles, index: map[string]int{}}
	for i, r := range c.roles {
		if r.Key == "" {
			return nil, fmt.Errorf("role catalog: role %d has no key", i+1)
		}
		if r.Text[i18n.English].Name == "" {
			return nil, fmt.Errorf("role catalog: role %q has no English name", r.Key)
		}
		for _, name := range append([]string{r.Key}, r.Aliases...) {
			name = strings.ToLower(name)
			if j, dup := c.index[name]; dup && j != i {
				return nil, fmt.Errorf("role catalog: %q names both %s and %s", name, c.roles[j].Key, r.Key)
			}
			c.index[name] = i
		}
	}
	if _, ok := c.index[IncidentManager]; !ok {
		return nil, fmt.Errorf("role catalog: the %s role is missing", IncidentManager)
	}
	return c, nil
}

// SeverityDefinition says what a severity means for this team, in English.
func (c *Catalog) SeverityDefinition(s Severity) string {
	return c.SeverityDefinitionIn(s, i18n.English)
}

// SeverityDefinitionIn says what a severity means for this team, in l: the
// team's own definition as it was written, else the built-in one in l.
func (c *Catalog) SeverityDefinitionIn(s Severity, l i18n.Lang) string {
	if d, ok := c.sevDefs[s]; ok && d != "" {
		return d
	}
	return s.DefinitionIn(l)
}

// WithOverrides returns a catalog with roles renamed, changed or added and
// severities redefined, as a team's configuration says. A role whose key
// the catalog has takes every text, alias and other name given for it
// (the rest stay as they were, its tools too unless it names others); a
// new key adds a role at the end.
func (c *Catalog) WithOverrides(roles []Role, sevDefs map[Severity]string) (*Catalog, error) {
	merged := append([]Role(nil), c.roles...)
	for _, o := range roles {
		i, known := c.index[o.Key]
		if !known || c.roles[i].Key != o.Key {
			merged = append(merged, o)
			continue
		}
		r := merged[i]
		r.Text = map[i18n.Lang]RoleText{}
		for lang, t := range c.roles[i].Text {
			r.Text[lang] = t
		}
		for lang, t := range o.Text {
			cur := r.Text[lang]
			if t.Name != "" {
				cur.Name = t.Name
			}
			if t.Short != "" {
				cur.Short = t.Short
			}
			if t.Summary != "" {
				cur.Summary = t.Summary
			}
			if t.Primary != "" {
				cur.Primary = t.Primary
			}
			if len(t.Secondary) > 0 {
				cur.Secondary = t.Secondary
			}
			if len(t.OtherNames) > 0 {
				cur.OtherNames = t.OtherNames
			}
			r.Text[lang] = cur
		}
		if len(o.Aliases) > 0 {
			r.Aliases = o.Aliases
		}
		if len(o.Tools) > 0 {
			r.Tools = o.Tools
		}
		merged[i] = r
	}
	out, err := newCatalog(merged)
	if err != nil {
		return nil, err
	}
	out.sevDefs = map[Severity]string{}
	for s, d := range c.sevDefs {
		out.sevDefs[s] = d
	}
	for s, d := range sevDefs {
		if !s.Valid() || s == SevUnset {
			return nil, fmt.Errorf("severity %d: only 1, 2 and 3 can be defined", s)
		}
		out.sevDefs[s] = d
	}
	return out, nil
}

// Roles returns the roles in catalog order.
func (c *Catalog) Roles() []Role { return c.roles }

// Keys returns the role keys in catalog order.
func (c *Catalog) Keys() []string {
	keys := make([]string, len(c.roles))
	for i, r := range c.roles {
		keys[i] = r.Key
	}
	return keys
}

// Role returns the role with the given key.
func (c *Catalog) Role(key string) (Role, bool) {
	i, ok := c.index[key]
	if !ok || c.roles[i].Key != key {
		return Role{}, false
	}
	return c.roles[i], true
}

// Position returns the catalog position of a role key, or len(roles) for
// an unknown key, so that unknown roles sort last.
func (c *Catalog) Position(key string) int {
	if i, ok := c.index[key]; ok && c.roles[i].Key == key {
		return i
	}
	return len(c.roles)
}

// Lookup resolves a role key or alias, case-insensitively.
func (c *Catalog) Lookup(name string) (Role, error) {
	i, ok := c.index[strings.ToLower(strings.TrimSpace(name))]
	if !ok {
		return Role{}, &InvalidError{What: "role", Value: name, Valid: c.Names()}
	}
	return c.roles[i], nil
}

// Names lists every key with its aliases, for error messages and help:
// "incident_manager (ic, im, commander, incident_commander)".
func (c *Catalog) Names() []string {
	out := make([]string, 0, len(c.roles))
	for _, r := range c.roles {
		var aliases []string
		for _, a := range r.Aliases {
			if a != r.Key {
				aliases = append(aliases, a)
			}
		}
		if len(aliases) == 0 {
			out = append(out, r.Key)
			continue
		}
		out = append(out, fmt.Sprintf("%s (%s)", r.Key, strings.Join(aliases, ", ")))
	}
	return out
}

// AllNames returns every key and alias, sorted, for shell completion.
func (c *Catalog) AllNames() []string {
	out := make([]string, 0, len(c.index))
	for name := range c.index {
		out = append(out, name)
	}
	sort.Strings(out)
	return out
}
