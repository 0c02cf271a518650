package report

import (
	"fmt"
	"strings"
	"time"

	"github.com/warroom/warroom/model"
)

// Markdown renders the post-incident document: summary, severity and
// status history, who held each role when, tasks and their outcome, and
// the full timeline, in the chosen language. It reads well in a terminal
// and on a code host.
func Markdown(s model.State, o Options) string {
	o.lines = true
	var b strings.Builder
	in := s.Incident
	heading := func(h string) { b.WriteString("\n## " + o.t(h) + "\n\n") }
	head := func(cols ...string) mdTable {
		for i, c := range cols {
			cols[i] = o.t(c)
		}
		return mdTable{head: cols}
	}
	fmt.Fprintf(&b, "# %s: %s\n\n", md(in.ID), md(in.Title))
	t := mdTable{head: []string{"", ""}}
	t.add(o.t("Severity"), fmt.Sprintf("%s (%s)", in.Severity.In(o.Lang),
		md(o.catalog().SeverityDefinitionIn(in.Severity, o.Lang))))
	t.add(o.t("Status"), o.status(string(in.Status)))
	t.add(o.t("Declared"), o.t("%s by %s", o.stamp(in.Declared), md(in.DeclaredBy)))
	t.add(mdCell(o.role(model.RoleRef{Role: model.IncidentManager})), md(s.Commander()))
	if last, ok := s.LastPersonEntry(o.bots(s)); ok {
		t.add(o.t("Last entry"), o.stamp(last.At))
	}
	t.add(o.t("Declared to last entry"), Age(lastTime(s, o).Sub(in.Declared)))
	tm := Timings(s)
	clocks(&t, tm, o)
	b.WriteString(t.String())
	heading("Summary")
	if strings.TrimSpace(in.Summary) == "" {
		b.WriteString("_" + o.t("No summary written yet.") + "_\n")
	} else {
		b.WriteString(mdBlock(in.Summary) + "\n")
	}

	var decisions []model.Entry
	for _, e := range Chronological(s.Timeline) {
		if e.Kind == model.KindDecision {
			decisions = append(decisions, e)
		}
	}
	if len(decisions) > 0 {
		heading("Decisions")
		for _, e := range decisions {
			fmt.Fprintf(&b, "- %s, %s: %s\n", o.stamp(e.At), md(e.By), md(e.Text))
		}
	}

	fillIn(&b, s, o, heading, head)

	if !o.NoChart {
		heading("Timeline chart")
		b.WriteString(chart(s, o, tm))
	}

	heading("Severity and status")
	changes := head("When", "Who", "Change")
	for _, e := range Chronological(s.Timeline) {
		switch e.Kind {
		case model.KindDeclared:
			changes.add(o.stamp(e.At), md(e.By), o.t("declared, %s, %s", mdCell(o.severity(e.From)), model.Investigating.In(o.Lang)))
		case model.KindSeverity, model.KindStatus:
			changes.add(o.stamp(e.At), md(e.By), mdCell(Describe(e, o)))
		}
	}
	b.WriteString(changes.String())

	heading("Roles")
	roles := rolesTable(s, o, tm, head)
	b.WriteString(roles.String())

	heading("Who took part")
	who := participants(s, o, head)
	b.WriteString(who.String())

	if len(s.Theories) > 0 {
		heading("Theories")
		th := theoriesTable(s, o, head)
		b.WriteString(th.String())
	}
	canSection(&b, s, o, heading, head)

	commsSection(&b, s, o, heading, head)

	if counts := s.Customers(); len(counts) > 0 {
		heading("Customer reports")
		ct := head("Channel", "Reports")
		for _, ch := range model.Channels {
			if n, ok := counts[ch]; ok {
				ct.add(md(ch.In(o.Lang)), fmt.Sprint(n))
			}
		}
		b.WriteString(ct.String())
	}

	heading("Tasks")
	if len(s.Tasks) == 0 {
		b.WriteString("_" + o.t("No tasks.") + "_\n")
	} else {
		tasks := head("Task", "Title", "Owner, or who closed it", "State", "Added", "Last change")
		for _, task := range s.Tasks {
			tasks.add(md(task.ID), md(task.Title), mdCell(TaskCredit(s, task, o)), md(task.State.In(o.Lang)),
				o.stamp(task.Created), o.stamp(task.Updated))
		}
		b.WriteString(tasks.String())
	}

	if km := s.KeyMoments(); len(km) > 0 {
		heading("Key moments")
		for _, e := range Chronological(km) {
			fmt.Fprintf(&b, "- %s, %s: %s\n", o.stamp(e.At), md(e.By), mdCell(Describe(e, o)))
		}
	}
	heading("Timeline")
	tl := timelineTable(s, o, head)
	b.WriteString(tl.String())
	return b.String()
}

// lastTime is the time of the latest entry not a bot's, or the
// declaration.
func lastTime(s model.State, o Options) time.Time {
	if last, ok := s.LastPersonEntry(o.bots(s)); ok && last.At.After(s.Incident.Declared) {
		return last.At
	}
	return s.Incident.Declared
}

// mdTable is a markdown pipe table.
type mdTable struct {
	head []string
	rows [][]string
}

func (t *mdTable) add(cells ...string) { t.rows = append(t.rows, cells) }

func (t *mdTable) String() string {
	var b strings.Builder
	b.WriteString("| " + strings.Join(t.head, " | ") + " |\n")
	b.WriteString("|" + strings.Repeat(" --- |", len(t.head)) + "\n")
	for _, r := range t.rows {
		b.WriteString("| " + strings.Join(r, " | ") + " |\n")
	}
	return b.String()
}

// md sanitises stored text for one markdown table cell, list item or
// heading, as text, its line breaks as breaks (mdescape.go).
func md(s string) string { return mdLines(block(s)) }

// mdCell escapes already-sanitised text that holds some of the incident's
// (a description of an entry, a role's label) for one cell, as text, its
// line breaks as breaks.
func mdCell(s string) string { return mdLines(s) }

// mdBlock sanitises multi-line text for paragraphs, as text.
func mdBlock(s string) string { return mdParagraph(s) }
