package store_test

import (
	"bytes"
	"os"
	"testing"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/store"
)

// TestHeadCacheIsNeverTrusted: the head cache beside the file speeds up
// reads, and nothing else: reads give the file's incident with the cache,
// without it, with a cache of another file or of this file before an edit
// by hand, and with a cache that is garbage.
func TestHeadCacheIsNeverTrusted(t *testing.T) {
	defer store.SetLimits(0, 512<<10, 4<<20)()
	defer store.CacheEvery()()
	path, _ := grownFile(t)
	cache := store.CachePath(path)
	read := func(what string) model.State {
		t.Helper()
		snap, err := store.NewReader(path).First(1000)
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		want, err := store.Load(path)
		if err != nil {
			t.Fatal(err)
		}
		if !equalStates(snap.Apply(model.State{}), want) {
			t.Fatalf("%s: the head read differs from the file's", what)
		}
		return want
	}
	read("first read")
	if _, err := os.Stat(cache); err != nil {
		t.Fatalf("no cache after a read: %v", err)
	}
	good := readFile(t, cache)

	// Another incident's cache.
	other := writeState(t, hostileState(t))
	if _, err := store.NewReader(other).First(10); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(cache, readFile(t, store.CachePath(other)), 0o644); err != nil {
		t.Fatal(err)
	}
	read("another file's cache")

	// This file's cache, then the file edited by hand, in place, to the
	// same length.
	if err := os.WriteFile(cache, good, 0o644); err != nil {
		t.Fatal(err)
	}
	data := readFile(t, path)
	edited := bytes.Replace(data, []byte(`title = "Checkout is down"`), []byte(`title = "Checkout is DOWN"`), 1)
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteAt(edited, 0); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if got := read("an edit after the cache"); got.Incident.Title != "Checkout is DOWN" {
		t.Fatalf("title %q", got.Incident.Title)
	}

	// Garbage, and no cache at all.
	if err := os.WriteFile(cache, []byte("not a cache"), 0o644); err != nil {
		t.Fatal(err)
	}
	read("garbage")
	if err := os.Remove(cache); err != nil {
		t.Fatal(err)
	}
	read("no cache")
	// Changes keep it up to date: the first writes the file edited by
	// hand whole, the next appends.
	if out := change(t, path, "bob", model.TaskAdd{Title: "after the edit"}); out.Appended {
		t.Fatal("appended to a file edited by hand")
	}
	read("after the file was written whole")
	out := change(t, path, "bob", model.TaskAdd{Title: "after the cache"})
	if !out.Appended {
		t.Fatal("not appended")
	}
	if got := read("after a change"); got.Tasks[len(got.Tasks)-1].Title != "after the cache" {
		t.Fatal("task missing")
	}
}

// TestNoCacheForSmallIncidents: an everyday incident gets no cache file.
func TestNoCacheForSmallIncidents(t *testing.T) {
	path := writeState(t, smallState(t))
	change(t, path, "bob", model.TaskAdd{Title: "a task"})
	if _, err := store.NewReader(path).First(10); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(store.CachePath(path)); !os.IsNotExist(err) {
		t.Errorf("a cache beside a small incident: %v", err)
	}
}
