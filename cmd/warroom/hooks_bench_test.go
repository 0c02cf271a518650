package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/store"
)

// BenchmarkHookedChange: what a hook costs the command that fires it, on
// the 10,000-entry incident. Each iteration changes the severity (1 and 2
// in turn) with no hook, and with a hook on severity (`true`, handed to a
// runner of its own); the floor is `warroom roles`. The command never
// waits for the hook: the ratio is the runner's start. The hook's run is
// then in the timeline; how long until it is, is reported too.
//
//	go test ./cmd/warroom -run '^$' -bench HookedChange -benchtime 10x -count 3
func BenchmarkHookedChange(b *testing.B) {
	goalFiles()
	dir := b.TempDir()
	plain := goalFile(b, dir, 10_000, goalBin{"plain-", binPath})
	hooked := goalFile(b, dir, 10_000, goalBin{"hooked-", binPath})
	hooksFile := filepath.Join(dir, "hooks.toml")
	if err := os.WriteFile(hooksFile, []byte("[[hook]]\non = [\"severity\"]\nrun = [\"true\"]\n"), 0o644); err != nil {
		b.Fatal(err)
	}
	sev := func(path string, i int, hooks bool) time.Duration {
		cmd := exec.Command(binPath, "--file", path, "sev", []string{"1", "2"}[i%2])
		cmd.Dir = dir
		cmd.Env = []string{"PATH=/usr/local/bin:/usr/bin:/bin", "HOME=" + dir, "TZ=UTC", "WARROOM_USER=bench"}
		if hooks {
			cmd.Env = append(cmd.Env, "WARROOM_HOOKS="+hooksFile)
		}
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		start := time.Now()
		if err := cmd.Run(); err != nil || stderr.Len() > 0 {
			b.Fatalf("sev: %v\n%s", err, stderr.String())
		}
		return time.Since(start)
	}
	// The hook's run recorded: its entry in the file.
	runs := func() int {
		s, err := store.LoadKinds(hooked, model.TimelineNeed{Kinds: []model.Kind{model.KindHook}})
		if err != nil {
			b.Fatal(err)
		}
		return len(s.Timeline)
	}
	sev(plain, 0, false)
	sev(hooked, 0, true)
	timeProcess(b, binPath, filepath.Join(dir, "none.toml"), "roles")
	m := metrics{}
	i := 1
	for b.Loop() {
		m["floor"] += timeProcess(b, binPath, filepath.Join(dir, "none.toml"), "roles")
		m["no-hook"] += sev(plain, i, false)
		want := runs() + 1
		start := time.Now()
		m["hooked"] += sev(hooked, i, true)
		for runs() < want {
			if time.Since(start) > 10*time.Second {
				b.Fatalf("the hook's run was not recorded in 10 s")
			}
			time.Sleep(time.Millisecond)
		}
		m["recorded"] += time.Since(start)
		i++
	}
	m.report(b)
	m.ratio(b, "hooked/no-hook", "hooked", "no-hook")
	m.ratio(b, "no-hook/floor", "no-hook", "floor")
}

// BenchmarkMergeDriver: `warroom merge-driver` as git runs it, on an
// incident of 10,000 and of 100,000 entries whose two branches each
// appended an entry, next to git's own three-way merge of the same three
// files (`git merge-file`, which conflicts on them: both appended at the
// same place). Each iteration measures both at both sizes.
//
//	go test ./cmd/warroom -run '^$' -bench MergeDriver -benchtime 3x -count 3
func BenchmarkMergeDriver(b *testing.B) {
	if _, err := exec.LookPath("git"); err != nil {
		b.Skip("git is not installed")
	}
	goalFiles()
	dir := b.TempDir()
	type triple struct{ base, ours, theirs string }
	sizes := map[string]triple{}
	for _, sz := range goalSizes[1:] {
		base := goalFile(b, dir, sz.entries, goalBin{"base-", binPath})
		t := triple{base, filepath.Join(dir, sz.name+"-ours.toml"), filepath.Join(dir, sz.name+"-theirs.toml")}
		for who, p := range map[string]string{"alice": t.ours, "bob": t.theirs} {
			data, err := os.ReadFile(base)
			if err != nil {
				b.Fatal(err)
			}
			if err := os.WriteFile(p, data, 0o644); err != nil {
				b.Fatal(err)
			}
			cmd := exec.Command(binPath, "--file", p, "log", "written by "+who)
			cmd.Env = []string{"PATH=/usr/local/bin:/usr/bin:/bin", "HOME=" + dir, "TZ=UTC", "WARROOM_USER=" + who}
			if out, err := cmd.CombinedOutput(); err != nil {
				b.Fatalf("%v: %s", err, out)
			}
		}
		sizes[sz.name] = t
	}
	run := func(want int, name string, args ...string) time.Duration {
		cmd := exec.Command(name, args...)
		cmd.Dir = dir
		cmd.Env = []string{"PATH=/usr/local/bin:/usr/bin:/bin", "HOME=" + dir, "TZ=UTC", "WARROOM_USER=git"}
		start := time.Now()
		err := cmd.Run()
		d := time.Since(start)
		code := 0
		if err != nil {
			code = -1
			if x, ok := err.(*exec.ExitError); ok {
				code = x.ExitCode()
			}
		}
		if code != want && want >= 0 {
			b.Fatalf("%s %q: exit %d, want %d", name, args, code, want)
		}
		return d
	}
	m := metrics{}
	for b.Loop() {
		for name, t := range sizes {
			b.StopTimer()
			work := filepath.Join(dir, name+"-A")
			data, err := os.ReadFile(t.ours)
			if err != nil {
				b.Fatal(err)
			}
			if err := os.WriteFile(work, data, 0o644); err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
			m[name] += run(0, binPath, "merge-driver", t.base, work, t.theirs, "incident.toml")
			m["git-"+name] += run(-1, "git", "merge-file", "-p", t.ours, t.base, t.theirs)
		}
	}
	m.report(b)
	for _, sz := range goalSizes[1:] {
		m.ratio(b, fmt.Sprintf("%s/git", sz.name), sz.name, "git-"+sz.name)
	}
}
