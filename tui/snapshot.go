package tui

import (
	"github.com/warroom/warroom/model"
)

// snapshot is the incident as the screen shows it, with what every pane
// derives from it, computed once per change in Update. It is never
// modified: a change makes a new one.
type snapshot struct {
	state     model.State
	holdings  []model.Holding // every role instance and its holder, in tab order
	comms     model.CommsLog  // updates sent, drafts awaiting approval, next due
	retracted map[string]bool // ids of entries taken back
}

// snapshotMsg tells every pane that the snapshot in common changed.
type snapshotMsg struct{}

// newSnapshot derives what the panes need from st.
func newSnapshot(st model.State, c *model.Catalog, policy model.CommsPolicy) *snapshot {
	s := &snapshot{
		state:     st,
		holdings:  st.Holdings(c),
		comms:     st.Comms(policy.Cadence),
		retracted: map[string]bool{},
	}
	for _, e := range st.Timeline {
		if e.Kind == model.KindRetracted {
			s.retracted[e.Entry] = true
		}
	}
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
