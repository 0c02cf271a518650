package tui

import (
	"errors"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/safetext"
)

// taskKeys act on the selected task.
type taskKeys struct {
	list                                listKeys
	Start, Done, Reopen, Cancel, Assign key.Binding
}

func newTaskKeys(c *common) taskKeys {
	l := c.lang
	return taskKeys{
		list:   newListKeys(l),
		Start:  bind(l, "s", "start", "s"),
		Done:   bind(l, "d", "done", "d"),
		Reopen: bind(l, "o", "reopen", "o"),
		Cancel: bind(l, "x", "cancel", "x"),
		Assign: bind(l, "a", "reassign", "a"),
	}
}

// ShortHelp lists the keys that work on the selected task.
func (k taskKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Start, k.Done, k.Reopen, k.Cancel, k.Assign}
}

// FullHelp lists the moves and every task key.
func (k taskKeys) FullHelp() [][]key.Binding { return append(k.list.FullHelp(), k.ShortHelp()) }

// enable turns on the keys that apply to t in its state.
func (k *taskKeys) enable(t model.Task, ok bool, c *common) {
	on := ok && !c.wall
	k.Start.SetEnabled(on && t.State == model.TaskOpen)
	k.Done.SetEnabled(on && t.Open())
	k.Reopen.SetEnabled(on && t.State != model.TaskOpen)
	k.Cancel.SetEnabled(on && t.Open())
	k.Assign.SetEnabled(on)
}

// act changes t as the key says; false when the key is not a task key.
func (k taskKeys) act(c *common, msg tea.KeyMsg, t model.Task) bool {
	switch {
	case key.Matches(msg, k.Start):
		c.act.change(model.TaskSet{Task: t.ID, State: model.TaskInProgress})
	case key.Matches(msg, k.Done):
		c.act.change(model.TaskSet{Task: t.ID, State: model.TaskDone})
	case key.Matches(msg, k.Reopen):
		c.act.change(model.TaskSet{Task: t.ID, State: model.TaskOpen})
	case key.Matches(msg, k.Cancel):
		c.act.change(model.TaskSet{Task: t.ID, State: model.TaskCancelled})
	case key.Matches(msg, k.Assign):
		c.act.open(assignPrompt(c, t))
	default:
		return false
	}
	return true
}

// assignPrompt gives t to a role, a person, both, or nobody. A person
// named with a role they do not hold is asked about (assignAskPrompt).
func assignPrompt(c *common, t model.Task) *prompt {
	return newPrompt(c, c.t("Give task %s to:", t.ID),
		c.t("a role (tl/database), a person (dave), both (tl dave), or nothing for nobody"), 2*model.MaxName+1,
		append(c.catalog.AllNames(), c.names()...), func(v string) (model.Op, *prompt, error) {
			ref, owner := splitAssign(c.catalog, v)
			if holder, _ := c.state().Holder(ref); !ref.IsZero() && owner != "" && !model.SameName(holder, owner) {
				return nil, assignAskPrompt(c, t, ref, owner, holder), nil
			}
			return model.TaskAssign{Task: t.ID, Role: ref, Owner: owner}, nil, nil
		})
}

// assignAskPrompt asks, when a task is given to a role and a person who
// does not hold it, which was meant: y hands them the role and gives the
// task to the role (theirs now); n gives the task to them alone.
func assignAskPrompt(c *common, t model.Task, ref model.RoleRef, owner, holder string) *prompt {
	who, role := safetext.Line(owner), c.label(ref)
	var p *prompt
	p = newPrompt(c, c.t("%s does not hold %s (%s does). Hand it to %s?", who, role, safetext.Line(holder), who),
		c.t("y: hand %s the role, and the task with it · n: the task to %s alone · esc: neither", who, who), 10, nil,
		func(v string) (model.Op, *prompt, error) {
			switch yesOrNo(c, v) {
			case 'y':
				p.then = model.TaskAssign{Task: t.ID, Role: ref}
				return model.Handoff{Role: ref, To: owner}, nil, nil
			case 'n':
				return model.TaskAssign{Task: t.ID, Owner: owner}, nil, nil
			}
			return nil, nil, errors.New(c.t("answer y or n, or esc to leave the task as it is"))
		})
	return p
}

// yesOrNo reads an answer typed in English or the screen's language:
// 'y', 'n', or 0 for neither.
func yesOrNo(c *common, v string) rune {
	v = strings.TrimSpace(v)
	for _, w := range []string{"y", "yes", c.t("y"), c.t("yes")} {
		if strings.EqualFold(v, w) {
			return 'y'
		}
	}
	for _, w := range []string{"n", "no", c.t("n"), c.t("no")} {
		if strings.EqualFold(v, w) {
			return 'n'
		}
	}
	return 0
}

// tasksPane is the task list: in progress, then open, then closed, with a
// cursor that follows the selected task.
type tasksPane struct {
	frame
	c    *common
	keys taskKeys
	view tasksView
}

func newTasksPane(c *common) *tasksPane { return &tasksPane{c: c, keys: newTaskKeys(c)} }

// Init does nothing: the list waits for snapshots.
func (p *tasksPane) Init() tea.Cmd { return nil }

// Update takes new snapshots and the keys of the focused list.
func (p *tasksPane) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	_, h := p.content()
	switch msg := msg.(type) {
	case snapshotMsg:
		p.view.setTasks(p.c.state().Tasks)
	case tea.KeyMsg:
		if step := p.keys.list.step(msg, max(1, h-1)); step != 0 {
			p.view.move(step, h)
		} else if t, ok := p.view.selected(); ok {
			p.keys.act(p.c, msg, t)
		}
	}
	p.view.keepVisible(h)
	t, ok := p.view.selected()
	p.keys.enable(t, ok && p.focused, p.c)
	return p, nil
}

// View draws the rows that fit, the selected one marked while the list
// has focus.
func (p *tasksPane) View() string {
	c, s := p.c, p.c.styles
	w, h := p.content()
	open := 0
	for _, t := range p.view.order {
		if t.Open() {
			open++
		}
	}
	closed := len(p.view.order) - open
	title := c.t("Tasks (%s, %s)", c.n(open, "%d open|%d open", open), c.n(closed, "%d closed|%d closed", closed))
	var lines []string
	end := min(len(p.view.order), p.view.top+h)
	for i := p.view.top; i < end; i++ {
		t := p.view.order[i]
		line := c.taskLine(t, w, false)
		if i == p.view.cursor && p.focused {
			line = c.selectedLine(row{line: func(w int) string { return c.taskLine(t, w, false) }}, w)
		}
		lines = append(lines, line)
	}
	if len(p.view.order) == 0 {
		lines = append(lines, s.Muted.Render(withHint(c.t("no tasks yet"), c.global.Task)))
	}
	return p.draw(s, title, lines)
}

// ShortHelp lists the task keys that work on the selected task.
func (p *tasksPane) ShortHelp() []key.Binding { return p.keys.ShortHelp() }

// FullHelp lists every task key.
func (p *tasksPane) FullHelp() [][]key.Binding { return p.keys.FullHelp() }

// splitAssign reads "ROLE PERSON", "ROLE", "PERSON" or nothing.
func splitAssign(c *model.Catalog, v string) (model.RoleRef, string) {
	v = strings.TrimSpace(v)
	if v == "" {
		return model.RoleRef{}, ""
	}
	first, rest, _ := strings.Cut(v, " ")
	if ref, err := model.ParseRoleRef(c, first); err == nil {
		return ref, strings.TrimSpace(rest)
	}
	return model.RoleRef{}, v
}
