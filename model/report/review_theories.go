package report

import (
	"fmt"
	"strings"

	"github.com/warroom/warroom/model"
)

// theoriesTable is the review's account of the tech lead's theories: what
// each said, who stated it when, where it stands, when it was decided
// (confirmed or ruled out) and by whom, and the evidence noted about it,
// each piece with its time and author.
func theoriesTable(s model.State, o Options, head func(...string) mdTable) mdTable {
	type story struct {
		decided  string
		evidence []string
	}
	stories := map[string]*story{}
	for _, t := range s.Theories {
		stories[t.ID] = &story{}
	}
	for _, e := range Chronological(s.Timeline) {
		st := stories[e.Theory]
		if st == nil || e.Kind == model.KindTheory {
			continue // the entry that stated it is the theory itself
		}
		switch e.Kind {
		case model.KindTheoryConfirmed, model.KindTheoryRuledOut:
			st.decided = o.t("%s by %s", o.stamp(e.At), line(e.By))
		case model.KindTheoryReopened:
			st.decided = ""
		}
		if e.Text != "" {
			st.evidence = append(st.evidence, o.t("%s, %s: %s", o.stamp(e.At), line(e.By), block(e.Text)))
		}
	}
	th := head("Theory", "What failed and why", "By", "Stated", "Outcome", "Decided", "Evidence")
	for _, t := range s.Theories {
		st := stories[t.ID]
		decided := st.decided
		if t.State == model.TheoryOpen || decided == "" {
			decided = "—"
		}
		th.add(md(t.ID), md(t.Text), md(t.CreatedBy), o.stamp(t.Created), md(t.State.In(o.Lang)), md(decided),
			md(strings.Join(st.evidence, "\n")))
	}
	return th
}

// canSection writes the CAN reports (conditions, actions, needs), in the
// order they were given; nothing when there were none.
func canSection(b *strings.Builder, s model.State, o Options, heading func(string), head func(...string) mdTable) {
	cans := head("When", "Who", "Role", "Conditions", "Actions", "Needs")
	for _, e := range Chronological(s.Timeline) {
		if e.Kind != model.KindCAN {
			continue
		}
		role := ""
		if !e.RoleRef().IsZero() {
			role = mdCell(o.role(e.RoleRef()))
		}
		cans.add(o.stamp(e.At), md(e.By), role, md(e.Conditions), md(e.Actions), md(e.Needs))
	}
	if len(cans.rows) == 0 {
		return
	}
	heading("CAN reports")
	fmt.Fprint(b, cans.String())
}
