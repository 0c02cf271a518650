package model

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestParseQuick(t *testing.T) {
	now := time.Date(2026, 11, 25, 14, 30, 0, 0, time.UTC)
	cases := []struct {
		in   string
		kind Kind
		at   time.Time
		text string
	}{
		{"plain note", KindNote, time.Time{}, "plain note"},
		{"d: roll back", KindDecision, time.Time{}, "roll back"},
		{"A: paged the DBA", KindAction, time.Time{}, "paged the DBA"},
		{"th: pool exhausted", KindTheory, time.Time{}, "pool exhausted"},
		{"todo: add an alert", KindFollowup, time.Time{}, "add an alert"},
		{"@14:02 first alert fired", KindNote, now.Add(-28 * time.Minute), "first alert fired"},
		{"-5m d: rolled back", KindDecision, now.Add(-5 * time.Minute), "rolled back"},
		{"d: @13:00 impact started", KindDecision, now.Add(-90 * time.Minute), "impact started"},
		{"-1h30m impact started", KindNote, now.Add(-90 * time.Minute), "impact started"},
		{"@09:00 before the declaration", KindNote, now.Add(-330 * time.Minute), "before the declaration"},
		{"5-10 errors a minute", KindNote, time.Time{}, "5-10 errors a minute"},
		{"-- not a time", KindNote, time.Time{}, "-- not a time"},
	}
	for _, c := range cases {
		q, err := ParseQuick(c.in, now, time.UTC)
		if err != nil || q.Kind != c.kind || !q.At.Equal(c.at) || q.Text != c.text {
			t.Errorf("ParseQuick(%q) = %+v, %v; want %s %v %q", c.in, q, err, c.kind, c.at, c.text)
		}
	}
	for in, want := range map[string]string{
		"@25:99 x": "write @HH:MM", "@14:31 x": "in the future", "-5x x": "write -5m", "-0m x": "write -5m",
	} {
		_, err := ParseQuick(in, now, time.UTC)
		var te *TextError
		if !errors.As(err, &te) || !strings.Contains(err.Error(), want) {
			t.Errorf("ParseQuick(%q) error %v, want %q", in, err, want)
		}
	}
}

func TestBackdatedLog(t *testing.T) {
	f := newFixture(t)
	at := t0.Add(-30 * time.Minute) // before the declaration: allowed
	e := f.do("alice", Log{Text: "impact started", At: at})
	if !e[0].At.Equal(at) || e[0].Recorded.IsZero() || !e[0].Recorded.After(at) {
		t.Errorf("entry %+v", e[0])
	}
	if _, err := f.try("alice", Log{Text: "later", At: f.now.Add(time.Hour)}); err == nil {
		t.Error("an entry backdated into the future was accepted")
	}
	plain := f.do("alice", Log{Text: "now"})
	if !plain[0].Recorded.IsZero() {
		t.Error("an entry written now is marked as backdated")
	}
}
