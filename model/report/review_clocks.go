package report

import (
	"time"

	"github.com/warroom/warroom/model"
)

// clocks adds the review's clocks to its header table: when the impact
// started, and how long after it the incident was detected,
// acknowledged, mitigated and resolved, each saying whether it was
// marked or inferred, and from what.
func clocks(t *mdTable, tm Timing, o Options) {
	how := func(m model.Milestone, inferred string) string {
		if tm.Marked[m] {
			return o.t("marked")
		}
		return o.t(inferred)
	}
	start := "inferred from the declaration"
	switch {
	case tm.Marked[model.MilestoneImpact]:
	case tm.Marked[model.MilestoneDetected] && tm.Start.Equal(tm.Detected):
		start = "inferred from the detection"
	case tm.Marked[model.MilestoneAcknowledged] && tm.Start.Equal(tm.Acknowledged):
		start = "inferred from the acknowledgement"
	}
	t.add(o.t("Impact started"), o.t("%s (%s)", o.stamp(tm.Start), how(model.MilestoneImpact, start)))
	for _, r := range []struct {
		what, how string
		at        time.Time
	}{
		{"Time to detect", how(model.MilestoneDetected, "inferred from the declaration"), tm.Detected},
		{"Time to acknowledge", how(model.MilestoneAcknowledged, "inferred from the declaration"), tm.Acknowledged},
		{"Time to mitigate", how(model.MilestoneMitigated, "inferred from the first move to monitoring"), tm.Mitigated},
		{"Time to resolve", o.t("from the status"), tm.Resolved},
	} {
		if r.at.IsZero() {
			t.add(o.t(r.what), o.t("not yet"))
			continue
		}
		t.add(o.t(r.what), o.t("%s, at %s (%s)", Age(r.at.Sub(tm.Start)), o.stamp(r.at), r.how))
	}
}
