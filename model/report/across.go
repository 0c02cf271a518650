package report

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/warroom/warroom/model"
)

// What a folder of incidents holds across its incidents: every open
// follow-up (`warroom followup list --all-incidents`), and the entries
// that match a search (`warroom search`).

// OpenFollowUp is a follow-up not done, and its incident.
type OpenFollowUp struct {
	Incident string `json:"incident"`
	Title    string `json:"incident_title"`
	model.FollowUp
	Overdue bool   `json:"overdue"`
	Path    string `json:"path"`
}

// OpenFollowUps are the follow-ups of ins not done: the overdue first,
// then by due date (none last), then by incident and id.
func OpenFollowUps(ins []Filed, o Options) []OpenFollowUp {
	today := civilDay(o.Now.In(o.loc()))
	var out []OpenFollowUp
	for _, f := range ins {
		for _, fu := range f.State.FollowUps {
			if fu.Done {
				continue
			}
			out = append(out, OpenFollowUp{Incident: f.State.Incident.ID, Title: f.State.Incident.Title, FollowUp: fu,
				Overdue: fu.Due != "" && fu.Due < today, Path: f.Path})
		}
	}
	due := func(f OpenFollowUp) string {
		if f.Due == "" {
			return "9999-99-99"
		}
		return f.Due
	}
	slices.SortStableFunc(out, func(a, b OpenFollowUp) int {
		if a.Overdue != b.Overdue {
			if a.Overdue {
				return -1
			}
			return 1
		}
		return cmp.Or(strings.Compare(due(a), due(b)), strings.Compare(a.Incident, b.Incident), strings.Compare(a.ID, b.ID))
	})
	return out
}

// FollowUpsAcross renders the follow-ups OpenFollowUps found: due date,
// incident, follow-up id, owner, ticket and title.
func FollowUpsAcross(fus []OpenFollowUp, unread []Unread, o Options) string {
	var b strings.Builder
	if len(fus) == 0 {
		b.WriteString(o.t("No open follow-ups in any incident.") + "\n")
	} else {
		t := table{}
		t.add(o.t("DUE"), o.t("INCIDENT"), o.t("ID"), o.t("OWNER"), o.t("TICKET"), o.t("FOLLOW-UP"))
		for _, f := range fus {
			due := line(f.Due)
			switch {
			case f.Due == "":
				due = "—"
			case f.Overdue:
				due = o.t("%s OVERDUE", due)
			}
			owner := line(f.Owner)
			if owner == "" {
				owner = o.t("nobody")
			}
			ticket := line(f.Ticket)
			if ticket == "" {
				ticket = "—"
			}
			t.add(due, line(f.Incident), line(f.ID), owner, ticket, line(f.FollowUp.Title))
		}
		b.WriteString(t.String())
	}
	writeUnread(&b, unread, nil, o)
	return b.String()
}

// Found is an entry that matched a search, and its incident.
type Found struct {
	Incident string      `json:"incident"`
	Title    string      `json:"incident_title"`
	Entry    model.Entry `json:"entry"`
	Says     string      `json:"says"`
	Path     string      `json:"path"`
}

// Search finds the entries of ins (read whole) whose words, as every
// output says them (Describe), or author hold text, in any case: the
// newest first.
func Search(ins []Filed, text string, o Options) []Found {
	want := strings.ToLower(strings.TrimSpace(text))
	var out []Found
	for _, f := range ins {
		for _, e := range f.State.Timeline {
			says := Describe(e, o)
			if strings.Contains(strings.ToLower(says), want) || strings.Contains(strings.ToLower(e.Text), want) ||
				strings.Contains(strings.ToLower(e.By), want) {
				out = append(out, Found{Incident: f.State.Incident.ID, Title: f.State.Incident.Title, Entry: e, Says: says, Path: f.Path})
			}
		}
	}
	slices.SortStableFunc(out, func(a, b Found) int {
		return cmp.Or(b.Entry.At.Compare(a.Entry.At), strings.Compare(a.Incident, b.Incident))
	})
	return out
}

// SearchText renders what Search found: when, the incident, who, the
// kind of entry and what it says.
func SearchText(found []Found, unread []Unread, o Options) string {
	var b strings.Builder
	if len(found) == 0 {
		b.WriteString(o.t("Nothing matches.") + "\n")
	} else {
		t := table{}
		for _, f := range found {
			t.add(o.day(f.Entry.At), line(f.Incident), line(f.Entry.By), line(f.Entry.Kind.In(o.Lang)), f.Says)
		}
		b.WriteString(t.String())
		b.WriteString(o.n(len(found), "%d entry|%d entries", len(found)) + "\n")
	}
	writeUnread(&b, unread, nil, o)
	return b.String()
}

// Since keeps the incidents declared at or after from (all when zero).
func Since(ins []Filed, from time.Time) []Filed {
	if from.IsZero() {
		return ins
	}
	var out []Filed
	for _, f := range ins {
		if !f.State.Incident.Declared.Before(from) {
			out = append(out, f)
		}
	}
	return out
}
