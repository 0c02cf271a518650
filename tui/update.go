package tui

import (
	"context"
	"errors"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/i18n"
	"github.com/warroom/warroom/model/safetext"
	"github.com/warroom/warroom/model/sshsync"
	"github.com/warroom/warroom/model/store"
)

// Init starts the clock and the listeners.
func (m Model) Init() tea.Cmd {
	var turn tea.Cmd
	if m.opts.Wall {
		turn = rotate(m.opts.Rotate)
	}
	return tea.Batch(tick(m.now), waitForChange(m.opts.Changes), waitForSave(m.opts.Results), waitForSync(m.opts.Syncs), turn)
}

// Update routes each message to the one method that handles it: window
// size to the layout, data to the state, keys to the prompt when one is
// open, else to the global keys, else to the focused pane.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
	case tickMsg:
		m.now = m.opts.Now()
		m.countCustomers()
		cmd = tick(m.now)
	case rotateMsg:
		if len(m.holdings) > 0 {
			m.role = (m.role + 1) % len(m.holdings)
			m.roleTop = 0
			m.findRoleEntries()
		}
		cmd = rotate(m.opts.Rotate)
	case syncMsg:
		st := sshsync.Status(msg)
		m.sync = &st
		cmd = waitForSync(m.opts.Syncs)
	case fileChangedMsg:
		cmd = tea.Batch(load(m.opts.Path), waitForChange(m.opts.Changes))
	case loadedMsg:
		m.onLoaded(msg)
	case savedMsg:
		m.onSaved(store.WriteResult(msg))
		cmd = waitForSave(m.opts.Results)
		if m.closing && len(m.pending) == 0 {
			m.quitting = true
			cmd = tea.Quit
		}
	case declaredMsg:
		cmd = m.onDeclared(msg)
	case tea.KeyMsg:
		cmd = m.onKey(msg)
	}
	m.updateKeys()
	m.relayout()
	return m, cmd
}

// onLoaded takes the file as another process left it.
func (m *Model) onLoaded(msg loadedMsg) {
	var uk *store.UnknownKeysError
	switch {
	case msg.err == nil:
		m.fileErr, m.readOnly = "", false
	case errors.As(msg.err, &uk):
		m.blockEdits(uk)
	default:
		// Keep showing what we have, and say so until the file reads
		// again: it may be mid-edit by hand.
		m.fileErr = m.t("could not read the file: %s", m.explain(msg.err))
		return
	}
	if msg.state.Declared() {
		m.setDisk(msg.state)
		m.loaded = true
	}
}

// blockEdits stops changes while the file has keys warroom does not know:
// every save would be refused, so changes are refused as they are made.
func (m *Model) blockEdits(uk *store.UnknownKeysError) {
	m.readOnly = true
	m.fileErr = m.explain(uk)
}

// onSaved takes a save's outcome: committed and rejected changes leave the
// queue; a failed save keeps them, and the header says so until a retry
// succeeds.
func (m *Model) onSaved(r store.WriteResult) {
	// A result may merge several saves: acknowledge what it committed or
	// rejected even when its latest attempt failed.
	m.saveErr = r.Err
	done := map[uint64]bool{}
	for _, seq := range r.Committed {
		done[seq] = true
	}
	for _, rej := range r.Rejected {
		done[rej.Seq] = true
		m.notice = m.t("not saved: %s", m.explain(rej.Err))
	}
	kept := m.pending[:0:0]
	for _, p := range m.pending {
		if !done[p.seq] {
			kept = append(kept, p)
		}
	}
	m.pending = kept
	if r.State.Declared() {
		m.setDisk(r.State)
	} else if len(done) > 0 {
		m.rebuild()
	}
}

// onDeclared takes the outcome of the declare form.
func (m *Model) onDeclared(msg declaredMsg) tea.Cmd {
	if msg.err != nil {
		m.declare.err = m.explain(msg.err)
		return nil
	}
	m.declare = nil
	m.loaded = true
	m.setDisk(msg.state)
	return nil
}

