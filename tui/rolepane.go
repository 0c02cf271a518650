package tui

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/lipgloss"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/report"
	"github.com/warroom/warroom/model/safetext"
)

// staleAfter is how long an open task may go untouched before the
// incident manager's board lists it.
const staleAfter = 15 * time.Minute

// roleLines renders the focused role's pane, w columns wide: who holds it,
// what the role does, its open tasks and latest entries. The incident
// manager's pane starts with the "nobody owns this" board.
func (m *Model) roleLines(w int) []string {
	s := m.styles()
	h := m.focusedRole()
	role, _ := m.opts.Catalog.Role(h.Ref.Role)
	txt := role.In(m.opts.Lang)
	var out []string
	add := func(lines ...string) { out = append(out, lines...) }

	title := s.PaneTitle.Render(safetext.Line(m.label(h.Ref)))
	add(title + s.Muted.Render(fmt.Sprintf("  %d/%d", m.role+1, len(m.holdings))))
	if h.Default {
		add(s.DefaultHolder.Render(m.t("Held by %s, the incident manager: not handed to anyone yet", safetext.Line(h.Holder))))
	} else {
		add(s.Holder.Render(m.t("Held by %s", safetext.Line(h.Holder))) +
			s.Text.Render(m.t(" since %s (%s ago)", m.localTime(h.Since), report.Age(m.now.Sub(h.Since)))))
		if h.Note != "" {
			for _, l := range wrap(m.t(`Briefing: "%s"`, safetext.Line(h.Note)), w) {
				add(s.Muted.Render(l))
			}
		}
	}
	if h.Ref.Role == model.IncidentManager {
		add(m.approvalLines(w)...)
		add(m.boardLines(w)...)
		add(m.canLines(w)...)
	}
	if h.Ref.Role == model.TechLead {
		add(m.theoryLines(h.Ref, w)...)
	}
	if h.Ref.Role == model.CustomerSupportLead || h.Ref.Role == model.SocialMediaLead {
		add(m.customerLines()...)
	}
	if h.Ref.Role == model.CommunicationsManager {
		add(m.commsLines(w)...)
	}
	if h.Ref.Role == model.ProblemManager {
		add(m.followUpLines(w)...)
	}
	add("")
	for _, l := range wrap(txt.Primary, w) {
		add(s.Text.Render(l))
	}
	for _, sec := range txt.Secondary {
		for i, l := range wrap(sec, w-2) {
			if i == 0 {
				add(s.Muted.Render("• " + l))
			} else {
				add(s.Muted.Render("  " + l))
			}
		}
	}
	if len(txt.OtherNames) > 0 {
		add(s.Muted.Render(m.t("Also called: %s", strings.Join(txt.OtherNames, ", "))))
	}

	var open []model.Task
	for _, t := range m.state.Tasks {
		if t.Open() && t.RoleRef() == h.Ref {
			open = append(open, t)
		}
	}
	add("", s.Bold.Render(m.t("Open tasks (%d)", len(open))))
	add(m.someTasks(open, w, false)...)
	if len(open) == 0 {
		add(s.Muted.Render(m.t("  none")))
	}

	add("", s.Bold.Render(m.t("Latest from this role")))
	for _, e := range m.roleEntries {
		add(m.entryLine(e, w))
	}
	if len(m.roleEntries) == 0 {
		add(s.Muted.Render(m.t("  none")))
	}
	return out
}

// Latest entries shown on a role pane, and how far back to look for them.
const (
	roleEntries     = 5
	roleEntriesScan = 5000
)

// findRoleEntries collects the latest entries about the focused role, or
// written by its holder about no role in particular. It runs in Update
// when the state or the focus changes, so drawing never scans the
// timeline.
func (m *Model) findRoleEntries() {
	h := m.focusedRole()
	m.roleEntries = m.roleEntries[:0:0]
	m.cans = m.cans[:0:0]
	for i := len(m.state.Timeline) - 1; i >= 0 && i >= len(m.state.Timeline)-roleEntriesScan && len(m.cans) < 3; i-- {
		if e := m.state.Timeline[i]; e.Kind == model.KindCAN {
			m.cans = append(m.cans, e)
		}
	}
	tl := m.state.Timeline
	for i := len(tl) - 1; i >= 0 && i >= len(tl)-roleEntriesScan && len(m.roleEntries) < roleEntries; i-- {
		e := tl[i]
		if e.RoleRef() == h.Ref || (e.Role == "" && !h.Default && e.By == h.Holder) {
			m.roleEntries = append(m.roleEntries, e)
		}
	}
}

