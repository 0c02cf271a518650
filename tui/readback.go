package tui

import (
	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/report"
	"github.com/warroom/warroom/model/safetext"
)

// A role handed to you is read back to you on your screen: the
// incident's status, the role's open tasks, the next update due when the
// role sends updates, and the briefing. Y accepts it, which confirms you
// have it; N declines it. A decline is told to whoever handed the role,
// with the reason.

// readBack is the sheet that reads ref back to the person it was handed
// to.
func (m *Model) readBack(ref model.RoleRef) *sheet {
	c := m.c
	rb := c.state().ReadBackOf(c.catalog, ref)
	lines := []string{c.t("%s handed you %s. You take over:", safetext.Line(rb.By), c.label(ref)), ""}
	lines = append(lines, c.t("The incident: %s · %s", c.sevWord(rb.Severity), c.statusWord(rb.Status)))
	if rb.Briefing == "" {
		lines = append(lines, c.t("Briefing: none given"))
	} else {
		lines = append(lines, c.t("Briefing: %s", safetext.Line(rb.Briefing)))
	}
	if len(rb.Tasks) == 0 {
		lines = append(lines, c.t("Open tasks of the role: none"))
	} else {
		lines = append(lines, c.n(len(rb.Tasks), "Open task of the role (%d):|Open tasks of the role (%d):", len(rb.Tasks)))
		for i, t := range rb.Tasks {
			if i == listCap {
				lines = append(lines, c.t("  and %d more in the task list", len(rb.Tasks)-listCap))
				break
			}
			lines = append(lines, "  "+stateMark(t)+" "+safetext.Line(t.ID)+" "+safetext.Line(t.Title)+
				report.Due(t, report.Options{Lang: c.lang, Now: c.now}))
		}
	}
	if rb.HasNext {
		aud := rb.Next.Audience.In(c.lang)
		if rb.Next.Due.Before(c.now) {
			lines = append(lines, c.t("The next %s update is OVERDUE by %s", aud, clock(c.now.Sub(rb.Next.Due))))
		} else {
			lines = append(lines, c.t("The next %s update is due at %s, in %s", aud, c.localTime(rb.Next.Due), clock(rb.Next.Due.Sub(c.now))))
		}
	}
	lines = append(lines, "", c.t("Y accepts: you have it · N declines, with a reason · esc: later"))
	return &sheet{title: c.t("%s is yours", c.label(ref)), lines: lines}
}

// declined says to whoever handed a role that it was declined, and why.
func (m *Model) declined(after model.State, e model.Entry) {
	a, ok := after.DeclinedHandoff(e)
	if !ok || !model.SameName(a.By, m.c.actor) {
		return
	}
	m.tell(m.c.t("%s declined %s: %s", safetext.Line(e.From), m.c.label(e.RoleRef()), safetext.Line(e.Text)))
}
