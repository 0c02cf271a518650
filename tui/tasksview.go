package tui

import (
	"sort"

	"github.com/warroom/warroom/model"
)

// tasksView is the task list in the order the screen shows it: in progress,
// then open, then done, each in the order added; with a cursor.
type tasksView struct {
	order  []model.Task
	cursor int
	top    int
}

func taskRank(t model.Task) int {
	switch t.State {
	case model.TaskInProgress:
		return 0
	case model.TaskOpen:
		return 1
	}
	return 2
}

// setTasks takes the tasks of a new state. The selection follows the
// task, by id, wherever it moves (marked done, it goes down to the done
// ones and the cursor with it), so that a key pressed twice acts twice on
// the same task, never on its neighbour. Only when the task is gone does
// the cursor stay on the row.
func (v *tasksView) setTasks(ts []model.Task) {
	selected, had := v.selected()
	v.order = append(v.order[:0:0], ts...)
	sort.SliceStable(v.order, func(i, j int) bool { return taskRank(v.order[i]) < taskRank(v.order[j]) })
	v.cursor = min(v.cursor, max(0, len(v.order)-1))
	if !had {
		return
	}
	for i, t := range v.order {
		if t.ID == selected.ID {
			v.cursor = i
			return
		}
	}
}

// selected returns the task under the cursor.
func (v *tasksView) selected() (model.Task, bool) {
	if v.cursor < len(v.order) {
		return v.order[v.cursor], true
	}
	return model.Task{}, false
}

// move moves the cursor by n and keeps it within the h rows shown.
func (v *tasksView) move(n, h int) {
	v.cursor = max(0, min(v.cursor+n, len(v.order)-1))
	v.keepVisible(h)
}

func (v *tasksView) keepVisible(h int) {
	h = max(1, h)
	if v.cursor < v.top {
		v.top = v.cursor
	}
	if v.cursor >= v.top+h {
		v.top = v.cursor - h + 1
	}
	v.top = max(0, min(v.top, len(v.order)-h))
}
