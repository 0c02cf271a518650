package model

import (
	"strings"
	"time"
)

// Audiences the communications manager updates.
var Audiences = []string{"external", "internal", "executive", "social"}

// CommsUpdate records an update sent to an audience: the status page
// (external), the company (internal), executives, social channels.
type CommsUpdate struct {
	Audience string
	Text     string
}

// ParseAudience accepts an audience, case-insensitively.
func ParseAudience(v string) (string, error) {
	a := strings.ToLower(strings.TrimSpace(v))
	for _, x := range Audiences {
		if x == a {
			return a, nil
		}
	}
	return "", &InvalidError{What: "audience", Value: v, Valid: Audiences}
}

func (op CommsUpdate) apply(t *tx) error {
	aud, err := ParseAudience(op.Audience)
	if err != nil {
		return err
	}
	text, err := checkText("update", strings.TrimSpace(op.Text), MaxEntry, true)
	if err != nil {
		return err
	}
	t.record(Entry{Kind: KindComms, Role: "communications_manager", Channel: aud, Text: text})
	return nil
}

// Cadence is how often an audience expects an update at each severity;
// zero means no set rhythm.
type Cadence map[Severity]map[string]time.Duration

// DefaultCadence: SEV1 external every 20 minutes and internal every 30;
// SEV2 30 and 60; SEV3 external every hour.
func DefaultCadence() Cadence {
	return Cadence{
		Sev1: {"external": 20 * time.Minute, "internal": 30 * time.Minute},
		Sev2: {"external": 30 * time.Minute, "internal": 60 * time.Minute},
		Sev3: {"external": 60 * time.Minute},
	}
}

// FirstUpdateSEV1 is when the first update of a SEV1 is due after the
// declaration.
const FirstUpdateSEV1 = 5 * time.Minute

// NextUpdate is when an audience's next update is due.
type NextUpdate struct {
	Audience string
	Due      time.Time
}

// NextUpdates says when each audience with a cadence at the incident's
// current severity is due its next update: its cadence after its last
// update, or, before the first, after the declaration (5 minutes for a
// SEV1). A resolved or closed incident is due nothing.
func (s State) NextUpdates(c Cadence) []NextUpdate {
	if s.Incident.Status == Resolved || s.Incident.Status == Closed {
		return nil
	}
	last := map[string]time.Time{}
	for _, e := range s.Timeline {
		if e.Kind == KindComms && e.At.After(last[e.Channel]) {
			last[e.Channel] = e.At
		}
	}
	var out []NextUpdate
	for _, aud := range Audiences {
		every := c[s.Incident.Severity][aud]
		if every <= 0 {
			continue
		}
		due := s.Incident.Declared.Add(every)
		if s.Incident.Severity == Sev1 {
			due = s.Incident.Declared.Add(FirstUpdateSEV1)
		}
		if t, ok := last[aud]; ok {
			due = t.Add(every)
		}
		out = append(out, NextUpdate{Audience: aud, Due: due})
	}
	return out
}

// SoonestUpdate is the next update due first, if any.
func (s State) SoonestUpdate(c Cadence) (NextUpdate, bool) {
	var best NextUpdate
	found := false
	for _, n := range s.NextUpdates(c) {
		if !found || n.Due.Before(best.Due) {
			best, found = n, true
		}
	}
	return best, found
}
