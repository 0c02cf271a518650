package tui

import (
	"math/rand/v2"
	"time"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/store"
)

// change applies op on screen and hands it to the saver (actions).
func (m *Model) change(op model.Op) bool {
	_, ok := m.applyChange(op)
	return ok
}

// applyChange applies op at once on screen, hands it to the saver and
// remembers it for u. A change the model refuses is shown as a notice
// and goes nowhere.
func (m *Model) applyChange(op model.Op) ([]model.Entry, bool) {
	entries, ok := m.apply(op)
	if !ok {
		return nil, false
	}
	m.remember(entries)
	return entries, true
}

// apply applies op at once on screen and hands it to the saver.
func (m *Model) apply(op model.Op) ([]model.Entry, bool) {
	if m.readOnly {
		m.notice = m.c.t("not changed: the file has keys warroom does not know; fix them and the screen takes changes again")
		return nil, false
	}
	if m.c.wall {
		return nil, false // the wall and viewers change nothing, whatever asks
	}
	env := model.Env{Now: m.stamp(), Actor: m.opts.Actor, Replica: m.opts.Replica, IDs: &model.SeededIDs{Seed: m.seed()}}
	next, entries, err := m.c.state().Apply(m.opts.Catalog, op, env)
	if err != nil {
		m.notice = m.c.explain(err)
		return nil, false
	}
	c := store.Change{Op: op, Env: env}
	if m.opts.Saver != nil {
		seq := m.opts.Saver.Submit(c)
		ids := make([]string, len(entries))
		for i, e := range entries {
			ids[i] = e.ID
		}
		m.pending = append(m.pending, pending{seq: seq, change: c, entries: ids})
	} else {
		m.disk = next
	}
	m.show(next)
	return entries, true
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