// boardLines is the incident manager's "nobody owns this" board: tasks
// without an owner, roles still on the incident manager, and open tasks
// nobody has touched for 15 minutes.
func (m *Model) boardLines(w int) []string {
	s := m.styles()
	var unowned, stale []model.Task
	for _, t := range m.state.Tasks {
		if !t.Open() {
			continue
		}
		if t.Role == "" && t.Owner == "" {
			unowned = append(unowned, t)
		}
		if m.now.Sub(t.Updated) >= staleAfter {
			stale = append(stale, t)
		}
	}
	var defaults []string
	for _, h := range m.holdings {
		if h.Default {
			defaults = append(defaults, safetext.Line(m.label(h.Ref)))
		}
	}
	var expired []model.Task
	for _, t := range m.state.Tasks {
		if t.Expired(m.now) {
			expired = append(expired, t)
		}
	}
	out := []string{s.Warning.Render(m.t("NOBODY OWNS THIS"))}
	if len(expired) > 0 {
		out = append(out, s.Warning.Render(m.t("TIME BOX EXPIRED (%d)", len(expired))))
		out = append(out, m.someTasks(expired, w, false)...)
	}
	if len(unowned)+len(stale)+len(defaults) == 0 {
		return append(out, s.Muted.Render(m.t("  every task has an owner and every role a holder")))
	}
	out = append(out, s.Bold.Render(m.t("Tasks without an owner (%d)", len(unowned))))
	out = append(out, m.someTasks(unowned, w, false)...)
	out = append(out, s.Bold.Render(m.t("Roles still with the incident manager (%d)", len(defaults))))
	for _, l := range wrap(strings.Join(defaults, ", "), w-2) {
		out = append(out, "  "+s.DefaultHolder.Render(l))
	}
	out = append(out, s.Bold.Render(m.t("Open tasks untouched for %d min (%d)", int(staleAfter.Minutes()), len(stale))))
	return append(out, m.someTasks(stale, w, true)...)
}

// listCap is how many tasks a list in the role pane shows; the task list
// pane has them all.
const listCap = 6

// someTasks renders up to listCap tasks and says how many more there are,
// so that drawing the pane costs the same however many tasks there are.
func (m *Model) someTasks(ts []model.Task, w int, untouched bool) []string {
	var out []string
	for i, t := range ts {
		if i == listCap {
			out = append(out, m.styles().Muted.Render(m.t("  and %d more in the task list", len(ts)-listCap)))
			break
		}
		out = append(out, m.taskLine(t, w, untouched))
	}
	return out
}

// stateMark renders a task's state as a box a colourless screen can read.
func stateMark(t model.Task) string {
	switch t.State {
	case model.TaskInProgress:
		return "[~]"
	case model.TaskDone:
		return "[x]"
	case model.TaskCancelled:
		return "[-]"
	}
	return "[ ]"
}

// taskLine renders a task in one line: state, id and title on the left;
// owner and age on the right, where they stay visible however long the
// title is.
func (m *Model) taskLine(t model.Task, w int, untouched bool) string {
	s := m.styles()
	age := report.Age(m.now.Sub(t.Created))
	if untouched {
		age = m.t("untouched %s", report.Age(m.now.Sub(t.Updated)))
	}
	owner := m.taskOwner(t)
	right := " " + fit(owner, min(lipgloss.Width(owner), max(8, w/3))) + " · " + age
	if !t.Due.IsZero() && t.Open() {
		if left := t.Due.Sub(m.now); left >= 0 {
			right += " · ⏱ " + clock(left)
		} else {
			right += " · " + s.Warning.Render(m.t("⏱ OVER %s", clock(-left)))
		}
	}
	left := stateMark(t) + " " + safetext.Line(t.ID) + " " + safetext.Line(t.Title)
	st := s.Text
	if !t.Open() {
		st = s.Done
	}
	if lipgloss.Width(right) > w/2 {
		return fit(st.Render(left+right), w)
	}
	return st.Render(fit(left, w-lipgloss.Width(right)) + right)
}

