package tui

import (
	"unicode/utf8"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/safetext"
)

// prompt is the one-line input the footer shows while the user types a
// handoff, a note, a task and so on. While it is open every printable key
// is text. It carries what its text becomes: submit turns the text into a
// change, the next prompt of a form, or an error that keeps it open.
type prompt struct {
	label string // sanitised
	hint  string // sanitised, shown under the input
	limit int    // the most characters its text may become; more is kept, and said
	c     *common
	input textinput.Model
	keys  promptKeys

	submit func(text string) (op model.Op, next *prompt, err error)
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
	return &prompt{label: label, hint: hint, limit: limit, c: c, input: in, keys: newPromptKeys(c.lang), submit: submit}
}

// update hands one key, or pasted text, to the text input. Keys arrive
// one at a time (the screen splits bursts), so completion follows what
// was typed however fast it came.
func (p *prompt) update(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	p.input, cmd = p.input.Update(msg)
	return cmd
}

// value is the typed text.
func (p *prompt) value() string { return p.input.Value() }

// setValue replaces the text, the cursor at its start (a draft reads as it
// will be sent) or its end.
func (p *prompt) setValue(v string, atStart bool) *prompt {
	p.input.SetValue(v)
	if atStart {
		p.input.CursorStart()
	} else {
		p.input.CursorEnd()
	}
	return p
}

// view renders the prompt in width columns: label, input, hint.
func (p *prompt) view(s *Styles, width int, problem string) string {
	line := s.PromptLabel.Render(p.label) + " " + p.input.View()
	hint := s.Muted.Render(p.hint)
	if n := utf8.RuneCountInString(p.value()); p.limit > 0 && n > p.limit {
		hint = s.Error.Render(p.c.t("%d characters, %d over the limit of %d: shorten it, nothing is cut", n, n-p.limit, p.limit))
	}
	if problem != "" {
		hint = s.Error.Render(safetext.Line(problem))
	}
	return fit(line, width) + "\n" + fit(hint, width)
}

// setWidth fits the input in width columns beside its label.
func (p *prompt) setWidth(width int) { p.input.Width = max(1, width-textWidth(p.label)-3) }

// ShortHelp lists the prompt's own keys: while it is open, these are all
// the keys there are.
func (p *prompt) ShortHelp() []key.Binding { return p.keys.ShortHelp() }

// FullHelp is ShortHelp in one column.
func (p *prompt) FullHelp() [][]key.Binding { return p.keys.FullHelp() }
