package tui

import (
	"slices"
	"sort"
	"strings"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/i18n"
)

// timelineView is the timeline as the screen scrolls and filters it. It
// keeps the state's entries without copying them; a filter keeps the
// indexes of the entries that pass, computed when the timeline or the
// filter changes, never while drawing.
type timelineView struct {
	entries []model.Entry // as the state has them: in the order written
	// order holds the positions of entries in the order things happened:
	// a backdated entry, written last, takes its place.
	order  []int32
	filter string // as typed, for the title
	role   string // role key the filter keeps, or ""
	ws     string // and, when given, its workstream
	kinds  map[model.Kind]bool
	by     string // the person whose entries the filter keeps, or ""
	hide   string // the person whose entries the filter leaves out, or ""
	idx    []int  // positions in order of the entries passing the filter; nil when there is none
	offset int    // entries scrolled up from the newest; 0 follows the end
	sel    int    // the selected entry, among those passing the filter; -1: none
	selID  string // its id, to keep it selected as entries come
}

// setEntries takes the timeline of a new state. When the user has scrolled
// up, the view stays on the same entries as new ones arrive below.
func (t *timelineView) setEntries(es []model.Entry) {
	before := t.len()
	t.order = chronoOrder(t.entries, t.order, es)
	t.entries = es
	t.refilter()
	added := max(0, t.len()-before)
	if t.offset > 0 {
		t.offset += added
	}
	t.reselect(added)
	t.clamp(1)
}

// reselect finds the selected entry again after added entries came: it
// can only have moved later, by at most that many.
func (t *timelineView) reselect(added int) {
	if t.sel < 0 {
		return
	}
	for i := t.sel; i < t.len() && i <= t.sel+added; i++ {
		if t.at(i).ID == t.selID {
			t.sel = i
			return
		}
	}
	t.sel = min(t.sel, t.len()-1) // gone (a file rewritten): stay near
	if t.sel >= 0 {
		t.selID = t.at(t.sel).ID
	}
}

// move moves the selection by n entries (positive: newer); the first move
// selects the newest entry shown. The view follows the selection.
func (t *timelineView) move(n, h int) {
	if t.len() == 0 {
		return
	}
	if t.sel < 0 {
		_, end := t.window(h)
		t.sel, n = max(0, end-1), min(0, n)
	}
	t.sel = max(0, min(t.sel+n, t.len()-1))
	t.selID = t.at(t.sel).ID
	_, end := t.window(h)
	switch {
	case t.sel >= end:
		t.offset = t.len() - t.sel - 1
	case t.sel < end-max(1, h):
		t.offset = t.len() - t.sel - max(1, h)
	}
	t.clamp(h)
}

// selected is the selected entry.
func (t *timelineView) selected() (model.Entry, bool) {
	if t.sel < 0 || t.sel >= t.len() {
		return model.Entry{}, false
	}
	return t.at(t.sel), true
}

// unselect drops the selection: the view follows the newest again.
func (t *timelineView) unselect() { t.sel, t.selID, t.offset = -1, "", 0 }

// setFilter keeps only entries about a role (key or alias, optionally with a
// workstream: all of the role's instances are kept), of a kind ("task"
// keeps every task kind), or by a person of people ("bob"); "-NAME"
// leaves one person's entries out ("-pagerbot"). Kinds are accepted as
// the file names them and in the screen's language lang. The empty text
// clears the filter.
func (t *timelineView) setFilter(c *model.Catalog, l i18n.Lang, text string, people []model.Person) error {
	text = strings.TrimSpace(text)
	prev := *t
	t.filter, t.role, t.ws, t.kinds, t.by, t.hide = "", "", "", nil, "", ""
	if name, ok := strings.CutPrefix(text, "-"); ok && strings.TrimSpace(name) != "" {
		t.hide, t.filter = personNamed(people, strings.TrimSpace(name)), text
		t.offset = 0
		t.refilter()
		t.sel, t.selID = -1, ""
		return nil
	}
	if text != "" {
		if ref, err := model.ParseRoleRef(c, text); err == nil {
			t.role, t.ws = ref.Role, ref.Workstream
		} else {
			allKinds := append(append([]model.Kind{}, model.LogKinds...), model.SystemKinds...)
			k := strings.ToLower(text)
			task := k == "task" || k == strings.ToLower(l.T("task"))
			t.kinds = map[model.Kind]bool{}
			for _, known := range allKinds {
				if string(known) == k || strings.ToLower(known.In(l)) == k || (task && strings.HasPrefix(string(known), "task_")) {
					t.kinds[known] = true
				}
			}
			if len(t.kinds) == 0 {
				if p, ok := findPerson(people, text); ok {
					t.kinds, t.by = nil, p
				}
			}
			if len(t.kinds) == 0 && t.by == "" {
				*t = prev // a filter that does not parse leaves the one shown
				valid := []string{l.T("a role (tl, comms, …)"), l.T("a person"), l.T("-person, to hide one"), l.T("task")}
				for _, known := range allKinds {
					valid = append(valid, known.In(l))
				}
				return &model.InvalidError{What: "filter", Value: text, Valid: valid}
			}
		}
		t.filter = text
	}
	t.offset = 0
	t.refilter()
	t.sel, t.selID = -1, ""
	return nil
}