// onKey routes a key press.
func (m *Model) onKey(msg tea.KeyMsg) tea.Cmd {
	switch {
	case m.declare != nil:
		return m.declareKey(msg)
	case m.prompt != nil:
		return m.promptKey(msg)
	case msg.Paste:
		// Pasted text outside a prompt is not a command.
		return nil
	case isText(msg):
		// Keys typed faster than the screen reads them arrive together:
		// take them one by one, so that "2h" focuses role 2 and opens the
		// handoff prompt, and what follows the prompt's key is its text.
		return m.onKeys(msg.Runes)
	}
	m.notice = ""
	g := m.keys.Global
	switch {
	case matches(msg, g.Quit):
		return m.quit()
	case matches(msg, g.Help):
		m.fullHelp = !m.fullHelp
	case m.fullHelp && msg.String() == "esc":
		m.fullHelp = false
	case matches(msg, g.NextRole):
		m.focusRole((m.role + 1) % max(1, len(m.holdings)))
	case matches(msg, g.PrevRole):
		m.focusRole((m.role - 1 + len(m.holdings)) % max(1, len(m.holdings)))
	case matches(msg, g.JumpRole):
		m.jumpRole(int(msg.Runes[0] - '0'))
	case matches(msg, g.NextArea):
		m.focus = (m.focus + 1) % areaCount
	case matches(msg, g.PrevArea):
		m.focus = (m.focus + areaCount - 1) % areaCount
	case matches(msg, g.Handoff):
		m.openHandoff()
	case matches(msg, g.Note):
		h := m.focusedRole()
		m.prompt = newPrompt(promptNote, m.t("Note for %s:", safetext.Line(m.label(h.Ref))),
			m.t("d: decision · a: action · th: theory · todo: follow-up · @14:02 or -5m: when it happened"), nil, m.styles())
		m.prompt.ref = h.Ref
	case matches(msg, g.Task):
		h := m.focusedRole()
		m.prompt = newPrompt(promptTask, m.t("New task for %s:", safetext.Line(m.label(h.Ref))), m.t("a short title; +10m first time-boxes it; enter adds it"), nil, m.styles())
		m.prompt.ref = h.Ref
	case matches(msg, g.Status):
		names := m.statusNames()
		m.prompt = newPrompt(promptStatus, m.t("Status:"), m.t("%s (tab completes)", m.orList(names)), names, m.styles())
	case matches(msg, g.Undo):
		m.undoLast()
	case matches(msg, g.Theme):
		m.nextTheme()
	case matches(msg, g.CAN):
		m.openCAN(promptConditions, [2]string{})
	case matches(msg, g.Severity):
		unset := model.SevUnset.In(m.opts.Lang)
		m.prompt = newPrompt(promptSeverity, m.t("Severity:"), m.t("1 critical · 2 major · 3 minor · %s", unset),
			[]string{"1", "2", "3", unset}, m.styles())
	default:
		return m.areaKey(msg)
	}
	return nil
}

// onKeys handles runes that arrived together as key presses in order; once
// one opens a prompt, the rest are its text.
func (m *Model) onKeys(runes []rune) tea.Cmd {
	var cmds []tea.Cmd
	for i, r := range runes {
		if m.prompt != nil {
			cmds = append(cmds, m.promptKey(tea.KeyMsg{Type: tea.KeyRunes, Runes: runes[i:]}))
			break
		}
		cmds = append(cmds, m.onKey(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}}))
		if m.quitting {
			break
		}
	}
	return tea.Batch(cmds...)
}

// statusNames are the statuses in the screen's language, in lifecycle
// order.
func (m *Model) statusNames() []string {
	out := make([]string, len(model.Statuses))
	for i, s := range model.Statuses {
		out[i] = m.statusWord(s)
	}
	return out
}

// orList joins words as "a, b or c" in the screen's language.
func (m *Model) orList(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + m.t(" or ") + words[len(words)-1]
}

// parseStatus reads a status typed in the screen's language or as the
// file names it (investigating, ...). The error lists the statuses in the
// screen's language.
func (m *Model) parseStatus(v string) (model.Status, error) {
	st, err := model.ParseStatus(v)
	if err == nil {
		return st, nil
	}
	for _, s := range model.Statuses {
		if strings.EqualFold(strings.TrimSpace(v), m.statusWord(s)) {
			return s, nil
		}
	}
	var ie *model.InvalidError
	if errors.As(err, &ie) {
		e := *ie
		e.Valid = m.statusNames()
		return "", &e
	}
	return "", err
}

