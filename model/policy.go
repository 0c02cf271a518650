package model

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/warroom/warroom/model/i18n"
)

// Policy is the incident's own rules, kept in its file so that every
// screen and every command agrees on them, whoever's config they run
// with: how often each audience expects an update at each severity
// (and when the first is due), which audiences' updates the incident
// manager approves before they go out, and how long a handoff may wait
// for its holder's answer. The declaration sets it, from the declarer's
// config or the defaults; SetPolicy changes one rule, and the timeline
// records it.
//
// A file written before the policy was kept has none: its incident
// follows DefaultPolicy (see State.Policy).
type Policy struct {
	// AcceptWithin is how long a handoff may wait for its holder's answer
	// before screens warn. Never zero in a policy that is set: zero means
	// the file has no policy.
	AcceptWithin Span     `toml:"accept_within" json:"accept_within"`
	Sev1         Rhythms  `toml:"sev1" json:"sev1"`
	Sev2         Rhythms  `toml:"sev2" json:"sev2"`
	Sev3         Rhythms  `toml:"sev3" json:"sev3"`
	Approval     Approval `toml:"approval" json:"approval"`
	// ExternalBy is who sends external updates as written: by default
	// the communications manager and the incident manager, whose role
	// external communication is; anyone else's is a draft for the
	// communications manager. The zero value is that default.
	ExternalBy Senders `toml:"external_by,omitempty" json:"external_by,omitzero"`
	// Resolve is what must hold before the incident is resolved.
	Resolve ExitCriteria `toml:"resolve" json:"resolve"`
	// Bots names the incident's automated actors, separated by commas
	// (see Bots); empty: none.
	Bots string `toml:"bots,omitempty" json:"bots,omitzero"`
}

// Senders says who sends an audience's updates as written.
type Senders string

// Who may send updates as written.
const (
	// SendersComms: the communications manager and the incident
	// manager; anyone else writes a draft for the communications
	// manager. The default (the zero value reads as it).
	SendersComms Senders = "comms"
	// SendersAnyone: anyone.
	SendersAnyone Senders = "anyone"
)

// senderWords are the values the external_by rule takes.
var senderWords = []Senders{SendersComms, SendersAnyone}

// Rhythms are the update rhythms of each audience at one severity: zero
// is none. First, when set, is when the first update is due after the
// declaration (or a change of severity); otherwise one rhythm after.
type Rhythms struct {
	First     Span `toml:"first,omitzero" json:"first,omitzero"`
	External  Span `toml:"external,omitzero" json:"external,omitzero"`
	Internal  Span `toml:"internal,omitzero" json:"internal,omitzero"`
	Executive Span `toml:"executive,omitzero" json:"executive,omitzero"`
	Social    Span `toml:"social,omitzero" json:"social,omitzero"`
}

// Approval says which audiences' updates the incident manager approves
// before they count as sent.
type Approval struct {
	External  bool `toml:"external,omitempty" json:"external,omitzero"`
	Internal  bool `toml:"internal,omitempty" json:"internal,omitzero"`
	Executive bool `toml:"executive,omitempty" json:"executive,omitzero"`
	Social    bool `toml:"social,omitempty" json:"social,omitzero"`
}

// Span is a length of time as the file writes it: "20m", "1h30m", or
// "none" for zero.
type Span time.Duration

// D is s as a time.Duration.
func (s Span) D() time.Duration { return time.Duration(s) }

func (s Span) String() string {
	if s <= 0 {
		return "none"
	}
	out := time.Duration(s).String()
	if strings.HasSuffix(out, "m0s") {
		out = strings.TrimSuffix(out, "0s")
	}
	if strings.HasSuffix(out, "h0m") {
		out = strings.TrimSuffix(out, "0m")
	}
	return out
}

// MarshalText implements encoding.TextMarshaler.
func (s Span) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads a span from the file: a duration from 1m to 24h,
// or none.
func (s *Span) UnmarshalText(b []byte) error {
	d, err := ParseRhythm(string(b))
	if err != nil {
		return err
	}
	*s = Span(d)
	return nil
}

// DefaultAcceptWithin is how long a handoff may wait for its holder's
// answer when the incident's policy does not say.
const DefaultAcceptWithin = 2 * time.Minute

// DefaultPolicy: the default cadence (DefaultCadence), no approval, and
// two minutes for a handoff's answer.
func DefaultPolicy() Policy {
	return PolicyOf(DefaultCadence(), nil, DefaultAcceptWithin)
}

// PolicyOf is the policy with cadence c, approval for the audiences
// approval marks, and acceptWithin for a handoff's answer (the default
// when zero).
func PolicyOf(c Cadence, approval map[Audience]bool, acceptWithin time.Duration) Policy {
	if acceptWithin <= 0 {
		acceptWithin = DefaultAcceptWithin
	}
	p := Policy{AcceptWithin: Span(acceptWithin), Resolve: AllExitCriteria()}
	for _, sev := range []Severity{Sev1, Sev2, Sev3} {
		r := p.rhythms(sev)
		*r.first = Span(c.First[sev])
		for _, aud := range Audiences {
			*r.every[aud] = Span(c.Every[sev][aud])
		}
	}
	for _, aud := range Audiences {
		*p.approval(aud) = approval[aud]
	}
	return p
}

