package report

import (
	"fmt"
	"strings"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/safetext"
)

// ShowOptions say how much of the timeline `warroom show` prints.
type ShowOptions struct {
	Options
	Entries int // latest entries to print; 0 prints the whole timeline
	// Comms adds when the next update is due, by the incident's policy,
	// and the drafts awaiting approval.
	Comms bool
}

// Show renders the plain-text summary: the incident, every role and its
// holder (roles still with the incident manager marked as such) with
// earlier holders, the open tasks, and the latest timeline entries.
func Show(s model.State, o ShowOptions) string {
	var b strings.Builder
	writeHeader(&b, s, o.Options)
	writeConflicts(&b, s, o.Options)
	if o.Comms {
		writeComms(&b, s, o.Options)
	}
	b.WriteString("\n")
	writeRoles(&b, s, o.Options)
	b.WriteString("\n")
	writeOpenTasks(&b, s, o.Options)
	b.WriteString("\n")
	writeEntries(&b, s, o)
	return b.String()
}

func writeHeader(b *strings.Builder, s model.State, o Options) {
	in := s.Incident
	fmt.Fprintf(b, "%s  %s\n", line(in.ID), line(in.Title))
	b.WriteString(o.t("%s · %s · declared %s by %s (%s ago)",
		in.Severity.In(o.Lang), o.status(string(in.Status)), o.clock(in.Declared), line(in.DeclaredBy),
		Age(o.Now.Sub(in.Declared))) + "\n")
	if in.Severity != model.SevUnset {
		fmt.Fprintf(b, "%s: %s\n", in.Severity.In(o.Lang), line(o.catalog().SeverityDefinitionIn(in.Severity, o.Lang)))
	}
	if strings.TrimSpace(in.Summary) != "" {
		b.WriteString(o.t("Summary: %s", line(in.Summary)) + "\n")
	}
}

func writeRoles(b *strings.Builder, s model.State, o Options) {
	b.WriteString(o.t("Roles") + "\n")
	t := table{indent: "  "}
	var earlier []string
	overdue := false
	for _, h := range s.Holdings(o.catalog()) {
		holder := line(h.Holder)
		detail := o.t("since %s", o.clock(h.Since))
		if waiting := o.Now.Sub(h.Since); h.Acceptance == model.AcceptanceAwaited && !h.Default && !h.Closed {
			detail = o.t("handed %s ago by %s, not yet accepted", Age(waiting), line(h.By))
			if waiting > s.AcceptLimit() {
				overdue = true
				holder += " !"
				detail = o.t("handed %s ago by %s, NOT YET ACCEPTED", Age(waiting), line(h.By))
			}
		}
		if h.Closed {
			// Closed on one copy while another gave it a task.
			holder += " *"
			detail = o.t("workstream closed; its open tasks need another owner")
		} else if h.Default {
			holder += " *"
			detail = o.t("held by the incident manager: not handed to anyone yet")
		} else if h.Note != "" {
			detail += ` — "` + safetext.Truncate(line(h.Note), 60) + `"`
		}
		t.add(o.role(h.Ref), holder, detail)
		for i, a := range h.History {
			if i == len(h.History)-1 {
				break
			}
			who := line(a.Holder)
			switch {
			case a.Closed:
				continue // reopened since: the holder before it says until when
			case a.Holder == "":
				who = o.t("given back to the incident manager")
			}
			held := fmt.Sprintf("%s: %s %s–%s", o.role(h.Ref), who, o.clock(a.Since), o.clock(a.Until))
			switch a.Acceptance {
			case model.AcceptanceDeclined:
				held += " " + o.t("(declined: %s)", safetext.Truncate(line(a.Reason), 60))
			case model.AcceptanceAwaited:
				held += " " + o.t("(not accepted)")
			}
			earlier = append(earlier, held)
		}
	}
	b.WriteString(t.String())
	if len(s.DefaultRoles(o.catalog())) > 0 {
		b.WriteString("  * " + o.t("still with the incident manager") + "\n")
	}
	if overdue {
		b.WriteString("  ! " + o.t("not accepted within %s: the holder accepts with `warroom ack ROLE`, or the incident manager records it with `warroom ack ROLE --for NAME`",
			Age(s.AcceptLimit())) + "\n")
	}
	if len(earlier) > 0 {
		b.WriteString(o.t("Earlier holders") + "\n")
		for _, e := range earlier {
			b.WriteString("  " + e + "\n")
		}
	}
}

