package serve

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"sync"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/i18n"
	"github.com/warroom/warroom/model/store"
	"github.com/warroom/warroom/tui"
)

// Hub owns a served incident: the incident as last read, the one Writer
// every session's changes go through, and the sessions that show it. It
// follows the file (changes by the command line, a sync, a local screen
// reach every session) and hands each session, through its mailbox, the
// newest incident, the outcome of its own saves and who is connected. It
// never waits on a session.
type Hub struct {
	path    string
	catalog *model.Catalog
	writer  *store.Writer
	// frames are the frames the sessions' screens share: those that show
	// the same thing draw it once.
	frames *tui.Frames
	log    *slog.Logger
	now    func() time.Time
	// saved, when set, is handed what each save of the sessions' changes
	// wrote (the hooks run on it); it must not block.
	saved func(model.State, []model.Entry)
	// bots, when set, names the team file's bots as it now is: what the
	// screens derive from the incident counts them as the policy's bots.
	bots func() []string

	mu    sync.Mutex
	state model.State
	err   error
	// incident is state and err as every session is handed them, with
	// what the screens derive from them, derived once.
	incident tea.Msg
	sessions map[uint64]*session
	owner    map[uint64]uint64 // a save's sequence number → the session that asked for it
	nextID   uint64
	refused  uint64 // changes refused so far: viewers', and those past a pace
	done     chan struct{}
}

// NewHub reads the incident file and starts following it and saving the
// sessions' changes, until ctx ends; Close waits for the last save.
func NewHub(ctx context.Context, path string, catalog *model.Catalog, log *slog.Logger, now func() time.Time) (*Hub, error) {
	return newHub(ctx, path, catalog, log, now, nil, nil)
}

// newHub is NewHub, handing saved what each save wrote.
func newHub(ctx context.Context, path string, catalog *model.Catalog, log *slog.Logger, now func() time.Time, saved func(model.State, []model.Entry), bots func() []string) (*Hub, error) {
	follow, err := store.Follow(ctx, path, store.FollowOptions{})
	if err != nil {
		return nil, err
	}
	h := &Hub{path: path, catalog: catalog, writer: store.NewWriter(path, catalog), frames: tui.NewFrames(), log: log, now: now, saved: saved, bots: bots,
		sessions: map[uint64]*session{}, owner: map[uint64]uint64{}, done: make(chan struct{})}
	first := <-follow
	var uk *store.UnknownKeysError
	switch {
	case first.Err == nil:
		h.state = first.Apply(model.State{})
	case errors.Is(first.Err, store.ErrNoIncident):
		h.err = first.Err
	case errors.As(first.Err, &uk):
		h.state, h.err = store.Load(path) // shown; the screens refuse changes until it is fixed
	default:
		return nil, first.Err
	}
	h.incident = tui.SharedIncident(h.state, h.err, catalog, h.teamBots())
	go h.follow(follow)
	go h.results()
	return h, nil
}

// teamBots are the team file's bots now, or none.
func (h *Hub) teamBots() []string {
	if h.bots == nil {
		return nil
	}
	return h.bots()
}

// follow takes each change to the file — the entries appended, or the
// whole incident when it was written whole — and hands the incident to
// every session.
func (h *Hub) follow(reads <-chan store.Followed) {
	for f := range reads {
		h.mu.Lock()
		if h.err = f.Err; f.Err == nil {
			h.state = f.Apply(h.state)
		}
		st, err := h.state, h.err
		h.mu.Unlock()
		// What the screens derive from the incident is derived here, once,
		// without holding up the sessions' changes: only this goroutine
		// changes the state.
		msg := tui.SharedIncident(st, err, h.catalog, h.teamBots())
		h.mu.Lock()
		h.incident = msg
		for _, s := range h.sessions {
			s.box.putIncident(msg)
		}
		h.mu.Unlock()
	}
}

