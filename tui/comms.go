package tui

import (
	"strings"

	"github.com/charmbracelet/lipgloss"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/i18n"
	"github.com/warroom/warroom/model/safetext"
)

// pendingShown is how many drafts awaiting approval a pane lists.
const pendingShown = 3

// commsLines is the communications manager's tool: each audience's updates
// and when the next is due, the drafts awaiting the incident manager's
// approval, and the last draft sent back.
func (m *Model) commsLines(w int) []string {
	s := m.styles()
	out := []string{s.Bold.Render(m.t("Updates · w writes one from the draft for the status"))}
	due := map[model.Audience]model.NextUpdate{}
	for _, n := range m.comms.Next {
		due[n.Audience] = n
	}
	audW := 0
	for _, aud := range model.Audiences {
		audW = max(audW, lipgloss.Width(aud.In(m.opts.Lang)))
	}
	for _, aud := range model.Audiences {
		sent := m.comms.Sent[aud]
		line := "  " + fit(aud.In(m.opts.Lang), audW) + "  "
		if len(sent) == 0 {
			line += m.t("none sent")
		} else {
			last := sent[len(sent)-1].At
			line += m.t("%d sent · last %s", len(sent), m.entryTime(last))
		}
		st := s.Text
		if n, ok := due[aud]; ok {
			if n.Due.Before(m.now) {
				line += " · " + m.t("OVERDUE %s", clock(m.now.Sub(n.Due)))
				st = s.Warning
			} else {
				line += " · " + m.t("next in %s", clock(n.Due.Sub(m.now)))
			}
		}
		out = append(out, fit(st.Render(line), w))
	}
	if len(m.comms.Pending) > 0 {
		out = append(out, s.Bold.Render(m.t("Awaiting the incident manager's approval (%d)", len(m.comms.Pending))))
		out = append(out, m.draftLines(w, false)...)
	}
	if r, ok := m.lastSentBack(); ok {
		out = append(out, s.Warning.Render(m.t("%s draft sent back by %s at %s:", safetext.Line(r.Audience().In(m.opts.Lang)), safetext.Line(r.By), m.entryTime(r.At))))
		for _, l := range wrap(safetext.Line(r.Text), w-4) {
			out = append(out, s.Text.Render("    "+l))
		}
	}
	return out
}

// lastSentBack is the latest draft sent back, while no update to its
// audience has been sent since.
func (m *Model) lastSentBack() (model.Entry, bool) {
	if len(m.comms.Rejected) == 0 {
		return model.Entry{}, false
	}
	r := m.comms.Rejected[len(m.comms.Rejected)-1]
	if sent := m.comms.Sent[r.Audience()]; len(sent) > 0 && sent[len(sent)-1].At.After(r.At) {
		return model.Entry{}, false
	}
	return r, true
}