// kindWords are the timeline kinds as the screen names them, in English:
// the screen translates them (kindWord).
var kindWords = map[model.Kind]string{
	model.KindDeclared: "declared", model.KindNote: "note", model.KindDecision: "decision",
	model.KindAction: "action", model.KindTheory: "theory", model.KindFollowup: "follow-up",
	model.KindHandoff: "handoff", model.KindStatus: "status", model.KindSeverity: "severity",
	model.KindTaskAdded: "task +", model.KindTaskStarted: "task ~", model.KindTaskDone: "task done",
	model.KindTaskReopened: "reopened", model.KindTaskAssigned: "task →",
	model.KindTaskCancelled: "task -", model.KindRetracted: "took back",
	model.KindCAN: "CAN", model.KindTheoryConfirmed: "confirmed", model.KindTheoryRuledOut: "ruled out",
	model.KindTheoryReopened: "reopened", model.KindFollowUpDone: "f-up done", model.KindFollowUpReopened: "f-up open",
	model.KindFollowUpChanged: "f-up set", model.KindCustomers: "customers",
	model.KindComms: "update", model.KindCommsDraft: "draft", model.KindCommsRejected: "sent back",
	model.KindCustomerReport: "customer", model.KindSocialPost: "post",
}

// entryTime renders an entry's time: 15:04, with the date when the incident
// has run across days, so the column keeps one width.
func (m *Model) entryTime(t time.Time) string {
	lt, decl := t.In(m.now.Location()), m.state.Incident.Declared.In(m.now.Location())
	if decl.YearDay() != m.now.YearDay() || decl.Year() != m.now.Year() {
		return m.dayTime(lt, "Jan02 15:04")
	}
	return lt.Format("15:04")
}

// entryLine renders a timeline entry in one line: time, author, kind, text.
func (m *Model) entryLine(e model.Entry, w int) string {
	s := m.styles()
	desc := report.Describe(e, report.Options{Catalog: m.opts.Catalog, Lang: m.opts.Lang})
	head := s.Muted.Render(m.entryTime(e.At)) + " " + s.Holder.Render(fit(safetext.Line(e.By), 8)) + " " +
		s.Kind.Render(fit(m.kindWord(e.Kind), m.kindW)) + " "
	if m.retracted[e.ID] {
		return fit(head+s.Done.Render(m.t("(taken back) %s", desc)), w)
	}
	return fit(head+s.Text.Render(desc), w)
}

// kindWord names a timeline kind in the screen's language.
func (m *Model) kindWord(k model.Kind) string {
	if w, ok := kindWords[k]; ok {
		return m.t(w)
	}
	return safetext.Line(string(k))
}

// kindWidth is the width of the kind column: the widest kind word in the
// screen's language, so that the column keeps one width. New works it out
// once (kindW).
func (m *Model) kindWidth() int {
	w := 9
	for k := range kindWords {
		w = max(w, lipgloss.Width(m.kindWord(k)))
	}
	return w
}

// taskOwner says who owns a task in few columns, the person always shown:
// "TL·database (ivan)", "grace", or nobody.
func (m *Model) taskOwner(t model.Task) string {
	person := t.Owner
	if person == "" && !t.RoleRef().IsZero() {
		person, _ = m.state.Holder(t.RoleRef())
	}
	switch {
	case !t.RoleRef().IsZero() && person != "":
		return safetext.Line(shortName(m.opts.Catalog, t.RoleRef(), 0)) + " (" + safetext.Line(person) + ")"
	case person != "":
		return safetext.Line(person)
	}
	return report.TaskOwner(m.state, t, report.Options{Catalog: m.opts.Catalog, Lang: m.opts.Lang})
}

// theoriesOf lists the theories a tech lead pane shows: its own, and the
// ones stated about no role in particular, open ones first.
func (m *Model) theoriesOf(ref model.RoleRef) []model.Theory {
	var open, closed []model.Theory
	for _, t := range m.state.Theories {
		if t.Role != "" && t.RoleRef() != ref {
			continue
		}
		if t.State == model.TheoryOpen {
			open = append(open, t)
		} else {
			closed = append(closed, t)
		}
	}
	return append(open, closed...)
}