// parseSeverity reads a severity: 1, 2, 3, SEV1..., or "unset" in l or
// in English. The error lists "unset" in l.
func parseSeverity(l i18n.Lang, v string) (model.Severity, error) {
	sev, err := model.ParseSeverity(v)
	if err == nil {
		return sev, nil
	}
	unset := model.SevUnset.In(l)
	if strings.EqualFold(strings.TrimSpace(v), unset) {
		return model.SevUnset, nil
	}
	var ie *model.InvalidError
	if errors.As(err, &ie) {
		e := *ie
		e.Valid = []string{"1", "2", "3", unset}
		return 0, &e
	}
	return 0, err
}

// quit leaves at once when everything is saved, else after the last save.
func (m *Model) quit() tea.Cmd {
	if len(m.pending) == 0 || m.opts.Results == nil || m.closing {
		// Nothing left to save, or q pressed again: leave now. Run
		// reports any change that could not be saved.
		m.quitting = true
		return tea.Quit
	}
	m.closing = true
	return nil
}

// focusRole shows role pane i.
func (m *Model) focusRole(i int) {
	m.role, m.roleTop, m.focus = i, 0, areaRoles
	m.findRoleEntries()
}

// jumpRole focuses the n-th catalog role; pressed again, its next instance.
func (m *Model) jumpRole(n int) {
	var idx []int
	for i, h := range m.holdings {
		if m.opts.Catalog.Position(h.Ref.Role) == n-1 {
			idx = append(idx, i)
		}
	}
	if len(idx) == 0 {
		return
	}
	next := idx[0]
	for k, i := range idx {
		if i == m.role {
			next = idx[(k+1)%len(idx)]
		}
	}
	m.focusRole(next)
}

// openHandoff opens the one-step handoff prompt for the focused role.
func (m *Model) openHandoff() {
	h := m.focusedRole()
	hint := m.t("name, or name: briefing for them · tab completes a name")
	if h.Ref.Role == model.IncidentManager {
		if n := len(m.state.DefaultRoles(m.opts.Catalog)); n > 0 {
			hint = m.t("the %d roles not handed to anyone stay with the incident manager: the new one takes them · ", n) + hint
		}
	}
	var people []string
	for _, p := range m.state.People {
		if p.Name != h.Holder {
			people = append(people, p.Name)
		}
	}
	m.prompt = newPrompt(promptHandoff, m.t("Hand off %s to:", safetext.Line(m.label(h.Ref))), hint, people, m.styles())
	m.prompt.ref = h.Ref
}

// areaKey handles the keys of the focused area.
func (m *Model) areaKey(msg tea.KeyMsg) tea.Cmd {
	l := m.keys.List
	_, th := m.sizes.content(areaTasks)
	_, lh := m.sizes.content(areaTimeline)
	page := max(1, m.height/3)
	step := 0
	switch {
	case matches(msg, l.Up):
		step = -1
	case matches(msg, l.Down):
		step = 1
	case matches(msg, l.PageUp):
		step = -page
	case matches(msg, l.PageDown):
		step = page
	case matches(msg, l.Top):
		step = -1 << 30
	case matches(msg, l.Bottom):
		step = 1 << 30
	}
	switch m.focus {
	case areaRoles:
		if ch := m.customerKey(msg); ch != "" {
			m.change(model.Customers{Role: m.focusedRole().Ref, Channel: ch, Count: 1})
			return nil
		}
		if matches(msg, m.keys.Theories.Confirm, m.keys.Theories.RuleOut) {
			m.openTheoryPrompt(matches(msg, m.keys.Theories.Confirm))
			return nil
		}
		switch c := m.keys.Comms; {
		case matches(msg, c.Write):
			m.openUpdatePrompt(audienceOf(m.focusedRole().Ref))
			return nil
		case matches(msg, c.Approve, c.Reject):
			m.openReviewPrompt(matches(msg, c.Approve))
			return nil
		case matches(msg, c.Notable):
			m.openNotablePrompt()
			return nil
		}
		m.roleTop = max(0, m.roleTop+step)
	case areaTimeline:
		if matches(msg, m.keys.Timeline.Filter) {
			l := m.opts.Lang
			kinds := []string{kindName(l, model.KindNote), kindName(l, model.KindDecision), kindName(l, model.KindHandoff), l.T("task")}
			var names []string
			for _, k := range []model.Kind{model.KindNote, model.KindDecision, model.KindAction, model.KindTheory, model.KindFollowup,
				model.KindHandoff, model.KindStatus, model.KindSeverity} {
				names = append(names, kindName(l, k))
			}
			m.prompt = newPrompt(promptFilter, m.t("Filter timeline by:"),
				m.t("a role (tl, comms/external…) or a kind (%s…); empty clears", strings.Join(kinds, ", ")),
				append(append(m.opts.Catalog.AllNames(), names...), l.T("task")), m.styles())
			return nil
		}
		if matches(msg, m.keys.Timeline.ClearFilter) {
			_ = m.timeline.setFilter(m.opts.Catalog, m.opts.Lang, "")
			return nil
		}
		m.timeline.scroll(-step, lh)
	case areaTasks:
		if step != 0 {
			m.tasks.move(step, th)
			return nil
		}
		return m.taskKey(msg)
	}
	return nil
}

