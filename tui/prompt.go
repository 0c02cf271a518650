package tui

import (
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/safetext"
)

// prompt is the input the footer shows while the user types a handoff, a
// note, a task and so on. While it is open every printable key is text.
// It carries what its text becomes: submit turns the text into a change,
// the next prompt of a form, or an error that keeps it open. Its text is
// drawn whole, wrapped over as many lines as it needs up to the room the
// layout gives it, so that what enter sends can be read first.
type prompt struct {
	label string // sanitised
	// hint is shown under the input, sanitised; each of its lines
	// ("\n") is wrapped to the width.
	hint  string
	limit int // the most characters its text may become; more is kept, and said
	c     *common
	input textinput.Model
	keys  promptKeys
	// multiline says the text may hold line breaks: a pasted text keeps
	// them (one note of several lines, one briefing). A prompt without
	// takes a pasted text line by line, each line ending with enter.
	multiline bool
	width     int // the columns it is drawn in
	budget    int // the most lines it takes on screen, its text at most half

	submit func(text string) (op model.Op, next *prompt, err error)
	// then, when set, is a second change made once submit's change is:
	// a task given to the person the role it goes with was handed to.
	then model.Op
	// after, when set, says something once submit's change is made: the
	// entries it wrote are given. The notice stays while still holds of
	// the incident shown (nil: until the next key).
	after func(entries []model.Entry) (notice string, still func(*snapshot) bool)
	// tab, when set, replaces completion: the update prompt moves to the
	// next audience.
	tab func(p *prompt) *prompt
	// again makes the prompt that the next line of a paste goes to: one
	// note or one task per line. Other prompts send it to a note.
	again func() *prompt
}

// maxPromptText is the most a prompt holds: far over any limit, so that
// what was pasted over it is kept to be shortened, and bounded, since a
// paste that arrives in many reads costs each read what the prompt holds.
const maxPromptText = 64 << 10

// lineBreak stands for a line break in the text input, which keeps its
// text on one line: a Unicode noncharacter, which no text brings in,
// turned back into "\n" by value. One that is typed or pasted is left
// out, as the input leaves out control characters.
const lineBreak = '\uFDD0'

// newPrompt opens a prompt with completion from suggestions; submit says
// what its text becomes.
func newPrompt(c *common, label, hint string, limit int, suggestions []string,
	submit func(string) (model.Op, *prompt, error)) *prompt {
	s := c.styles
	in := textinput.New()
	in.Prompt = ""
	in.TextStyle = s.Prompt
	in.PlaceholderStyle = s.Muted
	in.CompletionStyle = s.Muted
	in.Cursor.Style = s.Accent
	in.Cursor.TextStyle = s.Prompt
	// Nothing typed or pasted is cut below maxPromptText: text over the
	// limit is kept, and the prompt says at once by how much it is over.
	in.CharLimit = maxPromptText
	// The input draws suggestions and completed text as they are: offer
	// only names that are already harmless on a terminal.
	var safe []string
	for _, v := range suggestions {
		if safetext.Line(v) == v {
			safe = append(safe, v)
		}
	}
	if len(safe) > 0 {
		in.ShowSuggestions = true
		in.SetSuggestions(safe)
	}
	in.Focus()
	p := &prompt{label: label, hint: hint, limit: limit, c: c, input: in, keys: newPromptKeys(c.lang), submit: submit, budget: 2}
	p.keys.Clear.SetEnabled(false)
	return p
}

// update hands one key, or typed text, to the text input. Keys arrive
// one at a time (the screen splits bursts), so completion follows what
// was typed however fast it came.
func (p *prompt) update(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyMsg); ok && k.Type == tea.KeyRunes {
		k.Runes = []rune(strings.ReplaceAll(string(k.Runes), string(lineBreak), ""))
		msg = k
	}
	return p.edit(msg)
}

// edit hands msg to the text input as it is.
func (p *prompt) edit(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	p.input, cmd = p.input.Update(msg)
	p.keys.Clear.SetEnabled(p.input.Value() != "")
	return cmd
}

// paste inserts a pasted text of several lines at the cursor, its line
// breaks kept; the line breaks it ends with are left out.
func (p *prompt) paste(text string) tea.Cmd {
	text = strings.ReplaceAll(text, string(lineBreak), "")
	text = strings.TrimRight(newlines(text), "\n")
	return p.edit(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(strings.ReplaceAll(text, "\n", string(lineBreak))), Paste: true})
}

// newlines makes every line break of a pasted text "\n": terminals send
// "\r", some "\r\n".
func newlines(text string) string {
	return strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(text)
}

// value is the typed text, its line breaks "\n".
func (p *prompt) value() string {
	return strings.ReplaceAll(p.input.Value(), string(lineBreak), "\n")
}

// setValue replaces the text, the cursor at its end: where a person goes
// on typing, and where ctrl+u clears from. Line breaks are kept in a
// prompt that takes several lines, spaces in one that does not.
func (p *prompt) setValue(v string) *prompt {
	v = strings.ReplaceAll(v, string(lineBreak), "")
	if p.multiline {
		v = strings.ReplaceAll(newlines(v), "\n", string(lineBreak))
	}
	p.input.SetValue(v)
	p.input.CursorEnd()
	p.keys.Clear.SetEnabled(p.input.Value() != "")
	return p
}

// setSize fits the prompt in width columns and at most budget lines:
// its text in up to half of them, its hint in the rest.
func (p *prompt) setSize(width, budget int) {
	p.width, p.budget = width, max(2, budget)
	p.input.Width = max(1, width-textWidth(p.label)-3)
}

// textRows is the most lines the prompt's text takes.
func (p *prompt) textRows() int { return max(1, p.budget/2) }

