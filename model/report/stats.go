package report

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/warroom/warroom/model"
)

// StatsKinds are the entries Stats reads besides the head: the
// milestones and the changes of status, which Timings reads.
var StatsKinds = model.MilestoneKinds.Plus(IncidentKinds)

// Stats are a folder's numbers: how fast incidents of each severity were
// acknowledged, mitigated and resolved, who held the incident manager's
// role, and the follow-ups still to do.
type Stats struct {
	Incidents int `json:"incidents"`
	// Drills are the drills counted (with Options.Drills) or left out.
	Drills      int             `json:"drills"`
	DrillsCount bool            `json:"drills_counted"`
	From        time.Time       `json:"from,omitzero"`
	To          time.Time       `json:"to,omitzero"`
	BySeverity  []SeverityStats `json:"by_severity"`
	All         SeverityStats   `json:"all"`
	Managers    []ManagerStats  `json:"incident_managers"`
	FollowUps   FollowUpStats   `json:"followups"`
}

// SeverityStats are the numbers of the incidents of one severity (or of
// all, in Stats.All).
type SeverityStats struct {
	// Severity is the severity; -1 for all of them, which Name says.
	Severity    model.Severity `json:"-"`
	Name        string         `json:"severity"`
	Count       int            `json:"count"`
	Acknowledge Spread         `json:"acknowledge"`
	Mitigate    Spread         `json:"mitigate"`
	Resolve     Spread         `json:"resolve"`
}

// Spread is how long incidents took to reach a moment, from the start of
// their impact: the median and the 90th percentile (nearest rank) of
// those that reached it, how many did, and of those how many had the
// moment inferred rather than marked (Timings).
type Spread struct {
	Reached  int           `json:"reached"`
	Inferred int           `json:"inferred"`
	P50      time.Duration `json:"-"`
	P90      time.Duration `json:"-"`
	P50s     int64         `json:"p50_seconds"`
	P90s     int64         `json:"p90_seconds"`
	took     []time.Duration
}

// ManagerStats is one person as incident manager: of how many incidents,
// and for how long in all.
type ManagerStats struct {
	Name      string        `json:"name"`
	Incidents int           `json:"incidents"`
	Held      time.Duration `json:"-"`
	Seconds   int64         `json:"seconds"`
}

// FollowUpStats count the follow-ups not done: all, those past their due
// date, those nobody owns.
type FollowUpStats struct {
	Open    int `json:"open"`
	Overdue int `json:"overdue"`
	NoOwner int `json:"without_owner"`
}

// StatsOptions say what Stats counts.
type StatsOptions struct {
	Options
	// Drills counts the drills (model.Incident.IsDrill) too.
	Drills bool
}

// ComputeStats counts the incidents ins (each read with StatsKinds). The
// moments are the review's (Timings): marked milestones, or inferred. A
// bot that held the incident manager's role (a pager that declares) is
// not listed among the incident managers.
func ComputeStats(ins []Filed, o StatsOptions) Stats {
	st := Stats{DrillsCount: o.Drills, All: SeverityStats{Severity: -1, Name: "all"}}
	bySev := map[model.Severity]*SeverityStats{}
	managers := map[string]*ManagerStats{}
	today := civilDay(o.Now.In(o.loc()))
	for _, f := range ins {
		s := f.State
		in := s.Incident
		if in.IsDrill() {
			st.Drills++
			if !o.Drills {
				continue
			}
		}
		st.Incidents++
		if st.From.IsZero() || in.Declared.Before(st.From) {
			st.From = in.Declared
		}
		if in.Declared.After(st.To) {
			st.To = in.Declared
		}
		sev := bySev[in.Severity]
		if sev == nil {
			sev = &SeverityStats{Severity: in.Severity, Name: in.Severity.String()}
			bySev[in.Severity] = sev
		}
		tm := Timings(s)
		for _, g := range []*SeverityStats{sev, &st.All} {
			g.Count++
			g.Acknowledge.add(tm.Start, tm.Acknowledged, !tm.Marked[model.MilestoneAcknowledged])
			g.Mitigate.add(tm.Start, tm.Mitigated, !tm.Marked[model.MilestoneMitigated])
			g.Resolve.add(tm.Start, tm.Resolved, false)
		}
		heldBy(s, tm, o, managers)
		for _, fu := range s.FollowUps {
			if fu.Done {
				continue
			}
			st.FollowUps.Open++
			if fu.Owner == "" {
				st.FollowUps.NoOwner++
			}
			if fu.Due != "" && fu.Due < today {
				st.FollowUps.Overdue++
			}
		}
	}
	for _, sev := range []model.Severity{model.Sev1, model.Sev2, model.Sev3, model.SevUnset} {
		if g := bySev[sev]; g != nil {
			g.finish()
			st.BySeverity = append(st.BySeverity, *g)
		}
	}
	st.All.finish()
	for _, m := range managers {
		m.Seconds = int64(m.Held / time.Second)
		st.Managers = append(st.Managers, *m)
	}
	slices.SortFunc(st.Managers, func(a, b ManagerStats) int {
		return cmp.Or(cmp.Compare(b.Incidents, a.Incidents), cmp.Compare(b.Held, a.Held), strings.Compare(a.Name, b.Name))
	})
	return st
}

