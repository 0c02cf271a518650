package report

import (
	"fmt"
	"strings"
	"time"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/safetext"
)

// chartTime is how the chart writes a moment: UTC, to the second.
const chartTime = "2006-01-02T15:04:05"

// chart draws the review's timeline as a Mermaid gantt chart, which code
// hosts (GitHub, GitLab) render: the status and the severity over time,
// each role's holders, and each update sent, as a milestone. Times are
// UTC; what lasts until now ends at the incident's end, or its last
// entry while it has not ended.
func chart(s model.State, o Options, tm Timing) string {
	end := tm.End()
	if end.IsZero() {
		end = lastTime(s, o)
	}
	var b strings.Builder
	b.WriteString("```mermaid\ngantt\n")
	fmt.Fprintf(&b, "    title %s\n", chartText(s.Incident.ID+" "+s.Incident.Title))
	b.WriteString("    dateFormat YYYY-MM-DDTHH:mm:ss\n    axisFormat %H:%M\n")
	bar := func(name string, from, to time.Time) {
		if to.Before(from.Add(time.Second)) {
			to = from.Add(time.Second) // a bar of no length is not drawn
		}
		fmt.Fprintf(&b, "    %s :%s, %s\n", chartText(name), from.UTC().Format(chartTime), to.UTC().Format(chartTime))
	}
	section := func(name string) { fmt.Fprintf(&b, "    section %s\n", chartText(o.t(name))) }

	// The status and the severity: each value from when it was set until
	// the next change.
	type span struct {
		what string
		at   time.Time
	}
	status := []span{{model.Investigating.In(o.Lang), s.Incident.Declared}}
	var severity []span
	for _, e := range Chronological(s.Timeline) {
		switch e.Kind {
		case model.KindDeclared:
			severity = append(severity, span{o.severity(e.From), e.At})
		case model.KindStatus:
			status = append(status, span{model.Status(e.To).In(o.Lang), e.At})
		case model.KindSeverity:
			severity = append(severity, span{o.severity(e.To), e.At})
		}
	}
	spans := func(name string, list []span) {
		if len(list) == 0 {
			return
		}
		section(name)
		for i, sp := range list {
			to := end
			if i+1 < len(list) {
				to = list[i+1].at
			}
			bar(sp.what, sp.at, to)
		}
	}
	spans("Status", status)
	spans("Severity", severity)

	section("Roles")
	for _, h := range s.HoldingsEver(o.catalog()) {
		for i, a := range h.History {
			if a.Closed || a.Holder == "" {
				continue
			}
			if a.Acceptance == model.AcceptanceDeclined {
				// Offered and declined: never held, so a moment, not a bar.
				fmt.Fprintf(&b, "    %s :milestone, %s, 0s\n", chartText(o.t("%s - offered to %s, declined", o.role(h.Ref), a.Holder)),
					a.Since.UTC().Format(chartTime))
				continue
			}
			to := a.Until
			if i+1 < len(h.History) && h.History[i+1].Closed {
				to = h.History[i+1].Since
			}
			if to.IsZero() || to.After(end) {
				to = end
			}
			bar(o.role(h.Ref)+" - "+a.Holder, a.Since, to)
		}
	}

	var updates []model.Entry
	for _, e := range Chronological(s.Timeline) {
		if e.Kind == model.KindComms {
			updates = append(updates, e)
		}
	}
	if len(updates) > 0 {
		section("Updates")
		for _, e := range updates {
			fmt.Fprintf(&b, "    %s :milestone, %s, 0s\n", chartText(o.t("%s update", e.Audience().In(o.Lang))), e.At.UTC().Format(chartTime))
		}
	}
	b.WriteString("```\n")
	return b.String()
}

// chartText makes a name safe in a gantt line: one line, none of the
// characters the chart's syntax gives a meaning (: ; #), no markup.
func chartText(s string) string {
	s = safetext.Line(s)
	s = strings.NewReplacer(":", " ", ";", ",", "#", "", "`", "'", "<", "‹", ">", "›", "%%", "%").Replace(s)
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return "-"
	}
	return s
}
