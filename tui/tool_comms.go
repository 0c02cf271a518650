package tui

import (
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/safetext"
)

// The communications manager's updates: each audience's updates and when
// the next is due, the drafts awaiting the incident manager's approval,
// the last draft sent back; w writes one from the draft for the status.
var _ = registerTool("comms", func(c *common) tool {
	return &comms{c: c, write: bind(c.lang, "w", "write an update", "w"), keys: approvalKeys{
		Approve: bind(c.lang, "A", "approve", "A"),
		Reject:  bind(c.lang, "X", "send back", "X"),
	}}
})

// pendingShown is how many drafts awaiting approval a pane lists.
const pendingShown = 3

type comms struct {
	c     *common
	write key.Binding
	keys  approvalKeys // on the drafts for the communications manager
	ref   model.RoleRef
	// mine are the drafts for the communications manager, which the
	// person at the keyboard may approve or send back; others, the rest.
	mine, others []model.Entry
}

func (t *comms) refresh(h model.Holding) {
	c := t.c
	t.ref = h.Ref
	t.write.SetEnabled(!c.wall)
	t.mine, t.others = nil, nil
	for _, d := range c.snap.comms.Pending {
		if d.To == model.CommunicationsManager {
			t.mine = append(t.mine, d)
		} else {
			t.others = append(t.others, d)
		}
	}
	on := !c.wall && len(t.mine) > 0 && c.state().MayApprove(c.actor, t.mine[0])
	t.keys.Approve.SetEnabled(on)
	t.keys.Reject.SetEnabled(on)
}

func (t *comms) rows(w int) []row {
	c, s, log := t.c, t.c.styles, t.c.snap.comms
	out := []string{s.Bold.Render(withHint(c.t("Updates"), t.write))}
	due := map[model.Audience]model.NextUpdate{}
	for _, n := range log.Next {
		due[n.Audience] = n
	}
	audW := 0
	for _, aud := range model.Audiences {
		audW = max(audW, textWidth(aud.In(c.lang)))
	}
	for _, aud := range model.Audiences {
		sent := log.Sent[aud]
		line := "  " + fit(aud.In(c.lang), audW) + "  "
		if len(sent) == 0 {
			line += c.t("none sent")
		} else {
			line += c.n(len(sent), "%d sent · last %s|%d sent · last %s", len(sent), c.entryTime(sent[len(sent)-1].At))
		}
		st := s.Text
		if n, ok := due[aud]; ok {
			if n.Due.Before(c.now) {
				line += " · " + c.t("OVERDUE %s", clock(c.now.Sub(n.Due)))
				st = s.Warning
			} else {
				line += " · " + c.t("next in %s", clock(n.Due.Sub(c.now)))
			}
		}
		out = append(out, fit(st.Render(line), w))
	}
	for _, l := range wrap(policyText(c), w-2) {
		out = append(out, s.Muted.Render("  "+l))
	}
	if len(t.mine) > 0 {
		out = append(out, s.Warning.Render(withHint(c.t("Drafts for the communications manager (%d)", len(t.mine)), t.keys.Approve, t.keys.Reject)))
		out = append(out, draftLines(c, t.mine, w, false)...)
	}
	if len(t.others) > 0 {
		out = append(out, s.Bold.Render(c.t("Awaiting the incident manager's approval (%d)", len(t.others))))
		out = append(out, draftLines(c, t.others, w, false)...)
	}
	if r, ok := lastSentBack(c); ok {
		out = append(out, s.Warning.Render(c.dated(r.At, "%[2]s draft sent back by %[3]s at %[1]s:", "%[3]s draft sent back by %[4]s at %[1]s on %[2]s:",
			r.Audience().In(c.lang), safetext.Line(r.By))))
		for _, l := range wrap(safetext.Line(r.Text), w-4) {
			out = append(out, s.Text.Render("    "+l))
		}
	}
	return textRows(out...)
}

// policyText says the incident's policy at its severity, the same on
// every screen: each audience's rhythm, and whose updates wait for
// approval.
func policyText(c *common) string {
	st := c.state()
	p := st.Policy()
	sev := st.Incident.Severity
	var parts []string
	for _, aud := range model.Audiences {
		every := p.Cadence().Every[sev][aud]
		switch {
		case every > 0 && p.NeedsApproval(aud):
			parts = append(parts, c.t("%s every %s, approved first", aud.In(c.lang), model.Span(every)))
		case every > 0:
			parts = append(parts, c.t("%s every %s", aud.In(c.lang), model.Span(every)))
		case p.NeedsApproval(aud):
			parts = append(parts, c.t("%s approved first", aud.In(c.lang)))
		}
	}
	if len(parts) == 0 {
		return c.t("Policy: no rhythm at this severity")
	}
	return c.t("Policy: %s", strings.Join(parts, "; "))
}

func (t *comms) key(msg tea.KeyMsg, _ row) bool {
	switch {
	case key.Matches(msg, t.write):
		t.c.act.open(updatePrompt(t.c, t.ref, audienceOf(t.ref)))
	case key.Matches(msg, t.keys.Approve):
		t.c.act.open(approvalPrompt(t.c, true, t.mine))
	case key.Matches(msg, t.keys.Reject):
		t.c.act.open(approvalPrompt(t.c, false, t.mine))
	default:
		return false
	}
	return true
}

func (t *comms) ShortHelp() []key.Binding {
	return []key.Binding{t.write, t.keys.Approve, t.keys.Reject}
}

