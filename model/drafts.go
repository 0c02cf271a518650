package model

import (
	"regexp"
	"strings"
	"time"

	"github.com/warroom/warroom/model/i18n"
)

// Templates are the team's own drafts of an update, one per status, with
// placeholders the incident's fields fill in. A status without one uses
// the built-in template.
type Templates map[Status]string

// Placeholders a template may use: the incident's title, severity, status
// and summary, when it was declared, the time now, and when the next
// update is due.
var Placeholders = []string{"{title}", "{severity}", "{status}", "{summary}", "{declared}", "{now}", "{next}"}

// defaultTemplates are the built-in drafts, in English; i18n has them in
// Spanish.
var defaultTemplates = map[Status]string{
	Investigating: "We are investigating an issue: {title}. We will post the next update by {next}.",
	Identified:    "We have found the cause of the issue ({title}) and are working on a fix. Next update by {next}.",
	Monitoring:    "A fix for the issue ({title}) is in place and we are monitoring the results. Next update by {next}.",
	Resolved:      "The issue ({title}) is resolved. Thank you for your patience; we will share what we learn.",
	Closed:        "The issue ({title}) is resolved. Thank you for your patience; we will share what we learn.",
}

var placeholder = regexp.MustCompile(`\{[^{}]*\}`)

// CheckTemplate refuses a template that is empty or uses a placeholder
// warroom does not fill.
func CheckTemplate(tmpl string) error {
	if strings.TrimSpace(tmpl) == "" {
		return &TextError{Field: "template", Reason: i18n.M("it is empty")}
	}
	for _, p := range placeholder.FindAllString(tmpl, -1) {
		known := false
		for _, k := range Placeholders {
			known = known || k == p
		}
		if !known {
			return &InvalidError{What: "placeholder", Value: p, Valid: Placeholders}
		}
	}
	return nil
}

// OneLine joins a multi-line text into one line: an update is one line,
// and a template or summary written over several lines reads the same
// joined.
func OneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// CommsPolicy is how a team's config says it communicates: the rhythm of
// updates and which audiences' updates the incident manager approves —
// what the policy of an incident it declares starts as (Policy), which
// the incident then keeps in its file — and the drafts per status, which
// stay each person's own.
type CommsPolicy struct {
	Cadence   Cadence
	Templates Templates         // the team's drafts; the built-in ones otherwise
	Approval  map[Audience]bool // audiences whose updates need approval
}

// DefaultCommsPolicy is the policy without a config: the built-in cadence
// and drafts, and no approval.
func DefaultCommsPolicy() CommsPolicy {
	return CommsPolicy{Cadence: DefaultCadence(), Templates: Templates{}, Approval: map[Audience]bool{}}
}

// Policy is the incident policy these settings make: their rhythms and
// approval, the default limit for a handoff's answer.
func (c CommsPolicy) Policy() Policy { return PolicyOf(c.Cadence, c.Approval, 0) }

// DraftInput says which draft to write and how.
type DraftInput struct {
	Status   Status   // the incident's when empty
	Audience Audience // whose rhythm {next} follows; external when empty
	Now      time.Time
	Loc      *time.Location // of the times written; UTC when nil
	Lang     i18n.Lang
	// Templates are the team's drafts; the built-in ones otherwise. The
	// rhythm {next} follows is the incident's own (State.Policy).
	Templates Templates
}

// Draft fills in the template for a status with the incident's fields:
// a draft update to edit before sending.
func (s State) Draft(in DraftInput) string {
	st := in.Status
	if st == "" {
		st = s.Incident.Status
	}
	loc := in.Loc
	if loc == nil {
		loc = time.UTC
	}
	tmpl, ok := in.Templates[st]
	if !ok {
		tmpl = in.Lang.T(defaultTemplates[st])
	}
	aud := in.Audience
	if aud == "" {
		aud = AudienceExternal
	}
	cadence := s.Policy().Cadence()
	every := cadence.Every[s.Incident.Severity][aud]
	if every <= 0 {
		every = cadence.Every[s.Incident.Severity][AudienceExternal]
	}
	if every <= 0 {
		every = time.Hour
	}
	at := func(t time.Time) string { return t.In(loc).Format("15:04 MST") }
	summary := strings.TrimSpace(s.Incident.Summary)
	if summary == "" {
		summary = s.Incident.Title
	}
	return strings.NewReplacer(
		"{title}", s.Incident.Title,
		"{severity}", s.Incident.Severity.In(in.Lang),
		"{status}", st.In(in.Lang),
		"{summary}", summary,
		"{declared}", at(s.Incident.Declared),
		"{now}", at(in.Now),
		"{next}", at(in.Now.Add(every)),
	).Replace(tmpl)
}
