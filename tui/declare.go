package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/safetext"
)

// declareForm is the short form shown when the incident file does not
// exist yet: title, severity, incident manager.
type declareForm struct {
	fields []textinput.Model
	labels []string
	focus  int
	err    string
}

func newDeclareForm(actor string, s *Styles) *declareForm {
	mk := func(placeholder string, limit int) textinput.Model {
		in := textinput.New()
		in.Prompt = ""
		in.Placeholder = placeholder
		in.CharLimit = limit
		in.TextStyle = s.Prompt
		in.PlaceholderStyle = s.Muted
		in.Cursor.Style = s.Accent
		in.Cursor.TextStyle = s.Prompt
		in.Width = 60
		return in
	}
	f := &declareForm{
		labels: []string{"Title", "Severity", "Incident manager"},
		fields: []textinput.Model{
			mk("what is broken, as customers see it", model.MaxTitle),
			mk("1, 2, 3 or empty if not assessed yet", 5),
			mk("", model.MaxName),
		},
	}
	f.fields[2].SetValue(actor)
	f.fields[0].Focus()
	return f
}

// op reads the form as a Declare operation.
func (f *declareForm) op() (model.Declare, error) {
	sev := model.SevUnset
	if v := strings.TrimSpace(f.fields[1].Value()); v != "" {
		var err error
		if sev, err = model.ParseSeverity(v); err != nil {
			return model.Declare{}, err
		}
	}
	return model.Declare{Title: f.fields[0].Value(), Severity: sev, Commander: f.fields[2].Value()}, nil
}

// move focuses the next (or previous) field.
func (f *declareForm) move(n int) {
	f.fields[f.focus].Blur()
	f.focus = (f.focus + n + len(f.fields)) % len(f.fields)
	f.fields[f.focus].Focus()
}

func (f *declareForm) update(msg tea.Msg) tea.Cmd {
	return updateInput(&f.fields[f.focus], msg)
}

func (f *declareForm) view(s *Styles, path string, width, height int) string {
	var b strings.Builder
	b.WriteString(s.Title.Render("Declare an incident") + "\n")
	b.WriteString(s.Muted.Render(safetext.Truncate("No incident in "+safetext.Line(path)+" yet.", width)) + "\n\n")
	for i, in := range f.fields {
		label := f.labels[i]
		if i == f.focus {
			label = s.PromptLabel.Render("› " + label)
		} else {
			label = s.Muted.Render("  " + label)
		}
		in.Width = max(10, min(60, width-22))
		b.WriteString(label + strings.Repeat(" ", max(1, 20-lipgloss.Width(label))) + in.View() + "\n")
	}
	b.WriteString("\n")
	if f.err != "" {
		b.WriteString(s.Error.Render(safetext.Truncate(safetext.Line(f.err), width)) + "\n")
	}
	b.WriteString(s.Muted.Render("tab/↓ next field · shift+tab/↑ previous · enter declare · esc quit") + "\n")
	return b.String()
}
