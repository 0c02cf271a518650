package tui

import (
	"sync/atomic"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/sshsync"
	"github.com/warroom/warroom/model/store"
)

// tickMsg makes the clocks move.
type tickMsg time.Time

// loadedMsg carries the incident as read: from the followed file, or
// handed to a served screen (IncidentMsg).
type loadedMsg struct {
	state model.State
	err   error
	// derived, when set, is what screens derive from state, derived once
	// for every screen that shows it (SharedIncident).
	derived *snapshot
}

// savedMsg carries the outcome of a save.
type savedMsg store.WriteResult

// declaredMsg carries the outcome of the declare form.
type declaredMsg struct {
	state model.State
	err   error
}

// tick waits a second, aligned to the clock's seconds.
func tick(now time.Time) tea.Cmd {
	return tea.Tick(time.Second-time.Duration(now.Nanosecond()), func(t time.Time) tea.Msg { return tickMsg(t) })
}

// waitForSave waits for the writer to report a save.
func waitForSave(ch <-chan store.WriteResult) tea.Cmd {
	if ch == nil {
		return nil
	}
	return func() tea.Msg {
		r, ok := <-ch
		if !ok {
			return nil
		}
		return savedMsg(r)
	}
}

// syncMsg carries a live sync's attempt.
type syncMsg sshsync.Status

// waitForSync waits for the live sync's next report.
func waitForSync(ch <-chan sshsync.Status) tea.Cmd {
	if ch == nil {
		return nil
	}
	return func() tea.Msg {
		st, ok := <-ch
		if !ok {
			return nil
		}
		return syncMsg(st)
	}
}

// followedMsg carries what one read of the followed file found.
type followedMsg store.Followed

// preparedMsg is a read of the followed file applied, off the screen's
// goroutine, to the incident the screen had on disk when it asked for
// the read (the disk generation base), with what the screen derives from
// the result: the screen takes it as it is when its disk is still that,
// and applies the read itself otherwise.
type preparedMsg struct {
	read    store.Followed
	base    uint64
	state   model.State
	derived *snapshot
}

// nextFollow waits for the next read of the followed file, and applies
// it to the incident on disk now, off the screen's goroutine: a bot's
// appends cost the screen's event loop, where keys wait, only the panes'
// update and the frame.
func (m *Model) nextFollow() tea.Cmd {
	ch := m.opts.Follow
	if ch == nil {
		return nil
	}
	base, gen, catalog, bots, keys := m.disk, m.diskGen, m.opts.Catalog, m.opts.Bots, m.keyed
	return func() tea.Msg {
		f, ok := <-ch
		if !ok {
			return nil
		}
		if f.Err != nil {
			return followedMsg(f)
		}
		// Applied in the gap after a key too: not beside the next key's
		// handling, on a core it may need.
		keys.gap()
		st := f.Apply(base)
		p := preparedMsg{read: f, base: gen, state: st}
		if st.Declared() {
			p.derived = newSnapshot(st, catalog, bots)
		}
		return p
	}
}

// keyed tells the reads of the followed file when the person at the
// keyboard is typing, so that another process's change comes in the gap
// after a key rather than in the way of the next one.
type keyed struct {
	last atomic.Int64  // when the last key was handled, in Unix nanoseconds
	done chan struct{} // a key was handled; holds one at most
}

func newKeyed() *keyed { return &keyed{done: make(chan struct{}, 1)} }

// Typing, for keyed: a key in the last typingGap. A change waits at most
// followWait for the gap after the next key.
const (
	typingGap  = 100 * time.Millisecond
	followWait = 100 * time.Millisecond
)

// handled notes that a key was handled.
func (k *keyed) handled(now time.Time) {
	k.last.Store(now.UnixNano())
	select {
	case k.done <- struct{}{}:
	default:
	}
}

// gap returns at once when nobody is typing; while someone is, it waits
// until the next key has been handled, or followWait.
func (k *keyed) gap() {
	if k == nil || time.Since(time.Unix(0, k.last.Load())) >= typingGap {
		return
	}
	select { // a key handled before: not the gap after the next
	case <-k.done:
	default:
	}
	t := time.NewTimer(followWait)
	defer t.Stop()
	select {
	case <-k.done:
	case <-t.C:
	}
}
