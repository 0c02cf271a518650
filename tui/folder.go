package tui

import (
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/folder"
	"github.com/warroom/warroom/model/safetext"
)

// The screen and the folder of incidents: the header counts the other
// incidents open in it, and the declare form asks before declaring what
// one of them is already about. The folder is read in the background,
// when the screen opens and every othersEvery after; never in Update or
// View.

// othersEvery is how often the folder is read again for its open
// incidents.
const othersEvery = 30 * time.Second

// openIncident is another open incident of the folder, as the screen
// names it.
type openIncident struct {
	id, title, manager, path string
}

// othersMsg brings the folder's other open incidents; ok is false when
// the folder could not be read (the count is left as it was).
type othersMsg struct {
	open []openIncident
	ok   bool
}

// readOthers reads the open incidents of the folder dir but the one in
// the file self, after a while.
func readOthers(dir, self string, after time.Duration) tea.Cmd {
	if dir == "" {
		return nil
	}
	return tea.Tick(after, func(time.Time) tea.Msg {
		ins, err := folder.OpenBesides(dir, self)
		if err != nil {
			return othersMsg{}
		}
		out := make([]openIncident, len(ins))
		for i, in := range ins {
			out[i] = openIncident{id: in.State.Incident.ID, title: in.State.Incident.Title, manager: in.State.Commander(), path: in.Path}
		}
		return othersMsg{open: out, ok: true}
	})
}

// onOthers takes the folder's open incidents, and reads it again later.
func (m *Model) onOthers(msg othersMsg) tea.Cmd {
	if msg.ok {
		m.c.others = msg.open
	}
	return readOthers(m.opts.Folder, m.opts.Path, othersEvery)
}

// alikeOpen is the first other open incident whose title is like title.
func (c *common) alikeOpen(title string) (openIncident, bool) {
	for _, in := range c.others {
		if model.SimilarTitles(title, in.title) {
			return in, true
		}
	}
	return openIncident{}, false
}

// othersText is what the header says of the other open incidents: ""
// when there are none.
func (c *common) othersText() string {
	if len(c.others) == 0 {
		return ""
	}
	return c.n(len(c.others), "%d other incident open|%d other incidents open", len(c.others))
}

// alikeQuestion asks whether to declare though in is open: the declare
// form's answer to a title like an open incident's, on two lines.
func (c *common) alikeQuestion(in openIncident) string {
	return c.t("%s %q is open, led by %s.", safetext.Line(in.id), safetext.Line(in.title), safetext.Line(in.manager)) + "\n" +
		c.t("enter declares this one anyway · esc leaves: join it with warroom --file %s", safetext.Line(in.path))
}

// withRunbooks is op with the runbooks the screen was given, which apply
// when it declares the incident or raises its severity.
func (c *common) withRunbooks(op model.Op) model.Op {
	if len(c.runbooks) == 0 {
		return op
	}
	return model.WithRunbooks{Op: op, Runbooks: c.runbooks}
}