func writeOpenTasks(b *strings.Builder, s model.State, o Options) {
	open := s.OpenTasks()
	done := len(s.Tasks) - len(open)
	b.WriteString(o.t("Open tasks (%d open, %d done)", len(open), done) + "\n")
	if len(open) == 0 {
		b.WriteString("  " + o.t("none") + "\n")
		return
	}
	b.WriteString(taskTable(s, open, o))
}

// taskTable renders tasks as rows: id, state, owner, age, title.
func taskTable(s model.State, tasks []model.Task, o Options) string {
	t := table{indent: "  "}
	for _, task := range tasks {
		t.add(line(task.ID), line(task.State.In(o.Lang)), TaskCredit(s, task, o), Age(o.Now.Sub(task.Created))+Due(task, o), line(task.Title))
	}
	return t.String()
}

func writeEntries(b *strings.Builder, s model.State, o ShowOptions) {
	entries := Chronological(s.Timeline)
	if o.Entries > 0 && len(entries) > o.Entries {
		b.WriteString(o.t("Latest entries (%d of %d; --entries 0 shows all)", o.Entries, len(entries)) + "\n")
		entries = entries[len(entries)-o.Entries:]
	} else {
		b.WriteString(o.t("Timeline (%d entries)", len(entries)) + "\n")
	}
	t := table{indent: "  "}
	for _, e := range entries {
		t.add(o.clock(e.At), line(e.By), line(e.Kind.In(o.Lang)), Describe(e, o.Options))
	}
	b.WriteString(t.String())
}

// TaskList renders `warroom task list`: open tasks, then (when all is set)
// done ones.
func TaskList(s model.State, all bool, o Options) string {
	var b strings.Builder
	open := s.OpenTasks()
	if len(s.Tasks) == 0 {
		return o.t("No tasks yet. Add one with `warroom task add TITLE`.") + "\n"
	}
	if len(open) > 0 {
		b.WriteString(taskTable(s, open, o))
	} else {
		b.WriteString(o.t("No open tasks.") + "\n")
	}
	var done []model.Task
	for _, t := range s.Tasks {
		if !t.Open() {
			done = append(done, t)
		}
	}
	switch {
	case len(done) > 0 && all:
		b.WriteString(o.t("Done (%d)", len(done)) + "\n")
		b.WriteString(taskTable(s, done, o))
	case len(done) > 0:
		b.WriteString(o.t("(%d done; --all shows them)", len(done)) + "\n")
	}
	return b.String()
}

// writeComms says when the next update is due, loud once overdue, and how
// many drafts await the incident manager's approval.
func writeComms(b *strings.Builder, s model.State, o Options) {
	log := s.Comms(s.Policy().Cadence())
	if next, ok := log.Soonest(); ok {
		if next.Due.Before(o.Now) {
			b.WriteString(o.t("%s UPDATE OVERDUE %s", strings.ToUpper(next.Audience.In(o.Lang)), Age(o.Now.Sub(next.Due))) + "\n")
		} else {
			b.WriteString(o.t("Next %s update due at %s", next.Audience.In(o.Lang), o.clock(next.Due)) + "\n")
		}
	}
	if n := len(log.Pending); n > 0 {
		b.WriteString(o.t("Drafts awaiting the approval of %s: %d (`warroom update list`)", line(s.Commander()), n) + "\n")
	}
}