// Set reports whether p is a policy someone set, not the absence of one.
func (p Policy) Set() bool { return p.AcceptWithin > 0 }

// IsZero reports whether p is no policy: the file leaves it out.
func (p Policy) IsZero() bool { return !p.Set() }

// Cadence is p's rhythms as the comms log reads them.
func (p Policy) Cadence() Cadence {
	c := Cadence{Every: map[Severity]map[Audience]time.Duration{}, First: map[Severity]time.Duration{}}
	for _, sev := range []Severity{Sev1, Sev2, Sev3} {
		r := p.rhythms(sev)
		if *r.first > 0 {
			c.First[sev] = r.first.D()
		}
		for _, aud := range Audiences {
			if every := r.every[aud].D(); every > 0 {
				if c.Every[sev] == nil {
					c.Every[sev] = map[Audience]time.Duration{}
				}
				c.Every[sev][aud] = every
			}
		}
	}
	return c
}

// NeedsApproval reports whether aud's updates wait for the incident
// manager's approval.
func (p Policy) NeedsApproval(aud Audience) bool {
	if a := p.approval(aud); a != nil {
		return *a
	}
	return false
}

// Approvals lists the audiences whose updates need approval.
func (p Policy) Approvals() map[Audience]bool {
	out := map[Audience]bool{}
	for _, aud := range Audiences {
		if p.NeedsApproval(aud) {
			out[aud] = true
		}
	}
	return out
}

// OpenTo reports whether anyone may send updates to aud as written: to
// every audience but external, and to external where the policy says
// external_by = anyone.
func (p Policy) OpenTo(aud Audience) bool {
	return aud != AudienceExternal || p.ExternalBy == SendersAnyone
}

// UpdateApprover says whose approval an update to aud written by actor
// waits for before it counts as sent, as the role that gives it: "" when
// it goes out as written — always the incident manager's own; the
// incident manager's when the writer asks for it (asked) or the policy
// requires approval for aud; the communications manager's when the
// writer holds neither role and aud is not open to anyone (OpenTo).
func (s State) UpdateApprover(actor string, aud Audience, asked bool) string {
	p := s.Policy()
	switch {
	case SameName(actor, s.Commander()):
		return ""
	case asked || p.NeedsApproval(aud):
		return IncidentManager
	case p.OpenTo(aud) || s.holdsRole(actor, CommunicationsManager):
		return ""
	}
	return CommunicationsManager
}

// MayApprove reports whether actor may approve or send back draft d:
// the incident manager any draft; a communications manager a draft for
// the communications manager, while its audience needs no approval of
// the incident manager's.
func (s State) MayApprove(actor string, d Entry) bool {
	if SameName(actor, s.Commander()) {
		return true
	}
	return d.To == CommunicationsManager && !s.Policy().NeedsApproval(d.Audience()) && s.holdsRole(actor, CommunicationsManager)
}

// holdsRole reports whether name holds an instance of role, handed to
// them: not by default, not a closed workstream.
func (s State) holdsRole(name, role string) bool {
	seen := map[RoleRef]bool{}
	for _, a := range s.Assignments {
		if a.Role != role || seen[a.Ref()] {
			continue
		}
		seen[a.Ref()] = true
		if cur, ok := s.current(a.Ref()); ok && !cur.Closed && cur.Holder != "" && SameName(cur.Holder, name) {
			return true
		}
	}
	return false
}

// rhythmRefs points into one severity's rhythms.
type rhythmRefs struct {
	first *Span
	every map[Audience]*Span
}

func (p *Policy) rhythms(sev Severity) rhythmRefs {
	var r *Rhythms
	switch sev {
	case Sev1:
		r = &p.Sev1
	case Sev2:
		r = &p.Sev2
	case Sev3:
		r = &p.Sev3
	default:
		return rhythmRefs{}
	}
	return rhythmRefs{first: &r.First, every: map[Audience]*Span{
		AudienceExternal: &r.External, AudienceInternal: &r.Internal, AudienceExecutive: &r.Executive, AudienceSocial: &r.Social}}
}

func (p *Policy) approval(aud Audience) *bool {
	switch aud {
	case AudienceExternal:
		return &p.Approval.External
	case AudienceInternal:
		return &p.Approval.Internal
	case AudienceExecutive:
		return &p.Approval.Executive
	case AudienceSocial:
		return &p.Approval.Social
	}
	return nil
}

