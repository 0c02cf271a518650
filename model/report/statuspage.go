package report

import (
	"bytes"
	"cmp"
	"crypto/sha1"
	"encoding/xml"
	"fmt"
	"html/template"
	"slices"
	"strings"
	"time"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/safetext"
)

// The status page: the folder's incidents as the public sees them, a
// static HTML page and an Atom feed. Only what was said to the public is
// on it: each incident's title, status and severity in words, and its
// external updates that were sent (or approved, for a draft), newest
// first; never a note, a task, an internal update or a draft, and the
// names of those who wrote the updates only when asked. An incident with
// no external update yet is not on it, and neither is a drill. The page
// has no script (its content security policy allows none), is escaped
// by html/template, and is as wide as the phone it is read on.

// StatusPageKinds are the entries the status page reads besides the
// head: the updates, and the changes of status.
var StatusPageKinds = model.TimelineNeed{Kinds: []model.Kind{model.KindComms, model.KindStatus}}

// StatusPageOptions say how to render the status page.
type StatusPageOptions struct {
	Options
	// Title heads the page and the feed; "Service status" in the chosen
	// language when empty.
	Title string
	// URL, when set, is where the page is published: the feed's links
	// and ids are made from it.
	URL string
	// Names shows who wrote each update.
	Names bool
}

// StatusPage is the status page's two files.
type StatusPage struct {
	HTML []byte // index.html
	Atom []byte // feed.atom
}

// publicIncident is an incident as the page shows it.
type publicIncident struct {
	ID       string
	Anchor   string
	Title    string
	Status   string
	StatusOf string // the status's key, for its colour
	Severity string
	Open     bool
	Declared time.Time
	Updates  []publicUpdate
}

// publicUpdate is one external update.
type publicUpdate struct {
	ID   string
	At   time.Time
	Text string
	By   string
}

// RenderStatusPage renders the status page of ins, each read with
// StatusPageKinds. Its output depends only on the incidents, never on
// when it is rendered: published again with nothing new, it is the same.
func RenderStatusPage(ins []Filed, o StatusPageOptions) (StatusPage, error) {
	if o.Title == "" {
		o.Title = o.t("Service status")
	}
	var pub []publicIncident
	for _, f := range ins {
		if p, ok := public(f.State, o); ok {
			pub = append(pub, p)
		}
	}
	slices.SortStableFunc(pub, func(a, b publicIncident) int {
		if a.Open != b.Open {
			if a.Open {
				return -1
			}
			return 1
		}
		return cmp.Or(b.Updates[0].At.Compare(a.Updates[0].At), strings.Compare(a.ID, b.ID))
	})
	page, err := statusHTML(pub, o)
	if err != nil {
		return StatusPage{}, err
	}
	feed, err := statusAtom(pub, o)
	if err != nil {
		return StatusPage{}, err
	}
	return StatusPage{HTML: page, Atom: feed}, nil
}

// public is what the page shows of s; false when it shows nothing of it.
func public(s model.State, o StatusPageOptions) (publicIncident, bool) {
	in := s.Incident
	if in.IsDrill() {
		return publicIncident{}, false
	}
	p := publicIncident{ID: in.ID, Anchor: anchor(in.ID), Title: safetext.Line(in.Title), StatusOf: string(publicStatus(in.Status)),
		Status: o.publicStatus(in.Status), Severity: o.publicSeverity(in.Severity),
		Open: in.Status != model.Resolved && in.Status != model.Closed, Declared: in.Declared}
	for _, e := range s.Timeline {
		if e.Kind != model.KindComms || e.Audience() != model.AudienceExternal {
			continue
		}
		u := publicUpdate{ID: e.ID, At: e.At, Text: strings.Trim(safetext.Block(strings.ReplaceAll(e.Text, "\r\n", "\n")), "\n")}
		if o.Names {
			u.By = safetext.Line(s.DisplayName(e.By))
		}
		p.Updates = append(p.Updates, u)
	}
	if len(p.Updates) == 0 {
		return publicIncident{}, false
	}
	slices.SortStableFunc(p.Updates, func(a, b publicUpdate) int { return b.At.Compare(a.At) })
	return p, true
}

// publicStatus is the status as the public sees it: closed is resolved.
func publicStatus(st model.Status) model.Status {
	if st == model.Closed {
		return model.Resolved
	}
	return st
}

// publicStatus names a status for the public.
func (o StatusPageOptions) publicStatus(st model.Status) string {
	switch publicStatus(st) {
	case model.Investigating:
		return o.t("Investigating")
	case model.Identified:
		return o.t("Identified")
	case model.Monitoring:
		return o.t("Monitoring a fix")
	case model.Resolved:
		return o.t("Resolved")
	}
	return safetext.Line(string(st))
}

