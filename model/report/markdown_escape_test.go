package report

import (
	"bytes"
	"fmt"
	"html"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/i18n"
)

// hostile is text a responder, a hand edit or a synced peer could put in
// any field of an incident, aimed at whoever opens the review.
var hostile = []string{
	`<img src=x onerror=alert(1)>`,
	`# heading`,
	`[x](javascript:alert(1))`,
	`![beacon](https://evil.example/b.png)`,
	`https://evil.example/autolink and www.evil.example and evil@example.com`,
	`<https://evil.example> <!-- comment --> <details open>`,
	`*emph* **strong** _under_ ~~gone~~ ~one~ ` + "`code`" + ` $x^2$`,
	`&lt;script&gt; &amp; &#60;b&#62;`,
	`| a | b |`,
	`[ref] [ref]: https://evil.example "t"`,
	`[^1] [^1]: note`,
	`closing ## `,
	`trailing backslash \`,
}

// hostileBlocks are multi-line texts that start blocks of their own in a
// paragraph, for the fields that keep their lines (the summary).
var hostileBlocks = []string{
	"# heading\n## another",
	"> quote\n- item\n+ item\n* item\n1. item\n2) item",
	"text\n===\nmore\n---\n***",
	"    indented code\n\n```\nfenced\n```\n~~~\nfenced\n~~~",
	"<div>\n<script>alert(1)</script>\n</div>",
	"| a | b |\n| - | - |\n| c | d |",
	"[ref]: https://evil.example\n\n[ref]",
}

// incidentWith builds an incident with text in every free-text field of
// every record that reaches the review: title, summary, names, notes of
// every kind, handoff notes, workstreams, tasks, theories, follow-ups,
// updates and drafts, notable reports and CAN reports.
func incidentWith(t *testing.T, text, summary, ws string) model.State {
	t.Helper()
	c := model.DefaultCatalog()
	ids := &model.SeqIDs{}
	now := t0
	var s model.State
	name := func(who string) string { return (who + " " + text)[:min(len(who)+1+len(text), model.MaxName)] }
	actor := name("alice")
	do := func(op model.Op) {
		t.Helper()
		next, _, err := s.Apply(c, op, model.Env{Now: now, Actor: actor, Replica: "r1", IDs: ids})
		if err != nil {
			t.Fatalf("%T with %q: %v", op, text, err)
		}
		s, now = next, now.Add(time.Minute)
	}
	im := actor
	tl := model.RoleRef{Role: "tech_lead", Workstream: ws}
	do(model.Declare{Title: text, Severity: model.Sev1, Commander: actor, Summary: summary})
	do(model.Handoff{Role: tl, To: name("bob"), Note: text})
	do(model.Handoff{Role: model.RoleRef{Role: "communications_manager"}, To: name("carol")})
	for _, k := range model.LogKinds {
		do(model.Log{Kind: k, Role: tl, Text: text})
	}
	do(model.TaskAdd{Title: text, Role: tl, Owner: name("dave")})
	do(model.FollowUpDetails{FollowUp: s.FollowUps[0].ID, Owner: name("erin"), Ticket: text})
	do(model.CAN{Role: tl, Conditions: text, Actions: text, Needs: text})
	do(model.CommsUpdate{Audience: "external", Text: text})
	actor = name("carol")
	do(model.CommsUpdate{Audience: "internal", Text: text, NeedsApproval: true})
	do(model.CommsUpdate{Audience: "executive", Text: text, NeedsApproval: true})
	actor = im
	do(model.RejectUpdate{Draft: s.Timeline[len(s.Timeline)-2].ID, Reason: text})
	do(model.Notable{Channel: "calls", Text: text})
	return s
}

// render turns the review into HTML as a code host would: CommonMark with
// the GitHub extensions, autolinks included.
func render(t *testing.T, doc string) string {
	t.Helper()
	var out bytes.Buffer
	md := goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote))
	if err := md.Convert([]byte(doc), &out); err != nil {
		t.Fatal(err)
	}
	return out.String()
}

var tag = regexp.MustCompile(`<(/?[a-zA-Z][a-zA-Z0-9]*)[^>]*>`)

// tags counts the HTML elements of a rendering.
func tags(h string) map[string]int {
	n := map[string]int{}
	for _, m := range tag.FindAllStringSubmatch(h, -1) {
		n[strings.ToLower(m[1])]++
	}
	return n
}

// TestReviewIsTextWhateverTheIncidentSays renders the review of an
// incident whose every field holds markup, and checks that it has exactly
// the elements of the same review with plain words in those fields (no
// link, image, heading, list, quote, code, emphasis or HTML of the
// author's), and that the author's text reads as they wrote it.
func TestReviewIsTextWhateverTheIncidentSays(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.English, i18n.Spanish} {
		o := opts()
		o.Lang = lang
		check := func(name, text, summary, ws string) {
			t.Helper()
			// The same review with plain words in every field, and the
			// summary's paragraphs where the author put them.
			lines := strings.Split(summary, "\n")
			for i, l := range lines {
				if strings.TrimSpace(l) != "" {
					lines[i] = "plain words"
				}
			}
			plain := tags(render(t, Markdown(incidentWith(t, "plain words", strings.Join(lines, "\n"), "plain"), o)))
			out := render(t, Markdown(incidentWith(t, text, summary, ws), o))
			if got := tags(out); fmt.Sprint(got) != fmt.Sprint(plain) {
				t.Errorf("%s %q: the review's elements changed:\n got %v\nwant %v\n%s", lang, name, got, plain, out)
				return
			}
			read := html.UnescapeString(tag.ReplaceAllString(out, " "))
			for _, l := range strings.Split(text+"\n"+summary, "\n") {
				if l = strings.TrimSpace(l); l != "" && !strings.Contains(read, l) {
					t.Errorf("%s: %q does not read as written in:\n%s", lang, l, out)
				}
			}
		}
		for _, h := range hostile {
			ws := strings.ReplaceAll(h, "/", "")
			ws = ws[:min(len(ws), model.MaxName)]
			check(h, h, h, ws)
		}
		for _, b := range hostileBlocks {
			check(b, "plain words", b, "plain")
		}
	}
}
