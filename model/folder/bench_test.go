package folder

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/sample"
	"github.com/warroom/warroom/model/store"
)

// benchFolder writes n incidents of entries entries each to a new folder.
func benchFolder(b *testing.B, n, entries int) string {
	b.Helper()
	s, err := sample.Large(model.DefaultCatalog(), end, &model.SeqIDs{}, entries, entries/20)
	if err != nil {
		b.Fatal(err)
	}
	data, err := store.Encode(s)
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	for i := range n {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("inc-%03d.toml", i)), data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return dir
}

// BenchmarkRead200 lists a folder of 200 incidents of 1,000 entries each
// (and 50 tasks): the heads alone, with the status entries (what warroom
// incidents reads), and with the milestones too (what warroom stats
// reads); beside them, its peer: reading each file whole.
func BenchmarkRead200(b *testing.B) {
	dir := benchFolder(b, 200, 1000)
	for _, bc := range []struct {
		name string
		need model.TimelineNeed
	}{
		{"heads", model.TimelineNeed{}},
		{"status", model.TimelineNeed{Kinds: []model.Kind{model.KindStatus}}},
		{"milestones", model.MilestoneKinds.Plus(model.TimelineNeed{Kinds: []model.Kind{model.KindStatus}})},
		{"whole", model.TimelineNeed{All: true}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				l, err := Read(dir, bc.need)
				if err != nil || len(l.Incidents) != 200 {
					b.Fatalf("%d incidents: %v %v", len(l.Incidents), err, l.Problems)
				}
			}
		})
	}
}