// FullHelp lists w: A and X are the incident manager's approval keys,
// which the help lists on that role's pane.
func (t *comms) FullHelp() [][]key.Binding { return [][]key.Binding{{t.write}} }

// audienceOf is the audience a communications manager pane writes to by
// default: its workstream when that names one (comms/internal), else
// external.
func audienceOf(ref model.RoleRef) model.Audience {
	if aud, err := model.ParseAudience(ref.Workstream); err == nil {
		return aud
	}
	return model.AudienceExternal
}

// updatePrompt opens the update prompt for aud with the draft for the
// incident's status — or the writer's own draft for aud that was sent
// back, to be fixed. tab moves to the next audience.
func updatePrompt(c *common, ref model.RoleRef, aud model.Audience) *prompt {
	draft := safetext.Line(model.OneLine(c.state().Draft(model.DraftInput{Audience: aud, Now: c.now, Loc: c.now.Location(),
		Lang: c.lang, Templates: c.comms.Templates})))
	if back, ok := sentBackDraft(c, aud); ok {
		draft = safetext.Line(back)
	}
	hint := c.t("edit the draft, enter sends it · tab: next audience")
	switch c.state().UpdateApprover(c.actor, aud, false) {
	case model.IncidentManager:
		hint = c.t("edit the draft, enter sends it to %s for approval · tab: next audience", safetext.Line(c.state().Commander()))
	case model.CommunicationsManager:
		cm, _ := c.state().Holder(ref)
		hint = c.t("you do not hold %s: enter sends the draft to %s for approval · tab: next audience", c.label(ref), safetext.Line(cm))
	}
	p := newPrompt(c, c.t("Update to %s:", aud.In(c.lang)), hint, model.MaxEntry+20, nil, func(v string) (model.Op, *prompt, error) {
		// The incident's policy decides whether it waits for approval.
		return model.CommsUpdate{Audience: aud, Role: ref, Text: v}, nil, nil
	})
	p.multiline = true
	p.setValue(draft)
	p.keys.Submit.SetHelp("enter", c.t("send"))
	p.keys.Complete.SetHelp("tab", c.t("next audience"))
	p.after = func(entries []model.Entry) (string, func(*snapshot) bool) {
		if len(entries) == 0 || entries[0].Kind != model.KindCommsDraft {
			return "", nil
		}
		id := entries[0].ID
		// Said while the draft waits: once it is approved or sent back,
		// the notice goes.
		waits := func(s *snapshot) bool {
			return slices.ContainsFunc(s.comms.Pending, func(e model.Entry) bool { return e.ID == id })
		}
		if entries[0].To == model.CommunicationsManager {
			cm, _ := c.state().Holder(ref)
			return c.t("draft %s is awaiting the approval of %s, who holds %s", id, safetext.Line(cm), c.label(ref)), waits
		}
		return c.t("draft %s is awaiting the approval of %s, the incident manager", id, safetext.Line(c.state().Commander())), waits
	}
	// tab: the next audience, redrafted while the text is still the
	// draft it opened with.
	p.tab = func(cur *prompt) *prompt {
		i := 0
		for k, a := range model.Audiences {
			if a == aud {
				i = (k + 1) % len(model.Audiences)
			}
		}
		next := updatePrompt(c, ref, model.Audiences[i])
		if cur.value() != draft {
			next.setValue(cur.value())
		}
		return next
	}
	return p
}

// lastSentBack is the latest draft sent back, while no update to its
// audience has been sent since.
func lastSentBack(c *common) (model.Entry, bool) {
	log := c.snap.comms
	if len(log.Rejected) == 0 {
		return model.Entry{}, false
	}
	r := log.Rejected[len(log.Rejected)-1]
	if sent := log.Sent[r.Audience()]; len(sent) > 0 && sent[len(sent)-1].At.After(r.At) {
		return model.Entry{}, false
	}
	return r, true
}

// sentBackDraft is the text of the draft the person at the keyboard wrote
// for aud that was last sent back, while nothing has gone to aud since.
func sentBackDraft(c *common, aud model.Audience) (string, bool) {
	r, ok := lastSentBack(c)
	if !ok || r.Audience() != aud || !model.SameName(r.From, c.actor) {
		return "", false
	}
	tl := c.state().Timeline
	for i := len(tl) - 1; i >= 0 && i >= len(tl)-roleEntriesScan; i-- {
		if tl[i].ID == r.Entry {
			return tl[i].Text, true
		}
	}
	return "", false
}

// draftLines lists the drafts awaiting approval, oldest first, each with
// its id, audience, author and text; in full on the incident manager's
// pane, in one line each on the communications manager's.
func draftLines(c *common, pending []model.Entry, w int, full bool) []string {
	s := c.styles
	var out []string
	for i, d := range pending {
		if i == pendingShown {
			out = append(out, s.Muted.Render(c.t("  and %d more", len(pending)-pendingShown)))
			break
		}
		head := "  " + safetext.Line(d.ID) + " · " + d.Audience().In(c.lang) + " · " + safetext.Line(d.By) + " · " + c.entryTime(d.At)
		if !full {
			out = append(out, fit(s.Text.Render(head+": "+safetext.Line(d.Text)), w))
			continue
		}
		out = append(out, fit(s.Holder.Render(head), w))
		for _, l := range wrap(safetext.Line(d.Text), w-4) {
			out = append(out, s.Text.Render("    "+l))
		}
	}
	return out
}
