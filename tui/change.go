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
// remembers how to undo it. A change the model refuses is shown as a
// notice and goes nowhere.
func (m *Model) applyChange(op model.Op) ([]model.Entry, bool) {
	before := m.c.state()
	entries, ok := m.apply(op)
	if !ok {
		return nil, false
	}
	undone := op
	if w, ok := op.(model.WithRunbooks); ok {
		undone = w.Op // a runbook applied stays applied: its tasks are everyone's
	}
	step, ok := undoFor(m.opts.Catalog, m.c.lang, before, undone, entries)
	if !ok {
		// u undoes the last change or says why it cannot: never an
		// earlier one in its place.
		step = undoStep{what: m.c.t("your last change cannot be undone from the screen")}
		if len(entries) > 0 && entries[0].Kind == model.KindComms {
			step.what = m.c.t("an update that went out cannot be taken back; send a correction")
		}
	}
	m.undo = append(m.undo, step)
	if len(m.undo) > undoLimit {
		m.undo = m.undo[len(m.undo)-undoLimit:]
	}
	return entries, true
}

// undoLast takes back the newest change made here that can still be
// taken back as it was.
func (m *Model) undoLast() {
	if len(m.undo) == 0 {
		m.notice = m.c.t("nothing to undo: no change made on this screen yet")
		return
	}
	step := m.undo[len(m.undo)-1]
	m.undo = m.undo[:len(m.undo)-1]
	if step.inverse == nil {
		m.notice = step.what
		return
	}
	if err := step.still(m.c.state()); err != nil {
		m.notice = m.c.t("cannot undo the %s: %s", step.what, m.c.explain(err))
		return
	}
	if _, ok := m.apply(step.inverse); ok {
		m.notice = m.c.t("undone: %s", step.what)
	}
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
