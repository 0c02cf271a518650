package tui

import (
	"errors"
	"slices"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/warroom/warroom/model/safetext"
	"github.com/warroom/warroom/model/store"
)

// What comes back from the disk: the file as another process left it,
// the outcome of a save, the outcome of the declare form.

// onLoaded takes the file as another process left it.
func (m *Model) onLoaded(msg loadedMsg) {
	var uk *store.UnknownKeysError
	switch {
	case msg.err == nil:
		m.save.fileErr, m.readOnly = "", false
	case errors.As(msg.err, &uk):
		m.blockEdits(uk)
	default:
		// Keep showing what we have, and say so until the file reads
		// again: it may be mid-edit by hand.
		m.save.fileErr = m.c.t("could not read the file: %s", m.c.explain(msg.err))
		return
	}
	if msg.state.Declared() {
		if m.declare != nil {
			// Someone else declared it while this screen showed the form
			// — or the file's watch brought this form's own declaration
			// before its answer came: the form gives way to the war room.
			if in := msg.state.Incident; !m.declare.mine(in, m.c.actor) {
				m.notice = m.c.t("%s declared the incident first: %s", safetext.Line(in.DeclaredBy), safetext.Line(in.Title))
			}
			m.declare = nil
		}
		var derived *snapshot
		if msg.derived != nil && msg.derived.catalog == m.opts.Catalog && slices.Equal(msg.derived.extraBots, m.opts.Bots) {
			derived = msg.derived
		}
		m.setDiskDerived(msg.state, derived)
		m.arrive()
	}
}

// onFollowed takes what one read of the followed file found: the entries
// appended since the last read, or the whole incident again. A read that
// failed is said, and what is shown stays until the file reads again.
func (m *Model) onFollowed(f store.Followed) tea.Cmd {
	if f.Err != nil {
		m.onLoaded(loadedMsg{err: f.Err})
		return m.nextFollow()
	}
	if f.Reset {
		m.c.loading = f.Partial
	}
	m.onLoaded(loadedMsg{state: f.Apply(m.disk)})
	m.catchUpLoaded()
	return m.nextFollow()
}

// onPrepared takes a read of the followed file applied ahead: as it was
// applied when the incident on disk is still the one it was applied to,
// else as onFollowed does (a save came in between).
func (m *Model) onPrepared(p preparedMsg) tea.Cmd {
	if p.base != m.diskGen {
		return m.onFollowed(p.read)
	}
	if p.read.Reset {
		m.c.loading = p.read.Partial
	}
	m.onLoaded(loadedMsg{state: p.state, derived: p.derived})
	m.catchUpLoaded()
	return m.nextFollow()
}

// blockEdits stops changes while the file has keys warroom does not know:
// every save would be refused, so changes are refused as they are made.
func (m *Model) blockEdits(uk *store.UnknownKeysError) {
	m.readOnly = true
	m.save.fileErr = m.c.explain(uk)
}

// onSaved takes a save's outcome: committed and rejected changes leave the
// queue; a failed save keeps them, and the header says so until a retry
// succeeds. The last save while leaving ends the program.
func (m *Model) onSaved(r store.WriteResult) tea.Cmd {
	// A result may merge several saves: acknowledge what it committed or
	// rejected even when its latest attempt failed.
	m.save.saveErr = r.Err
	saved, rejected := map[uint64]bool{}, map[uint64]bool{}
	for _, seq := range r.Committed {
		saved[seq] = true
	}
	for _, rej := range r.Rejected {
		rejected[rej.Seq] = true
		m.notice = m.c.t("not saved: %s", m.c.explain(rej.Err))
	}
	kept := m.pending[:0:0]
	for _, p := range m.pending {
		if !rejected[p.seq] {
			p.saved = p.saved || saved[p.seq]
			kept = append(kept, p)
		}
	}
	m.pending = kept
	switch {
	case r.State.Declared() && m.opts.Follow == nil:
		// The file as this save left it. (A followed screen reads what
		// was appended instead: taking both would show it twice.)
		m.setDisk(r.State)
	case len(saved)+len(rejected) > 0:
		m.rebuild()
	}
	if m.closing && m.unsaved() == 0 {
		m.quitting = true
		return tea.Quit
	}
	return waitForSave(m.opts.Results)
}

// onDeclared takes the outcome of the declare form. The form may be gone
// already: the file's watch can bring the incident first, or another
// screen declared it meanwhile; then the incident shown is the file's.
func (m *Model) onDeclared(msg declaredMsg) {
	switch {
	case msg.err != nil && m.declare != nil:
		m.declare.err, m.declare.declaring = m.c.explain(msg.err), false
		return
	case msg.err != nil:
		return // the form gave way to an incident read from the file
	}
	m.declare = nil
	m.setDisk(msg.state)
	m.arrive()
}
