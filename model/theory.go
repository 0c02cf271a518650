package model

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/warroom/warroom/model/i18n"
)

// TheoryState is where a theory of what failed and why stands.
type TheoryState string

// Theory states.
const (
	TheoryOpen      TheoryState = "open"
	TheoryConfirmed TheoryState = "confirmed"
	TheoryRuledOut  TheoryState = "ruled_out"
)

// TheoryStates lists the theory states.
var TheoryStates = []TheoryState{TheoryOpen, TheoryConfirmed, TheoryRuledOut}

// UnmarshalText checks a theory state read from a file, as it was written.
func (t *TheoryState) UnmarshalText(b []byte) error {
	if v := TheoryState(b); slices.Contains(TheoryStates, v) {
		*t = v
		return nil
	}
	return fmt.Errorf("theory state must be open, confirmed or ruled_out, not %q", b)
}

// In renders the state in language l: "open", "confirmed", "ruled out".
func (t TheoryState) In(l i18n.Lang) string { return l.T(strings.ReplaceAll(string(t), "_", " ")) }

// Theory is the tech lead's "what failed and why": stated once, then
// confirmed, ruled out or reopened as evidence comes in. Evidence notes
// are timeline entries that name the theory.
type Theory struct {
	ID         string      `toml:"id" json:"id"`
	Text       string      `toml:"text" json:"text"`
	State      TheoryState `toml:"state" json:"state"`
	Role       string      `toml:"role,omitempty" json:"role,omitzero"`
	Workstream string      `toml:"workstream,omitempty" json:"workstream,omitzero"`
	Created    time.Time   `toml:"created" json:"created"`
	CreatedBy  string      `toml:"created_by" json:"created_by"`
	Updated    time.Time   `toml:"updated" json:"updated"`
	Clock      Stamp       `toml:"clock" json:"clock"` // of the last state change
}

// RoleRef returns the role instance the theory belongs to.
func (t Theory) RoleRef() RoleRef { return RoleRef{Role: t.Role, Workstream: t.Workstream} }

// Theory finds a theory by id or a unique prefix of it (with or without
// its leading "h"), case-insensitively.
func (s State) Theory(ref string) (Theory, error) {
	th, matches := findByID(s.Theories, func(t Theory) string { return t.ID }, ref, "h")
	switch len(matches) {
	case 1:
		return th, nil
	case 0:
		ids := make([]string, 0, len(s.Theories))
		for _, t := range s.Theories {
			ids = append(ids, t.ID)
		}
		sort.Strings(ids)
		if len(ids) == 0 {
			return Theory{}, &InvalidError{What: "theory id", Value: ref, None: i18n.M("(no theories yet)")}
		}
		return Theory{}, &InvalidError{What: "theory id", Value: ref, Valid: ids}
	}
	return Theory{}, &InvalidError{What: "theory id", Value: ref, Valid: matches, Ambiguous: true, Hint: i18n.M("type more of it")}
}

// TheorySet confirms, rules out or reopens a theory, with an optional note
// of the evidence.
type TheorySet struct {
	Theory string // id or unique prefix
	State  TheoryState
	Note   string
}

func (op TheorySet) apply(t *tx) error {
	th, err := t.s.Theory(op.Theory)
	if err != nil {
		return err
	}
	var kind Kind
	switch op.State {
	case TheoryConfirmed:
		kind = KindTheoryConfirmed
	case TheoryRuledOut:
		kind = KindTheoryRuledOut
	case TheoryOpen:
		kind = KindTheoryReopened
	default:
		return invalidWord("theory state", string(op.State), TheoryStates)
	}
	if th.State == op.State {
		return &UnchangedError{Reason: i18n.M("theory %s is already %s", th.ID, th.State)}
	}
	note, err := checkText("note", strings.TrimSpace(op.Note), MaxEntry, false)
	if err != nil {
		return err
	}
	t.own(partTheories)
	for i := range t.s.Theories {
		if t.s.Theories[i].ID == th.ID {
			t.s.Theories[i].State = op.State
			t.s.Theories[i].Updated = t.env.Now
			t.s.Theories[i].Clock = t.stamp()
		}
	}
	t.record(Entry{Kind: kind, Theory: th.ID, Text: note, Role: th.Role, Workstream: th.Workstream,
		From: string(th.State), To: string(op.State)})
	return nil
}

// addTheory records the theory an entry of kind theory states.
func (t *tx) addTheory(text string, ref RoleRef) (string, error) {
	id, err := t.uniqueID("", shortIDLen, t.shortIDTaken)
	if err != nil {
		return "", err
	}
	t.own(partTheories)
	t.s.Theories = append(t.s.Theories, Theory{ID: id, Text: text, State: TheoryOpen, Role: ref.Role, Workstream: ref.Workstream,
		Created: t.env.Now, CreatedBy: t.env.Actor, Updated: t.env.Now, Clock: t.stamp()})
	return id, nil
}
