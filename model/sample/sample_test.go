package sample

import (
	"testing"
	"time"

	"github.com/warroom/warroom/model"
)

func TestSampleIsRealistic(t *testing.T) {
	c := model.DefaultCatalog()
	end := time.Date(2026, 11, 25, 14, 47, 0, 0, time.UTC)
	s, err := Incident(c, end, &model.SeqIDs{})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Check(); err != nil {
		t.Fatal(err)
	}
	if n := len(s.Timeline); n < 30 {
		t.Errorf("%d timeline entries, want a few dozen", n)
	}
	kinds := map[model.Kind]bool{}
	for _, e := range s.Timeline {
		kinds[e.Kind] = true
		if e.At.After(end) {
			t.Errorf("entry %s at %v is after the end %v", e.ID, e.At, end)
		}
	}
	// Not in the story (yet): the screens' golden files are drawn from it.
	absent := map[model.Kind]bool{model.KindTaskReopened: true, model.KindRetracted: true, model.KindTheoryReopened: true,
		model.KindFollowUpDone: true, model.KindFollowUpReopened: true,
		model.KindTitle: true, model.KindSummary: true, model.KindWorkstreamClosed: true,
		model.KindHandoffAccepted: true, model.KindHandoffDeclined: true}
	for _, k := range append(append([]model.Kind{}, model.LogKinds...), model.SystemKinds...) {
		if !absent[k] && !kinds[k] {
			t.Errorf("no %s entry", k)
		}
	}
	tls := 0
	for _, h := range s.Holdings(c) {
		if h.Ref.Role == "tech_lead" {
			tls++
		}
	}
	if tls != 2 {
		t.Errorf("%d tech leads, want 2", tls)
	}
	states := map[model.TaskState]int{}
	unowned := 0
	for _, task := range s.Tasks {
		states[task.State]++
		if task.Role == "" && task.Owner == "" {
			unowned++
		}
	}
	if states[model.TaskOpen] == 0 || states[model.TaskInProgress] == 0 || states[model.TaskDone] == 0 {
		t.Errorf("task states %v: want open, in progress and done tasks", states)
	}
	if unowned == 0 {
		t.Error("no task owned by nobody")
	}
	if len(s.DefaultRoles(c)) == 0 {
		t.Error("every role handed off: the sample should leave some with the incident manager")
	}
}
