package tui

import "github.com/warroom/warroom/model"

// u takes back your changes made on this screen, newest first. The model
// works out how (model.Undo), and refuses what others built on since;
// the screen only remembers which changes were made here.

// undoLimit is how many of your changes u can take back, newest first.
const undoLimit = 50

// remember keeps a change made here for u: the first entry it wrote. A
// change that cannot be undone is kept too, so that u says why rather
// than take back an earlier one in its place.
func (m *Model) remember(entries []model.Entry) {
	if len(entries) == 0 {
		return
	}
	m.undo = append(m.undo, entries[0].ID)
	if len(m.undo) > undoLimit {
		m.undo = m.undo[len(m.undo)-undoLimit:]
	}
}

// undoLast takes back the newest change made here, or says why it cannot
// be; either way, the next u goes on to the change before it.
func (m *Model) undoLast() {
	if len(m.undo) == 0 {
		m.notice = m.c.t("nothing to undo: no change made on this screen yet")
		return
	}
	id := m.undo[len(m.undo)-1]
	m.undo = m.undo[:len(m.undo)-1]
	var what string
	if e, ok := m.c.state().Entry(id); ok {
		what = e.ChangeName(m.opts.Catalog).In(m.c.lang)
	}
	if _, ok := m.apply(model.Undo{Entry: id}); ok {
		m.notice = m.c.t("undone: %s", what)
	}
}