func (t *timelineView) refilter() {
	if !t.filtered() {
		t.idx = nil
		return
	}
	t.idx = append([]int(nil), t.idx...) // never share with a copy of the view
	t.idx = t.idx[:0]
	for i, p := range t.order {
		e := &t.entries[p]
		switch {
		case t.hide != "":
			if !model.SameName(e.By, t.hide) {
				t.idx = append(t.idx, i)
			}
		case t.by != "":
			if model.SameName(e.By, t.by) {
				t.idx = append(t.idx, i)
			}
		case (t.role != "" && e.Role == t.role && (t.ws == "" || e.Workstream == t.ws)) || t.kinds[e.Kind]:
			t.idx = append(t.idx, i)
		}
	}
}

// filtered reports whether a filter is on.
func (t *timelineView) filtered() bool {
	return t.role != "" || t.kinds != nil || t.by != "" || t.hide != ""
}

// findPerson finds a person of people by name, in any case.
func findPerson(people []model.Person, name string) (string, bool) {
	for _, p := range people {
		if model.SameName(p.Name, name) {
			return p.Name, true
		}
	}
	return "", false
}

// personNamed is the person of people with name, as first written, or
// name itself for someone not among them.
func personNamed(people []model.Person, name string) string {
	if p, ok := findPerson(people, name); ok {
		return p
	}
	return name
}

// len is the number of entries that pass the filter.
func (t *timelineView) len() int {
	if t.idx != nil || t.filtered() {
		return len(t.idx)
	}
	return len(t.entries)
}

// at returns the i-th entry that passes the filter.
func (t *timelineView) at(i int) model.Entry {
	if t.idx != nil || t.filtered() {
		return t.entries[t.order[t.idx[i]]]
	}
	return t.entries[t.order[i]]
}

// chronoOrder returns the positions of es in the order things happened,
// entries of one moment in the order written. When es extends prev, whose
// order is given — the usual change: entries appended — that order is
// kept and the new positions are put in their places, which costs far
// less than sorting a long timeline again; otherwise it is worked out
// afresh. order is never changed: the screen's earlier copies share it.
func chronoOrder(prev []model.Entry, order []int32, es []model.Entry) []int32 {
	n := len(prev)
	extends := n > 0 && len(order) == n && len(es) >= n
	for i := 0; extends && i < n; i++ {
		extends = es[i].ID == prev[i].ID
	}
	if !extends {
		out := make([]int32, len(es))
		for i := range out {
			out[i] = int32(i)
		}
		if !slices.IsSortedFunc(es, func(a, b model.Entry) int { return a.At.Compare(b.At) }) {
			slices.SortStableFunc(out, func(a, b int32) int { return es[a].At.Compare(es[b].At) })
		}
		return out
	}
	out := append(make([]int32, 0, len(es)), order...)
	for i := n; i < len(es); i++ {
		at := es[i].At
		j := sort.Search(len(out), func(k int) bool { return es[out[k]].At.After(at) })
		out = slices.Insert(out, j, int32(i))
	}
	return out
}

// window returns the first and last+1 positions of the h entries shown.
func (t *timelineView) window(h int) (int, int) {
	end := max(0, t.len()-t.offset)
	return max(0, end-h), end
}

// scroll moves the view by n entries (positive: towards older ones).
func (t *timelineView) scroll(n, h int) {
	t.offset += n
	t.clamp(h)
}

func (t *timelineView) clamp(h int) {
	t.offset = max(0, min(t.offset, t.len()-max(1, h)))
}
