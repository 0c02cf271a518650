package tui

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/i18n"
)

// The customer support lead's and social media lead's counters: reports
// by channel and their trend over the last 30 minutes, one key a report,
// and notable reports or posts word for word.
var _ = registerTool("customers", newCustomers)

type customerKeys struct {
	Ticket, Call, Mention, Notable key.Binding
}

func (k customerKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Ticket, k.Call, k.Mention, k.Notable}
}
func (k customerKeys) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

type customers struct {
	c      *common
	keys   customerKeys
	ref    model.RoleRef
	counts model.CustomerCounts
	trend  []int // reports in the last 30 minutes, 5-minute buckets
	count  counting
}

// counting is a count being keyed in: "+" then "2" "5" counts 25 tickets,
// "+" pressed four times in a row counts 4 — one timeline entry either
// way. It is saved on enter, on any other key, or once the keys have
// paused for countPause; esc drops it.
type counting struct {
	ch     model.Channel
	n      int
	digits string
	at     time.Time // the last key of it
}

// countPause is how long a count waits for more keys before it is saved.
const countPause = 2 * time.Second

func newCustomers(c *common) tool {
	l := c.lang
	return &customers{c: c, keys: customerKeys{
		Ticket:  bind(l, "+", "ticket", "+"),
		Call:    bind(l, "p", "call", "p"),
		Mention: bind(l, "m", "mention", "m"),
		Notable: bind(l, "r", "notable report", "r"),
	}}
}

func (t *customers) refresh(h model.Holding) {
	if t.count.n > 0 && (h.Ref != t.ref || t.c.now.Sub(t.count.at) >= countPause) {
		t.settle()
	}
	t.ref = h.Ref
	t.counts = t.c.state().Customers()
	t.trend = t.c.state().CustomerTrend(t.c.now, 30*time.Minute, 6)
	for _, b := range []*key.Binding{&t.keys.Ticket, &t.keys.Call, &t.keys.Mention, &t.keys.Notable} {
		b.SetEnabled(!t.c.wall)
	}
}

func (t *customers) rows(w int) []row {
	c, s := t.c, t.c.styles
	var parts []string
	for _, ch := range model.Channels {
		parts = append(parts, fmt.Sprintf("%s %d", ch.In(c.lang), t.counts[ch]))
	}
	out := []string{s.Bold.Render(withHint(c.t("Customer reports: %s", strings.Join(parts, " · ")), t.keys.Ticket, t.keys.Call, t.keys.Mention))}
	bars := []rune("▁▂▃▄▅▆▇█")
	top := 0
	for _, n := range t.trend {
		top = max(top, n)
	}
	var spark strings.Builder
	for _, n := range t.trend {
		i := 0
		if top > 0 {
			i = n * (len(bars) - 1) / top
		}
		spark.WriteRune(bars[i])
	}
	out = append(out, s.Text.Render(c.t("last 30 min, 5-minute steps: %s", spark.String())))
	if t.count.n > 0 {
		for _, l := range wrap(c.t("counting +%d on %s · digits for more · saved %s after the last key, enter saves now · esc drops",
			t.count.n, t.count.ch.In(c.lang), model.Span(countPause)), w) {
			out = append(out, s.Warning.Render(l))
		}
	}
	return textRows(out...)
}

// holds reports whether k goes on with the count being keyed in: a count
// key, a digit, backspace, enter or esc.
func (t *customers) holds(k tea.KeyMsg) bool {
	if t.count.n == 0 {
		return false
	}
	if key.Matches(k, t.keys.Ticket, t.keys.Call, t.keys.Mention) {
		return true
	}
	return t.edits(k)
}

// edits reports whether k changes the number of the count being keyed in.
func (t *customers) edits(k tea.KeyMsg) bool {
	switch k.Type {
	case tea.KeyEnter, tea.KeyEsc, tea.KeyBackspace:
		return true
	case tea.KeyRunes:
		return len(k.Runes) == 1 && k.Runes[0] >= '0' && k.Runes[0] <= '9'
	}
	return false
}

