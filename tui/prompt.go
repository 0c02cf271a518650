package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/safetext"
)

// promptKind says what a prompt's text becomes.
type promptKind int

const (
	promptHandoff promptKind = iota
	promptNote
	promptTask
	promptStatus
	promptSeverity
	promptAssign
	promptFilter
	promptConfirm
	promptRuleOut
	promptConditions
	promptActions
	promptNeeds
	promptUpdate
	promptApprove
	promptReject
	promptNotable
)

// prompt is the one-line input the footer shows while the user types a
// handoff, a note, a task and so on. While it is open every printable key
// is text.
type prompt struct {
	kind  promptKind
	label string // sanitised
	hint  string // sanitised, shown under the input
	ref   model.RoleRef
	task  string
	can   [2]string // a CAN report's conditions and actions, typed so far
	// An update's audience, and the draft it was opened with: while the
	// text is still that draft, tab redrafts it for the next audience.
	audience model.Audience
	draft    string
	channel  model.Channel // a notable report's channel
	input    textinput.Model
}

// newPrompt opens a prompt with completion from suggestions.
func newPrompt(kind promptKind, label, hint string, suggestions []string, s *Styles) *prompt {
	in := textinput.New()
	in.Prompt = ""
	in.TextStyle = s.Prompt
	in.PlaceholderStyle = s.Muted
	in.CompletionStyle = s.Muted
	in.Cursor.Style = s.Accent
	in.Cursor.TextStyle = s.Prompt
	in.CharLimit = promptLimit(kind)
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
	return &prompt{kind: kind, label: label, hint: hint, input: in}
}

// update hands a key or paste to the text input.
func (p *prompt) update(msg tea.Msg) tea.Cmd {
	return updateInput(&p.input, msg)
}

// updateInput hands msg to a text input. Several characters that arrive as
// one key event are inserted as text: the input's own bindings would take
// a word such as "down" for the key of that name.
func updateInput(in *textinput.Model, msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyMsg); ok && isText(k) {
		text := string(k.Runes)
		v, pos := []rune(in.Value()), in.Position()
		in.SetValue(string(v[:pos]) + text + string(v[pos:]))
		in.SetCursor(pos + len(k.Runes))
		return nil
	}
	var cmd tea.Cmd
	*in, cmd = in.Update(msg)
	return cmd
}

// value is the typed text.
func (p *prompt) value() string { return p.input.Value() }

// view renders the prompt in width columns: label, input, hint.
func (p *prompt) view(s *Styles, width int, problem string) string {
	line := s.PromptLabel.Render(p.label) + " " + p.input.View()
	hint := s.Muted.Render(p.hint)
	if problem != "" {
		hint = s.Error.Render(safetext.Line(problem))
	}
	return fit(line, width) + "\n" + fit(hint, width)
}

// setWidth fits the input in width columns beside its label.
func (p *prompt) setWidth(width int) { p.input.Width = max(1, width-lipgloss.Width(p.label)-3) }

// promptLimit is how many characters a prompt takes: the model's limit on
// what it becomes.
func promptLimit(k promptKind) int {
	switch k {
	case promptHandoff:
		return model.MaxName + 2 + model.MaxEntry
	case promptNote:
		return model.MaxEntry + len("todo: ")
	case promptUpdate, promptNotable, promptReject:
		return model.MaxEntry + 20
	case promptTask:
		return model.MaxTitle
	case promptAssign:
		return 2*model.MaxName + 1
	}
	return 100
}

// splitHandoff reads "name" or "name: briefing".
func splitHandoff(v string) (name, note string) {
	name, note, _ = strings.Cut(v, ":")
	return strings.TrimSpace(name), strings.TrimSpace(note)
}

// splitAssign reads "ROLE PERSON", "ROLE", "PERSON" or nothing.
func splitAssign(c *model.Catalog, v string) (model.RoleRef, string, error) {
	v = strings.TrimSpace(v)
	if v == "" {
		return model.RoleRef{}, "", nil
	}
	first, rest, _ := strings.Cut(v, " ")
	if ref, err := model.ParseRoleRef(c, first); err == nil {
		return ref, strings.TrimSpace(rest), nil
	}
	return model.RoleRef{}, v, nil
}