// publicSeverity says a severity in words.
func (o StatusPageOptions) publicSeverity(sev model.Severity) string {
	switch sev {
	case model.Sev1:
		return o.t("Critical impact")
	case model.Sev2:
		return o.t("Major impact")
	case model.Sev3:
		return o.t("Minor impact")
	}
	return o.t("Impact being assessed")
}

// anchor is an incident's id as an HTML id: letters, digits and dashes.
func anchor(id string) string {
	return "i-" + strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' {
			return r
		}
		return '-'
	}, id)
}

// stamp renders a time for the public: "2026-11-25 23:41 UTC".
func (o StatusPageOptions) stampPublic(t time.Time) string {
	return t.In(o.loc()).Format("2006-01-02 15:04 MST")
}

// statusPageData is what the page's template is given.
type statusPageData struct {
	Lang, Title, Headline, Updated, Feed, FeedTitle string
	Current, Past                                   []publicIncident
	CurrentTitle, PastTitle, UpdatesWord            string
	Stamp                                           func(time.Time) string
	ISO                                             func(time.Time) string
}

func statusHTML(pub []publicIncident, o StatusPageOptions) ([]byte, error) {
	d := statusPageData{Lang: string(o.Lang), Title: safetext.Line(o.Title), Feed: "feed.atom", FeedTitle: o.t("Atom feed"),
		CurrentTitle: o.t("Current incidents"), PastTitle: o.t("Past incidents"),
		Stamp: o.stampPublic, ISO: func(t time.Time) string { return t.UTC().Format(time.RFC3339) }}
	if d.Lang == "" {
		d.Lang = "en"
	}
	var latest time.Time
	for _, p := range pub {
		if p.Open {
			d.Current = append(d.Current, p)
		} else {
			d.Past = append(d.Past, p)
		}
		if p.Updates[0].At.After(latest) {
			latest = p.Updates[0].At
		}
	}
	switch n := len(d.Current); {
	case n == 0:
		d.Headline = o.t("No incidents in progress")
	default:
		d.Headline = o.n(n, "%d incident in progress|%d incidents in progress", n)
	}
	if !latest.IsZero() {
		d.Updated = o.t("Last update %s", o.stampPublic(latest))
	}
	var b bytes.Buffer
	if err := statusTemplate.Execute(&b, d); err != nil {
		return nil, fmt.Errorf("status page: %w", err)
	}
	return b.Bytes(), nil
}

