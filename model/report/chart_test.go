package report

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/warroom/warroom/model"
	demo "github.com/warroom/warroom/model/sample"
)

// mermaidBlock is the review's chart: the text between its fences.
func mermaidBlock(t *testing.T, review string) []string {
	t.Helper()
	_, rest, ok := strings.Cut(review, "```mermaid\n")
	if !ok {
		t.Fatalf("no chart in the review:\n%s", review)
	}
	block, _, ok := strings.Cut(rest, "```\n")
	if !ok {
		t.Fatal("the chart's block is not closed")
	}
	return strings.Split(strings.TrimSuffix(block, "\n"), "\n")
}

// Every line of the chart is gantt syntax a code host renders: a
// header, a section, a bar from one UTC second to a later one, or a
// milestone; names carry none of the syntax's own characters, whatever
// people typed.
func TestChartIsGanttSyntax(t *testing.T) {
	s, err := demo.Incident(model.DefaultCatalog(), t0.Add(47*time.Minute), &model.SeqIDs{})
	if err != nil {
		t.Fatal(err)
	}
	s, _, err = s.Apply(model.DefaultCatalog(), model.SetTitle{Title: "Checkout: 500s; #2 ```\n%% boom"},
		model.Env{Now: t0.Add(40 * time.Minute), Actor: "alice", Replica: "r1", IDs: &model.SeqIDs{}})
	if err != nil {
		t.Fatal(err)
	}
	lines := mermaidBlock(t, Markdown(s, opts()))
	header := regexp.MustCompile(`^(gantt|    title [^:;#\x60]+|    dateFormat YYYY-MM-DDTHH:mm:ss|    axisFormat %H:%M|    section [^:;#\x60]+)$`)
	stamp := `\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d`
	bar := regexp.MustCompile(`^    ([^:;#\x60]+) :(` + stamp + `), (` + stamp + `)$`)
	milestone := regexp.MustCompile(`^    [^:;#\x60]+ :milestone, ` + stamp + `, 0s$`)
	sections := map[string]bool{}
	for _, l := range lines {
		switch m := bar.FindStringSubmatch(l); {
		case m != nil:
			from, _ := time.Parse("2006-01-02T15:04:05", m[2])
			to, _ := time.Parse("2006-01-02T15:04:05", m[3])
			if !to.After(from) {
				t.Errorf("a bar that ends before it starts: %q", l)
			}
		case milestone.MatchString(l), header.MatchString(l):
			if strings.HasPrefix(l, "    section ") {
				sections[strings.TrimPrefix(l, "    section ")] = true
			}
		default:
			t.Errorf("not gantt syntax: %q", l)
		}
	}
	for _, want := range []string{"Status", "Severity", "Roles", "Updates"} {
		if !sections[want] {
			t.Errorf("no %s section in the chart: %v", want, lines)
		}
	}
	joined := strings.Join(lines, "\n")
	for _, want := range []string{"    investigating :2026-11-25T14:00:00, 2026-11-25T14:14:50", "Tech lead · database - bob :2026-11-25T14:02:00, 2026-11-25T14:43:00",
		"    SEV1 :2026-11-25T14:01:30, 2026-11-25T14:45:30", "    external update :milestone, 2026-11-25T14:09:05, 0s"} {
		if !strings.Contains(joined, want) {
			t.Errorf("the chart does not hold %q:\n%s", want, joined)
		}
	}
	o := opts()
	o.NoChart = true
	if strings.Contains(Markdown(s, o), "```mermaid") {
		t.Error("NoChart left the chart in")
	}
}
