package tui

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/report"
	"github.com/warroom/warroom/model/safetext"
)

// The one-line renderings several panes share: a timeline entry, a task,
// a clock.

// listCap is how many items a list in the role pane shows; the task list
// pane has them all.
const listCap = 6

// clock renders an elapsed time as m:ss or h:mm:ss.
func clock(d time.Duration) string {
	if d < 0 {
		d = 0
	}
	s := int(d.Seconds())
	if s >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", s/3600, s/60%60, s%60)
	}
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}

// kindWords are the timeline kinds as the screen names them, in English:
// the screen translates them (kindWord).
var kindWords = map[model.Kind]string{
	model.KindDeclared: "declared", model.KindNote: "note", model.KindDecision: "decision",
	model.KindAction: "action", model.KindTheory: "theory", model.KindFollowup: "follow-up",
	model.KindHandoff: "handoff", model.KindStatus: "status", model.KindSeverity: "severity",
	model.KindHandoffAccepted: "accepted", model.KindHandoffDeclined: "declined",
	model.KindTitle: "title", model.KindSummary: "summary", model.KindWorkstreamClosed: "ws closed",
	model.KindTaskAdded: "task +", model.KindTaskStarted: "task ~", model.KindTaskDone: "task done",
	model.KindTaskReopened: "reopened", model.KindTaskAssigned: "task →",
	model.KindTaskCancelled: "task -", model.KindRetracted: "took back",
	model.KindCAN: "CAN", model.KindTheoryConfirmed: "confirmed", model.KindTheoryRuledOut: "ruled out",
	model.KindTheoryReopened: "reopened", model.KindFollowUpDone: "f-up done", model.KindFollowUpReopened: "f-up open",
	model.KindFollowUpChanged: "f-up set", model.KindCustomers: "customers",
	model.KindComms: "update", model.KindCommsDraft: "draft", model.KindCommsRejected: "sent back",
	model.KindCustomerReport: "customer", model.KindSocialPost: "post", model.KindConflict: "conflict",
	model.KindHook: "hook", model.KindTimeBoxExpired: "time box", model.KindMilestone: "milestone",
	model.KindPin: "pinned", model.KindUnpin: "unpinned",
}

// kindWord names a timeline kind in the screen's language.
func (c *common) kindWord(k model.Kind) string {
	if w, ok := kindWords[k]; ok {
		return c.t(w)
	}
	return safetext.Line(string(k))
}

// kindWidth is the width of the kind column: the widest kind word in the
// screen's language, so that the column keeps one width.
func (c *common) kindWidth() int {
	w := 9
	for k := range kindWords {
		w = max(w, textWidth(c.kindWord(k)))
	}
	return w
}

