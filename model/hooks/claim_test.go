package hooks

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/store"
)

// TestTimeBoxIsClaimedOnce: three watchers of one file race for each time
// box that runs out; exactly one claim is written for each, and only its
// winner fires the event. Boxes still running, tasks done in time, and
// tasks without a box are never claimed.
func TestTimeBoxIsClaimedOnce(t *testing.T) {
	path := declared(t)
	change(t, path, "alice", model.TaskAdd{Title: "Roll back", Within: time.Minute})
	change(t, path, "alice", model.TaskAdd{Title: "Page the DBA", Within: time.Minute})
	change(t, path, "alice", model.TaskAdd{Title: "No box"})
	change(t, path, "alice", model.TaskAdd{Title: "Later", Within: 30 * time.Minute})
	st, err := store.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	task := func(title string) string {
		for _, x := range st.Tasks {
			if x.Title == title {
				return x.ID
			}
		}
		t.Fatalf("no task %q", title)
		return ""
	}
	change(t, path, "alice", model.TaskSet{Task: task("Page the DBA"), State: model.TaskDone})

	// The watchers' clocks are five minutes ahead: the first two boxes ran out.
	ahead := func() time.Time { return time.Now().Add(5 * time.Minute) }
	var (
		mu    sync.Mutex
		fired = map[string][]string{} // task → the watchers that fired it
		wg    sync.WaitGroup
	)
	ctx, cancel := context.WithCancel(context.Background())
	for i := range 3 {
		who := fmt.Sprintf("watcher%d", i)
		wg.Go(func() {
			ClaimTimeBoxes(ctx, ClaimOptions{File: path, Actor: who, Replica: who, Every: 10 * time.Millisecond, Now: ahead}, func(evs []Event) {
				mu.Lock()
				defer mu.Unlock()
				for _, ev := range evs {
					if ev.Event != model.EventTimeBoxExpired || ev.Actor != who || ev.Incident.File != path {
						t.Errorf("%s fired %+v", who, ev)
					}
					fired[ev.Task] = append(fired[ev.Task], who)
				}
			})
		})
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		mu.Lock()
		n := len(fired)
		mu.Unlock()
		if n >= 1 || time.Now().After(deadline) {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	time.Sleep(200 * time.Millisecond) // twenty more looks each: any second claim would be written by now
	cancel()
	wg.Wait()

	if len(fired) != 1 || len(fired[task("Roll back")]) != 1 {
		t.Errorf("fired %v, want the roll back's box once", fired)
	}
	claims, err := store.LoadKinds(path, model.TimelineNeed{Kinds: []model.Kind{model.KindTimeBoxExpired}})
	if err != nil {
		t.Fatal(err)
	}
	if len(claims.Timeline) != 1 || claims.Timeline[0].Task != task("Roll back") {
		t.Errorf("claims in the file: %+v", claims.Timeline)
	}
}

// TestNoClaimsOnAResolvedIncident: time boxes of a resolved incident are
// left alone.
func TestNoClaimsOnAResolvedIncident(t *testing.T) {
	path := declared(t)
	change(t, path, "alice", model.TaskAdd{Title: "Roll back", Within: time.Minute})
	change(t, path, "alice", model.SetStatus{Status: model.Resolved, Force: true, Reason: "the rest can wait"})
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	ClaimTimeBoxes(ctx, ClaimOptions{File: path, Actor: "alice", Every: 10 * time.Millisecond,
		Now: func() time.Time { return time.Now().Add(time.Hour) }}, func(evs []Event) { t.Errorf("fired %+v", evs) })
}
