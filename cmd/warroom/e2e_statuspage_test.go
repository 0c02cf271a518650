package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// chromium is the browser the status page is tested in: Debian's
// chromium, which .ci/run installs. Without it the test is skipped, but
// not in CI.
func chromium(t *testing.T) string {
	t.Helper()
	path, err := exec.LookPath("chromium")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("chromium is not installed; .ci/run installs it with apt-get")
		}
		t.Skip("chromium is not installed (apt-get install chromium): the status page is not loaded in a browser")
	}
	return path
}

// TestStatusPageInABrowser loads the status page in a real headless
// Chromium, as wide as a phone: it loads with no console error, the
// latest external update is visible and first, an internal note's text
// is nowhere, and nothing is wider than the screen.
func TestStatusPageInABrowser(t *testing.T) {
	browser := chromium(t)
	f := newFolderRunner(t)
	f.ok("declare", "Payments API down <b>everywhere</b>", "--sev", "1")
	f.ok("log", "INTERNAL-NOTE-7731: the primary's disk is full")
	f.ok("update", "--audience", "internal", "INTERNAL-UPDATE-5120: blame deploy 142")
	f.ok("update", "--audience", "external", "We are investigating failed payments.")
	f.ok("update", "--audience", "external", "LATEST-UPDATE-4412: a fix is rolling out <script>alert(1)</script>")
	out := filepath.Join(f.dir, "public")
	f.ok("statuspage", "--output", out)

	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(browser),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
	}
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	actx, stop := chromedp.NewExecAllocator(ctx, opts...)
	defer stop()
	bctx, closeBrowser := chromedp.NewContext(actx)
	defer closeBrowser()

	// The console's messages, gathered while the page loads; a probe
	// written last shows that they are heard.
	cctx, stopListening := context.WithCancel(bctx)
	if err := chromedp.Do(bctx); err != nil { // start the browser and its tab
		t.Fatalf("chromium: %v", err)
	}
	messages := chromedp.Console(cctx)
	var heard []chromedp.ConsoleMessage
	done := make(chan struct{})
	go func() {
		defer close(done)
		for m, err := range messages {
			if err != nil {
				return
			}
			consoleMu.Lock()
			heard = append(heard, m)
			consoleMu.Unlock()
		}
	}()
	err := chromedp.Do(bctx,
		chromedp.EmulateViewport(390, 844),
		chromedp.Navigate("file://"+filepath.Join(out, "index.html")),
		chromedp.WaitVisible(chromedp.CSS("main")),
	)
	if err != nil {
		t.Fatalf("chromium: %v", err)
	}
	get := func(js string) string {
		t.Helper()
		v, err := chromedp.Run(bctx, chromedp.Evaluate[string](js))
		if err != nil {
			t.Fatalf("%s: %v", js, err)
		}
		return v
	}
	text := get(`document.body.innerText`)
	firstUpdate := get(`document.querySelector("main article li p").innerText`)
	scrollWidth := get(`String(document.documentElement.scrollWidth)`)
	scripts := get(`String(document.scripts.length)`)
	get(`console.error("probe-9931"), "ok"`)
	deadline := time.Now().Add(10 * time.Second)
	for {
		probed := false
		for _, m := range snapshotMessages(&heard, done) {
			probed = probed || strings.Contains(m.Text, "probe-9931")
		}
		if probed || time.Now().After(deadline) {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	stopListening()
	<-done
	probed := false
	for _, m := range heard {
		switch {
		case strings.Contains(m.Text, "probe-9931"):
			probed = true
		case m.Type == chromedp.ConsoleError || m.IsException():
			t.Errorf("the page logged: %s", m)
		}
	}
	if !probed {
		t.Fatal("the console's messages were not heard: the test could not see an error")
	}
	if !strings.HasPrefix(firstUpdate, "LATEST-UPDATE-4412: a fix is rolling out <script>alert(1)</script>") {
		t.Errorf("the first update shown is %q, want the latest, as text", firstUpdate)
	}
	for _, never := range []string{"INTERNAL-NOTE-7731", "INTERNAL-UPDATE-5120", "Drill"} {
		if strings.Contains(text, never) {
			t.Errorf("%q is on the page", never)
		}
	}
	if !strings.Contains(text, "Payments API down <b>everywhere</b>") || !strings.Contains(text, "Critical impact") {
		t.Errorf("the page says:\n%s", text)
	}
	if scripts != "0" {
		t.Errorf("%s scripts on the page", scripts)
	}
	if w, err := strconv.Atoi(scrollWidth); err != nil || w > 390 {
		t.Errorf("the page is %s pixels wide on a screen of 390", scrollWidth)
	}
}

// consoleMu guards the messages a test's listener gathers.
var consoleMu sync.Mutex

// snapshotMessages copies the messages gathered so far.
func snapshotMessages(heard *[]chromedp.ConsoleMessage, done <-chan struct{}) []chromedp.ConsoleMessage {
	consoleMu.Lock()
	defer consoleMu.Unlock()
	return append([]chromedp.ConsoleMessage(nil), *heard...)
}
