package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/safetext"
)

// The incident manager's approval queue: the draft updates awaiting
// approval, loud while one waits; A approves the oldest, X sends it back.
// Only the incident manager is offered the keys.
var _ = registerTool("approvals", func(c *common) tool {
	return &approvals{c: c, keys: approvalKeys{
		Approve: bind(c.lang, "A", "approve", "A"),
		Reject:  bind(c.lang, "X", "send back", "X"),
	}}
})

type approvalKeys struct{ Approve, Reject key.Binding }

type approvals struct {
	c    *common
	keys approvalKeys
}

func (t *approvals) refresh(model.Holding) {
	c := t.c
	on := !c.wall && len(c.snap.comms.Pending) > 0 && model.SameName(c.actor, c.state().Commander())
	t.keys.Approve.SetEnabled(on)
	t.keys.Reject.SetEnabled(on)
}

func (t *approvals) rows(w int) []row {
	c, pending := t.c, t.c.snap.comms.Pending
	if len(pending) == 0 {
		return nil
	}
	title := withHint(c.t("TO APPROVE (%d)", len(pending)), t.keys.Approve, t.keys.Reject)
	if im := c.state().Commander(); c.wall || !model.SameName(c.actor, im) {
		title = c.t("UPDATES AWAITING THE APPROVAL OF %s (%d)", strings.ToUpper(safetext.Line(im)), len(pending))
	}
	return textRows(append([]string{c.styles.Warning.Render(title)}, draftLines(c, c.snap.comms.Pending, w, true)...)...)
}

func (t *approvals) key(msg tea.KeyMsg, _ row) bool {
	switch {
	case key.Matches(msg, t.keys.Approve):
		t.c.act.open(approvalPrompt(t.c, true, t.c.snap.comms.Pending))
	case key.Matches(msg, t.keys.Reject):
		t.c.act.open(approvalPrompt(t.c, false, t.c.snap.comms.Pending))
	default:
		return false
	}
	return true
}

// approvalPrompt asks which of the drafts pending to approve or send
// back, the oldest offered first. pending is never empty.
func approvalPrompt(c *common, approve bool, pending []model.Entry) *prompt {
	var ids []string
	for _, d := range pending {
		ids = append(ids, d.ID)
	}
	oldest := pending[0]
	if approve {
		what := c.t("%s update by %s: %s", oldest.Audience().In(c.lang), safetext.Line(oldest.By), safetext.Line(oldest.Text))
		p := newPrompt(c, c.t("Approve and send update:"), what, 100, ids, func(v string) (model.Op, *prompt, error) {
			return model.ApproveUpdate{Draft: strings.TrimSpace(v)}, nil, nil
		})
		p.keys.Submit.SetHelp("enter", c.t("approve and send"))
		return p.setValue(oldest.ID)
	}
	p := multi(newPrompt(c, c.t("Send back update:"), c.t("after the id and a colon, say why"), model.MaxEntry+20, ids,
		func(v string) (model.Op, *prompt, error) {
			id, reason := splitHandoff(v)
			return model.RejectUpdate{Draft: id, Reason: reason}, nil, nil
		}))
	p.keys.Submit.SetHelp("enter", c.t("send back"))
	return p.setValue(oldest.ID + ": ")
}

func (t *approvals) ShortHelp() []key.Binding  { return []key.Binding{t.keys.Approve, t.keys.Reject} }
func (t *approvals) FullHelp() [][]key.Binding { return [][]key.Binding{t.ShortHelp()} }
