package report

import (
	"strings"
	"testing"
	"time"

	"github.com/warroom/warroom/model"
	demo "github.com/warroom/warroom/model/sample"
)

// TestDemoReview renders the post-incident review of the demo incident
// (the golden file is the review a problem manager would hand in) and
// checks the timings it computes from the timeline.
func TestDemoReview(t *testing.T) {
	end := time.Date(2026, 11, 25, 14, 47, 0, 0, time.UTC)
	s, err := demo.Incident(model.DefaultCatalog(), end, &model.SeqIDs{})
	if err != nil {
		t.Fatal(err)
	}
	o := Options{Catalog: model.DefaultCatalog(), Lang: "en", Loc: time.UTC, Now: end}
	out := Markdown(s, o)
	golden(t, "demo-review.md", out)

	tm := Timings(s)
	declared := end.Add(-47 * time.Minute)
	if !tm.Declared.Equal(declared) || !tm.Start.Equal(declared) {
		t.Errorf("impact start %v, declared %v: the first alert, backdated 4 minutes before the declaration, is a note, not a milestone", tm.Start, tm.Declared)
	}
	if !tm.Mitigated.Equal(declared.Add(25*time.Minute)) || !tm.Resolved.IsZero() {
		t.Errorf("mitigated %v resolved %v", tm.Mitigated, tm.Resolved)
	}
	for _, want := range []string{"| Time to acknowledge | 0s, at 2026-11-25 14:00:00 UTC (inferred from the declaration) |",
		"| Time to mitigate | 25m, at 2026-11-25 14:25:00 UTC (inferred from the first move to monitoring) |",
		"| Time to resolve | not yet |", "## Decisions", "Roll back deploy 142 rather than raise the pool size live.",
		"## Theories", "| ruled out |", "| confirmed |", "## Action items", "OPS-1432", "(backdated)"} {
		if !strings.Contains(out, want) {
			t.Errorf("the review lacks %q", want)
		}
	}
}
