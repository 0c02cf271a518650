package report

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/i18n"
	"github.com/warroom/warroom/model/safetext"
)

// Options say how to render: in which language, in which time zone, and
// what time it is now (for ages such as "12m ago").
type Options struct {
	Catalog *model.Catalog
	Lang    i18n.Lang // English also when empty
	Loc     *time.Location
	Now     time.Time
	// NoChart leaves the timeline chart out of the review (Markdown).
	NoChart bool
	// Bots names automated actors besides those the incident's policy
	// names: the members a served war room's team file marks as bots.
	Bots []string
	// AllEntries keeps the bots' entries in the review's timeline.
	AllEntries bool
	// lines keeps the line breaks of what people wrote (notes, briefings,
	// updates), for the review, which renders them as breaks; other
	// outputs show each entry on one line.
	lines bool
}

// bots are the incident's automated actors as o sees them.
func (o Options) bots(s model.State) model.Bots { return s.Bots(o.Bots...) }

func (o Options) catalog() *model.Catalog {
	if o.Catalog == nil {
		return model.DefaultCatalog()
	}
	return o.Catalog
}

// t translates an English message into the chosen language and fills it in.
func (o Options) t(msg string, args ...any) string { return o.Lang.T(msg, args...) }

// n is t for a message with a singular and a plural form ("one|other"),
// chosen by count.
func (o Options) n(count int, forms string, args ...any) string {
	return o.Lang.N(count, forms, args...)
}

func (o Options) loc() *time.Location {
	if o.Loc == nil {
		return time.Local
	}
	return o.Loc
}

// clock renders a time as the screen shows it: "23:41" today,
// "2026-11-24 23:41" on another day, in the chosen time zone.
func (o Options) clock(t time.Time) string {
	if t.IsZero() {
		return "—"
	}
	lt := t.In(o.loc())
	now := o.Now.In(o.loc())
	if lt.Year() == now.Year() && lt.YearDay() == now.YearDay() {
		return lt.Format("15:04")
	}
	return lt.Format("2006-01-02 15:04")
}

// stamp renders a full time for documents: "2026-11-25 23:41:05 UTC".
func (o Options) stamp(t time.Time) string {
	if t.IsZero() {
		return "—"
	}
	return t.In(o.loc()).Format("2006-01-02 15:04:05 MST")
}

// Age renders a duration compactly: 45s, 12m, 3h05m, 2d04h.
func Age(d time.Duration) string {
	if d < 0 {
		d = 0
	}
	switch {
	case d < time.Minute:
		return fmt.Sprintf("%ds", int(d.Seconds()))
	case d < time.Hour:
		return fmt.Sprintf("%dm", int(d.Minutes()))
	case d < 24*time.Hour:
		return fmt.Sprintf("%dh%02dm", int(d.Hours()), int(d.Minutes())%60)
	}
	return fmt.Sprintf("%dd%02dh", int(d.Hours())/24, int(d.Hours())%24)
}

// line sanitises stored text for one line of output.
func line(s string) string { return safetext.Line(s) }

// text sanitises what a person wrote: as one line, or keeping its line
// breaks for the review.
func (o Options) text(s string) string {
	if !o.lines {
		return line(s)
	}
	return block(s)
}

// block sanitises stored text keeping its line breaks: a CR LF is one
// break, breaks at either end are left out, tabs are spaces.
func block(s string) string {
	s = strings.Trim(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	return strings.ReplaceAll(safetext.Block(s), "\t", " ")
}

// severity renders a stored severity ("SEV1", "unset") in the chosen language.
func (o Options) severity(v string) string {
	if v == model.SevUnset.String() {
		return model.SevUnset.In(o.Lang)
	}
	return line(v)
}

// status renders a stored status in the chosen language.
func (o Options) status(v string) string { return line(model.Status(v).In(o.Lang)) }

// audience renders the audience of an update entry in the chosen
// language.
func (o Options) audience(e model.Entry) string { return line(e.Audience().In(o.Lang)) }

// role renders a role instance label.
func (o Options) role(ref model.RoleRef) string {
	return line(ref.Label(o.catalog(), o.Lang))
}

// Chronological returns the timeline in the order things happened. Entries
// are written in the order they were recorded, so a backdated one stands
// after later ones in the file; this puts it in its place (stably, so
// entries of one moment keep their order). It copies only when needed.
func Chronological(es []model.Entry) []model.Entry {
	if slices.IsSortedFunc(es, byTime) {
		return es
	}
	out := slices.Clone(es)
	slices.SortStableFunc(out, byTime)
	return out
}

func byTime(a, b model.Entry) int { return a.At.Compare(b.At) }

// Due says where a time-boxed open task stands: " · due in 4m" or
// " · OVERDUE 2m"; "" for other tasks.
func Due(t model.Task, o Options) string {
	if t.Due.IsZero() || !t.Open() {
		return ""
	}
	if left := t.Due.Sub(o.Now); left >= 0 {
		return o.t(" · due in %s", Age(left))
	}
	return o.t(" · OVERDUE %s", Age(o.Now.Sub(t.Due)))
}