// PolicyRules are the names of the rules SetPolicy changes, in the order
// people read them: each severity's first update and audiences' rhythms,
// then approval per audience, the handoff answer's limit, and the exit
// criteria (resolve.*).
func PolicyRules() []string {
	var out []string
	for _, sev := range []string{"sev1", "sev2", "sev3"} {
		out = append(out, sev+".first")
		for _, aud := range Audiences {
			out = append(out, sev+"."+string(aud))
		}
	}
	for _, aud := range Audiences {
		out = append(out, "approval."+string(aud))
	}
	out = append(out, "external_by", "accept_within")
	var e ExitCriteria
	for _, r := range e.exitRules() {
		out = append(out, r.name)
	}
	return append(out, "bots")
}

// Rule is the value of one rule, as SetPolicy takes it: a span ("20m",
// "none"), for approval "on" or "off", for external_by "comms" or
// "anyone", for bots their names separated by commas or "none".
func (p Policy) Rule(rule string) (string, error) {
	if isBotsRule(rule) {
		if p.Bots == "" {
			return "none", nil
		}
		return p.Bots, nil
	}
	span, flag, err := p.ref(rule)
	switch {
	case err != nil:
		return "", err
	case isSendersRule(rule) && p.ExternalBy == "":
		return string(SendersComms), nil
	case isSendersRule(rule):
		return string(p.ExternalBy), nil
	case flag != nil && *flag:
		return "on", nil
	case flag != nil:
		return "off", nil
	}
	return span.String(), nil
}

// WithRule returns p with rule set to value.
func (p Policy) WithRule(rule, value string) (Policy, error) {
	if isBotsRule(rule) {
		bots, err := botList(value)
		if err != nil {
			return p, err
		}
		if !strings.EqualFold(bots, p.Bots) {
			p.Bots = bots // names differing only in case are the same bots
		}
		return p, nil
	}
	span, flag, err := p.ref(rule)
	if err != nil {
		return p, err
	}
	if isSendersRule(rule) {
		who, err := ParseWord("external_by", value, senderWords)
		if err != nil {
			return p, err
		}
		p.ExternalBy = who
		if who == SendersComms {
			p.ExternalBy = "" // the default, as a file that never set it says
		}
		return p, nil
	}
	v := strings.ToLower(strings.TrimSpace(value))
	if flag != nil {
		switch v {
		case "on", "yes", "true":
			*flag = true
		case "off", "no", "false":
			*flag = false
		default:
			return p, &InvalidError{What: "rule value", Value: value, Valid: []string{"on", "off"}}
		}
		return p, nil
	}
	d, err := ParseRhythm(v)
	if err != nil {
		return p, err
	}
	if rule == "accept_within" && d <= 0 {
		return p, &TextError{Field: "accept_within", Reason: i18n.M("a handoff's answer needs a limit; give a duration from 1m to 24h, such as 5m")}
	}
	*span = Span(d)
	return p, nil
}

// isSendersRule reports whether rule names who sends external updates.
func isSendersRule(rule string) bool {
	return strings.EqualFold(strings.TrimSpace(rule), "external_by")
}

// isBotsRule reports whether rule names the bots.
func isBotsRule(rule string) bool { return strings.EqualFold(strings.TrimSpace(rule), "bots") }

// ref points at the rule named: a span or a flag (neither for
// external_by or bots, a word or a list).
func (p *Policy) ref(rule string) (*Span, *bool, error) {
	name := strings.ToLower(strings.TrimSpace(rule))
	if !slices.Contains(PolicyRules(), name) {
		return nil, nil, &InvalidError{What: "policy rule", Value: rule, Valid: PolicyRules()}
	}
	if name == "accept_within" {
		return &p.AcceptWithin, nil, nil
	}
	if name == "external_by" {
		return nil, nil, nil // a word: Rule and WithRule read it
	}
	group, key, _ := strings.Cut(name, ".")
	if group == "approval" {
		return nil, p.approval(Audience(key)), nil
	}
	if group == "resolve" {
		for _, r := range p.Resolve.exitRules() {
			if r.name == name {
				return nil, r.on, nil
			}
		}
	}
	sev, err := ParseSeverity(group)
	if err != nil {
		return nil, nil, fmt.Errorf("policy rule %q: %w", rule, err)
	}
	r := p.rhythms(sev)
	if key == "first" {
		return r.first, nil, nil
	}
	return r.every[Audience(key)], nil, nil
}

// Policy is the incident's policy: the one its file keeps, or, for a
// file that keeps none, the default.
func (s State) Policy() Policy {
	if !s.Incident.Policy.Set() {
		return DefaultPolicy()
	}
	p := s.Incident.Policy
	if !p.Resolve.Set {
		p.Resolve = AllExitCriteria() // written before there were exit criteria
	}
	return p
}

// AcceptLimit is how long a handoff of this incident may wait for its
// holder's answer before screens warn: the incident's policy says.
func (s State) AcceptLimit() time.Duration { return s.Policy().AcceptWithin.D() }