// entryLine renders a timeline entry in one line: time, author, kind, text.
func (c *common) entryLine(e model.Entry, w int) string {
	s := c.styles
	desc := report.Describe(e, report.Options{Catalog: c.catalog, Lang: c.lang})
	head := s.Muted.Render(c.entryTime(e.At)) + " " + s.Holder.Render(fit(safetext.Line(e.By), 8)) + " " +
		s.Kind.Render(fit(c.kindWord(e.Kind), c.kindW)) + " "
	if c.snap.retracted[e.ID] {
		return fit(head+s.Done.Render(c.t("(taken back) %s", desc)), w)
	}
	if c.snap.pinned[e.ID] {
		desc = "★ " + desc // a key moment
	}
	if c.snap.bots.Is(e.By) {
		// A bot's entry is kept, but out of the way of the people's.
		return fit(s.Muted.Render(c.entryTime(e.At)+" "+fit(safetext.Line(e.By), 8)+" "+fit(c.kindWord(e.Kind), c.kindW)+" "+desc), w)
	}
	return fit(head+s.Text.Render(desc), w)
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
// title is. untouched shows how long since it last changed instead of its
// age.
func (c *common) taskLine(t model.Task, w int, untouched bool) string {
	s := c.styles
	age := report.Age(c.now.Sub(t.Created))
	if untouched {
		age = c.t("untouched %s", report.Age(c.now.Sub(t.Updated)))
	}
	due := ""
	if !t.Due.IsZero() && t.Open() {
		if left := t.Due.Sub(c.now); left >= 0 {
			due = " · ⏱ " + clock(left)
		} else {
			due = " · " + s.Warning.Render(c.t("⏱ OVER %s", clock(-left)))
		}
	}
	head := stateMark(t) + " " + safetext.Line(t.ID) + " "
	title := safetext.Line(t.Title)
	st := s.Text
	if !t.Open() {
		st = s.Done
	}
	// What goes on the right gives way to the title in this order: the
	// owner, then the age; the countdown never does.
	owner := c.taskOwner(t)
	room := w - textWidth(head) - min(textWidth(title), 12)
	right := " " + fit(owner, min(textWidth(owner), max(8, w/3))) + " · " + age + due
	if textWidth(right) > room {
		right = " " + age + due
	}
	if textWidth(right) > room && due != "" {
		right = " " + strings.TrimPrefix(due, " · ")
	}
	if textWidth(right) > room {
		return fit(st.Render(head+title+right), w)
	}
	return st.Render(fit(head+title, w-textWidth(right)) + right)
}

// selectedLine draws a row under the cursor: marked, on its own width so
// that what it ends with (a task's clock, a theory's state) stays.
func (c *common) selectedLine(r row, w int) string {
	text := r.text
	if r.line != nil {
		text = r.line(max(0, w-2))
	}
	return c.styles.Selected.Render(fit("› "+ansi.Strip(text), w))
}

// row is one line of a pane, and what it shows when it is one thing the
// keys can act on: a task, a theory.
type row struct {
	text   string
	task   string // the task's id, when the line is a task
	theory string // the theory's id, when the line is a theory
	// line draws the row again at another width, when it has a part that
	// must not be cut (a task's clock): for the row under the cursor.
	line func(w int) string
}

// textRows makes rows of lines that show nothing to act on.
func textRows(lines ...string) []row {
	out := make([]row, len(lines))
	for i, l := range lines {
		out[i] = row{text: l}
	}
	return out
}

// someTasks renders up to listCap tasks and says how many more there are,
// so that drawing a pane costs the same however many tasks there are.
func (c *common) someTasks(ts []model.Task, w int, untouched bool) []row {
	var out []row
	for i, t := range ts {
		if i == listCap {
			out = append(out, row{text: c.styles.Muted.Render(c.t("  and %d more in the task list", len(ts)-listCap))})
			break
		}
		out = append(out, row{text: c.taskLine(t, w, untouched), task: t.ID,
			line: func(w int) string { return c.taskLine(t, w, untouched) }})
	}
	return out
}

// taskOwner says in few columns whom a task is credited to
// (model.State.TaskCredit), the person always shown: "TL·database
// (ivan)", "grace", or nobody.
func (c *common) taskOwner(t model.Task) string {
	ref, person := c.state().TaskCredit(t)
	switch {
	case !ref.IsZero() && person != "":
		return safetext.Line(c.shortName(ref, 0)) + " (" + safetext.Line(person) + ")"
	case person != "":
		return safetext.Line(person)
	case !ref.IsZero():
		return safetext.Line(c.shortName(ref, 0))
	}
	return report.TaskCredit(c.state(), t, report.Options{Catalog: c.catalog, Lang: c.lang})
}

// shortName is a role's short name in the screen's language ("TL",
// "RT"; the first alias in capitals when the catalog gives none), with
// its workstream cut to ws columns (0: whole).
func (c *common) shortName(ref model.RoleRef, ws int) string {
	name := strings.ToUpper(ref.Role)
	if r, ok := c.catalog.Role(ref.Role); ok {
		if short := r.In(c.lang).Short; short != "" {
			name = short
		} else if len(r.Aliases) > 0 {
			name = strings.ToUpper(r.Aliases[0])
		}
	}
	if ref.Workstream != "" {
		w := ref.Workstream
		if ws > 0 {
			w = safetext.Truncate(w, ws)
		}
		name += "·" + w
	}
	return name
}
