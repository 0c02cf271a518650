package model

import (
	"fmt"
	"testing"
	"time"
)

// BenchmarkMerge merges two replicas of 10,000 entries and 1,000 tasks
// that share their first 9,000 entries and 900 tasks and then changed
// apart.
func BenchmarkMerge(b *testing.B) {
	build := func(prefix string, n, tasks int) State {
		s := State{Schema: Schema, Incident: Incident{ID: "INC-1", Title: "x", Status: Investigating, Declared: t0, DeclaredBy: "alice"},
			Assignments: []Assignment{{ID: "a1", Role: IncidentManager, Holder: "alice", Since: t0, Clock: Stamp{Wall: 1}}}}
		for i := 0; i < n; i++ {
			id := fmt.Sprintf("e%011d", i)
			if i >= 9000 {
				id = fmt.Sprintf("%s%010d", prefix, i)
			}
			s.Timeline = append(s.Timeline, Entry{ID: id, At: t0.Add(time.Duration(i) * time.Second), By: "bob", Kind: KindNote, Text: "note"})
		}
		for i := 0; i < tasks; i++ {
			id := fmt.Sprintf("t%04d", i)
			if i >= 900 {
				id = fmt.Sprintf("t%s%03d", prefix, i)
			}
			st := Stamp{Wall: int64(i), Replica: prefix}
			s.Tasks = append(s.Tasks, Task{ID: id, Title: "task", State: TaskOpen, Created: t0, CreatedBy: "alice", Updated: t0,
				Clock: TaskClock{Title: st, State: st, Owner: st}})
		}
		return s
	}
	x, y := build("a", 10_000, 1000), build("b", 10_000, 1000)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, _, err := Merge(x, y); err != nil {
			b.Fatal(err)
		}
	}
}
