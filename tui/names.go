package tui

import (
	"strings"

	"github.com/warroom/warroom/model"
)

// namesScan is how far back the timeline is read for the people who
// wrote in it.
const namesScan = 5000

// names are the people a prompt that asks for a person completes: the
// members of the served war room's team, and everyone who took part in
// the incident — who joined it, held or was handed a role, wrote in its
// timeline, owns a task — each once, in that order.
func (c *common) names() []string {
	var out []string
	seen := map[string]bool{}
	add := func(name string) {
		if k := strings.ToLower(strings.TrimSpace(name)); k != "" && !seen[k] {
			seen[k] = true
			out = append(out, name)
		}
	}
	for _, n := range c.members {
		add(n)
	}
	st := c.state()
	for _, p := range st.People {
		add(p.Name)
	}
	for _, a := range st.Assignments {
		add(a.Holder)
	}
	for _, t := range st.Tasks {
		add(t.Owner)
	}
	tl := st.Timeline
	for i := len(tl) - 1; i >= 0 && i >= len(tl)-namesScan; i-- {
		add(tl[i].By)
		if tl[i].Kind == model.KindHandoff {
			add(tl[i].To)
		}
	}
	return out
}
