package report

import (
	"time"

	"github.com/warroom/warroom/model"
)

// rolesTable is the review's account of who held each role instance
// when, closed workstreams included: one row a holder, until the next
// one took it, the workstream was closed, or the incident ended.
func rolesTable(s model.State, o Options, tm Timing, head func(...string) mdTable) mdTable {
	roles := head("Role", "Held by", "From", "Until", "Briefing")
	for _, h := range s.HoldingsEver(o.catalog()) {
		role := mdCell(o.role(h.Ref))
		if len(h.History) == 0 {
			roles.add(role, o.t("%s (incident manager; never handed off)", md(h.Holder)), o.stamp(h.Since), heldUntil(h.Since, tm, o), "")
			continue
		}
		for i, a := range h.History {
			if a.Closed {
				continue // the row before it says when
			}
			holder := md(a.Holder)
			if a.Holder == "" {
				holder = o.t("given back to the incident manager")
			}
			until := heldUntil(a.Since, tm, o)
			switch {
			case i+1 < len(h.History) && h.History[i+1].Closed:
				until = o.t("%s (workstream closed)", o.stamp(a.Until))
			case !a.Until.IsZero():
				until = o.stamp(a.Until)
			}
			roles.add(role, holder, o.stamp(a.Since), until, md(a.Note))
		}
	}
	return roles
}

// heldUntil says until when a role taken at since and still held is held:
// now, while the incident goes on; once it is resolved or closed, until
// then (a review is read later, when "now" means nothing).
func heldUntil(since time.Time, tm Timing, o Options) string {
	end := tm.End()
	switch {
	case end.IsZero():
		return o.t("now")
	case since.After(end):
		return o.t("still held when this was written")
	case !tm.Closed.IsZero():
		return o.t("%s (closed)", o.stamp(end))
	}
	return o.t("%s (resolved)", o.stamp(end))
}
