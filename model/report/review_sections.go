package report

import (
	"fmt"
	"strings"

	"github.com/warroom/warroom/model"
)

// fillIn writes the sections a team fills in after the incident, each
// with a short placeholder saying what goes there, and the action items:
// the follow-ups, with their owners.
func fillIn(b *strings.Builder, s model.State, o Options, heading func(string), head func(...string) mdTable) {
	for _, sec := range []struct{ title, hint string }{
		{"What went well", "What helped: an alert that fired early, a runbook that worked, someone who knew the system."},
		{"What went wrong", "What hurt: what was missing, slow or misleading, and what made it worse."},
		{"Where we got lucky", "What went right by chance, and will not next time."},
	} {
		heading(sec.title)
		b.WriteString("_" + o.t(sec.hint) + "_\n")
	}
	heading("Action items")
	if len(s.FollowUps) == 0 {
		b.WriteString("_" + o.t("No follow-ups yet: add each with `warroom followup add TITLE --owner NAME`.") + "_\n")
		return
	}
	fu := head("Follow-up", "Title", "Owner", "Due", "Ticket", "State")
	for _, f := range s.FollowUps {
		state := o.t("open")
		if f.Done {
			state = o.t("done")
		}
		owner := md(f.Owner)
		if f.Owner == "" {
			owner = o.t("nobody yet")
		}
		fu.add(md(f.ID), md(f.Title), owner, md(f.Due), md(f.Ticket), state)
	}
	b.WriteString(fu.String())
}

// participants is the table of who took part: each person (bots aside),
// the roles they held (handed and not declined, or taken), and how many
// entries they wrote.
func participants(s model.State, o Options, head func(...string) mdTable) mdTable {
	bots := o.bots(s)
	counts := map[string]int{}
	for _, e := range s.Timeline {
		counts[strings.ToLower(e.By)]++
	}
	roles := map[string][]string{}
	add := func(who, label string) {
		key := strings.ToLower(who)
		for _, r := range roles[key] {
			if r == label {
				return
			}
		}
		roles[key] = append(roles[key], label)
	}
	for _, h := range s.HoldingsEver(o.catalog()) {
		for _, a := range h.History {
			if a.Holder != "" && !a.Closed && a.Acceptance != model.AcceptanceDeclined {
				add(a.Holder, o.role(h.Ref))
			}
		}
	}
	t := head("Person", "Roles", "Entries")
	for _, p := range s.People {
		if bots.Is(p.Name) {
			continue
		}
		key := strings.ToLower(p.Name)
		held := strings.Join(roles[key], ", ")
		if held == "" {
			held = "—"
		}
		t.add(md(p.Name), mdCell(held), fmt.Sprint(counts[key]))
	}
	return t
}