// sentBackDraft is the text of the draft the person at the keyboard wrote
// for aud that was last sent back, while nothing has gone to aud since.
func (m *Model) sentBackDraft(aud model.Audience) (string, bool) {
	r, ok := m.lastSentBack()
	if !ok || r.Audience() != aud || r.From != m.opts.Actor {
		return "", false
	}
	tl := m.state.Timeline
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
func (m *Model) draftLines(w int, full bool) []string {
	s := m.styles()
	var out []string
	for i, d := range m.comms.Pending {
		if i == pendingShown {
			out = append(out, s.Muted.Render(m.t("  and %d more", len(m.comms.Pending)-pendingShown)))
			break
		}
		head := "  " + safetext.Line(d.ID) + " · " + safetext.Line(d.Audience().In(m.opts.Lang)) + " · " + safetext.Line(d.By) + " · " + m.entryTime(d.At)
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

// approvalLines is the incident manager's approval queue: loud while a
// draft waits.
func (m *Model) approvalLines(w int) []string {
	if len(m.comms.Pending) == 0 {
		return nil
	}
	s := m.styles()
	title := m.t("TO APPROVE (%d) · A approve · X send back", len(m.comms.Pending))
	if im := m.state.Commander(); m.opts.Wall || m.opts.Actor != im {
		title = m.t("UPDATES AWAITING THE APPROVAL OF %s (%d)", strings.ToUpper(safetext.Line(im)), len(m.comms.Pending))
	}
	out := []string{s.Warning.Render(title)}
	return append(out, m.draftLines(w, true)...)
}

// audienceOf is the audience a communications manager pane writes to by
// default: its workstream when that names one (comms/internal), else
// external.
func audienceOf(ref model.RoleRef) model.Audience {
	if aud, err := model.ParseAudience(ref.Workstream); err == nil {
		return aud
	}
	return model.AudienceExternal
}

// openUpdatePrompt opens the update prompt with the draft for the
// incident's status, for aud.
func (m *Model) openUpdatePrompt(aud model.Audience) {
	draft := safetext.Line(model.OneLine(m.state.Draft(model.DraftInput{Audience: aud, Now: m.now, Loc: m.now.Location(),
		Lang: m.opts.Lang, Policy: m.opts.Comms})))
	// A draft of yours sent back for this audience comes back to be fixed.
	if back, ok := m.sentBackDraft(aud); ok {
		draft = safetext.Line(back)
	}
	hint := m.t("edit the draft, enter sends it · tab: next audience")
	if im := m.state.Commander(); m.opts.Comms.Approval[aud] && im != m.opts.Actor {
		hint = m.t("edit the draft, enter sends it to %s for approval · tab: next audience", safetext.Line(im))
	}
	ref := m.focusedRole().Ref
	m.prompt = newPrompt(promptUpdate, m.t("Update to %s:", aud.In(m.opts.Lang)), hint, nil, m.styles())
	m.prompt.setWidth(m.width)
	m.prompt.input.SetValue(draft)
	// From its start, so that it reads as it will be sent.
	m.prompt.input.CursorStart()
	m.prompt.audience, m.prompt.draft, m.prompt.ref = aud, draft, ref
}

// nextAudience moves the update prompt to the next audience, redrafting
// the text if it is still the draft it opened with.
func (m *Model) nextAudience() {
	p := m.prompt
	i := 0
	for k, a := range model.Audiences {
		if a == p.audience {
			i = (k + 1) % len(model.Audiences)
		}
	}
	text, draft := p.value(), p.draft
	m.openUpdatePrompt(model.Audiences[i])
	if text != draft {
		m.prompt.input.SetValue(text)
		m.prompt.draft = ""
	}
}

// openReviewPrompt asks which draft to approve or send back, the oldest
// offered first.
func (m *Model) openReviewPrompt(approve bool) {
	var ids []string
	for _, d := range m.comms.Pending {
		ids = append(ids, d.ID)
	}
	if len(ids) == 0 {
		m.notice = m.t("no draft updates are awaiting approval")
		return
	}
	oldest := m.comms.Pending[0]
	what := m.t("%s update by %s: %s", safetext.Line(oldest.Audience().In(m.opts.Lang)), safetext.Line(oldest.By), safetext.Line(oldest.Text))
	if approve {
		m.prompt = newPrompt(promptApprove, m.t("Approve and send update:"), what, ids, m.styles())
		m.prompt.input.SetValue(oldest.ID)
	} else {
		m.prompt = newPrompt(promptReject, m.t("Send back update:"), m.t("after the id and a colon, say why"), ids, m.styles())
		m.prompt.input.SetValue(oldest.ID + ": ")
	}
	m.prompt.setWidth(m.width)
	m.prompt.input.CursorEnd()
}

// openNotablePrompt asks for a notable customer report (on the customer
// support lead's pane) or social post (on the social media lead's).
func (m *Model) openNotablePrompt() {
	h := m.focusedRole()
	channel, label := model.ChannelTickets, m.t("Notable customer report:")
	hint := m.t("word for word; start with calls: for a phone call")
	if h.Ref.Role == model.SocialMediaLead {
		channel, label, hint = model.ChannelSocial, m.t("Notable social post:"), m.t("word for word, with who posted it")
	}
	if sent := m.comms.Sent[model.AudienceExternal]; len(sent) > 0 {
		hint += " · " + m.t("linked to the external update of %s", m.entryTime(sent[len(sent)-1].At))
	}
	m.prompt = newPrompt(promptNotable, label, hint, nil, m.styles())
	m.prompt.ref, m.prompt.channel = h.Ref, channel
}

// notableChannel reads a "calls:" or "tickets:" prefix (in any case, in
// English or in l) off a notable report.
func notableChannel(l i18n.Lang, v string, channel model.Channel) (model.Channel, string) {
	t := strings.TrimSpace(v)
	word, rest, ok := strings.Cut(t, ":")
	if !ok {
		return channel, v
	}
	for _, ch := range model.Channels {
		if strings.EqualFold(word, string(ch)) || strings.EqualFold(word, ch.In(l)) {
			return ch, strings.TrimSpace(rest)
		}
	}
	return channel, v
}
