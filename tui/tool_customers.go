package tui

import (
	"fmt"
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
}

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
	t.ref = h.Ref
	t.counts = t.c.state().Customers()
	t.trend = t.c.state().CustomerTrend(t.c.now, 30*time.Minute, 6)
	for _, b := range []*key.Binding{&t.keys.Ticket, &t.keys.Call, &t.keys.Mention, &t.keys.Notable} {
		b.SetEnabled(!t.c.wall)
	}
}

func (t *customers) rows(int) []row {
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
	return textRows(append(out, s.Text.Render(c.t("last 30 min, 5-minute steps: %s", spark.String())))...)
}

func (t *customers) key(msg tea.KeyMsg, _ row) bool {
	count := func(ch model.Channel) bool {
		t.c.act.change(model.Customers{Role: t.ref, Channel: ch, Count: 1})
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
		t.c.act.open(t.notablePrompt())
		return true
	}
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
		hint += " · " + c.t("linked to the external update of %s", c.entryTime(sent[len(sent)-1].At))
	}
	ref := t.ref
	return newPrompt(c, label, hint, model.MaxEntry+20, nil, func(v string) (model.Op, *prompt, error) {
		ch, text := notableChannel(c.lang, v, channel)
		return model.Notable{Role: ref, Channel: ch, Text: text}, nil, nil
	})
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
