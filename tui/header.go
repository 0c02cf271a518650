package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/safetext"
	"github.com/warroom/warroom/model/sshsync"
)

// saveState is what the header says about this screen's changes and the
// file: the root model keeps it and hands it over after every update.
type saveState struct {
	pending int             // changes shown but not yet saved
	saveErr error           // the last save failed; it is retried
	fileErr string          // the file could not be read as it is now
	sync    *sshsync.Status // the last live sync attempt, when syncing
	syncing bool            // a live sync runs
	target  string          // the copy synced with
}

// header is the screen's top two lines: the incident, its severity and
// status, the next update due; the live clocks, who is at the keyboard,
// and whether everything is saved.
type header struct {
	c       *common
	width   int
	save    saveState
	present []Present // who is connected, when served
}

// Init does nothing: the header draws what common holds.
func (h *header) Init() tea.Cmd { return nil }

// Update has nothing to do: every message that changes the header
// changes common or the save state.
func (h *header) Update(tea.Msg) (tea.Model, tea.Cmd) { return h, nil }

// SetSize takes the width; the header is two lines.
func (h *header) SetSize(w, _ int) { h.width = w }

// ShortHelp: the header has no keys.
func (h *header) ShortHelp() []key.Binding { return nil }

// FullHelp: the header has no keys.
func (h *header) FullHelp() [][]key.Binding { return nil }

// View renders two lines: the incident, its severity and status; the live
// clocks and the save state.
func (h *header) View() string {
	c, s, w := h.c, h.c.styles, h.width
	in := c.state().Incident
	sev := s.SevBadge[in.Severity].Render(c.sevWord(in.Severity))
	if in.Severity == model.Sev1 {
		sev = s.SevBadge[in.Severity].Render("▲ " + c.sevWord(in.Severity) + " ▲")
	}
	status := s.StatusBadge[in.Status].Render(strings.ToUpper(c.statusWord(in.Status)))
	right := sev + " " + status
	left := s.Muted.Render(safetext.Line(in.ID)) + "  " + s.Title.Render(safetext.Line(in.Title))
	if w < 100 {
		left = s.Title.Render(safetext.Line(in.Title)) // narrow: the title matters more than the id
	}
	// The update clock takes what room the title leaves: it comes in
	// short when the title would keep fewer than 20 columns, and not at
	// all when even that would not fit.
	keep := min(textWidth(left), 20)
	for _, short := range []bool{false, true} {
		if up := h.updateState(short); up != "" && w-textWidth(right)-textWidth(up)-3 >= keep {
			right = up + "  " + right
			break
		}
	}
	line1 := fit(left, max(0, w-textWidth(right)-1)) + " " + right

	since := c.t("no entries yet")
	if last, ok := c.snap.last, c.snap.hasLast; ok {
		since = c.t("last entry %s ago", clock(c.now.Sub(last.At)))
	}
	declared := c.dated(in.Declared, "declared %s, %s ago", "declared %s on %s, %s ago", clock(c.now.Sub(in.Declared)))
	if r := c.snap.resolved; !r.IsZero() {
		declared = c.dated(in.Declared, "declared %s, resolved %s later", "declared %s on %s, resolved %s later", clock(r.Sub(in.Declared)))
	}
	parts := []string{
		declared,
		since,
		c.t("you: %s", safetext.Line(c.actor)),
	}
	if h.present != nil {
		parts = append(parts, c.n(len(h.present), "%d connected|%d connected", len(h.present)))
	}
	if others := c.othersText(); others != "" {
		parts = append(parts, others)
	}
	// The sync, the saves and the drafts waiting keep their place at the
	// end of the line; the clocks before them give way.
	var wrong []string
	if c.viewer {
		wrong = append(wrong, s.Warning.Render(c.t("view only")))
	}
	if sy := h.syncState(); sy != "" {
		wrong = append(wrong, sy)
	}
	if save := h.saveLine(); save != "" {
		wrong = append(wrong, save)
	}
	if n := len(c.snap.comms.Pending); n > 0 {
		wrong = append(wrong, s.Warning.Render(c.t("drafts awaiting approval: %d", n)))
	}
	if n := c.waiting; n > 0 {
		wrong = append(wrong, s.Warning.Render(c.t("waiting on you: %d (I)", n)))
	}
	line2 := s.Text.Render(strings.Join(parts, " · "))
	if len(wrong) > 0 {
		tail := strings.Join(wrong, s.Text.Render(" · "))
		if room := w - textWidth(tail) - 2; room >= 20 {
			line2 = fit(line2, room) + "  " + tail
		} else {
			line2 = tail
		}
	}
	return fit(line1, w) + "\n" + fit(line2, w)
}

// updateState says when the next update to an audience is due — for
// everyone to see, and loud once it is overdue; short, in fewer words.
func (h *header) updateState(short bool) string {
	text, overdue := updateText(h.c, short)
	if overdue {
		return h.c.styles.Warning.Render(text)
	}
	return text
}

// updateText is when the next update is due, and whether it is overdue;
// once the incident is resolved, whether the final external update is
// still to go out.
func updateText(c *common, short bool) (string, bool) {
	if !c.snap.resolved.IsZero() && !c.snap.finalSent {
		if short {
			return c.t("FINAL UPDATE DUE"), true
		}
		return c.t("RESOLVED: SEND THE FINAL EXTERNAL UPDATE"), true
	}
	next, ok := c.snap.comms.Soonest()
	if !ok {
		return "", false
	}
	aud := next.Audience.In(c.lang)
	switch overdue := next.Due.Before(c.now); {
	case overdue && short:
		return c.t("%s OVERDUE %s", strings.ToUpper(aud), clock(c.now.Sub(next.Due))), true
	case overdue:
		return c.t("%s UPDATE OVERDUE %s", strings.ToUpper(aud), clock(c.now.Sub(next.Due))), true
	case short:
		return c.t("%s in %s", aud, clock(next.Due.Sub(c.now))), false
	}
	return c.t("next %s update in %s", aud, clock(next.Due.Sub(c.now))), false
}

// syncState says how the live sync with another copy is going.
func (h *header) syncState() string {
	if !h.save.syncing {
		return ""
	}
	c, s := h.c, h.c.styles
	target := safetext.Line(h.save.target)
	switch sy := h.save.sync; {
	case sy == nil:
		return s.Muted.Render(c.t("syncing with %s…", target))
	case sy.Err != nil:
		return s.Error.Render(c.t("✗ SYNC with %s: %s", target, safetext.Line(c.explain(sy.Err))))
	}
	return c.t("⇄ synced with %s %s ago", target, clock(c.now.Sub(h.save.sync.At)))
}

// saveLine says whether changes made here are on disk.
func (h *header) saveLine() string {
	c, s, st := h.c, h.c.styles, h.save
	switch {
	case st.saveErr != nil:
		return s.Error.Render(c.n(st.pending, "✗ NOT SAVED (%d pending, retrying): %s|✗ NOT SAVED (%d pending, retrying): %s", st.pending, safetext.Line(c.explain(st.saveErr))))
	case st.pending > 0:
		return s.Muted.Render(c.n(st.pending, "saving %d change…|saving %d changes…", st.pending))
	}
	return ""
}