// taskKey changes the selected task.
func (m *Model) taskKey(msg tea.KeyMsg) tea.Cmd {
	t, ok := m.tasks.selected()
	if !ok {
		return nil
	}
	k := m.keys.Tasks
	switch {
	case matches(msg, k.Start):
		m.change(model.TaskSet{Task: t.ID, State: model.TaskInProgress})
	case matches(msg, k.Done):
		m.change(model.TaskSet{Task: t.ID, State: model.TaskDone})
	case matches(msg, k.Reopen):
		m.change(model.TaskSet{Task: t.ID, State: model.TaskOpen})
	case matches(msg, k.Cancel):
		m.change(model.TaskSet{Task: t.ID, State: model.TaskCancelled})
	case matches(msg, k.Assign):
		var names []string
		for _, p := range m.state.People {
			names = append(names, p.Name)
		}
		m.prompt = newPrompt(promptAssign, m.t("Give task %s to:", safetext.Line(t.ID)),
			m.t("a role (tl/database), a person (dave), both (tl dave), or nothing for nobody"), append(m.opts.Catalog.AllNames(), names...), m.styles())
		m.prompt.task = t.ID
	}
	return nil
}

// promptKey handles a key while a prompt is open: every printable key,
// and every word typed or pasted at once, is text.
func (m *Model) promptKey(msg tea.KeyMsg) tea.Cmd {
	pk := m.keys.Prompt
	switch {
	case matches(msg, pk.Cancel):
		m.prompt, m.notice = nil, ""
		return nil
	case m.prompt.kind == promptUpdate && matches(msg, pk.Complete):
		m.nextAudience()
		return nil
	case matches(msg, pk.Submit):
		p := m.prompt
		m.prompt, m.notice = nil, ""
		if !m.submit(p) {
			// Keep what was typed: the notice says what to change.
			m.prompt = p
		}
		return nil
	}
	return m.prompt.update(msg)
}

