package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"sync"
	"time"

	"github.com/warroom/warroom/model"
)

// Retry delays of a Writer after a failed save: the first retry waits
// writerBackoffMin, each further one twice as long, up to writerBackoffMax.
const (
	writerBackoffMin = 100 * time.Millisecond
	writerBackoffMax = 5 * time.Second
)

// writerResults is the capacity of a Writer's result channel.
const writerResults = 16

// Change is one change queued on a Writer: the op and the environment it
// is applied with. Env.Now is the time the user acted, not the time of the
// save, which may come later.
type Change struct {
	Op  model.Op
	Env model.Env
}

// Rejection is a change the incident refused when the Writer applied it,
// with the error of State.Apply (for example a *model.ConflictError when
// another writer got there first).
type Rejection struct {
	Seq uint64
	Err error
}

// WriteResult reports one save attempt of a Writer, or several merged
// into one when the receiver fell behind.
type WriteResult struct {
	// State is the incident as it is on disk after the latest successful
	// attempt in this result: as saved, or as loaded when every change of
	// the batch was rejected and nothing was written. It is valid when
	// Err is nil; when Err is set it is the zero State, or the state of an
	// earlier successful attempt merged into this result.
	State model.State
	// Committed lists the sequence numbers of the changes now on disk, in
	// the order they were applied (the order they were submitted).
	Committed []uint64
	// Added are the timeline entries the committed changes wrote, in the
	// order they wrote them: what this Writer's changes did, as opposed
	// to what other processes wrote to the file (what runs the hooks on
	// an event, once, in the process that made it happen).
	Added []model.Entry
	// Rejected lists the changes Apply refused against the file as it was
	// when they were applied. They are dropped, not retried.
	Rejected []Rejection
	// Err is the failure of the latest attempt in this result (lock
	// timeout, disk full, a file someone else made unreadable...). The
	// changes of a failed attempt stay queued and are retried with
	// backoff; none of them is committed or rejected by it.
	Err error
	// Pending is the number of changes still queued after this result.
	Pending int
}

// merge folds b, a later result, into a.
func (a WriteResult) merge(b WriteResult) WriteResult {
	a.Committed = append(a.Committed, b.Committed...)
	a.Added = append(a.Added, b.Added...)
	a.Rejected = append(a.Rejected, b.Rejected...)
	if b.Err == nil {
		a.State = b.State
	}
	a.Err = b.Err
	a.Pending = b.Pending
	return a
}

// queued is a change waiting in a Writer.
type queued struct {
	seq uint64
	Change
}

// A Writer saves changes to an incident file in the background, so that
// an interactive screen never waits on the disk. Submit queues a change
// and returns at once; one goroutine applies everything queued since its
// last save in one transaction (one append for a whole burst of key
// presses) and reports each attempt on Results. Failed saves are retried
// with backoff; changes the incident refuses are reported and dropped.
// Changes are applied in the order they were submitted.
//
// The Writer keeps the incident in memory between saves and reads only
// what other processes appended since its last save, so a save costs what
// the change costs, not what the incident's history does. It is bound to
// one incident: the one in the file when it was created (or, if the file
// could not be read then, when it was first read). Should the file come to
// hold another incident (replaced by another incident's file), it saves
// nothing into it: attempts fail with an *IncidentChangedError and the
// changes stay queued.
//
// The methods of a Writer may be called from any goroutine.
type Writer struct {
	path    string
	catalog *model.Catalog
	// attemptWait bounds one save attempt, in practice the wait for the
	// lock: LockWait unless a test shortens it.
	attemptWait time.Duration

	base    context.Context // ends when Close gives up; aborts a lock wait
	cancel  context.CancelFunc
	wake    chan struct{} // capacity 1: work queued, or Close called
	results chan WriteResult
	done    chan struct{} // closed when the goroutine has ended

	mu       sync.Mutex
	queue    []queued
	seq      uint64
	closed   bool
	lastErr  error  // the error of the latest attempt, nil after a success
	incident string // the incident the Writer saves into; "" until known

	// Only the goroutine touches these.
	reader *Reader
	cur    model.State // the whole incident as the reader last read it
}

// NewWriter starts a Writer for the incident file at path, which must
// exist (changes are applied with Update without create). A nil catalog
// means model.DefaultCatalog(). Close stops it.
func NewWriter(path string, catalog *model.Catalog) *Writer {
	return newWriter(path, catalog, LockWait)
}

func newWriter(path string, catalog *model.Catalog, attemptWait time.Duration) *Writer {
	if catalog == nil {
		catalog = model.DefaultCatalog()
	}
	base, cancel := context.WithCancel(context.Background())
	w := &Writer{
		path:        path,
		catalog:     catalog,
		attemptWait: attemptWait,
		base:        base,
		cancel:      cancel,
		wake:        make(chan struct{}, 1),
		results:     make(chan WriteResult, writerResults),
		done:        make(chan struct{}),
		incident:    incidentID(path),
		reader:      NewReader(path),
	}
	go w.run()
	return w
}