// settle saves the count being keyed in, as one timeline entry.
func (t *customers) settle() {
	if t.count.n == 0 {
		return
	}
	n, ch := t.count.n, t.count.ch
	t.count = counting{}
	t.c.act.change(model.Customers{Role: t.ref, Channel: ch, Count: n})
}

// more takes a key of the count being keyed in.
func (t *customers) more(k tea.KeyMsg) {
	switch k.Type {
	case tea.KeyEnter:
		t.settle()
		return
	case tea.KeyEsc:
		t.count = counting{}
		return
	case tea.KeyBackspace:
		if t.count.digits != "" {
			t.count.digits = t.count.digits[:len(t.count.digits)-1]
		}
	default:
		if len(t.count.digits) < 6 {
			t.count.digits += string(k.Runes)
		}
	}
	t.count.n = 1
	if n, err := strconv.Atoi(t.count.digits); err == nil && n > 0 {
		t.count.n = min(n, model.MaxCustomers)
	}
	t.count.at = t.c.now
}

func (t *customers) key(msg tea.KeyMsg, _ row) bool {
	if t.count.n > 0 && t.edits(msg) {
		t.more(msg)
		return true
	}
	count := func(ch model.Channel) bool {
		if t.count.n > 0 && (t.count.ch != ch || t.count.digits != "") {
			t.settle()
		}
		t.count.ch, t.count.n, t.count.at = ch, t.count.n+1, t.c.now
		return true
	}
	switch k := t.keys; {
	case key.Matches(msg, k.Ticket):
		return count(model.ChannelTickets)
	case key.Matches(msg, k.Call):
		return count(model.ChannelCalls)
	case key.Matches(msg, k.Mention):
		return count(model.ChannelSocial)
	case key.Matches(msg, k.Notable):
		t.settle()
		t.c.act.open(t.notablePrompt())
		return true
	}
	t.settle() // any other key: the count is done
	return false
}

// notablePrompt asks for a notable customer report (on the customer
// support lead's pane) or social post (on the social media lead's),
// linked to the latest external update.
func (t *customers) notablePrompt() *prompt {
	c := t.c
	channel, label := model.ChannelTickets, c.t("Notable customer report:")
	hint := c.t("word for word; start with calls: for a phone call")
	if t.ref.Role == model.SocialMediaLead {
		channel, label, hint = model.ChannelSocial, c.t("Notable social post:"), c.t("word for word, with who posted it")
	}
	if sent := c.snap.comms.Sent[model.AudienceExternal]; len(sent) > 0 {
		hint += " · " + c.dated(sent[len(sent)-1].At, "linked to the external update of %s", "linked to the external update of %s on %s")
	}
	ref := t.ref
	return multi(newPrompt(c, label, hint, model.MaxEntry+20, nil, func(v string) (model.Op, *prompt, error) {
		ch, text := notableChannel(c.lang, v, channel)
		return model.Notable{Role: ref, Channel: ch, Text: text}, nil, nil
	}))
}

func (t *customers) ShortHelp() []key.Binding  { return t.keys.ShortHelp() }
func (t *customers) FullHelp() [][]key.Binding { return t.keys.FullHelp() }

// notableChannel reads a "calls:" or "tickets:" prefix (in any case, in
// English or in l) off a notable report.
func notableChannel(l i18n.Lang, v string, channel model.Channel) (model.Channel, string) {
	word, rest, ok := strings.Cut(strings.TrimSpace(v), ":")
	if !ok {
		return channel, v
	}
	for _, ch := range model.Channels {
		if strings.EqualFold(word, string(ch)) || strings.EqualFold(word, ch.In(l)) {
			return ch, strings.TrimSpace(rest)
		}
	}
	return channel, v
}