// submit turns a prompt's text into a change.
func (m *Model) submit(p *prompt) bool {
	v := p.value()
	switch p.kind {
	case promptHandoff:
		name, note := splitHandoff(v)
		return m.change(model.Handoff{Role: p.ref, To: name, Note: note})
	case promptNote:
		q, err := model.ParseQuick(v, m.opts.Now(), m.now.Location())
		if err != nil {
			m.notice = m.explain(err)
			return false
		}
		return m.change(model.Log{Kind: q.Kind, Role: p.ref, Text: q.Text, At: q.At})
	case promptTask:
		within, title, err := timeBox(v)
		if err != nil {
			m.notice = m.explain(err)
			return false
		}
		return m.change(model.TaskAdd{Title: title, Role: p.ref, Within: within})
	case promptStatus:
		st, err := m.parseStatus(v)
		if err != nil {
			m.notice = m.explain(err)
			return false
		}
		return m.change(model.SetStatus{Status: st})
	case promptSeverity:
		sev, err := parseSeverity(m.opts.Lang, v)
		if err != nil {
			m.notice = m.explain(err)
			return false
		}
		return m.change(model.SetSeverity{Severity: sev})
	case promptAssign:
		ref, owner, err := splitAssign(m.opts.Catalog, v)
		if err != nil {
			m.notice = m.explain(err)
			return false
		}
		return m.change(model.TaskAssign{Task: p.task, Role: ref, Owner: owner})
	case promptConditions, promptActions:
		if strings.TrimSpace(v) == "" {
			m.notice = m.t("each part of a CAN report needs some text")
			return false
		}
		can := p.can
		can[p.kind-promptConditions] = v
		m.openCAN(p.kind+1, can)
		m.prompt.ref = p.ref
		return true
	case promptNeeds:
		if strings.TrimSpace(v) == "" {
			m.notice = m.t("each part of a CAN report needs some text")
			return false
		}
		return m.change(model.CAN{Role: p.ref, Conditions: p.can[0], Actions: p.can[1], Needs: v})
	case promptConfirm, promptRuleOut:
		id, note := splitHandoff(v)
		state := model.TheoryConfirmed
		if p.kind == promptRuleOut {
			state = model.TheoryRuledOut
		}
		return m.change(model.TheorySet{Theory: id, State: state, Note: note})
	case promptUpdate:
		if !m.change(model.CommsUpdate{Audience: p.audience, Role: p.ref, Text: v, NeedsApproval: m.opts.Comms.Approval[p.audience]}) {
			return false
		}
		if last := m.state.Timeline[len(m.state.Timeline)-1]; last.Kind == model.KindCommsDraft {
			m.notice = m.t("draft %s is awaiting the approval of %s, the incident manager", last.ID, safetext.Line(m.state.Commander()))
		}
		return true
	case promptApprove:
		return m.change(model.ApproveUpdate{Draft: strings.TrimSpace(v)})
	case promptReject:
		id, reason := splitHandoff(v)
		return m.change(model.RejectUpdate{Draft: id, Reason: reason})
	case promptNotable:
		ch, text := notableChannel(m.opts.Lang, v, p.channel)
		return m.change(model.Notable{Role: p.ref, Channel: ch, Text: text})
	case promptFilter:
		if err := m.timeline.setFilter(m.opts.Catalog, m.opts.Lang, v); err != nil {
			m.notice = m.explain(err)
			return false
		}
		m.focus = areaTimeline
	}
	return true
}

// change applies op at once on screen, hands it to the saver and
// remembers how to undo it.
func (m *Model) change(op model.Op) bool {
	before := m.state
	entries, ok := m.apply(op)
	if !ok {
		return false
	}
	step, ok := undoFor(m.opts.Catalog, m.opts.Lang, before, op, entries)
	if !ok {
		// u undoes the last change or says why it cannot: never an
		// earlier one in its place.
		step = undoStep{what: m.t("your last change cannot be undone from the screen")}
		if len(entries) > 0 && entries[0].Kind == model.KindComms {
			step.what = m.t("an update that went out cannot be taken back; send a correction")
		}
	}
	m.undo = append(m.undo, step)
	if len(m.undo) > undoLimit {
		m.undo = m.undo[len(m.undo)-undoLimit:]
	}
	return true
}

// undoLast takes back the newest change made here that can still be
// taken back as it was.
func (m *Model) undoLast() {
	if len(m.undo) == 0 {
		m.notice = m.t("nothing to undo: no change made on this screen yet")
		return
	}
	step := m.undo[len(m.undo)-1]
	m.undo = m.undo[:len(m.undo)-1]
	if step.inverse == nil {
		m.notice = step.what
		return
	}
	if err := step.still(m.state); err != nil {
		m.notice = m.t("cannot undo the %s: %s", step.what, m.explain(err))
		return
	}
	if _, ok := m.apply(step.inverse); ok {
		m.notice = m.t("undone: %s", step.what)
	}
}

