package model

import (
	"strings"
	"time"

	"github.com/warroom/warroom/model/i18n"
)

// Quick is a note as typed quickly: its kind and time from prefixes, and
// the rest as text.
type Quick struct {
	Kind Kind      // KindNote without a kind prefix
	At   time.Time // zero: now
	Text string
}

// quickKinds are the kind prefixes of quick capture.
var quickKinds = []struct {
	prefix string
	kind   Kind
}{{"d:", KindDecision}, {"a:", KindAction}, {"th:", KindTheory}, {"todo:", KindFollowup}}

// ParseQuick reads the prefixes people type before a note, in either
// order: a kind ("d:" decision, "a:" action, "th:" theory, "todo:"
// follow-up) and a time it happened ("@14:02", today in loc, or "-5m",
// "-90s", "-1h30m" before now). A time in the future is refused; a
// malformed one is an error naming the valid form, never text.
func ParseQuick(v string, now time.Time, loc *time.Location) (Quick, error) {
	q := Quick{Kind: KindNote}
	rest := strings.TrimSpace(v)
	kindSeen, timeSeen := false, false
	for {
		switch {
		case !kindSeen && hasKindPrefix(rest):
			for _, k := range quickKinds {
				if len(rest) >= len(k.prefix) && strings.EqualFold(rest[:len(k.prefix)], k.prefix) {
					q.Kind, rest = k.kind, strings.TrimSpace(rest[len(k.prefix):])
					break
				}
			}
			kindSeen = true
			continue
		case !timeSeen && (strings.HasPrefix(rest, "@") || isRelative(rest)):
			word, after, _ := strings.Cut(rest, " ")
			at, err := parseWhen(word, now, loc)
			if err != nil {
				return Quick{}, err
			}
			q.At, rest, timeSeen = at, strings.TrimSpace(after), true
			continue
		}
		break
	}
	q.Text = rest
	return q, nil
}

func hasKindPrefix(s string) bool {
	for _, k := range quickKinds {
		if len(s) >= len(k.prefix) && strings.EqualFold(s[:len(k.prefix)], k.prefix) {
			return true
		}
	}
	return false
}

// isRelative reports "-5m"-like words: a minus followed by a digit.
func isRelative(s string) bool { return len(s) > 1 && s[0] == '-' && s[1] >= '0' && s[1] <= '9' }

// parseWhen reads "@HH:MM" or "-DURATION".
func parseWhen(word string, now time.Time, loc *time.Location) (time.Time, error) {
	if loc == nil {
		loc = time.Local
	}
	var at time.Time
	if strings.HasPrefix(word, "@") {
		t, err := time.ParseInLocation("15:04", word[1:], loc)
		if err != nil {
			return time.Time{}, &TextError{Field: "time", Reason: i18n.M("%s is not a time; write @HH:MM, such as @14:02", word)}
		}
		n := now.In(loc)
		at = time.Date(n.Year(), n.Month(), n.Day(), t.Hour(), t.Minute(), 0, 0, loc)
	} else {
		d, err := time.ParseDuration(word[1:])
		if err != nil || d <= 0 {
			return time.Time{}, &TextError{Field: "time", Reason: i18n.M("%s is not a time before now; write -5m, -90s or -1h30m", word)}
		}
		at = now.Add(-d)
	}
	if at.After(now) {
		return time.Time{}, &TextError{Field: "time", Reason: i18n.M("%s is in the future; backdate to a time that has passed", word)}
	}
	return at.UTC(), nil
}
