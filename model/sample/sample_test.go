package sample

import (
	"strings"
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
		model.KindHandoffDeclined: true, model.KindConflict: true, model.KindHook: true, model.KindTimeBoxExpired: true,
		model.KindMilestone: true, model.KindPin: true, model.KindUnpin: true, model.KindRunbook: true}
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

// TestLargeIsRealistic: a large incident has the size asked, entries of
// the kinds a long incident has, spread over its hours, and passes Check.
func TestLargeIsRealistic(t *testing.T) {
	c := model.DefaultCatalog()
	end := time.Date(2026, 11, 25, 14, 47, 0, 0, time.UTC)
	for _, size := range []struct{ entries, tasks int }{{100, 10}, {5000, 300}} {
		s, err := Large(c, end, &model.SeqIDs{}, size.entries, size.tasks)
		if err != nil {
			t.Fatal(err)
		}
		if len(s.Timeline) < size.entries || len(s.Timeline) > size.entries+2 {
			t.Errorf("%d entries, want %d", len(s.Timeline), size.entries)
		}
		if len(s.Tasks) != size.tasks {
			t.Errorf("%d tasks, want %d", len(s.Tasks), size.tasks)
		}
		kinds := map[model.Kind]int{}
		for i, e := range s.Timeline {
			kinds[e.Kind]++
			if e.At.After(end) {
				t.Fatalf("entry %d at %v, after the end", i, e.At)
			}
		}
		if size.entries < 1000 {
			continue
		}
		for _, k := range []model.Kind{model.KindNote, model.KindDecision, model.KindAction, model.KindTaskStarted, model.KindTaskDone,
			model.KindCustomers, model.KindComms, model.KindCommsDraft, model.KindHandoff, model.KindCAN, model.KindStatus} {
			if kinds[k] == 0 {
				t.Errorf("no %s entry among %d", k, size.entries)
			}
		}
		if first, last := s.Timeline[0].At, s.Timeline[len(s.Timeline)-1].At; last.Sub(first) < 3*time.Hour {
			t.Errorf("%d entries over %v; a long incident lasts hours", size.entries, last.Sub(first))
		}
	}
}

// TestLargeShiftHandoffsAreAccepted: past a shift change the tech leads on
// call have accepted their roles.
func TestLargeShiftHandoffsAreAccepted(t *testing.T) {
	end := time.Date(2026, 11, 25, 14, 47, 0, 0, time.UTC)
	s, err := Large(model.DefaultCatalog(), end, &model.SeqIDs{}, 12000, 50)
	if err != nil {
		t.Fatal(err)
	}
	accepted := 0
	for _, e := range s.Timeline {
		if e.Kind == model.KindHandoffAccepted {
			accepted++
		}
	}
	for _, p := range s.PendingHandoffs(end) {
		if p.Ref.Role == "tech_lead" {
			t.Errorf("%s not accepted after a shift change: %+v", p.Ref, p)
		}
	}
	if accepted < 2 {
		t.Errorf("%d acceptances, want the two tech leads' of each shift change", accepted)
	}
}

func TestHistoryIsVaried(t *testing.T) {
	end := time.Date(2026, 12, 6, 12, 0, 0, 0, time.UTC)
	hs, err := History(model.DefaultCatalog(), end, &model.SeqIDs{}, 20)
	if err != nil {
		t.Fatal(err)
	}
	titles, open, handedOver, drills := map[string]bool{}, 0, 0, 0
	for _, s := range hs {
		titles[s.Incident.Title] = true
		if s.Incident.Status != model.Resolved && s.Incident.Status != model.Closed {
			open++
		}
		if len(s.History(model.RoleRef{Role: model.IncidentManager})) > 0 {
			handedOver++
		}
		if strings.HasPrefix(s.Incident.Title, "Drill") {
			drills++
		}
		if s.Incident.Service == "" || s.Incident.Declared.After(end) || len(s.Comms(s.Policy().Cadence()).Sent[model.AudienceExternal]) == 0 {
			t.Errorf("%s: no service, declared after the end, or no external update", s.Incident.Title)
		}
	}
	if len(titles) != 20 || open != 2 || handedOver == 0 || drills != 1 {
		t.Errorf("%d titles, %d open, %d handed over, %d drills", len(titles), open, handedOver, drills)
	}
}
