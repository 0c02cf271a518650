package tui

import (
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

// waitForFollow waits for the next read of the followed file.
func waitForFollow(ch <-chan store.Followed) tea.Cmd {
	if ch == nil {
		return nil
	}
	return func() tea.Msg {
		f, ok := <-ch
		if !ok {
			return nil
		}
		return followedMsg(f)
	}
}
