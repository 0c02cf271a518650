package tui

import "github.com/warroom/warroom/model"

// The screen's part of the incident's story: key moments pinned on the
// timeline, milestones marked, bots kept out of the way, the catch-up for
// who was away and what waits on the person at the keyboard.

// pinKey offers P on the selected entry: pin it, or unpin it when it is
// pinned; never on the wall.
func (p *timelinePane) pinKey() {
	e, sel := p.view.selected()
	p.keys.Pin.SetEnabled(p.focused && sel && !p.c.wall)
	switch {
	case sel && p.c.snap.pinned[e.ID]:
		p.keys.Pin.SetHelp("P", p.c.t("unpin the entry"))
	default:
		p.keys.Pin.SetHelp("P", p.c.t("pin as a key moment"))
	}
}

// peopleNames are the names of people, as first written.
func peopleNames(people []model.Person) []string {
	out := make([]string, len(people))
	for i, p := range people {
		out[i] = p.Name
	}
	return out
}
