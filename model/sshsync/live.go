package sshsync

import (
	"context"
	"time"

	"github.com/warroom/warroom/model/store"
)

// Status is what a live sync reports after each attempt.
type Status struct {
	At     time.Time
	Result Result
	Err    error // nil after a successful sync
}

// Live keeps the local file and the remote copy in step until ctx ends:
// every interval and right after every local change, over one
// connection, reopened with backoff (1 s doubling to 30 s) when it fails.
// report is called after every attempt, from Live's goroutine.
func Live(ctx context.Context, local string, t Target, o Options, so SyncOptions, interval time.Duration, report func(Status)) error {
	changes, err := store.Watch(ctx, local)
	if err != nil {
		return err
	}
	var conn *Conn
	defer func() {
		if conn != nil {
			_ = conn.Close()
		}
	}()
	backoff := time.Second
	wait := func(d time.Duration, onChange bool) bool {
		timer := time.NewTimer(d)
		defer timer.Stop()
		var ch <-chan struct{}
		if onChange {
			ch = changes
		}
		select {
		case <-ctx.Done():
			return false
		case <-ch:
		case <-timer.C:
		}
		return true
	}
	for {
		if conn == nil {
			if conn, err = Dial(ctx, t, o); err != nil {
				conn = nil
				if ctx.Err() != nil {
					return nil
				}
				report(Status{At: time.Now(), Err: err})
				if !wait(backoff, false) {
					return nil
				}
				backoff = min(2*backoff, 30*time.Second)
				continue
			}
		}
		res, err := Sync(ctx, conn, local, so)
		if ctx.Err() != nil {
			return nil
		}
		report(Status{At: time.Now(), Result: res, Err: err})
		if err != nil {
			_ = conn.Close()
			conn = nil
			if !wait(backoff, false) {
				return nil
			}
			backoff = min(2*backoff, 30*time.Second)
			continue
		}
		backoff = time.Second
		so.Create = false
		if !wait(interval, true) {
			return nil
		}
	}
}