// apply applies op at once on screen and hands it to the saver. A change
// the model refuses is shown as a notice and goes nowhere.
func (m *Model) apply(op model.Op) ([]model.Entry, bool) {
	if m.readOnly {
		m.notice = m.t("not changed: the file has keys warroom does not know; fix them and the screen takes changes again")
		return nil, false
	}
	env := model.Env{Now: m.stamp(), Actor: m.opts.Actor, Replica: m.opts.Replica, IDs: &model.SeededIDs{Seed: m.seed()}}
	next, entries, err := m.state.Apply(m.opts.Catalog, op, env)
	if err != nil {
		m.notice = m.explain(err)
		return nil, false
	}
	c := store.Change{Op: op, Env: env}
	var seq uint64
	if m.opts.Saver != nil {
		seq = m.opts.Saver.Submit(c)
		ids := make([]string, len(entries))
		for i, e := range entries {
			ids[i] = e.ID
		}
		m.pending = append(m.pending, pending{seq: seq, change: c, entries: ids})
	} else {
		m.disk = next
	}
	m.setState(next)
	return entries, true
}

// declareKey handles the declare form.
func (m *Model) declareKey(msg tea.KeyMsg) tea.Cmd {
	f := m.declare
	if isText(msg) {
		// "enter" or "esc" typed fast is text, not the key.
		return f.update(msg)
	}
	switch msg.String() {
	case "esc", "ctrl+c":
		return m.quit()
	case "tab", "down":
		f.move(1)
		return nil
	case "shift+tab", "up":
		f.move(-1)
		return nil
	case "enter":
		if f.focus < len(f.fields)-1 {
			f.move(1)
			return nil
		}
		op, err := f.op()
		if err != nil {
			f.err = m.explain(err)
			return nil
		}
		f.err = ""
		return m.declareCmd(op)
	}
	return f.update(msg)
}

// declareCmd creates the incident file off the UI goroutine.
func (m *Model) declareCmd(op model.Declare) tea.Cmd {
	path, c, now := m.opts.Path, m.opts.Catalog, m.stamp()
	env := model.Env{Now: now, Actor: m.opts.Actor, Replica: m.opts.Replica, IDs: &model.SeededIDs{Seed: m.seed()}}
	if _, _, err := (model.State{}).Apply(c, op, env); err != nil {
		m.declare.err = m.explain(err)
		return nil
	}
	return func() tea.Msg {
		st, err := store.Update(context.Background(), path, true, func(s model.State) (model.State, error) {
			next, _, err := s.Apply(c, op, env)
			return next, err
		})
		return declaredMsg{state: st, err: err}
	}
}

// seed draws the seed of a change's ids: the same ids on screen and on disk.
func (m *Model) seed() uint64 {
	if m.opts.Seed != nil {
		return m.opts.Seed()
	}
	return rand.Uint64()
}

// stamp is the time a change made now is recorded with: UTC, to the
// millisecond, as the command line records it.
func (m *Model) stamp() time.Time { return m.opts.Now().UTC().Truncate(time.Millisecond) }

// updateKeys enables the bindings that work now, so the help shows only
// those.
func (m *Model) updateKeys() {
	t, ok := m.tasks.selected()
	onTasks := m.focus == areaTasks && ok
	m.keys.Tasks.Start.SetEnabled(onTasks && t.State == model.TaskOpen)
	m.keys.Tasks.Done.SetEnabled(onTasks && t.Open())
	m.keys.Tasks.Reopen.SetEnabled(onTasks && t.State != model.TaskOpen)
	m.keys.Tasks.Cancel.SetEnabled(onTasks && t.Open())
	m.keys.Tasks.Assign.SetEnabled(onTasks)
	m.keys.Global.Undo.SetEnabled(len(m.undo) > 0)
	m.keys.Global.CAN.SetEnabled(!m.opts.Wall)
	m.keys.Global.Theme.SetEnabled(m.opts.Renderer != nil && len(m.opts.Themes) > 1)
	onTL := m.focus == areaRoles && m.focusedRole().Ref.Role == model.TechLead && len(m.theoriesOf(m.focusedRole().Ref)) > 0
	onCustomers := m.focus == areaRoles && m.countsCustomers() && !m.opts.Wall
	m.keys.Customers.Ticket.SetEnabled(onCustomers)
	m.keys.Customers.Call.SetEnabled(onCustomers)
	m.keys.Customers.Mention.SetEnabled(onCustomers)
	m.keys.Theories.Confirm.SetEnabled(onTL)
	m.keys.Theories.RuleOut.SetEnabled(onTL)
	onRoles := m.focus == areaRoles && !m.opts.Wall
	role := m.focusedRole().Ref.Role
	m.keys.Comms.Write.SetEnabled(onRoles && role == model.CommunicationsManager)
	// Only the incident manager approves: anyone else is not offered the keys.
	approver := onRoles && role == model.IncidentManager && len(m.comms.Pending) > 0 && m.opts.Actor == m.state.Commander()
	m.keys.Comms.Approve.SetEnabled(approver)
	m.keys.Comms.Reject.SetEnabled(approver)
	m.keys.Comms.Notable.SetEnabled(onCustomers)
	if m.opts.Wall {
		// The wall is read-only: every key that edits is off.
		for _, b := range []*key.Binding{&m.keys.Global.Handoff, &m.keys.Global.Note, &m.keys.Global.Task,
			&m.keys.Global.Status, &m.keys.Global.Severity, &m.keys.Global.Undo,
			&m.keys.Tasks.Start, &m.keys.Tasks.Done, &m.keys.Tasks.Reopen, &m.keys.Tasks.Cancel, &m.keys.Tasks.Assign,
			&m.keys.Theories.Confirm, &m.keys.Theories.RuleOut,
			&m.keys.Comms.Write, &m.keys.Comms.Approve, &m.keys.Comms.Reject, &m.keys.Comms.Notable} {
			b.SetEnabled(false)
		}
	}
	m.keys.Timeline.Filter.SetEnabled(m.focus == areaTimeline)
	m.keys.Timeline.ClearFilter.SetEnabled(m.focus == areaTimeline && m.timeline.filter != "")
}

