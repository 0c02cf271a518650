package model

import (
	"slices"
	"strings"
)

// Bots are the incident's automated actors: names whose entries are kept
// but are not the story people tell. The incident's policy names them
// (Policy.Bots), so that every screen and the review agree; a served war
// room adds the members its team file marks as bots. A bot's entries are
// dimmed on screens, left out of the review's timeline (one line per bot
// says how many there were), and counted by neither the "last entry"
// clocks nor the scribe's "last heard from".
type Bots []string

// Is reports whether name is one of the bots, matched without regard to
// case.
func (b Bots) Is(name string) bool {
	for _, n := range b {
		if SameName(n, name) {
			return true
		}
	}
	return false
}

// Bots returns the incident's bots: those its policy names, and extra.
func (s State) Bots(extra ...string) Bots {
	out := Bots(s.Policy().BotNames())
	for _, n := range extra {
		if n = strings.TrimSpace(n); n != "" && !out.Is(n) {
			out = append(out, n)
		}
	}
	return out
}

// BotNames lists the bots the policy names, as written.
func (p Policy) BotNames() []string {
	if p.Bots == "" {
		return nil
	}
	return strings.Split(p.Bots, ",")
}

// botList reads the bots rule's value: names separated by commas, or
// none. Names are checked as an entry's author is, and kept once each,
// as first written.
func botList(v string) (string, error) {
	if strings.EqualFold(strings.TrimSpace(v), "none") {
		return "", nil
	}
	var names Bots
	for _, part := range strings.Split(v, ",") {
		if strings.TrimSpace(part) == "" {
			continue
		}
		name, err := checkName("bot", part)
		if err != nil {
			return "", err
		}
		if strings.Contains(name, ",") {
			return "", &InvalidError{What: "bot", Value: name}
		}
		if !names.Is(name) {
			names = append(names, name)
		}
	}
	if len(names) == 0 {
		return "", &InvalidError{What: "bot", Value: v, Valid: []string{"NAME[,NAME…]", "none"}}
	}
	return strings.Join(slices.Clip(names), ","), nil
}

// LastPersonEntry is LastEntry among the entries not written by bots.
func (s State) LastPersonEntry(bots Bots) (Entry, bool) {
	es := s.Timeline
	best := -1
	for i := len(es) - 1; i >= 0; i-- {
		if (best < 0 || es[i].At.After(es[best].At)) && (len(bots) == 0 || !bots.Is(es[i].By)) {
			best = i
		}
	}
	if best < 0 {
		return Entry{}, false
	}
	return es[best], true
}