// theoryLines is the tech lead's list of theories: what may have failed
// and why, and which were confirmed or ruled out.
func (m *Model) theoryLines(ref model.RoleRef, w int) []string {
	s := m.styles()
	ts := m.theoriesOf(ref)
	open := 0
	for _, t := range ts {
		if t.State == model.TheoryOpen {
			open++
		}
	}
	out := []string{s.Bold.Render(m.t("Theories (%d open) · c confirm · r rule out · n with th: adds one", open))}
	for i, t := range ts {
		if i == listCap {
			out = append(out, s.Muted.Render(m.t("  and %d more", len(ts)-listCap)))
			break
		}
		mark, st := "[?]", s.Text
		switch t.State {
		case model.TheoryConfirmed:
			mark, st = "[✓]", s.Holder
		case model.TheoryRuledOut:
			mark, st = "[✗]", s.Done
		}
		out = append(out, fit(st.Render(mark+" "+safetext.Line(t.ID)+" "+safetext.Line(t.Text)+" · "+t.State.In(m.opts.Lang)), w))
	}
	if len(ts) == 0 {
		out = append(out, s.Muted.Render(m.t("  none yet")))
	}
	return out
}

// canLines shows the latest CAN reports on the incident manager's pane,
// newest first. They are found in Update (findRoleEntries), not here.
func (m *Model) canLines(w int) []string {
	if len(m.cans) == 0 {
		return nil
	}
	s := m.styles()
	out := []string{s.Bold.Render(m.t("CAN reports, newest first"))}
	for _, e := range m.cans {
		who := safetext.Line(e.By)
		if !e.RoleRef().IsZero() {
			who += " · " + safetext.Line(shortName(m.opts.Catalog, e.RoleRef(), 0))
		}
		out = append(out, fit(s.Muted.Render(m.entryTime(e.At)+" "+who), w))
		for _, part := range []string{m.t("C: %s", safetext.Line(e.Conditions)), m.t("A: %s", safetext.Line(e.Actions)), m.t("N: %s", safetext.Line(e.Needs))} {
			out = append(out, fit(s.Text.Render("  "+part), w))
		}
	}
	return out
}

// followUpLines is the problem manager's list of follow-ups: the
// remediation after the incident, with owner, due date and ticket.
func (m *Model) followUpLines(w int) []string {
	s := m.styles()
	open := 0
	for _, f := range m.state.FollowUps {
		if !f.Done {
			open++
		}
	}
	out := []string{s.Bold.Render(m.t("Follow-ups (%d open) · a note starting todo: adds one", open))}
	for i, f := range m.state.FollowUps {
		if i == listCap {
			out = append(out, s.Muted.Render(m.t("  and %d more", len(m.state.FollowUps)-listCap)))
			break
		}
		mark, st := "[ ]", s.Text
		if f.Done {
			mark, st = "[x]", s.Done
		}
		var details []string
		for _, d := range []string{f.Owner, f.Due, f.Ticket} {
			if d != "" {
				details = append(details, safetext.Line(d))
			}
		}
		text := mark + " " + safetext.Line(f.ID) + " " + safetext.Line(f.Title)
		if len(details) > 0 {
			text += " · " + strings.Join(details, " · ")
		}
		out = append(out, fit(st.Render(text), w))
	}
	if len(m.state.FollowUps) == 0 {
		out = append(out, s.Muted.Render(m.t("  none yet")))
	}
	return out
}

// customerLines shows the customer reports counted so far and their trend
// over the last 30 minutes.
func (m *Model) customerLines() []string {
	s := m.styles()
	var parts []string
	for _, ch := range model.Channels {
		parts = append(parts, fmt.Sprintf("%s %d", ch, m.customers[ch]))
	}
	out := []string{s.Bold.Render(m.t("Customer reports: %s · + ticket · p call · m mention", strings.Join(parts, " · ")))}
	bars := []rune("▁▂▃▄▅▆▇█")
	top := 0
	for _, n := range m.trend {
		top = max(top, n)
	}
	var spark strings.Builder
	for _, n := range m.trend {
		i := 0
		if top > 0 {
			i = n * (len(bars) - 1) / top
		}
		spark.WriteRune(bars[i])
	}
	return append(out, s.Text.Render(m.t("last 30 min, 5-minute steps: %s", spark.String())))
}
