package report

import (
	"strings"

	"github.com/warroom/warroom/model"
)

// describeConflict renders a conflict entry: a field both sides of a
// strict merge changed apart.
func describeConflict(e model.Entry, o Options) string {
	switch e.Text {
	case model.FieldTitle:
		return o.t("merge conflict on the title: kept %s; the other side wrote %s", line(e.To), line(e.From))
	case model.FieldSummary:
		return o.t("merge conflict on the summary: kept %s; the other side wrote %s", o.text(e.To), o.text(e.From))
	}
	return o.t("merge conflict on %s: kept %s; the other side wrote %s", line(e.Text), o.text(e.To), o.text(e.From))
}

// ConflictLines are merge conflicts, one line each, saying what was kept,
// what the other side wrote and how to decide: for show, check and the
// merge driver.
func ConflictLines(cs []model.Conflict, o Options) []string {
	var out []string
	for _, c := range cs {
		switch c.Field {
		case model.FieldTitle:
			out = append(out, o.t("MERGE CONFLICT on the title: kept %q, the other side wrote %q; choose with `warroom title TEXT` (the same text keeps it)",
				line(c.Kept), line(c.Other)))
		case model.FieldSummary:
			out = append(out, o.t("MERGE CONFLICT on the summary: kept %q, the other side wrote %q; choose with `warroom summary TEXT` (the same text keeps it)",
				line(c.Kept), line(c.Other)))
		}
	}
	return out
}

// writeConflicts lists the open merge conflicts under the header.
func writeConflicts(b *strings.Builder, s model.State, o Options) {
	for _, l := range ConflictLines(s.OpenConflicts(), o) {
		b.WriteString(l + "\n")
	}
}
