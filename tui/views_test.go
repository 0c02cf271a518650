package tui

import (
	"fmt"
	"math/rand"
	"slices"
	"testing"
	"time"

	"github.com/warroom/warroom/model"
)

// TestChronoOrderMatchesAStableSort grows random timelines — appends,
// backdated entries, entries of one moment, and now and then a timeline
// that does not extend the last (a merge, a reload) — and checks that the
// kept order is always the one a stable sort by time gives.
func TestChronoOrderMatchesAStableSort(t *testing.T) {
	for seed := int64(1); seed <= 50; seed++ {
		r := rand.New(rand.NewSource(seed))
		var es, prev []model.Entry
		var order []int32
		now := testNow
		for step := 0; step < 40; step++ {
			if r.Intn(10) == 0 && len(es) > 0 {
				// Not an extension: the same entries in another order.
				es = slices.Clone(es)
				r.Shuffle(len(es), func(i, j int) { es[i], es[j] = es[j], es[i] })
			}
			for k := r.Intn(4); k >= 0; k-- {
				at := now
				switch r.Intn(4) {
				case 0:
					at = now.Add(-time.Duration(r.Intn(30)) * time.Minute) // backdated
				case 1:
					at = testNow // one moment, many entries
				}
				now = now.Add(time.Duration(r.Intn(3)) * time.Second)
				es = append(slices.Clip(es), model.Entry{ID: fmt.Sprintf("e%d-%d", step, k), At: at})
			}
			order = chronoOrder(prev, order, es)
			prev = es
			want := make([]int32, len(es))
			for i := range want {
				want[i] = int32(i)
			}
			slices.SortStableFunc(want, func(a, b int32) int { return es[a].At.Compare(es[b].At) })
			if !slices.Equal(order, want) {
				t.Fatalf("seed %d step %d: order %v, want %v", seed, step, order, want)
			}
		}
	}
}