// results hands each session the outcome of its own saves, and every
// session the incident the saves left.
func (h *Hub) results() {
	defer close(h.done)
	for r := range h.writer.Results() {
		h.mu.Lock()
		per := map[uint64]*store.WriteResult{}
		mine := func(seq uint64) *store.WriteResult {
			id := h.owner[seq]
			delete(h.owner, seq)
			if per[id] == nil {
				per[id] = &store.WriteResult{Err: r.Err, Pending: r.Pending}
			}
			return per[id]
		}
		for _, seq := range r.Committed {
			p := mine(seq)
			p.Committed = append(p.Committed, seq)
		}
		for _, rej := range r.Rejected {
			p := mine(rej.Seq)
			p.Rejected = append(p.Rejected, rej)
		}
		// A session hears of a save only if it holds its changes (a failed
		// save is not others' business). The incident the save left comes
		// to every session by the file, as any change does.
		for id, s := range h.sessions {
			if p := per[id]; p != nil {
				s.box.putSaved(*p)
			}
		}
		h.mu.Unlock()
		// What the sessions' changes wrote is this process's to run
		// hooks on: no other process wrote it.
		if h.saved != nil && r.Err == nil && len(r.Added) > 0 {
			h.saved(r.State, r.Added)
		}
	}
}

// join adds a session and hands it the incident and who is connected.
func (h *Hub) join(s *session) {
	h.mu.Lock()
	h.nextID++
	s.id = h.nextID
	h.sessions[s.id] = s
	s.box.putIncident(h.incident)
	h.mu.Unlock()
	h.announce()
}

// leave takes a session out.
func (h *Hub) leave(s *session) {
	h.mu.Lock()
	delete(h.sessions, s.id)
	h.mu.Unlock()
	h.announce()
}

// submit saves a session's change through the one writer. Viewers are
// refused here, whatever their screen let through, and so is a change
// past the session's pace.
func (h *Hub) submit(s *session, c store.Change) uint64 {
	h.mu.Lock()
	defer h.mu.Unlock()
	var refuse error
	switch {
	case s.member.Access == View:
		refuse = errViewer
	case s.changes != nil && !s.changes.AllowN(h.now(), 1):
		refuse = &model.ConflictError{Reason: tooFast(s.changes.Burst(), float64(s.changes.Limit()))}
	}
	if refuse != nil {
		h.refused++
		seq := 1<<62 + h.refused // never one of the writer's
		s.box.putSaved(store.WriteResult{Rejected: []store.Rejection{{Seq: seq, Err: refuse}}})
		return seq
	}
	seq := h.writer.Submit(c)
	h.owner[seq] = s.id
	return seq
}

// touch notes what a session's person looks at after a key.
func (h *Hub) touch(s *session, l tui.Looking) {
	h.mu.Lock()
	changed := s.looking != l
	s.looking, s.lastKey = l, h.now()
	h.mu.Unlock()
	if changed {
		h.announce()
	}
}

// errViewer is what a viewer's change gets.
var errViewer = &model.ConflictError{Reason: i18n.M("you may only watch this war room; ask its host for edit access (warroom team add NAME KEYFILE)")}

// lastKey is when a session's person last pressed a key; zero when they
// have not yet.
func (h *Hub) lastKey(s *session) time.Time {
	h.mu.Lock()
	defer h.mu.Unlock()
	return s.lastKey
}

// Presence lists who is connected, the earliest first.
func (h *Hub) Presence() []tui.Present {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.presence()
}

func (h *Hub) presence() []tui.Present {
	out := make([]tui.Present, 0, len(h.sessions))
	for _, s := range h.sessions {
		out = append(out, tui.Present{Name: s.member.Name, Since: s.since, Looking: s.looking, LastKey: s.lastKey, Viewer: s.member.Access == View})
	}
	slices.SortFunc(out, func(a, b tui.Present) int { return a.Since.Compare(b.Since) })
	return out
}

// announce hands every session who is connected now.
func (h *Hub) announce() {
	h.mu.Lock()
	defer h.mu.Unlock()
	p := h.presence()
	for _, s := range h.sessions {
		s.box.putPresence(p)
	}
}

// tell shows every screen a notice, in its person's language.
func (h *Hub) tell(m i18n.Message) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for _, s := range h.sessions {
		s.box.putNotice(m)
	}
}

// Incident is the incident as last read, and why it could not be, if so.
func (h *Hub) Incident() (model.State, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.state, h.err
}

// Close saves what is left to save and stops.
func (h *Hub) Close(ctx context.Context) error {
	err := h.writer.Close(ctx)
	select {
	case <-h.done:
	case <-ctx.Done():
	}
	if err != nil {
		return fmt.Errorf("serve: the last saves: %w", err)
	}
	return nil
}
