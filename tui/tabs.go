package tui

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/i18n"
	"github.com/warroom/warroom/model/safetext"
)

// tabs is the row of role tabs: every role instance and its holder, the
// focused one in brackets, roles still with the incident manager marked.
// It takes up to maxLines lines, in the roomiest form that fits.
type tabs struct {
	c        *common
	role     int // the focused tab
	width    int
	maxLines int
	// laid are the lines last laid out, and what they were laid out from:
	// the layout asks for their height after every message.
	laid     []string
	laidFrom tabsFrom
}

// tabsFrom is what the tab lines are laid out from.
type tabsFrom struct {
	snap            *snapshot
	styles          *Styles
	lang            i18n.Lang
	actor           string
	role            int
	width, maxLines int
}

// Init does nothing: the tabs draw what common holds.
func (t *tabs) Init() tea.Cmd { return nil }

// Update has nothing to do: the root model moves the focus (setRole).
func (t *tabs) Update(tea.Msg) (tea.Model, tea.Cmd) { return t, nil }

// SetSize takes the width and the most lines the tabs may take.
func (t *tabs) SetSize(w, h int) { t.width, t.maxLines = w, h }

// setRole focuses tab i.
func (t *tabs) setRole(i int) { t.role = i }

// ShortHelp: the role keys are global.
func (t *tabs) ShortHelp() []key.Binding { return nil }

// FullHelp: the role keys are global.
func (t *tabs) FullHelp() [][]key.Binding { return nil }

// View lays the tabs out.
func (t *tabs) View() string {
	lines := t.lines()
	return block(lines, t.width, len(lines))
}

// height is how many lines the tabs take now.
func (t *tabs) height() int { return len(t.lines()) }

// Tab forms, from the roomiest to the most compact.
const (
	tabFull    = iota // "2 Tech lead · database: bob"
	tabShort          // "2 TL·database: bob"
	tabCompact        // "2 TL·datab… bob"
)

// tabText is one tab: its number, role and holder. Roles still held by the
// incident manager by default are marked with * (and styled apart); the
// roles of the person at the keyboard with ● before the number.
func (t *tabs) tabText(h model.Holding, form int) string {
	name := t.c.label(h.Ref)
	sep := ": "
	switch form {
	case tabShort:
		name = safetext.Line(t.c.shortName(h.Ref, 0))
	case tabCompact:
		name, sep = safetext.Line(t.c.shortName(h.Ref, 6)), " "
	}
	holder := safetext.Line(h.Holder)
	if form == tabCompact {
		holder = safetext.Truncate(holder, 10)
	}
	if h.Default {
		holder += "*"
	}
	if h.Acceptance == model.AcceptanceAwaited {
		holder += "?" // handed, not yet accepted
	}
	tab := strconv.Itoa(t.c.catalog.Position(h.Ref.Role)+1) + " " + name + sep + holder
	if yours(t.c, h) {
		tab = "●" + tab
	}
	return tab
}

// yours reports whether the person at the keyboard holds h: handed to
// them, or the incident manager's own role (not the roles the incident
// manager holds only because nobody else was handed them).
func yours(c *common, h model.Holding) bool {
	return model.SameName(h.Holder, c.actor) && (!h.Default || h.Ref.Role == model.IncidentManager)
}

// lines returns the tab lines in the roomiest form that fits in
// maxLines, cut to maxLines when none does.
func (t *tabs) lines() []string {
	from := tabsFrom{snap: t.c.snap, styles: t.c.styles, lang: t.c.lang, actor: t.c.actor, role: t.role, width: t.width, maxLines: t.maxLines}
	if t.laid == nil || t.laidFrom != from {
		t.laid, t.laidFrom = t.layOut(), from
	}
	return t.laid
}

// layOut lays the tab lines out.
func (t *tabs) layOut() []string {
	w, maxLines := t.width, max(1, t.maxLines)
	var lines []string
	for form := tabFull; form <= tabCompact; form++ {
		if lines = t.tabLines(w, form); len(lines) <= maxLines {
			break
		}
	}
	if len(lines) <= maxLines {
		return lines
	}
	// Still too many: show the lines around the focused tab, and say that
	// there are more before or after.
	start := min(focusLine(lines), len(lines)-maxLines)
	window := append([]string(nil), lines[start:start+maxLines]...)
	if start > 0 {
		window[0] = "‹" + window[0]
	}
	if start+maxLines < len(lines) {
		last := len(window) - 1
		window[last] = fit(window[last], max(0, w-1)) + "›"
	}
	return window
}

// focusLine is the line of the tab row that holds the focused tab.
func focusLine(lines []string) int {
	for i, l := range lines {
		if strings.Contains(ansi.Strip(l), "[") {
			return i
		}
	}
	return 0
}

func (t *tabs) tabLines(w int, form int) []string {
	s := t.c.styles
	var lines []string
	cur := ""
	for i, h := range t.c.snap.holdings {
		st := s.Tab
		switch {
		case i == t.role && h.Default:
			st = s.TabDefaultActive
		case i == t.role:
			st = s.TabActive
		case h.Default:
			st = s.TabDefault
		}
		text := t.tabText(h, form)
		if i == t.role {
			text = "[" + text + "]"
		}
		tab := st.Render(text)
		if cur != "" && textWidth(cur)+textWidth(tab) > w {
			lines = append(lines, cur)
			cur = ""
		}
		cur += tab
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines
}
