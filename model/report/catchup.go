package report

import (
	"fmt"
	"strings"
	"time"

	"github.com/warroom/warroom/model"
)

// CatchUp renders what changed in an incident since c.Since, for c.For,
// as plain text: the status and severity now and their changes; role
// changes, those that concern them first; tasks added, given to them,
// done; updates sent and when the next is due; theories decided;
// decisions and key moments; then how many other entries, by kind and
// by person, and one line per bot. `warroom catchup` prints it; a screen
// shows the same lines to someone back from being away.
func CatchUp(s model.State, c model.CatchUp, o Options) string {
	var b strings.Builder
	for _, l := range CatchUpLines(s, c, o) {
		b.WriteString(l + "\n")
	}
	return b.String()
}

// CatchUpLines is CatchUp, one line a string, each sanitised for a
// terminal; lines of entries start with two spaces.
func CatchUpLines(s model.State, c model.CatchUp, o Options) []string {
	var out []string
	add := func(l string) { out = append(out, l) }
	who := line(c.For)
	switch {
	case c.Since.IsZero() && who != "":
		add(o.t("Catch-up for %s: the whole incident so far (you have not taken part yet)", who))
	case c.Since.IsZero():
		add(o.t("Catch-up: the whole incident so far"))
	case who != "":
		add(o.t("Catch-up for %s: what changed since %s (%s ago)", who, o.clock(c.Since), Age(o.Now.Sub(c.Since))))
	default:
		add(o.t("Catch-up: what changed since %s (%s ago)", o.clock(c.Since), Age(o.Now.Sub(c.Since))))
	}
	in := s.Incident
	sev := in.Severity.In(o.Lang)
	if in.Severity == model.SevUnset {
		sev = o.t("severity unset")
	}
	add(o.t("Now: %s · %s · incident manager %s", sev, o.status(string(in.Status)), line(s.Commander())))
	section := func(title string, es []model.Entry) {
		if len(es) == 0 {
			return
		}
		add("")
		add(o.t(title))
		t := table{indent: "  "}
		for _, e := range es {
			t.add(o.clock(e.At), line(e.By), Describe(e, o))
		}
		out = append(out, strings.Split(strings.TrimSuffix(t.String(), "\n"), "\n")...)
	}
	section("Status and severity", c.Changes)
	section("Roles", c.Roles)
	section("Tasks given to you", c.TasksForYou)
	section("Tasks added", c.TasksAdded)
	section("Tasks done", c.TasksDone)
	section("Updates sent", c.Updates)
	if next, ok := s.Comms(s.Policy().Cadence()).Soonest(); ok {
		if len(c.Updates) == 0 {
			add("")
			add(o.t("Updates sent"))
			add("  " + o.t("none sent since"))
		}
		if next.Due.Before(o.Now) {
			add("  " + o.t("the next %s update is OVERDUE by %s", next.Audience.In(o.Lang), Age(o.Now.Sub(next.Due))))
		} else {
			add("  " + o.t("the next %s update is due at %s (in %s)", next.Audience.In(o.Lang), o.clock(next.Due), Age(next.Due.Sub(o.Now))))
		}
	}
	section("Theories decided", c.Theories)
	section("Decisions", c.Decisions)
	section("Key moments", c.KeyMoments)
	if kinds := c.KindsByCount(); len(kinds) > 0 {
		n := 0
		var parts []string
		for _, k := range kinds {
			n += c.OthersByKind[k]
			parts = append(parts, fmt.Sprintf("%s %d", line(k.In(o.Lang)), c.OthersByKind[k]))
		}
		var people []string
		for _, p := range c.PeopleByCount() {
			people = append(people, fmt.Sprintf("%s %d", line(p), c.OthersByPerson[p]))
		}
		add("")
		add(o.n(n, "%d other entry: %s; by %s|%d other entries: %s; by %s", n, strings.Join(parts, ", "), strings.Join(people, ", ")))
	}
	for _, bot := range c.BotsByCount() {
		add(o.n(c.Bots[bot], "%s (bot): %d entry|%s (bot): %d entries", line(bot), c.Bots[bot]))
	}
	if c.Empty() {
		add("")
		add(o.t("Nothing has happened since."))
	}
	return out
}

// CatchUpFor is the catch-up of who, from since when it is set, else
// since they last took part: their last entry, or lastScreen (when they
// last had a screen on it), whichever is later.
func CatchUpFor(s model.State, who string, since, lastScreen time.Time, o Options) model.CatchUp {
	if since.IsZero() {
		since = s.CatchUpSince(who, lastScreen)
	}
	return s.CatchUp(since, who, o.bots(s))
}
