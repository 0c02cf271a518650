package tui

import (
	"context"
	"strings"

	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/i18n"
	"github.com/warroom/warroom/model/safetext"
	"github.com/warroom/warroom/model/store"
)

// declareForm is the short form shown when the incident file does not
// exist yet: title, severity, incident manager.
type declareForm struct {
	lang   i18n.Lang
	fields []textinput.Model
	labels []string
	focus  int
	err    string // in the form's language
	// declaring says that the declaration is on its way to the file:
	// enter does nothing more until it comes back (onDeclared).
	declaring bool
	// asked is the title the form asked about, because an open incident
	// of the folder has one like it: enter again declares it anyway.
	asked string
}

// newDeclareForm builds the form in the screen's language, the incident
// manager's field named as the catalog names the role and filled in with
// the person at the keyboard.
func newDeclareForm(c *common) *declareForm {
	l, s := c.lang, c.styles
	manager := l.T("Incident manager")
	if r, ok := c.catalog.Role(model.IncidentManager); ok {
		manager = r.Name(l)
	}
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
		lang:   l,
		labels: []string{l.T("Title"), l.T("Severity"), manager},
		fields: []textinput.Model{
			mk(l.T("what is broken, as customers see it"), model.MaxTitle),
			mk(l.T("1, 2, 3 or empty if not assessed yet"), 5),
			mk("", model.MaxName),
		},
	}
	f.fields[2].SetValue(c.actor)
	f.fields[0].Focus()
	return f
}

// op reads the form as a Declare operation.
func (f *declareForm) op() (model.Declare, error) {
	sev := model.SevUnset
	if v := strings.TrimSpace(f.fields[1].Value()); v != "" {
		var err error
		if sev, err = parseSeverity(f.lang, v); err != nil {
			return model.Declare{}, err
		}
	}
	return model.Declare{Title: f.fields[0].Value(), Severity: sev, Commander: f.fields[2].Value()}, nil
}

// mine reports whether in is the incident this form is declaring, read
// back from the file before the declaration's own answer came.
func (f *declareForm) mine(in model.Incident, actor string) bool {
	return f.declaring && model.SameName(in.DeclaredBy, actor) && in.Title == strings.TrimSpace(f.fields[0].Value())
}

// move focuses the next (or previous) field.
func (f *declareForm) move(n int) {
	f.fields[f.focus].Blur()
	f.focus = (f.focus + n + len(f.fields)) % len(f.fields)
	f.fields[f.focus].Focus()
}

func (f *declareForm) update(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	f.fields[f.focus], cmd = f.fields[f.focus].Update(msg)
	return cmd
}

func (f *declareForm) view(s *Styles, path string, width, height int) string {
	var b strings.Builder
	l := f.lang
	b.WriteString(s.Title.Render(l.T("Declare an incident")) + "\n")
	b.WriteString(s.Muted.Render(safetext.Truncate(l.T("No incident in %s yet.", safetext.Line(path)), width)) + "\n\n")
	col := 20 // the inputs' column: after the longest label
	for _, label := range f.labels {
		col = max(col, textWidth(label)+4)
	}
	for i, in := range f.fields {
		label := f.labels[i]
		if i == f.focus {
			label = s.PromptLabel.Render("› " + label)
		} else {
			label = s.Muted.Render("  " + label)
		}
		in.Width = max(10, min(60, width-col-2))
		b.WriteString(label + strings.Repeat(" ", max(1, col-textWidth(label))) + in.View() + "\n")
	}
	b.WriteString("\n")
	if f.err != "" {
		for _, l := range strings.Split(f.err, "\n") {
			b.WriteString(s.Error.Render(safetext.Truncate(safetext.Line(l), width)) + "\n")
		}
	}
	b.WriteString(s.Muted.Render(safetext.Truncate(f.hint(), width)) + "\n")
	return b.String()
}

// hint says what the keys do on the focused field: enter moves to the
// next field, and declares only from the last.
func (f *declareForm) hint() string {
	l := f.lang
	switch {
	case f.declaring:
		return l.T("declaring the incident…")
	case f.focus < len(f.fields)-1:
		return l.T("enter or tab: next field · shift+tab/↑: previous · esc quits")
	}
	return l.T("enter declares the incident · shift+tab/↑: previous field · esc quits")
}

// declareKey handles the declare form: tab and the arrows move between
// fields, enter moves on and declares from the last, esc leaves.
func (m *Model) declareKey(k tea.KeyMsg) tea.Cmd {
	f := m.declare
	switch k.String() {
	case "esc", "ctrl+c":
		m.quit()
		return nil
	case "tab", "down":
		f.move(1)
		return nil
	case "shift+tab", "up":
		f.move(-1)
		return nil
	case "enter":
		if f.focus < len(f.fields)-1 {
			f.move(1)
			return nil
		}
		if f.declaring {
			return nil // declared once: the file answers for it
		}
		op, err := f.op()
		if err != nil {
			f.err = m.c.explain(err)
			return nil
		}
		title := strings.TrimSpace(op.Title)
		if in, ok := m.c.alikeOpen(title); ok && f.asked != title {
			f.asked, f.err = title, m.c.alikeQuestion(in)
			return nil
		}
		f.err = ""
		op.Policy = m.opts.Comms.Policy() // the team's, kept in the incident's file from now on
		return m.declareCmd(op)
	}
	return f.update(k)
}

// declareCmd creates the incident file off the UI goroutine, with the
// runbooks that apply to it.
func (m *Model) declareCmd(declare model.Declare) tea.Cmd {
	op := m.c.withRunbooks(declare)
	path, c, now := m.opts.Path, m.opts.Catalog, m.stamp()
	env := model.Env{Now: now, Actor: m.opts.Actor, Replica: m.opts.Replica, IDs: &model.SeededIDs{Seed: m.seed()}}
	if _, _, err := (model.State{}).Apply(c, op, env); err != nil {
		m.declare.err = m.c.explain(err)
		return nil
	}
	saved := m.opts.Saved
	m.declare.declaring = true
	return func() tea.Msg {
		var added []model.Entry
		st, err := store.Update(context.Background(), path, true, func(s model.State) (model.State, error) {
			next, es, err := s.Apply(c, op, env)
			added = es
			return next, err
		})
		if err == nil && saved != nil {
			saved(st, added)
		}
		return declaredMsg{state: st, err: err}
	}
}
