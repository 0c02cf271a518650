package tui

import (
	"sync"
	"time"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/i18n"
)

// Frames lets screens that show the same thing share one drawn frame: a
// served war room hands one to all its screens, so that a wall of 200
// people watching draws each change and each tick of the clock once, not
// 200 times. Screens share what is below the header when they show the
// same incident (the same SharedIncident), at the same size, in the same
// look and language, on the same pane, the same second of the clock and
// the same people connected, and nothing of their own: no key pressed
// yet, no prompt, sheet (a catch-up, a read-back), notice or news,
// nothing of theirs waiting to be saved,
// and a person at the keyboard that the incident does not name. Each
// draws its own header, which says who is at it. A Frames is safe for
// concurrent use. The zero value is not: use NewFrames.
type Frames struct {
	mu    sync.Mutex
	byKey map[frameKey]*sharedFrame
	order []frameKey // the keys kept, the oldest first
}

// NewFrames returns an empty Frames.
func NewFrames() *Frames { return &Frames{byKey: map[frameKey]*sharedFrame{}} }

// framesKept is how many frames a Frames keeps: the distinct views of a
// second or two.
const framesKept = 64

// sharedFrame is one frame, drawn once by whichever screen asked first;
// the others wait for it.
type sharedFrame struct {
	once sync.Once
	text string
}

// get returns the frame of k, drawing it with draw when no screen has.
func (f *Frames) get(k frameKey, draw func() string) string {
	f.mu.Lock()
	e := f.byKey[k]
	if e == nil {
		e = &sharedFrame{}
		f.byKey[k] = e
		f.order = append(f.order, k)
		if len(f.order) > framesKept {
			delete(f.byKey, f.order[0])
			f.order = append(f.order[:0], f.order[1:]...)
		}
	}
	f.mu.Unlock()
	e.once.Do(func() { e.text = draw() })
	return e.text
}

// frameKey is everything the screen below its header is drawn from, for
// a screen in the state frameKey allows.
type frameKey struct {
	snap          *snapshot
	present       *Present // the first of the list every screen was handed, and its length
	presentN      int
	now           int64 // the clock, in seconds
	width, height int
	look          look
	lang          i18n.Lang
	actor         string // "" when the incident does not name them
	wall, viewer  bool
	wallLayout    bool
	role          int
	focus         area
	rolesTop      int
	tasksTop      int
	tasksCursor   int
	timeline      int // entries scrolled up
	loading       bool
	readOnly      bool
	fileErr       string
	themes        bool // T switches themes
	checks        bool
}

// frameKey is the key of the frame the screen would draw below its
// header, and whether it may share it: only a screen with nothing of its
// own to show.
func (m *Model) frameKey() (frameKey, bool) {
	switch {
	case m.opts.Frames == nil, m.touched, !m.loaded, m.quitting, m.declare != nil,
		m.prompt != nil, m.fullHelp, m.reading != nil, m.sheet != nil, m.notice != "", m.newsText != "",
		len(m.pending) > 0, len(m.undo) > 0, m.closing, m.checking,
		m.save.saveErr != nil, m.save.sync != nil, m.opts.Syncs != nil,
		m.width <= minWidth, m.height <= minHeight,
		m.roles.cursor >= 0, m.timeline.view.sel >= 0, m.timeline.view.filter != "":
		return frameKey{}, false
	}
	k := frameKey{
		snap: m.c.snap, presentN: len(m.c.present), now: m.c.now.Unix(),
		width: m.width, height: m.height, look: m.c.styles.look, lang: m.c.lang,
		wall: m.c.wall, viewer: m.c.viewer, wallLayout: m.opts.Wall, role: m.role, focus: m.focus,
		rolesTop: m.roles.top, tasksTop: m.tasks.view.top, tasksCursor: m.tasks.view.cursor,
		timeline: m.timeline.view.offset, loading: m.c.loading, readOnly: m.readOnly, fileErr: m.save.fileErr,
		themes: m.keys.Theme.Enabled(), checks: m.c.checks,
	}
	if len(m.c.present) > 0 {
		k.present = &m.c.present[0]
	}
	if m.named() {
		k.actor = m.c.actor
	}
	return k, true
}

// named reports whether the incident names the person at the keyboard
// anywhere what the screen draws depends on them: as the holder of a
// role, the incident manager, whoever handed a role not yet accepted, or
// the writer of an update drafted or sent back.
func (m *Model) named() bool {
	a, st := m.c.actor, m.c.state()
	if model.SameName(a, st.Commander()) {
		return true
	}
	for _, h := range m.c.snap.holdings {
		if model.SameName(a, h.Holder) {
			return true
		}
	}
	for _, p := range st.PendingHandoffs(m.c.now) {
		if model.SameName(a, p.Holder) || model.SameName(a, p.By) {
			return true
		}
	}
	for _, es := range [][]model.Entry{m.c.snap.comms.Pending, m.c.snap.comms.Rejected} {
		for _, e := range es {
			if model.SameName(a, e.From) || model.SameName(a, e.By) {
				return true
			}
		}
	}
	return false
}

// clockNow is the clock as the screen shows it: to the second when it
// shares frames, so that screens whose ticks come a few milliseconds
// apart show the same second.
func (m *Model) clockNow() time.Time {
	now := m.opts.Now()
	if m.opts.Frames != nil {
		return now.Truncate(time.Second)
	}
	return now
}