// statusTemplate is the page. Plain HTML and CSS: no script, no fonts or
// images from anywhere; readable from a phone's width up.
var statusTemplate = template.Must(template.New("status").Funcs(template.FuncMap{
	"args": func(p statusPageData, in publicIncident) pageIncident { return pageIncident{Page: p, Incident: in} },
}).Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; base-uri 'none'; form-action 'none'">
<meta name="referrer" content="no-referrer">
<title>{{.Title}}</title>
<link rel="alternate" type="application/atom+xml" href="{{.Feed}}" title="{{.FeedTitle}}">
<style>
:root { color-scheme: light dark; --fg: #1b1f24; --muted: #57606a; --line: #d0d7de; --bg: #ffffff; --card: #f6f8fa;
  --investigating: #b35900; --identified: #9a6700; --monitoring: #0969da; --resolved: #1a7f37; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --muted: #9da7b3; --line: #30363d; --bg: #0d1117; --card: #161b22;
  --investigating: #ff9b45; --identified: #e3b341; --monitoring: #58a6ff; --resolved: #3fb950; } }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; }
main, header, footer { max-width: 46rem; margin: 0 auto; padding: 0 1rem; }
header { padding-top: 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 .75rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem; }
h3 { font-size: 1.05rem; margin: 0 0 .25rem; overflow-wrap: anywhere; }
.headline { font-size: 1.1rem; font-weight: 600; margin: .5rem 0; }
.muted, .meta, time { color: var(--muted); font-size: .9rem; }
article { background: var(--card); border: 1px solid var(--line); border-radius: .5rem; padding: .75rem 1rem; margin: 0 0 1rem; }
.status { font-weight: 600; }
.status-investigating { color: var(--investigating); } .status-identified { color: var(--identified); }
.status-monitoring { color: var(--monitoring); } .status-resolved { color: var(--resolved); }
ol { list-style: none; margin: .5rem 0 0; padding: 0; }
li { border-top: 1px solid var(--line); padding: .5rem 0; }
li p { margin: .25rem 0 0; white-space: pre-line; overflow-wrap: anywhere; }
a { color: var(--monitoring); }
footer { padding-bottom: 2rem; margin-top: 2rem; }
</style>
</head>
<body>
<header>
<h1>{{.Title}}</h1>
<p class="headline">{{.Headline}}</p>
{{with .Updated}}<p class="muted">{{.}}</p>{{end}}
</header>
<main>
{{- if .Current}}
<section>
<h2>{{.CurrentTitle}}</h2>
{{range .Current}}{{template "incident" (args $ .)}}{{end}}
</section>
{{- end}}
{{- if .Past}}
<section>
<h2>{{.PastTitle}}</h2>
{{range .Past}}{{template "incident" (args $ .)}}{{end}}
</section>
{{- end}}
</main>
<footer><p class="muted"><a href="{{.Feed}}">{{.FeedTitle}}</a></p></footer>
</body>
</html>
{{define "incident"}}{{$d := .Page}}{{with .Incident}}<article id="{{.Anchor}}">
<h3>{{.Title}}</h3>
<p class="meta"><span class="status status-{{.StatusOf}}">{{.Status}}</span> · {{.Severity}}</p>
<ol>
{{- range .Updates}}
<li><time datetime="{{call $d.ISO .At}}">{{call $d.Stamp .At}}</time>{{with .By}} · {{.}}{{end}}
<p>{{.Text}}</p></li>
{{- end}}
</ol>
</article>
{{end}}{{end}}`))

// pageIncident hands the incident template the page and one incident.
type pageIncident struct {
	Page     statusPageData
	Incident publicIncident
}

// atomFeed is the status page's Atom feed (RFC 4287).
type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string      `xml:"xml:lang,attr,omitempty"`
	Title   string      `xml:"title"`
	ID      string      `xml:"id"`
	Updated string      `xml:"updated"`
	Author  atomPerson  `xml:"author"`
	Links   []atomLink  `xml:"link"`
	Entries []atomEntry `xml:"entry"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
}

type atomText struct {
	Type string `xml:"type,attr"`
	Body string `xml:",chardata"`
}

type atomEntry struct {
	Title   string      `xml:"title"`
	ID      string      `xml:"id"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link,omitempty"`
	Author  *atomPerson `xml:"author,omitempty"`
	Content atomText    `xml:"content"`
}

func statusAtom(pub []publicIncident, o StatusPageOptions) ([]byte, error) {
	f := atomFeed{Lang: string(o.Lang), Title: safetext.Line(o.Title), Author: atomPerson{Name: safetext.Line(o.Title)}}
	base := strings.TrimRight(o.URL, "/")
	if base != "" {
		f.ID = base + "/"
		f.Links = []atomLink{{Href: base + "/", Rel: "alternate", Type: "text/html"}, {Href: base + "/feed.atom", Rel: "self", Type: "application/atom+xml"}}
	} else {
		f.ID = urnUUID("warroom status page\x00" + o.Title)
	}
	type dated struct {
		in publicIncident
		u  publicUpdate
	}
	var all []dated
	for _, p := range pub {
		for _, u := range p.Updates {
			all = append(all, dated{p, u})
		}
	}
	slices.SortStableFunc(all, func(a, b dated) int { return cmp.Or(b.u.At.Compare(a.u.At), strings.Compare(a.u.ID, b.u.ID)) })
	latest := time.Unix(0, 0).UTC()
	if len(all) > 0 {
		latest = all[0].u.At
	}
	f.Updated = latest.UTC().Format(time.RFC3339)
	for _, d := range all {
		e := atomEntry{Title: d.in.Title + " — " + d.in.Status, ID: urnUUID(d.in.ID + "\x00" + d.u.ID),
			Updated: d.u.At.UTC().Format(time.RFC3339), Content: atomText{Type: "text", Body: d.u.Text}}
		if base != "" {
			e.Links = []atomLink{{Href: base + "/#" + d.in.Anchor, Rel: "alternate", Type: "text/html"}}
		}
		if d.u.By != "" {
			e.Author = &atomPerson{Name: d.u.By}
		}
		f.Entries = append(f.Entries, e)
	}
	out, err := xml.MarshalIndent(f, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("status feed: %w", err)
	}
	return append([]byte(xml.Header), append(out, '\n')...), nil
}

// urnUUID names s as a URN that stays the same for the same s: a UUID of
// version 5's layout, from its SHA-1.
func urnUUID(s string) string {
	h := sha1.Sum([]byte(s))
	h[6] = h[6]&0x0f | 0x50
	h[8] = h[8]&0x3f | 0x80
	return fmt.Sprintf("urn:uuid:%x-%x-%x-%x-%x", h[0:4], h[4:6], h[6:8], h[8:10], h[10:16])
}