// Incident is the id of the incident the Writer saves into, "" when it
// has not read one yet.
func (w *Writer) Incident() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.incident
}

// incidentID reads the id of the incident in the file at path, quickly;
// "" when the file cannot be read so.
func incidentID(path string) string {
	f, info, err := openIncident(resolve(path), os.O_RDONLY)
	if err != nil {
		return ""
	}
	defer f.Close()
	if v, ok, err := readHead(resolve(path), f, info); err == nil && ok {
		return v.state.Incident.ID
	}
	return ""
}

// Submit queues c and returns its sequence number: 1 for the first change
// submitted, then 2, 3... It never blocks. After Close has been called it
// queues nothing and returns 0.
func (w *Writer) Submit(c Change) uint64 {
	w.mu.Lock()
	if w.closed {
		w.mu.Unlock()
		return 0
	}
	w.seq++
	seq := w.seq
	w.queue = append(w.queue, queued{seq: seq, Change: c})
	w.mu.Unlock()
	w.poke()
	return seq
}

// Results delivers one WriteResult per save attempt. It is buffered; when
// the receiver falls behind, results are merged rather than dropped, so
// every sequence number still appears exactly once in Committed or
// Rejected. It is closed once the Writer's goroutine has ended (after
// Close).
func (w *Writer) Results() <-chan WriteResult { return w.results }

// Close stops accepting changes, saves everything still queued (retrying
// failed saves until ctx ends) and stops the goroutine. It returns nil if
// every change submitted was saved or rejected, and otherwise an error
// saying how many could not be saved and why. It waits for the goroutine
// to end even after ctx ends: a lock wait is aborted at once, a save
// already writing runs to its end. Calling it again waits again and
// reports what is still unsaved.
func (w *Writer) Close(ctx context.Context) error {
	w.mu.Lock()
	w.closed = true
	w.mu.Unlock()
	w.poke()

	select {
	case <-w.done:
	case <-ctx.Done():
		w.cancel()
		<-w.done
	}
	w.cancel()

	w.mu.Lock()
	n, why := len(w.queue), w.lastErr
	w.mu.Unlock()
	if n == 0 {
		return nil
	}
	if why == nil {
		why = ctx.Err()
	}
	if why == nil { // unreachable: the goroutine ends with changes queued only when aborted
		why = errors.New("writer stopped")
	}
	what := "changes"
	if n == 1 {
		what = "change"
	}
	return fmt.Errorf("%s: %d %s not saved: %w", w.path, n, what, why)
}

// poke wakes the goroutine without ever blocking.
func (w *Writer) poke() {
	select {
	case w.wake <- struct{}{}:
	default:
	}
}

// run is the Writer's goroutine.
func (w *Writer) run() {
	defer close(w.done)
	defer close(w.results)

	retry := time.NewTimer(time.Hour)
	retry.Stop()
	defer retry.Stop()
	backoff := writerBackoffMin
	waiting := false // a failed save waits for retry (or for a poke)

	for {
		if w.base.Err() != nil {
			return
		}
		w.mu.Lock()
		n, closed := len(w.queue), w.closed
		w.mu.Unlock()

		switch {
		case n == 0 && closed:
			return
		case n == 0:
			select {
			case <-w.wake:
			case <-w.base.Done():
				return
			}
			continue
		case waiting:
			select {
			case <-w.wake:
				retry.Stop() // a change queued since the failed attempt, or Close: try now
			case <-retry.C:
			case <-w.base.Done():
				return
			}
			waiting = false
			continue
		}

		// A poke from now on is news: a change this batch does not hold.
		select {
		case <-w.wake:
		default:
		}
		w.mu.Lock()
		batch := w.queue[:len(w.queue):len(w.queue)]
		w.mu.Unlock()

		res := w.attempt(batch)
		if res.Err != nil {
			// Since Go 1.23 Reset leaves no stale tick behind in retry.C.
			retry.Reset(backoff)
			backoff = min(2*backoff, writerBackoffMax)
			waiting = true
		} else {
			backoff = writerBackoffMin
		}
		w.send(res)
	}
}

// send delivers res without blocking. If the channel is full, it takes
// back every result still buffered and sends them merged with res, oldest
// first: the receiver only ever takes results out, so there is room then,
// and no sequence number is lost. The receiver sees results in order.
func (w *Writer) send(res WriteResult) {
	select {
	case w.results <- res:
		return
	default:
	}
	var merged WriteResult
	have := false
	for {
		select {
		case old := <-w.results:
			if have {
				merged = merged.merge(old)
			} else {
				merged, have = old, true
			}
			continue
		default:
		}
		break
	}
	if have {
		res = merged.merge(res)
	}
	w.results <- res // cannot block: only this goroutine sends, and it emptied the buffer
}
