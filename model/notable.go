package model

import (
	"strings"

	"github.com/warroom/warroom/model/i18n"
)

// Notable records a customer report or a social post worth keeping word
// for word — a large customer, a journalist, a post going viral — beside
// the counters. A post on social media becomes a social_post entry; a
// ticket or call, a customer_report. It is linked to the external update
// it answers: the one named, else the latest external update sent.
type Notable struct {
	Role    RoleRef // the role logging it, optional
	Channel Channel // tickets, calls or social
	Text    string
	// Answers is the id (or unique prefix) of the external update it
	// answers; empty links the latest one sent, "none" links none.
	Answers string
}

func (op Notable) apply(t *tx) error {
	ch, err := ParseChannel(string(op.Channel))
	if err != nil {
		return err
	}
	text, err := checkText("report", strings.TrimSpace(op.Text), MaxEntry, true)
	if err != nil {
		return err
	}
	ref, err := t.checkRole(op.Role)
	if err != nil {
		return err
	}
	answers, err := t.answered(op.Answers)
	if err != nil {
		return err
	}
	kind := KindCustomerReport
	if ch == ChannelSocial {
		kind = KindSocialPost
	}
	t.record(Entry{Kind: kind, Role: ref.Role, Workstream: ref.Workstream, Channel: string(ch), Text: text, Entry: answers})
	return nil
}

// answered finds the external update a report answers.
func (t *tx) answered(ref string) (string, error) {
	sent := t.s.Comms(Cadence{}).Sent[AudienceExternal]
	switch r := strings.ToLower(strings.TrimSpace(ref)); r {
	case "none":
		return "", nil
	case "":
		if len(sent) == 0 {
			return "", nil
		}
		return sent[len(sent)-1].ID, nil
	}
	e, err := entryByID(sent, ref, "update id")
	switch {
	case err == nil:
		return e.ID, nil
	case len(sent) == 0:
		err.Valid, err.Hint = []string{"none"}, i18n.M("no external update has been sent yet")
	case !err.Ambiguous:
		err.Valid = append(err.Valid, "none")
	}
	return "", err
}
