package model

import (
	"strings"

	"github.com/warroom/warroom/model/i18n"
)

// SetTitle gives the incident a new title. The timeline records the new
// title and the old one (kind title). While a merge conflict on the title
// is open, the same title is a change too: the choice to keep it.
type SetTitle struct{ Title string }

// SetSummary writes, rewrites or, when empty, clears the incident's
// summary: what is known, in a few lines. The timeline records the new
// summary and the old one (kind summary). While a merge conflict on the summary is open,
// the same summary is a change too: the choice to keep it.
type SetSummary struct{ Summary string }

// checkTitle validates an incident's title, as declared or changed.
func checkTitle(title string) (string, error) {
	return checkText("title", strings.TrimSpace(title), MaxTitle, true)
}

// checkSummary validates an incident's summary, which may be empty.
func checkSummary(summary string) (string, error) {
	return checkText("summary", strings.TrimSpace(summary), MaxEntry, false)
}

func (op SetTitle) apply(t *tx) error {
	title, err := checkTitle(op.Title)
	if err != nil {
		return err
	}
	from := t.s.Incident.Title
	// The same title decides a merge conflict on it: it is kept.
	if title == from && !t.s.conflictOpen(FieldTitle) {
		return &UnchangedError{Reason: i18n.M("the title is already %q", title)}
	}
	t.s.Incident.Title = title
	t.s.Incident.Clock.Title = t.stamp()
	t.record(Entry{Kind: KindTitle, From: from, Text: title})
	return nil
}

func (op SetSummary) apply(t *tx) error {
	summary, err := checkSummary(op.Summary)
	if err != nil {
		return err
	}
	if summary == strings.TrimSpace(t.s.Incident.Summary) && !t.s.conflictOpen(FieldSummary) {
		if summary == "" {
			return &UnchangedError{Reason: i18n.M("there is no summary to clear")}
		}
		return &UnchangedError{Reason: i18n.M("the summary already says that")}
	}
	from := strings.TrimSpace(t.s.Incident.Summary)
	t.s.Incident.Summary = summary
	t.s.Incident.Clock.Summary = t.stamp()
	t.record(Entry{Kind: KindSummary, Text: summary, From: from})
	return nil
}
