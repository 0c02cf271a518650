package model

import (
	"sort"
	"strings"
	"time"

	"github.com/warroom/warroom/model/i18n"
)

// FollowUp is remediation after the incident, the problem manager's to
// track: kept apart from the incident's tasks, with an owner, a due date
// and a ticket in the team's tracker.
type FollowUp struct {
	ID        string    `toml:"id" json:"id"`
	Title     string    `toml:"title" json:"title"`
	Done      bool      `toml:"done" json:"done"`
	Owner     string    `toml:"owner,omitempty" json:"owner,omitzero"`
	Due       string    `toml:"due,omitempty" json:"due,omitzero"` // YYYY-MM-DD
	Ticket    string    `toml:"ticket,omitempty" json:"ticket,omitzero"`
	Created   time.Time `toml:"created" json:"created"`
	CreatedBy string    `toml:"created_by" json:"created_by"`
	Updated   time.Time `toml:"updated" json:"updated"`
	// Clock holds the stamp of the last change of each field, so that two
	// copies that changed different fields apart keep both changes.
	Clock FollowUpClock `toml:"clock" json:"clock"`
}

// FollowUpSet marks a follow-up done, or open again.
type FollowUpSet struct {
	FollowUp string // id or unique prefix
	Done     bool
}

// FollowUpDetails sets a follow-up's owner, due date and ticket; empty
// fields are left as they are.
type FollowUpDetails struct {
	FollowUp, Owner, Due, Ticket string
}

// FollowUp finds a follow-up by id or a unique prefix of it.
func (s State) FollowUp(ref string) (FollowUp, error) {
	f, matches := findByID(s.FollowUps, func(f FollowUp) string { return f.ID }, ref, "f")
	switch len(matches) {
	case 1:
		return f, nil
	case 0:
		ids := make([]string, 0, len(s.FollowUps))
		for _, f := range s.FollowUps {
			ids = append(ids, f.ID)
		}
		sort.Strings(ids)
		if len(ids) == 0 {
			return FollowUp{}, &InvalidError{What: "follow-up id", Value: ref, None: i18n.M("(no follow-ups yet)")}
		}
		return FollowUp{}, &InvalidError{What: "follow-up id", Value: ref, Valid: ids}
	}
	return FollowUp{}, &InvalidError{What: "follow-up id", Value: ref, Valid: matches, Ambiguous: true, Hint: i18n.M("type more of it")}
}

// addFollowUp records the follow-up an entry of kind followup names.
func (t *tx) addFollowUp(title string) (string, error) {
	id, err := t.uniqueID("", shortIDLen, t.shortIDTaken)
	if err != nil {
		return "", err
	}
	t.own(partFollowUps)
	st := t.stamp()
	t.s.FollowUps = append(t.s.FollowUps, FollowUp{ID: id, Title: title, Created: t.env.Now, CreatedBy: t.env.Actor,
		Updated: t.env.Now, Clock: FollowUpClock{Done: st}})
	return id, nil
}

func (op FollowUpSet) apply(t *tx) error {
	f, err := t.s.FollowUp(op.FollowUp)
	if err != nil {
		return err
	}
	if f.Done == op.Done {
		if f.Done {
			return &UnchangedError{Reason: i18n.M("follow-up %s is already done", f.ID)}
		}
		return &UnchangedError{Reason: i18n.M("follow-up %s is already open", f.ID)}
	}
	t.own(partFollowUps)
	for i := range t.s.FollowUps {
		if t.s.FollowUps[i].ID == f.ID {
			t.s.FollowUps[i].Done, t.s.FollowUps[i].Updated, t.s.FollowUps[i].Clock.Done = op.Done, t.env.Now, t.stamp()
		}
	}
	kind := KindFollowUpDone
	if !op.Done {
		kind = KindFollowUpReopened
	}
	t.record(Entry{Kind: kind, FollowUp: f.ID, Text: f.Title})
	return nil
}

func (op FollowUpDetails) apply(t *tx) error {
	f, err := t.s.FollowUp(op.FollowUp)
	if err != nil {
		return err
	}
	owner, err := optionalName("owner", op.Owner)
	if err != nil {
		return err
	}
	due := strings.TrimSpace(op.Due)
	if due != "" {
		if _, err := time.Parse("2006-01-02", due); err != nil {
			return &TextError{Field: "due date", Reason: i18n.M("%s is not a date; write YYYY-MM-DD, such as 2026-12-01", due)}
		}
	}
	ticket, err := checkText("ticket", strings.TrimSpace(op.Ticket), MaxTitle, false)
	if err != nil {
		return err
	}
	owner = t.s.DisplayName(owner)
	if (owner == "" || SameName(owner, f.Owner)) && (due == "" || due == f.Due) && (ticket == "" || ticket == f.Ticket) {
		return &UnchangedError{Reason: i18n.M("follow-up %s already has that owner, due date and ticket", f.ID)}
	}
	t.own(partFollowUps)
	for i := range t.s.FollowUps {
		x := &t.s.FollowUps[i]
		if x.ID != f.ID {
			continue
		}
		st := t.stamp()
		if owner != "" {
			x.Owner, x.Clock.Owner = owner, st
		}
		if due != "" {
			x.Due, x.Clock.Due = due, st
		}
		if ticket != "" {
			x.Ticket, x.Clock.Ticket = ticket, st
		}
		x.Updated = t.env.Now
	}
	t.join(owner)
	t.record(Entry{Kind: KindFollowUpChanged, FollowUp: f.ID, Text: f.Title, To: strings.TrimSpace(strings.Join([]string{owner, due, ticket}, " "))})
	return nil
}