// openTheoryPrompt asks which of the tech lead's open theories to confirm
// or rule out, with an optional note of the evidence.
func (m *Model) openTheoryPrompt(confirm bool) {
	h := m.focusedRole()
	var ids []string
	for _, t := range m.theoriesOf(h.Ref) {
		if t.State == model.TheoryOpen {
			ids = append(ids, t.ID)
		}
	}
	kind, label := promptConfirm, m.t("Confirm theory:")
	if !confirm {
		kind, label = promptRuleOut, m.t("Rule out theory:")
	}
	m.prompt = newPrompt(kind, label, m.t("its id (tab completes), then : and the evidence if you like"), ids, m.styles())
}

// timeBox reads a task title that may start with "+10m " to time-box it.
func timeBox(v string) (time.Duration, string, error) {
	t := strings.TrimSpace(v)
	if !strings.HasPrefix(t, "+") {
		return 0, v, nil
	}
	word, rest, _ := strings.Cut(t, " ")
	d, err := time.ParseDuration(word[1:])
	if err != nil || d <= 0 {
		return 0, "", &model.TextError{Field: "time box", Reason: i18n.M("%s is not a time box; give a duration such as 10m or 1h", word)}
	}
	return d, strings.TrimSpace(rest), nil
}

// openCAN opens the next step of the CAN report form: conditions, then
// actions, then needs, one prompt each, recorded as one entry at the end.
func (m *Model) openCAN(kind promptKind, can [2]string) {
	h := m.focusedRole()
	labels := map[promptKind]string{
		promptConditions: m.t("CAN for %s — Conditions (1/3):", safetext.Line(m.label(h.Ref))),
		promptActions:    m.t("CAN — Actions (2/3):"),
		promptNeeds:      m.t("CAN — Needs (3/3):"),
	}
	hints := map[promptKind]string{
		promptConditions: m.t("how things stand now"),
		promptActions:    m.t("what is being done"),
		promptNeeds:      m.t("what you need, and from whom"),
	}
	m.prompt = newPrompt(kind, labels[kind], hints[kind], nil, m.styles())
	m.prompt.can = can
	m.prompt.ref = h.Ref
}

// countsCustomers reports whether the focused pane is one that counts
// customer reports: the customer support lead's or the social media lead's.
func (m *Model) countsCustomers() bool {
	r := m.focusedRole().Ref.Role
	return r == model.CustomerSupportLead || r == model.SocialMediaLead
}

// customerKey is the channel a key counts a report on, or "".
func (m *Model) customerKey(msg tea.KeyMsg) model.Channel {
	k := m.keys.Customers
	switch {
	case matches(msg, k.Ticket):
		return model.ChannelTickets
	case matches(msg, k.Call):
		return model.ChannelCalls
	case matches(msg, k.Mention):
		return model.ChannelSocial
	}
	return ""
}
