package tui

import (
	"slices"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/safetext"
)

// The tech lead's theories: what may have failed and why, and which were
// confirmed or ruled out.
var _ = registerTool("theories", newTheories)

type theoryKeys struct {
	Confirm, RuleOut, Add key.Binding
}

func (k theoryKeys) ShortHelp() []key.Binding  { return []key.Binding{k.Confirm, k.RuleOut} }
func (k theoryKeys) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

type theories struct {
	c    *common
	keys theoryKeys
	ref  model.RoleRef
	list []model.Theory // open ones first
	open int
}

func newTheories(c *common) tool {
	return &theories{c: c, keys: theoryKeys{
		Confirm: bind(c.lang, "c", "confirm", "c"),
		RuleOut: bind(c.lang, "r", "rule out", "r"),
		Add:     bind(c.lang, "n", "with th: adds one", "n"),
	}}
}

// refresh lists the pane's own theories and those stated about no role in
// particular, open ones first.
func (t *theories) refresh(h model.Holding) {
	t.ref = h.Ref
	var open, closed []model.Theory
	for _, th := range t.c.state().Theories {
		if th.Role != "" && th.RoleRef() != h.Ref {
			continue
		}
		if th.State == model.TheoryOpen {
			open = append(open, th)
		} else {
			closed = append(closed, th)
		}
	}
	t.list, t.open = append(open, closed...), len(open)
	on := !t.c.wall && t.open > 0
	t.keys.Confirm.SetEnabled(on)
	t.keys.RuleOut.SetEnabled(on)
	t.keys.Add.SetEnabled(!t.c.wall)
}

func (t *theories) rows(w int) []row {
	c, s := t.c, t.c.styles
	out := textRows(s.Bold.Render(withHint(c.n(t.open, "Theories (%d open)|Theories (%d open)", t.open), t.keys.Confirm, t.keys.RuleOut, t.keys.Add)))
	for i, th := range t.list {
		if i == listCap {
			out = append(out, row{text: s.Muted.Render(c.t("  and %d more", len(t.list)-listCap))})
			break
		}
		mark, st := "[?]", s.Text
		switch th.State {
		case model.TheoryConfirmed:
			mark, st = "[✓]", s.Holder
		case model.TheoryRuledOut:
			mark, st = "[✗]", s.Done
		}
		line := func(w int) string {
			state := " · " + th.State.In(c.lang)
			head := mark + " " + safetext.Line(th.ID) + " "
			text := safetext.Line(th.Text)
			if textWidth(head+text+state) > w {
				text = fit(text, max(4, w-textWidth(head+state)))
			}
			return st.Render(head + text + state)
		}
		out = append(out, row{text: fit(line(w), w), theory: th.ID, line: line})
	}
	if len(t.list) == 0 {
		out = append(out, row{text: s.Muted.Render(c.t("  none yet"))})
	}
	return out
}

func (t *theories) key(msg tea.KeyMsg, at row) bool {
	switch {
	case key.Matches(msg, t.keys.Confirm):
		t.c.act.open(t.prompt(model.TheoryConfirmed, at.theory))
	case key.Matches(msg, t.keys.RuleOut):
		t.c.act.open(t.prompt(model.TheoryRuledOut, at.theory))
	default:
		return false
	}
	return true
}

// prompt asks which open theory to confirm or rule out, with an optional
// note of the evidence: the one under the cursor, else the first open.
func (t *theories) prompt(state model.TheoryState, selected string) *prompt {
	var ids []string
	for _, th := range t.list {
		if th.State == model.TheoryOpen {
			ids = append(ids, th.ID)
		}
	}
	label := t.c.t("Confirm theory:")
	if state == model.TheoryRuledOut {
		label = t.c.t("Rule out theory:")
	}
	p := newPrompt(t.c, label, t.c.t("its id (tab completes), then : and the evidence if you like"), 100+model.MaxEntry, ids,
		func(v string) (model.Op, *prompt, error) {
			id, note := splitHandoff(v)
			return model.TheorySet{Theory: id, State: state, Note: note}, nil, nil
		})
	// The open theory under the cursor, else the first open one, is
	// offered: enter acts on it, and the evidence follows the colon.
	switch {
	case slices.Contains(ids, selected):
		p.setValue(selected + ": ")
	case len(ids) > 0:
		p.setValue(ids[0] + ": ")
	}
	return p
}

func (t *theories) ShortHelp() []key.Binding  { return t.keys.ShortHelp() }
func (t *theories) FullHelp() [][]key.Binding { return t.keys.FullHelp() }