// height is how many lines the prompt takes with the problem shown in
// place of its hint, if any.
func (p *prompt) height(problem string) int {
	return len(p.lines(p.c.styles, p.width, problem))
}

// view renders the prompt in width columns: label and text, then the
// hint (or the problem that kept it open).
func (p *prompt) view(s *Styles, width int, problem string) string {
	return strings.Join(p.lines(s, width, problem), "\n")
}

// lines renders the prompt's lines, each fitted to width.
func (p *prompt) lines(s *Styles, width int, problem string) []string {
	label := s.PromptLabel.Render(p.label) + " "
	var out []string
	if text := p.input.Value(); !strings.ContainsRune(text, lineBreak) && safetext.Line(text) == text &&
		textWidth(p.label)+2+textWidth(text) <= width {
		out = []string{fit(label+p.input.View(), width)} // one line: the input draws it, completion and all
	} else {
		out = p.wrapped(s, label, width)
	}
	hint, st := p.hint, s.Muted
	if n := utf8.RuneCountInString(p.value()); p.limit > 0 && n > p.limit {
		hint, st = p.c.t("%d characters, %d over the limit of %d: shorten it, nothing is cut", n, n-p.limit, p.limit), s.Error
	}
	if problem != "" {
		hint, st = safetext.Line(problem), s.Error
	}
	var hints []string
	for _, l := range strings.Split(hint, "\n") {
		hints = append(hints, wrap(l, width)...)
	}
	if room := max(1, p.budget-len(out)); len(hints) > room {
		hints = append(hints[:room-1], fit(strings.Join(hints[room-1:], " "), width))
	}
	for _, l := range hints {
		out = append(out, st.Render(fit(l, width)))
	}
	return out
}

// wrapped draws the text over as many lines as it takes, width columns
// each, the first after label: at spaces where it can, a line break as
// ↵ ending its line, the cursor where it is. When that is more lines
// than the prompt has, the lines around the cursor are shown, and the
// first line says how many are above, the last how many below.
func (p *prompt) wrapped(s *Styles, label string, width int) []string {
	text := []rune(p.input.Value())
	pos := p.input.Position()
	// cell is what character i draws; the one past the end is the
	// cursor's room. Only the lines shown are drawn; every line is
	// measured.
	cell := func(i int) string {
		switch r := rune(' '); {
		case i < len(text):
			r = text[i]
			if r == lineBreak {
				return "↵"
			}
			return safetext.Line(string(r))
		default:
			return string(r)
		}
	}
	widths := make([]int, len(text)+1)
	for i, r := range text {
		switch {
		case r == lineBreak, r >= 0x20 && r < 0x7f:
			widths[i] = 1
		default:
			widths[i] = textWidth(cell(i))
		}
	}
	widths[len(text)] = 1
	type span struct{ from, to int } // characters [from, to) on one line
	var rows []span
	from, w, room, space := 0, 0, max(1, width-textWidth(label)), -1
	for i := 0; i <= len(text); i++ {
		cw := widths[i]
		if w+cw > room && i > from {
			end := i
			if space >= from && space < i-1 {
				end = space + 1 // at the last space: words stay whole
			}
			rows = append(rows, span{from, end})
			from, room, space = end, max(1, width), -1
			w = 0
			for j := from; j < i; j++ {
				w += widths[j]
			}
		}
		w += cw
		switch {
		case i < len(text) && text[i] == lineBreak:
			rows = append(rows, span{from, i + 1})
			from, room, space, w = i+1, max(1, width), -1, 0
		case i < len(text) && text[i] == ' ':
			space = i
		}
	}
	rows = append(rows, span{from, len(text) + 1})
	cur := 0
	for i, r := range rows {
		if pos >= r.from && pos < r.to {
			cur = i
		}
	}
	shown := p.textRows()
	top := 0
	if len(rows) > shown {
		top = max(0, min(cur-shown/2, len(rows)-shown))
	}
	cursor := p.input.Cursor
	var out []string
	for i := top; i < min(len(rows), top+shown); i++ {
		var b strings.Builder
		if i == 0 {
			b.WriteString(label)
		}
		plain := rows[i].from // the start of the run of text not yet drawn
		flush := func(to int) {
			if to > plain {
				var run strings.Builder
				for j := plain; j < to; j++ {
					run.WriteString(cell(j))
				}
				b.WriteString(s.Prompt.Render(run.String()))
			}
		}
		for j := rows[i].from; j < rows[i].to; j++ {
			switch {
			case j == pos:
				flush(j)
				cursor.SetChar(cell(j))
				b.WriteString(cursor.View())
				plain = j + 1
			case j == len(text):
				flush(j)
				plain = j + 1
			case text[j] == lineBreak:
				flush(j)
				b.WriteString(s.Muted.Render(cell(j)))
				plain = j + 1
			}
		}
		flush(rows[i].to)
		out = append(out, fit(b.String(), width))
	}
	// The marks take the place of a line of text: only where the cursor's
	// line stays shown, between them.
	if top > 0 && shown >= 3 {
		out[0] = fit(label+s.Muted.Render(p.c.n(top, "↑ %d more line|↑ %d more lines", top)), width)
	}
	if below := len(rows) - top - shown; below > 0 && shown >= 3 {
		out[len(out)-1] = s.Muted.Render(fit(p.c.n(below, "↓ %d more line|↓ %d more lines", below), width))
	}
	return out
}

// ShortHelp lists the prompt's own keys: while it is open, these are all
// the keys there are.
func (p *prompt) ShortHelp() []key.Binding { return p.keys.ShortHelp() }

// FullHelp is ShortHelp in one column.
func (p *prompt) FullHelp() [][]key.Binding { return p.keys.FullHelp() }
