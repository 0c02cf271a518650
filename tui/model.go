package tui

import (
	"time"

	"github.com/charmbracelet/bubbles/help"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/i18n"
	"github.com/warroom/warroom/model/sshsync"
	"github.com/warroom/warroom/model/store"
	"github.com/warroom/warroom/themes"
)

// Saver takes changes to save off the UI goroutine. store.Writer is one.
type Saver interface {
	Submit(c store.Change) uint64
}

// Options configure a screen.
type Options struct {
	Path    string    // the incident file: the declare form writes it, and the screen names it
	Actor   string    // who is at the keyboard
	Lang    i18n.Lang // English (the default) or Spanish: everything on screen is in it
	Catalog *model.Catalog
	Styles  *Styles
	// Renderer and Themes let T cycle through themes: styles are rebuilt
	// for this screen's renderer. Without them T does nothing.
	Renderer *lipgloss.Renderer
	Themes   []themes.Theme
	// Wall is the room's read-only big screen; Rotate, when set, moves it
	// to the next role pane that often.
	Wall    bool
	Rotate  time.Duration
	Now     func() time.Time // the clock; time.Now when nil
	Seed    func() uint64    // seeds of change ids; random when nil
	Replica string
	Saver   Saver
	// Follow brings the incident as the file changes, whoever changes it
	// (store.Follow): a local screen's source of the incident. Loading says
	// that the state New was given is the head and the latest entries
	// only, the rest to come from Follow. Results reports saves
	// (store.Writer). Either may be nil, as in tests that feed messages by
	// hand, or when a server hands the screen the incident (IncidentMsg).
	Follow  <-chan store.Followed
	Loading bool
	Results <-chan store.WriteResult
	// Syncs reports a live sync's attempts (sshsync.Live); nil without one.
	Syncs <-chan sshsync.Status
	// SyncTarget names the copy synced with, for the header.
	SyncTarget string
	// Comms is the team's communications settings: the drafts per
	// status, and the rhythms and approval an incident declared on this
	// screen starts with. Once declared, the incident's own policy, kept
	// in its file, rules every screen. The built-in ones when zero.
	Comms model.CommsPolicy
	// Notice is shown once the screen opens: a config that did not load.
	Notice string
	// Saved, when set, is handed the incident and the entries of the
	// declaration the declare form wrote (the Writer's saves reach it by
	// RunOptions.Saved), off the screen's goroutine.
	Saved func(model.State, []model.Entry)
	// Checks, when set, runs the team's check hooks before a resolve
	// asked for on this screen (checks.go).
	Checks ResolveChecks
	// Viewer makes the screen read-only, as the wall is, with the usual
	// layout: for people who may only watch a served war room.
	Viewer bool
	// Activity, when set, is told after every key what the person is
	// looking at: a served war room shows who looks at what.
	Activity func(Looking)
	// Members are the names of the served war room's team: the prompts
	// that ask for a person complete them, beside everyone who took part.
	Members []string
	// Bots names automated actors besides those the incident's policy
	// names: the members a served war room's team file marks as bots.
	Bots []string
	// CatchUp shows the person at the keyboard what changed since they
	// last took part, when the screen opens after ten minutes or more
	// away (or on an incident they never saw); LastSeen is when they last
	// had a screen on it, zero when not known (catchup.go).
	CatchUp  bool
	LastSeen time.Time
	// Frames, when set, shares drawn frames with the other screens given
	// the same Frames (a served war room's): see Frames.
	Frames *Frames
	// Folder, when set, is the folder of incidents the file is in: the
	// header counts its other open incidents, and the declare form asks
	// before declaring what one of them is already about (folder.go).
	Folder string
	// Runbooks apply when the incident is declared here, and when its
	// severity rises here (model.WithRunbooks).
	Runbooks []model.Runbook
}

// pending is a change shown on screen but not yet saved.
type pending struct {
	seq     uint64
	change  store.Change
	entries []string // ids of the entries it writes (seeded: the same on disk)
	saved   bool     // the writer has it on disk; kept shown until the file read shows it too
}

