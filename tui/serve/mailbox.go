package serve

import (
	"sync"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/warroom/warroom/model/i18n"
	"github.com/warroom/warroom/model/store"
	"github.com/warroom/warroom/tui"
)

// mailbox keeps what a session's screen has yet to be told. The hub puts
// into it and never waits: the newest incident replaces an older one not
// yet taken, the outcomes of the session's own saves are merged (never
// dropped: they say which changes are on disk), the newest presence
// replaces an older one. So a session whose client stops reading costs
// the hub nothing and holds one message of each kind, never a queue.
type mailbox struct {
	mu       sync.Mutex
	incident tea.Msg
	saved    *store.WriteResult
	presence []tui.Present
	present  bool
	notice   *i18n.Message
	wake     chan struct{} // one wake-up waits at most
}

func newMailbox() *mailbox { return &mailbox{wake: make(chan struct{}, 1)} }

// putIncident leaves the incident as it now is: a tui.SharedIncident,
// the same for every session.
func (b *mailbox) putIncident(msg tea.Msg) {
	b.mu.Lock()
	b.incident = msg
	b.mu.Unlock()
	b.ring()
}

// putSaved leaves the outcome of a save, merged with any not yet taken.
func (b *mailbox) putSaved(r store.WriteResult) {
	b.mu.Lock()
	if b.saved == nil {
		b.saved = &r
	} else {
		m := b.saved
		m.Committed = append(m.Committed, r.Committed...)
		m.Rejected = append(m.Rejected, r.Rejected...)
		if r.State.Declared() {
			m.State = r.State
		}
		m.Err, m.Pending = r.Err, r.Pending
	}
	b.mu.Unlock()
	b.ring()
}

// putNotice leaves a notice for the screen.
func (b *mailbox) putNotice(m i18n.Message) {
	b.mu.Lock()
	b.notice = &m
	b.mu.Unlock()
	b.ring()
}

// putPresence leaves who is connected now.
func (b *mailbox) putPresence(p []tui.Present) {
	b.mu.Lock()
	b.presence, b.present = p, true
	b.mu.Unlock()
	b.ring()
}

func (b *mailbox) ring() {
	select {
	case b.wake <- struct{}{}:
	default: // a wake-up already waits: it will take this too
	}
}

// take empties the mailbox: the incident first, then the saves, then who
// is connected.
func (b *mailbox) take() []tea.Msg {
	b.mu.Lock()
	defer b.mu.Unlock()
	var out []tea.Msg
	if b.incident != nil {
		out = append(out, b.incident)
		b.incident = nil
	}
	if b.saved != nil {
		out = append(out, tui.SavedMsg(*b.saved))
		b.saved = nil
	}
	if b.present {
		out = append(out, tui.PresenceMsg(b.presence))
		b.presence, b.present = nil, false
	}
	if b.notice != nil {
		out = append(out, tui.NoticeMsg(*b.notice))
		b.notice = nil
	}
	return out
}
