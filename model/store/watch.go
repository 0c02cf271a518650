package store

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"time"

	"github.com/fsnotify/fsnotify"
)

// How Watch coalesces a burst of events: it notifies once nothing has
// happened to the file for watchQuiet, and never later than watchMaxDelay
// after the first event of the burst, so that a steady stream of saves
// still shows up on the screen.
const (
	watchQuiet    = 30 * time.Millisecond
	watchMaxDelay = 200 * time.Millisecond
)

// Watch reports changes made to the incident file at path by anyone, this
// process or another: after each burst of changes it sends one value on the
// returned channel, and the receiver reloads the file (Load). The channel
// has room for one value and a send never blocks: a notification that
// finds one still pending is dropped, since one reload covers both.
//
// A symbolic link in path is followed as Update follows it. Watch watches
// the directory, not the file: every save replaces the file by renaming a
// temp file over it, and a watch on the file itself would end at the first
// save. Events for other names, among them the lock file and the temp
// files of saves in progress, are ignored, and so are changes of the
// file's attributes alone (chmod, touch). Removing or renaming the file
// away is reported.
//
// A burst is coalesced: the notification is sent once no event has
// arrived for about 30 ms, and never more than about 200 ms after the
// first event of the burst.
//
// Errors of the watcher after it started do not end the watch; when the
// system reports that it dropped events, Watch notifies, since the file
// may have changed. Watch fails only if the directory cannot be watched.
// When ctx is done the watch stops and the channel is closed.
func Watch(ctx context.Context, path string) (<-chan struct{}, error) {
	return watchFile(ctx, path, watchQuiet, watchMaxDelay)
}

// watchFile is Watch with its own coalescing delays.
func watchFile(ctx context.Context, path string, quiet, maxDelay time.Duration) (<-chan struct{}, error) {
	path = resolve(path)
	dir, base := filepath.Dir(path), filepath.Base(path)
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, fmt.Errorf("watch %s: %w", path, err)
	}
	if err := w.Add(dir); err != nil {
		_ = w.Close()
		return nil, fmt.Errorf("watch %s: directory %s: %w", path, dir, err)
	}
	out := make(chan struct{}, 1)
	go watchLoop(ctx, w, base, out, quiet, maxDelay)
	return out, nil
}

// watchLoop runs one watch until ctx is done; see Watch.
func watchLoop(ctx context.Context, w *fsnotify.Watcher, base string, out chan<- struct{}, quiet, maxDelay time.Duration) {
	defer close(out)
	defer w.Close()

	timer := time.NewTimer(time.Hour)
	timer.Stop()
	defer timer.Stop()
	var (
		pending bool      // an event is waiting to be reported
		first   time.Time // when the first event of the burst arrived
	)
	arm := func() {
		now := time.Now()
		if !pending {
			pending, first = true, now
		}
		wait := quiet
		if left := first.Add(maxDelay).Sub(now); left < wait {
			wait = max(left, 0)
		}
		// Since Go 1.23 Reset leaves no stale tick behind in timer.C.
		timer.Reset(wait)
	}

	events, errs := w.Events, w.Errors
	for {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-events:
			if !ok { // only Close closes it; keep the channel open until ctx ends
				events = nil
				continue
			}
			if watchRelevant(ev, base) {
				arm()
			}
		case err, ok := <-errs:
			if !ok {
				errs = nil
				continue
			}
			// A dropped event may have been ours: reload to be sure. Any
			// other error is transient as far as the watch can tell.
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				arm()
			}
		case <-timer.C:
			pending = false
			select {
			case out <- struct{}{}:
			default: // one is pending already; it covers this burst too
			}
		}
	}
}

// watchRelevant reports whether ev changes the incident file named base.
// The lock file (".NAME.lock") and temp files (".NAME.tmp-DIGITS") have
// other names, so they never match; neither does the directory itself.
func watchRelevant(ev fsnotify.Event, base string) bool {
	if filepath.Base(ev.Name) != base {
		return false
	}
	return ev.Has(fsnotify.Create) || ev.Has(fsnotify.Write) || ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename)
}