// heldBy adds to managers who held the incident manager's role of s, and
// for how long: until the next holder, or until the incident was
// resolved (closed, when it never was), or now while it is open.
func heldBy(s model.State, tm Timing, o StatsOptions, managers map[string]*ManagerStats) {
	bots := o.bots(s)
	end := cmp.Or(tm.Resolved, tm.Closed, o.Now)
	counted := map[string]bool{}
	for _, a := range s.History(model.RoleRef{Role: model.IncidentManager}) {
		if a.Acceptance == model.AcceptanceDeclined || a.Holder == "" || bots.Is(a.Holder) {
			continue
		}
		until := a.Until
		if until.IsZero() || until.After(end) {
			until = end
		}
		name := s.DisplayName(a.Holder)
		key := strings.ToLower(name)
		m := managers[key]
		if m == nil {
			m = &ManagerStats{Name: name}
			managers[key] = m
		}
		if !counted[key] {
			counted[key] = true
			m.Incidents++
		}
		m.Held += max(0, until.Sub(a.Since))
	}
}

// add counts an incident that reached a moment at (zero: not yet), its
// impact having started at start.
func (sp *Spread) add(start, at time.Time, inferred bool) {
	if at.IsZero() {
		return
	}
	sp.Reached++
	if inferred {
		sp.Inferred++
	}
	sp.took = append(sp.took, max(0, at.Sub(start)))
}

// finish works out the percentiles.
func (g *SeverityStats) finish() {
	for _, sp := range []*Spread{&g.Acknowledge, &g.Mitigate, &g.Resolve} {
		slices.Sort(sp.took)
		sp.P50, sp.P90 = percentile(sp.took, 50), percentile(sp.took, 90)
		sp.P50s, sp.P90s = int64(sp.P50/time.Second), int64(sp.P90/time.Second)
	}
}

// percentile is the p-th percentile of the sorted ds by nearest rank:
// the smallest that at least p% of them are no greater than.
func percentile(ds []time.Duration, p int) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	rank := (p*len(ds) + 99) / 100 // ceil(p/100 × n), from 1
	return ds[max(rank, 1)-1]
}

// civilDay is the day of t, as due dates are written: YYYY-MM-DD.
func civilDay(t time.Time) string { return t.Format("2006-01-02") }

// StatsText renders `warroom stats`.
func StatsText(st Stats, o Options) string {
	var b strings.Builder
	if st.Incidents == 0 {
		b.WriteString(o.t("No incidents to count.") + "\n")
	} else {
		b.WriteString(o.n(st.Incidents, "%d incident, declared %s to %s|%d incidents, declared %s to %s",
			st.Incidents, o.date(st.From), o.date(st.To)) + "\n")
	}
	switch {
	case st.Drills > 0 && st.DrillsCount:
		b.WriteString(o.n(st.Drills, "%d drill counted among them|%d drills counted among them", st.Drills) + "\n")
	case st.Drills > 0:
		b.WriteString(o.n(st.Drills, "%d drill left out (--drills counts it)|%d drills left out (--drills counts them)", st.Drills) + "\n")
	}
	if st.Incidents == 0 {
		return b.String()
	}
	b.WriteString("\n" + o.t("Time from the impact's start (p50 / p90 of the incidents that got there; inferred: not marked)") + "\n")
	t := table{indent: "  "}
	t.add(o.t("SEVERITY"), o.t("INCIDENTS"), o.t("TO ACKNOWLEDGE"), o.t("TO MITIGATE"), o.t("TO RESOLVE"))
	rows := append(append([]SeverityStats(nil), st.BySeverity...), st.All)
	for _, g := range rows {
		name := o.severity(g.Severity.String())
		if g.Severity < 0 {
			name = o.t("all")
		}
		t.add(name, itoa(g.Count), spread(g.Acknowledge, g.Count, o), spread(g.Mitigate, g.Count, o), spread(g.Resolve, g.Count, o))
	}
	b.WriteString(t.String())

	b.WriteString("\n" + o.t("Incident managers") + "\n")
	if len(st.Managers) == 0 {
		b.WriteString("  " + o.t("none") + "\n")
	} else {
		m := table{indent: "  "}
		for _, x := range st.Managers {
			m.add(line(x.Name), o.n(x.Incidents, "%d incident|%d incidents", x.Incidents), o.t("%s in all", Age(x.Held)))
		}
		b.WriteString(m.String())
	}
	f := st.FollowUps
	b.WriteString("\n" + o.t("Follow-ups: %d open, %d overdue, %d without an owner", f.Open, f.Overdue, f.NoOwner) + "\n")
	return b.String()
}

// spread renders one cell of the severities' table: "12m / 31m", with
// how many got there when not all of count did, and how many of those
// were inferred.
func spread(sp Spread, count int, o Options) string {
	if sp.Reached == 0 {
		return o.t("none yet")
	}
	s := Age(sp.P50) + " / " + Age(sp.P90)
	var notes []string
	if sp.Reached < count {
		notes = append(notes, o.t("%d of %d", sp.Reached, count))
	}
	if sp.Inferred > 0 {
		notes = append(notes, o.t("%d inferred", sp.Inferred))
	}
	if len(notes) > 0 {
		s += " (" + strings.Join(notes, ", ") + ")"
	}
	return s
}

// date renders a day: "2026-11-24", in the chosen zone.
func (o Options) date(t time.Time) string { return t.In(o.loc()).Format("2006-01-02") }

func itoa(n int) string { return strconv.Itoa(n) }
