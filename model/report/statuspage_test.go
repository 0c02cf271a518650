package report

import (
	"encoding/xml"
	"strings"
	"testing"
	"time"

	"github.com/warroom/warroom/model"
)

// hostileIncident is an incident whose title and updates try to be HTML,
// with an internal note, an internal update, a draft and a task that must
// stay off the page.
func hostileIncident(t *testing.T) model.State {
	t.Helper()
	c := model.DefaultCatalog()
	var s model.State
	at := historyEnd.Add(-10 * time.Minute)
	do := func(who string, op model.Op) {
		t.Helper()
		at = at.Add(time.Minute)
		next, _, err := s.Apply(c, op, model.Env{Now: at, Actor: who, IDs: &model.SeqIDs{}})
		if err != nil {
			t.Fatalf("%T: %v", op, err)
		}
		s = next
	}
	do("alice", model.Declare{Title: `Checkout <script>alert("t")</script> & "500s"`, Severity: model.Sev1})
	do("alice", model.Log{Text: "INTERNAL: db password rotated, see vault"})
	do("alice", model.TaskAdd{Title: "INTERNAL TASK: restart db-7"})
	do("alice", model.CommsUpdate{Audience: model.AudienceInternal, Text: "INTERNAL UPDATE: blame deploy 142"})
	do("alice", model.CommsUpdate{Audience: model.AudienceExternal, Text: "We are investigating <img src=x onerror=alert(1)>.\nMore soon."})
	do("bob", model.CommsUpdate{Audience: model.AudienceExternal, Text: "DRAFT NOT APPROVED: it was the database", NeedsApproval: true})
	do("alice", model.CommsUpdate{Audience: model.AudienceExternal, Text: "A fix is rolling out\u202e."})
	return s
}

func TestStatusPageShowsOnlyWhatWasSaidToThePublic(t *testing.T) {
	ins := append(filed(t, 6), Filed{Path: "hostile.toml", State: hostileIncident(t)})
	page, err := RenderStatusPage(ins, StatusPageOptions{Options: folderOpts("en"), Title: "Acme <status>"})
	if err != nil {
		t.Fatal(err)
	}
	html, atom := string(page.HTML), string(page.Atom)
	for _, out := range []string{html, atom} {
		for _, never := range []string{"INTERNAL", "DRAFT NOT APPROVED", "<script>", "<img", "alice", "bob", "Drill", "\u202e", "Acme <status>"} {
			if strings.Contains(out, never) {
				t.Errorf("%q on the page or the feed", never)
			}
		}
	}
	for _, want := range []string{
		"<title>Acme &lt;status&gt;</title>",
		"Checkout &lt;script&gt;alert(&#34;t&#34;)&lt;/script&gt; &amp; &#34;500s&#34;",
		"We are investigating &lt;img src=x onerror=alert(1)&gt;.\nMore soon.",
		"Critical impact", "Investigating", "3 incidents in progress", "Past incidents",
		"default-src 'none'",
	} {
		if !strings.Contains(html, want) {
			t.Errorf("no %q on the page", want)
		}
	}
	// The newest update of the newest open incident comes first.
	if i, j := strings.Index(html, "A fix is rolling out"), strings.Index(html, "We are investigating &lt;img"); i < 0 || j < i {
		t.Error("updates not newest first")
	}
	var feed atomFeed
	if err := xml.Unmarshal(page.Atom, &feed); err != nil {
		t.Fatalf("the feed is not XML: %v", err)
	}
	if feed.Entries[0].Content.Body != "A fix is rolling out<U+202E>." || !strings.HasPrefix(feed.ID, "urn:uuid:") || feed.Updated != feed.Entries[0].Updated {
		t.Errorf("feed: %+v", feed.Entries[0])
	}
	// Names only when asked; the same incidents give the same bytes.
	named, _ := RenderStatusPage(ins, StatusPageOptions{Options: folderOpts("en"), Names: true, URL: "https://status.example.com/"})
	if !strings.Contains(string(named.HTML), " · alice") || !strings.Contains(string(named.Atom), "https://status.example.com/#i-INC-") {
		t.Error("names or links")
	}
	again, _ := RenderStatusPage(ins, StatusPageOptions{Options: Options{Catalog: model.DefaultCatalog(), Lang: "en", Loc: time.UTC, Now: historyEnd.Add(time.Hour)}, Title: "Acme <status>"})
	if string(again.HTML) != html || string(again.Atom) != atom {
		t.Error("the page changed with nothing new")
	}
	es, _ := RenderStatusPage(ins, StatusPageOptions{Options: folderOpts("es")})
	if !strings.Contains(string(es.HTML), `<html lang="es">`) || !strings.Contains(string(es.HTML), "Incidentes en curso") {
		t.Error("Spanish page")
	}
}
