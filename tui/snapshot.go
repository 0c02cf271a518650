package tui

import (
	"time"

	"github.com/warroom/warroom/model"
)

// snapshot is the incident as the screen shows it, with what every pane
// derives from it, computed once per change in Update. It is never
// modified: a change makes a new one.
type snapshot struct {
	catalog   *model.Catalog // what it was derived with
	extraBots []string       // and the bots it counted besides the policy's
	state     model.State
	holdings  []model.Holding // every role instance and its holder, in tab order
	comms     model.CommsLog  // updates sent, drafts awaiting approval, next due
	retracted map[string]bool // ids of entries taken back
	// resolved is when the incident was last resolved, while it stays
	// resolved or closed: its clocks stop there. finalSent says whether
	// an external update has gone out since.
	resolved  time.Time
	finalSent bool
	// last is the entry that happened last (model.State.LastEntry), found
	// once here so that drawing never scans the timeline.
	last    model.Entry
	hasLast bool
	// bots are the incident's automated actors: their entries are
	// dimmed, and count for no clock.
	bots model.Bots
	// pinned are the ids of the entries pinned as key moments.
	pinned map[string]bool
	// failingHooks are the hooks whose latest run on an event failed,
	// the latest first (board_hooks.go).
	failingHooks []model.Entry
	// runbooks are the entries of the runbooks applied (board_runbooks.go).
	runbooks []model.Entry
}

// snapshotMsg tells every pane that the snapshot in common changed.
type snapshotMsg struct{}

// newSnapshot derives what the panes need from st. The update rhythms
// are the incident's own policy, the same on every screen; its bots are
// those the policy names and extraBots.
func newSnapshot(st model.State, c *model.Catalog, extraBots []string) *snapshot {
	s := &snapshot{
		catalog:   c,
		extraBots: extraBots,
		state:     st,
		bots:      st.Bots(extraBots...),
		holdings:  st.Holdings(c),
		comms:     st.Comms(st.Policy().Cadence()),
		retracted: map[string]bool{},
	}
	done := st.Incident.Status == model.Resolved || st.Incident.Status == model.Closed
	var hooks hookRuns
	var pins []model.Entry
	for _, e := range st.Timeline {
		switch {
		case e.Kind == model.KindPin || e.Kind == model.KindUnpin:
			pins = append(pins, e)
		case e.Kind == model.KindHook:
			hooks.note(e)
		case e.Kind == model.KindRunbook:
			s.runbooks = append(s.runbooks, e)
		case e.Kind == model.KindRetracted:
			s.retracted[e.Entry] = true
		case done && e.Kind == model.KindStatus && model.Status(e.To).Rank() >= model.Resolved.Rank() &&
			model.Status(e.From).Rank() < model.Resolved.Rank():
			// The last time it reached resolved (or closed without it).
			s.resolved, s.finalSent = e.At, false
		case e.Kind == model.KindComms && e.Audience() == model.AudienceExternal && !s.resolved.IsZero() && !e.At.Before(s.resolved):
			s.finalSent = true
		}
	}
	s.last, s.hasLast = st.LastPersonEntry(s.bots)
	s.pinned = model.State{Timeline: pins}.PinnedIDs()
	s.failingHooks = hooks.failing()
	return s
}

// holding finds a role instance's holding; the first one when ref is gone.
func (s *snapshot) holding(ref model.RoleRef) (int, model.Holding) {
	for i, h := range s.holdings {
		if h.Ref == ref {
			return i, h
		}
	}
	if len(s.holdings) == 0 {
		return 0, model.Holding{}
	}
	return 0, s.holdings[0]
}