// Model is the war-room screen: the root of its components. It owns the
// incident as shown (disk plus the changes not saved yet), routes every
// message to the part that handles it, and draws the parts in their
// places. A pointer: the components share its common part and ask it for
// changes (actions) while they handle a key.
type Model struct {
	opts Options
	c    *common
	keys globalKeys
	help help.Model

	disk model.State // the incident as last read or saved
	// diskSnap is what the screen derives from disk, when it came derived
	// with it (SharedIncident); nil otherwise.
	diskSnap *snapshot
	diskGen  uint64 // counts the changes of disk: a read applied ahead applies to one (preparedMsg)
	pending  []pending
	loaded   bool // the incident has been read at least once
	save     saveState

	role     int  // the focused role instance, in the snapshot's holdings
	focus    area // the pane with the keyboard
	header   *header
	tabs     *tabs
	wall     *wallTop
	roles    *rolePane
	timeline *timelinePane
	tasks    *tasksPane

	undo     []string // the first entries of your changes made here, newest last
	prompt   *prompt
	declare  *declareForm
	fullHelp bool
	helpTop  int        // first line of the full help shown
	reading  *entryView // a timeline entry shown in full, over the panes
	sheet    *sheet     // a page over the panes: a catch-up, what waits on you
	catchUp  catchUpState
	input    inputState

	width, height int
	sizes         paneSizes // computed in Update, drawn by View

	readOnly bool   // the file has keys warroom does not know: changes could never be saved
	notice   string // a one-off message: a refused change, a rejected save
	// noticeStill, when set, says whether the notice still holds of the
	// incident shown: it goes when it no longer does.
	noticeStill func(*snapshot) bool
	newsText    string    // what just happened to you: shown until esc or newsFor
	newsAt      time.Time // when it came
	present     []Present // who is connected, when served; nil otherwise
	quitting    bool      // leaving: draw nothing more
	touched     bool      // a key was pressed: the screen may show something of its own (frameKey)
	keyed       *keyed    // when keys are handled, for the reads of the followed file
	closing     bool      // q pressed with changes still saving: leave once saved
	checking    bool      // a resolve waits for the team's checks
	later       []tea.Cmd // commands asked for while handling a message (takeLater)
}

// New builds the screen for a state read from the file (or the empty
// state, which opens the declare form).
func New(opts Options, s model.State) *Model {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Catalog == nil {
		opts.Catalog = model.DefaultCatalog()
	}
	if opts.Lang == "" {
		opts.Lang = i18n.English
	}
	if opts.Comms.Cadence.Every == nil {
		opts.Comms.Cadence = model.DefaultCadence()
	}
	m := &Model{opts: opts, keys: newGlobalKeys(opts.Lang), help: help.New(), width: 120, height: 40, notice: opts.Notice, keyed: newKeyed()}
	m.c = &common{styles: opts.Styles, catalog: opts.Catalog, lang: opts.Lang, actor: opts.Actor, wall: opts.Wall || opts.Viewer, viewer: opts.Viewer,
		comms: opts.Comms, clock: opts.Now, act: m, snap: newSnapshot(s, opts.Catalog, opts.Bots)}
	m.c.now = m.clockNow()
	m.c.kindW = m.c.kindWidth()
	m.c.loading = opts.Loading
	m.c.checks = opts.Checks != nil
	m.c.members = opts.Members
	m.c.runbooks = opts.Runbooks
	m.c.global = &m.keys
	m.header, m.tabs, m.wall = &header{c: m.c}, &tabs{c: m.c}, &wallTop{c: m.c}
	m.roles, m.timeline, m.tasks = newRolePane(m.c), newTimelinePane(m.c), newTasksPane(m.c)
	m.setStyles(opts.Styles)
	switch {
	case s.Declared():
		m.setDisk(s)
		m.arrive()
	case !opts.Wall:
		m.declare = newDeclareForm(m.c)
	}
	m.refresh()
	m.activity() // a served screen says at once what it shows
	return m
}

// panes are the body's components, in focus order.
func (m *Model) panes() [areaCount]pane {
	return [areaCount]pane{m.roles, m.timeline, m.tasks}
}

// setDisk takes a new state from the file and replays the changes not
// saved yet on top of it.
func (m *Model) setDisk(s model.State) { m.setDiskDerived(s, nil) }

// setDiskDerived is setDisk with what the screen derives from s, when
// it was derived once for every screen that shows s (SharedIncident).
func (m *Model) setDiskDerived(s model.State, derived *snapshot) {
	m.disk, m.diskSnap = s, derived
	m.diskGen++
	m.rebuild()
}

