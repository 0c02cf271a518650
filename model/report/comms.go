package report

import (
	"fmt"
	"strings"
	"time"

	"github.com/warroom/warroom/model"
)

// commsSection is the review's account of the communications: per
// audience, how many updates went out, how soon the first, and the
// longest silence; then every update sent, the drafts sent back or never
// approved, and the notable customer reports and posts.
func commsSection(b *strings.Builder, s model.State, o Options, heading func(string), head func(...string) mdTable) {
	log := s.Comms(model.Cadence{})
	var notable []model.Entry
	byID := map[string]model.Entry{}
	for _, e := range Chronological(s.Timeline) {
		switch e.Kind {
		case model.KindCustomerReport, model.KindSocialPost:
			notable = append(notable, e)
		case model.KindComms, model.KindCommsDraft:
			byID[e.ID] = e
		}
	}
	heading("Communications")
	sent := 0
	for _, es := range log.Sent {
		sent += len(es)
	}
	if sent == 0 && len(log.Pending)+len(log.Rejected) == 0 {
		b.WriteString("_" + o.t("No updates sent.") + "_\n")
	} else {
		// Silence counts until the incident was last resolved (a reopened
		// incident was not resolved the first time), or until the last
		// entry while it is not.
		end := lastTime(s, o)
		if r := Timings(s).Resolved; !r.IsZero() {
			end = r
		}
		per := head("Audience", "Updates sent", "First, after the declaration", "Longest gap")
		for _, aud := range model.Audiences {
			es := log.Sent[aud]
			if len(es) == 0 {
				continue
			}
			per.add(aud.In(o.Lang), fmt.Sprint(len(es)), Age(es[0].At.Sub(s.Incident.Declared)), Age(longestGap(es, s.Incident.Declared, end)))
		}
		b.WriteString(per.String())
		b.WriteString("\n")
		all := head("When", "Audience", "Written by", "Approved by", "Update")
		var sentAll []model.Entry
		for _, aud := range model.Audiences {
			sentAll = append(sentAll, log.Sent[aud]...)
		}
		for _, e := range Chronological(sentAll) {
			writer, approver := md(e.By), "—"
			if e.Entry != "" {
				writer, approver = md(e.From), md(e.By)
			}
			all.add(o.stamp(e.At), md(o.audience(e)), writer, approver, md(e.Text))
		}
		b.WriteString(all.String())
		for _, d := range log.Rejected {
			fmt.Fprintf(b, "\n- %s", o.t("%s, %s sent back a draft by %s, “%s”: %s", o.stamp(d.At), md(d.By), md(d.From), md(byID[d.Entry].Text), md(d.Text)))
		}
		for _, d := range log.Pending {
			fmt.Fprintf(b, "\n- %s", o.t("Not approved when this was written: a draft %s update by %s, %s: %s", md(o.audience(d)), md(d.By), o.stamp(d.At), md(d.Text)))
		}
		if len(log.Rejected)+len(log.Pending) > 0 {
			b.WriteString("\n")
		}
	}
	if len(notable) > 0 {
		heading("Notable customer reports and posts")
		nt := head("When", "Who", "Channel", "Report", "Re: update")
		for _, e := range notable {
			re := "—"
			if u, ok := byID[e.Entry]; ok {
				re = o.t("%s update of %s", md(o.audience(u)), o.stamp(u.At))
			}
			nt.add(o.stamp(e.At), md(e.By), md(e.CustomerChannel().In(o.Lang)), md(e.Text), re)
		}
		b.WriteString(nt.String())
	}
}

// longestGap is the longest silence towards one audience: from start (the
// declaration) to its first update, between two updates, or from the last
// of them to end, counting only until end.
func longestGap(es []model.Entry, start, end time.Time) time.Duration {
	var gap time.Duration
	prev := start
	for _, e := range es {
		if e.At.After(end) {
			break
		}
		gap = max(gap, e.At.Sub(prev))
		if e.At.After(prev) {
			prev = e.At
		}
	}
	return max(gap, end.Sub(prev))
}
