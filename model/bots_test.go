package model

import (
	"errors"
	"testing"
)

// TestPolicyNamesTheBots (issue 20, item 5): the incident manager names
// the bots in the policy, each once, in any case; none clears them; a
// name that is no name is refused; the last entry is a person's.
func TestPolicyNamesTheBots(t *testing.T) {
	f := newFixture(t)
	if got := f.do("alice", SetPolicy{Rule: "bots", Value: " pagerbot, CI-bot ,PagerBot"})[0]; got.From != "none" || got.To != "pagerbot,CI-bot" {
		t.Errorf("policy entry from %q to %q", got.From, got.To)
	}
	if b := f.s.Bots("deploybot", "ci-bot"); len(b) != 3 || !b.Is("PAGERBOT") || !b.Is("deploybot") || b.Is("alice") {
		t.Errorf("bots %v", b)
	}
	var ue *UnchangedError
	if _, err := f.try("alice", SetPolicy{Rule: "bots", Value: "PagerBot,ci-bot"}); !errors.As(err, &ue) {
		t.Errorf("the same bots again: %v", err)
	}
	var ie *InvalidError
	if _, err := f.try("alice", SetPolicy{Rule: "bots", Value: " , "}); !errors.As(err, &ie) {
		t.Errorf("no names: %v", err)
	}
	var ce *ConflictError
	if _, err := f.try("bob", SetPolicy{Rule: "bots", Value: "bob"}); !errors.As(err, &ce) {
		t.Errorf("bob set the bots: %v", err)
	}

	f.do("bob", Log{Text: "rolled back"})
	person, _ := f.s.LastEntry()
	for range 5 {
		f.do("pagerbot", Log{Text: "heartbeat"})
	}
	if last, _ := f.s.LastEntry(); last.ID != person.ID {
		t.Errorf("the last entry is %s's %q, want bob's", last.By, last.Text)
	}
	if last, _ := f.s.LastPersonEntry(nil); last.By != "pagerbot" {
		t.Errorf("without bots, the last entry is %s's", last.By)
	}
	f.do("alice", SetPolicy{Rule: "bots", Value: "none"})
	if len(f.s.Bots()) != 0 {
		t.Errorf("none left bots %v", f.s.Bots())
	}
}