// rebuild recomputes the shown state: the disk's, with the changes not
// yet read back from the file applied again. A saved change leaves the
// queue once the file read shows it, so it never blinks out between its
// save and its reading.
func (m *Model) rebuild() {
	st := m.disk
	if len(m.pending) == 0 {
		m.show(st, m.diskSnap)
		return
	}
	onDisk := recentEntryIDs(st, 500)
	kept := m.pending[:0:0]
	for _, p := range m.pending {
		if len(p.entries) > 0 && onDisk[p.entries[0]] {
			if !p.saved {
				kept = append(kept, p) // read back before its save was acknowledged
			}
			continue
		}
		kept = append(kept, p)
		if next, _, err := st.Apply(m.opts.Catalog, p.change.Op, p.change.Env); err == nil {
			st = next
		}
	}
	m.pending = kept
	m.show(st, nil)
}

// unsaved counts the changes made here that are not on disk yet.
func (m *Model) unsaved() int {
	n := 0
	for _, p := range m.pending {
		if !p.saved {
			n++
		}
	}
	return n
}

// recentEntryIDs collects the ids of the last n timeline entries, where a
// change saved since the screen made it would be.
func recentEntryIDs(s model.State, n int) map[string]bool {
	out := make(map[string]bool, n)
	for i := len(s.Timeline) - 1; i >= 0 && i >= len(s.Timeline)-n; i-- {
		out[s.Timeline[i].ID] = true
	}
	return out
}

// show makes st the incident on screen: a new snapshot for every
// component (derived, when it is st's already), the focus kept on the
// same role instance.
func (m *Model) show(st model.State, derived *snapshot) {
	var focused model.RoleRef
	if m.role < len(m.c.snap.holdings) {
		focused = m.c.snap.holdings[m.role].Ref
	}
	before := m.c.snap.state
	if derived == nil {
		derived = newSnapshot(st, m.opts.Catalog, m.opts.Bots)
	}
	m.c.snap = derived
	m.news(before, st)
	if m.noticeStill != nil && !m.noticeStill(m.c.snap) {
		m.notice, m.noticeStill = "", nil
	}
	m.refreshWaiting()
	m.role, _ = m.c.snap.holding(focused)
	for _, p := range []component{m.header, m.tabs, m.wall, m.roles, m.timeline, m.tasks} {
		m.hand(p, snapshotMsg{})
	}
	m.focusRole(m.role, false)
}

// arrive shows the incident for the first time: on the pane of a role the
// person at the keyboard holds, else the incident manager's.
func (m *Model) arrive() {
	if m.loaded {
		return
	}
	m.loaded = true
	m.refreshWaiting()
	if m.opts.CatchUp {
		defer m.offerCatchUp(m.opts.LastSeen)
	}
	for i, h := range m.c.snap.holdings {
		if !h.Default && model.SameName(h.Holder, m.c.actor) {
			m.focusRole(i, true)
			return
		}
	}
	m.focusRole(0, true)
}

// focusRole shows role instance i; takeFocus gives its pane the keyboard.
func (m *Model) focusRole(i int, takeFocus bool) {
	m.role = i
	m.tabs.setRole(i)
	m.wall.setRole(i)
	m.roles.setRole(i)
	if takeFocus {
		m.focus = areaRoles
	}
}

// setStyles draws the screen with s from now on.
func (m *Model) setStyles(s *Styles) {
	m.c.styles = s
	m.help.Styles.ShortKey = s.HelpKey
	m.help.Styles.ShortDesc = s.HelpDesc
	m.help.Styles.FullKey = s.HelpKey
	m.help.Styles.FullDesc = s.HelpDesc
	m.help.Styles.ShortSeparator = s.Muted
	m.help.Styles.FullSeparator = s.Muted
	m.help.Styles.Ellipsis = s.Muted
}

// nextTheme switches to the next theme of Options.Themes.
func (m *Model) nextTheme() {
	if m.opts.Renderer == nil || len(m.opts.Themes) == 0 {
		return
	}
	i := 0
	for k, t := range m.opts.Themes {
		if t.Name == m.c.styles.Theme.Name {
			i = (k + 1) % len(m.opts.Themes)
		}
	}
	m.setStyles(NewStyles(m.opts.Renderer, m.opts.Themes[i]))
	m.notice = m.c.t("theme: %s", m.opts.Themes[i].Name)
}

// focusedRole is the role instance whose pane is shown.
func (m *Model) focusedRole() model.Holding {
	if m.role < len(m.c.snap.holdings) {
		return m.c.snap.holdings[m.role]
	}
	return model.Holding{}
}
