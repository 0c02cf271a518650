package tui

import (
	"time"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/i18n"
	"github.com/warroom/warroom/model/safetext"
)

// common is what every part of the screen shares: how to draw (styles),
// what the roles are (catalog), the language, the clock reading of this
// update, who is at the keyboard, the incident as last shown (snapshot),
// and what a pane may ask of the screen (act). The root model owns it and
// changes it only in Update; panes read it.
type common struct {
	styles  *Styles
	catalog *model.Catalog
	lang    i18n.Lang
	actor   string
	wall    bool              // the room's read-only big screen: nothing edits
	viewer  bool              // a member who may only watch: nothing edits, and the screen says so
	comms   model.CommsPolicy // the team's drafts; the rhythms are the incident's (State.Policy)
	clock   func() time.Time  // the screen's clock, read when a change is made
	now     time.Time         // the clock as of the last tick: what the clocks show
	kindW   int               // width of the timeline's kind column in this language
	snap    *snapshot
	act     actions
	global  *globalKeys // the keys every pane may name in its hints
	present []Present   // who is connected to a served war room; nil otherwise
	loading bool        // the timeline shown is its latest entries; the rest is being read
	checks  bool        // the team has check hooks: a resolve waits for them (checks.go)
	members []string    // the served war room's team, for completing names
	waiting int         // how many things wait on the person at the keyboard (waiting.go)
	// others are the other incidents open in the folder (folder.go);
	// runbooks, those that apply at a declaration or a rise of the
	// severity made here.
	others   []openIncident
	runbooks []model.Runbook
}

// actions are what a pane may ask of the screen while it handles a key.
// They take effect at once, so that the next key of a burst finds them
// done.
type actions interface {
	// change applies op on screen and saves it in the background; false
	// when the model refuses it (the notice says why).
	change(op model.Op) bool
	// open shows a prompt; every key is its text until it closes.
	open(p *prompt)
	// notify shows a one-off message under the panes.
	notify(text string)
	// read shows a timeline entry in full, over the panes.
	read(e model.Entry)
	// checkResolve runs the team's check hooks before the incident is
	// set to a resolved or closed status, in the background.
	checkResolve(to model.Status)
}

// t translates an English message format into the screen's language and
// fills it in.
func (c *common) t(format string, args ...any) string { return c.lang.T(format, args...) }

// n translates a message with a singular and a plural form ("one|other")
// and fills it in; count chooses the form.
func (c *common) n(count int, forms string, args ...any) string {
	return c.lang.N(count, forms, args...)
}

// explain renders an error in the screen's language.
func (c *common) explain(err error) string { return model.Explain(err, c.lang) }

// label renders a role instance's name in the screen's language, safe to
// draw.
func (c *common) label(ref model.RoleRef) string {
	return safetext.Line(ref.Label(c.catalog, c.lang))
}

// state is the incident as shown.
func (c *common) state() model.State { return c.snap.state }

// localTime renders a time on the screen's clock: 15:04, or with the day
// when it is not today.
func (c *common) localTime(t time.Time) string {
	lt, now := t.In(c.now.Location()), c.now
	if lt.Year() == now.Year() && lt.YearDay() == now.YearDay() {
		return lt.Format("15:04")
	}
	return c.dayTime(lt, "Jan 02 15:04")
}

// dated says something about a moment in a sentence: with the today form
// of the message when the moment is today (its time first among the
// arguments: "since %s"), else with the other form (its time, then its
// date: "since %s on %s" — "desde las 22:48 del 24/11"), so that each
// language can put the words around a time and a date its own way.
func (c *common) dated(t time.Time, today, other string, args ...any) string {
	lt := t.In(c.now.Location())
	tm := lt.Format("15:04")
	if lt.Year() == c.now.Year() && lt.YearDay() == c.now.YearDay() {
		return c.t(today, append([]any{tm}, args...)...)
	}
	date := lt.Format("Jan 2")
	if c.lang != i18n.English && c.lang != "" {
		date = lt.Format("2/1")
	}
	return c.t(other, append([]any{tm, date}, args...)...)
}

// entryTime renders an entry's time: 15:04, with the date when the
// incident has run across days, so the column keeps one width.
func (c *common) entryTime(t time.Time) string {
	lt, decl := t.In(c.now.Location()), c.state().Incident.Declared.In(c.now.Location())
	if decl.YearDay() != c.now.YearDay() || decl.Year() != c.now.Year() {
		return c.dayTime(lt, "Jan02 15:04")
	}
	return lt.Format("15:04")
}

// dayTime renders a time with its day: in English in layout (Go's month
// names are English), in any other language as day/month and time.
func (c *common) dayTime(t time.Time, layout string) string {
	if c.lang != i18n.English && c.lang != "" {
		return t.Format("02/01 15:04")
	}
	return t.Format(layout)
}

// sevWord is a severity as the header and the wall show it: "SEV1 CRITICAL".
func (c *common) sevWord(sev model.Severity) string { return c.t(sevWords[sev]) }

// statusWord is a status in the screen's language.
func (c *common) statusWord(st model.Status) string { return st.In(c.lang) }

// sevWords make the severity readable without colour (in English: the
// screen translates them).
var sevWords = map[model.Severity]string{
	model.Sev1: "SEV1 CRITICAL", model.Sev2: "SEV2 MAJOR", model.Sev3: "SEV3 MINOR", model.SevUnset: "SEV UNSET",
}
