package tui

import (
	"time"

	"github.com/charmbracelet/bubbles/help"
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
	Path    string    // the incident file, for the header and the watch
	Actor   string    // who is at the keyboard
	Lang    i18n.Lang // English by default: everything on screen is in it
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
	// Changes reports changes to the file made by anyone (store.Watch);
	// Results reports saves (store.Writer). Either may be nil, as in tests
	// that feed messages by hand.
	Changes <-chan struct{}
	Results <-chan store.WriteResult
	// Syncs reports a live sync's attempts (sshsync.Live); nil without one.
	Syncs <-chan sshsync.Status
	// SyncTarget names the copy synced with, for the header.
	SyncTarget string
	// Comms is the team's communications policy: the rhythm of updates,
	// the drafts per status, and which audiences' updates the incident
	// manager approves. The built-in cadence and drafts when zero.
	Comms model.CommsPolicy
	// Notice is shown once the screen opens: a config that did not load.
	Notice string
}

// area is a part of the screen that can have focus.
type area int

const (
	areaRoles area = iota
	areaTimeline
	areaTasks
	areaCount
)

// pending is a change shown on screen but not yet saved.
type pending struct {
	seq     uint64
	change  store.Change
	entries []string // ids of the entries it writes (seeded: the same on disk)
}

// Model is the war-room screen.
type Model struct {
	opts Options
	keys KeyMap
	help help.Model

	disk    model.State // the incident as last read or saved
	state   model.State // disk plus pending changes: what the screen shows
	pending []pending
	loaded  bool // the incident has been read at least once

	holdings    []model.Holding // derived from state
	role        int             // index into holdings
	roleEntries []model.Entry   // latest entries of the focused role
	cans        []model.Entry   // latest CAN reports, newest first
	customers   model.CustomerCounts
	trend       []int           // customer reports in the last 30 minutes, 5-minute buckets
	comms       model.CommsLog  // updates sent, drafts awaiting approval, next due
	retracted   map[string]bool // ids of entries taken back
	focus       area
	roleTop     int // first line of the role pane shown

	timeline timelineView
	tasks    tasksView

	undo     []undoStep // your changes, newest last
	prompt   *prompt
	declare  *declareForm
	fullHelp bool

	kindW         int // width of the timeline's kind column
	width, height int
	sizes         paneSizes // computed in Update, drawn by View
	now           time.Time

	sync     *sshsync.Status // the last live sync attempt, when syncing
	saveErr  error           // the last save failed; it is retried
	fileErr  string          // the file could not be read as it is now; shown until it can
	readOnly bool            // the file has keys warroom does not know: changes could never be saved
	notice   string          // a one-off message: a refused change, a rejected save
	quitting bool            // leaving: draw nothing more
	closing  bool            // q pressed with changes still saving: leave once saved
}

// New builds the screen for a state read from the file (or the empty
// state, which opens the declare form).
func New(opts Options, s model.State) Model {
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
	m := Model{opts: opts, keys: DefaultKeyMap(opts.Lang), help: help.New(), now: opts.Now(), width: 120, height: 40, notice: opts.Notice}
	m.kindW = m.kindWidth()
	m.setStyles(opts.Styles)
	switch {
	case s.Declared():
		m.setDisk(s)
		m.loaded = true
	case !opts.Wall:
		m.declare = newDeclareForm(opts.Actor, opts.Lang, opts.Catalog, opts.Styles)
	}
	return m
}

// setDisk takes a new state from the file and replays the changes not
// saved yet on top of it.
func (m *Model) setDisk(s model.State) {
	m.disk = s
	m.rebuild()
}

// rebuild recomputes the shown state and everything derived from it.
func (m *Model) rebuild() {
	st := m.disk
	onDisk := recentEntryIDs(st, 500)
	for _, p := range m.pending {
		if len(p.entries) > 0 && onDisk[p.entries[0]] {
			continue // the file read already holds it: saved, not yet acknowledged
		}
		if next, _, err := st.Apply(m.opts.Catalog, p.change.Op, p.change.Env); err == nil {
			st = next
		}
	}
	m.setState(st)
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

// setState shows st and recomputes the derived views, keeping the focused
// role where it was.
func (m *Model) setState(st model.State) {
	var focused model.RoleRef
	if m.role < len(m.holdings) {
		focused = m.holdings[m.role].Ref
	}
	m.state = st
	m.holdings = st.Holdings(m.opts.Catalog)
	m.role = 0
	for i, h := range m.holdings {
		if h.Ref == focused {
			m.role = i
		}
	}
	m.retracted = map[string]bool{}
	for _, e := range st.Timeline {
		if e.Kind == model.KindRetracted {
			m.retracted[e.Entry] = true
		}
	}
	m.timeline.setEntries(st.Timeline, m.opts.Catalog)
	m.tasks.setTasks(st.Tasks)
	m.findRoleEntries()
	m.countCustomers()
	m.comms = st.Comms(m.opts.Comms.Cadence)
}

// countCustomers totals the customer reports and their recent trend; it
// runs in Update (a new state, a clock tick), never while drawing.
func (m *Model) countCustomers() {
	m.customers = m.state.Customers()
	m.trend = m.state.CustomerTrend(m.now, 30*time.Minute, 6)
}

// setStyles draws the screen with s from now on.
func (m *Model) setStyles(s *Styles) {
	m.opts.Styles = s
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
		if t.Name == m.styles().Theme.Name {
			i = (k + 1) % len(m.opts.Themes)
		}
	}
	m.setStyles(NewStyles(m.opts.Renderer, m.opts.Themes[i]))
	m.notice = m.t("theme: %s", m.opts.Themes[i].Name)
}

// styles is a shorthand.
func (m *Model) styles() *Styles { return m.opts.Styles }

// focusedRole is the role instance whose pane is shown.
func (m *Model) focusedRole() model.Holding {
	if m.role < len(m.holdings) {
		return m.holdings[m.role]
	}
	return model.Holding{}
}

// label renders a role instance's name in the screen's language.
func (m *Model) label(ref model.RoleRef) string {
	return ref.Label(m.opts.Catalog, m.opts.Lang)
}

// t translates an English message format into the screen's language and
// fills it in.
func (m *Model) t(format string, args ...any) string {
	return m.opts.Lang.T(format, args...)
}

// explain renders an error in the screen's language.
func (m *Model) explain(err error) string {
	return model.Explain(err, m.opts.Lang)
}
