package model

import (
	"maps"
	"strings"
	"time"

	"github.com/warroom/warroom/model/i18n"
)

// Cadence is how often each audience expects an update at each severity,
// and when the first is due after the declaration. A zero or missing
// rhythm means the audience has none at that severity.
type Cadence struct {
	Every map[Severity]map[Audience]time.Duration
	// First is when the first update of an incident at that severity is
	// due after the declaration; when zero, one rhythm after it.
	First map[Severity]time.Duration
}

// DefaultCadence: SEV1 external every 20 minutes and internal every 30,
// the first 5 minutes after the declaration; SEV2 30 and 60; SEV3
// external every hour.
func DefaultCadence() Cadence {
	return Cadence{
		Every: map[Severity]map[Audience]time.Duration{
			Sev1: {AudienceExternal: 20 * time.Minute, AudienceInternal: 30 * time.Minute},
			Sev2: {AudienceExternal: 30 * time.Minute, AudienceInternal: 60 * time.Minute},
			Sev3: {AudienceExternal: 60 * time.Minute},
		},
		First: map[Severity]time.Duration{Sev1: FirstUpdateSEV1},
	}
}

// FirstUpdateSEV1 is when the first update of a SEV1 is due after the
// declaration, by default.
const FirstUpdateSEV1 = 5 * time.Minute

// With returns a copy of c where audience aud has rhythm every at sev;
// zero removes it.
func (c Cadence) With(sev Severity, aud Audience, every time.Duration) Cadence {
	out := c.clone()
	if out.Every[sev] == nil {
		out.Every[sev] = map[Audience]time.Duration{}
	}
	out.Every[sev][aud] = every
	return out
}

// WithFirst returns a copy of c where the first update of an incident at
// sev is due after the declaration; zero makes it one rhythm after it.
func (c Cadence) WithFirst(sev Severity, after time.Duration) Cadence {
	out := c.clone()
	out.First[sev] = after
	return out
}

// clone copies c's maps, so that a copy can change without changing c.
func (c Cadence) clone() Cadence {
	out := Cadence{Every: map[Severity]map[Audience]time.Duration{}, First: map[Severity]time.Duration{}}
	for s, m := range c.Every {
		out.Every[s] = maps.Clone(m)
	}
	maps.Copy(out.First, c.First)
	return out
}

// ParseRhythm reads a rhythm as a config file gives it: a duration such
// as "20m" or "1h", or "none".
func ParseRhythm(v string) (time.Duration, error) {
	s := strings.ToLower(strings.TrimSpace(v))
	if s == "none" || s == "0" {
		return 0, nil
	}
	d, err := time.ParseDuration(s)
	if err != nil || d < time.Minute || d > 24*time.Hour {
		return 0, &TextError{Field: "rhythm", Reason: i18n.M("%q is not a rhythm; give a duration from 1m to 24h, such as 20m, or none", v)}
	}
	return d, nil
}

// NextUpdate is when an audience's next update is due.
type NextUpdate struct {
	Audience Audience
	Due      time.Time
}

// nextUpdates says when each audience with a rhythm at the incident's
// current severity is due its next update: its rhythm after its last
// update sent. Before the first update at this severity — since the
// declaration, or since the severity was last changed, which is news
// to tell — the first update's delay (5 minutes for a SEV1), else one
// rhythm. A draft awaiting approval is not sent. A resolved or closed
// incident is due nothing.
func nextUpdates(s State, c Cadence, last map[Audience]time.Time, since time.Time) []NextUpdate {
	if s.Incident.Status == Resolved || s.Incident.Status == Closed {
		return nil
	}
	var out []NextUpdate
	for _, aud := range Audiences {
		every := c.Every[s.Incident.Severity][aud]
		if every <= 0 {
			continue
		}
		due := since.Add(every)
		if first := c.First[s.Incident.Severity]; first > 0 {
			due = since.Add(first)
		}
		if t, ok := last[aud]; ok && !t.Before(since) {
			due = t.Add(every)
		}
		out = append(out, NextUpdate{Audience: aud, Due: due})
	}
	return out
}
