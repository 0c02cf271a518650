package model

import (
	"slices"
	"time"

	"github.com/warroom/warroom/model/i18n"
)

// Channel is where customers report: support tickets, phone calls,
// social media mentions.
type Channel string

// The channels customers report on.
const (
	ChannelTickets Channel = "tickets"
	ChannelCalls   Channel = "calls"
	ChannelSocial  Channel = "social"
)

// Channels lists the channels, in the order they are shown.
var Channels = []Channel{ChannelTickets, ChannelCalls, ChannelSocial}

// In is the channel as people read it in l: "calls", "llamadas". A
// channel this build does not know is shown as it is.
func (c Channel) In(l i18n.Lang) string {
	if !slices.Contains(Channels, c) {
		return string(c)
	}
	return l.T(string(c))
}

// ParseChannel accepts a channel, case-insensitively.
func ParseChannel(v string) (Channel, error) { return ParseWord("channel", v, Channels) }

// Customers counts customer reports on one channel: the support lead's and
// the social media lead's tally of what customers are saying.
type Customers struct {
	Role    RoleRef // the role counting, optional
	Channel Channel
	Count   int
}

// MaxCustomers bounds one count, to catch a typo.
const MaxCustomers = 100000

func (op Customers) apply(t *tx) error {
	ch, err := ParseChannel(string(op.Channel))
	if err != nil {
		return err
	}
	if op.Count < 1 || op.Count > MaxCustomers {
		return &TextError{Field: "count", Reason: i18n.M("%d is not a count of reports; give a number from 1 to %d", op.Count, MaxCustomers)}
	}
	ref, err := t.checkRole(op.Role)
	if err != nil {
		return err
	}
	t.record(Entry{Kind: KindCustomers, Role: ref.Role, Workstream: ref.Workstream, Channel: string(ch), Count: op.Count})
	return nil
}

// CustomerCounts are the reports counted on each channel.
type CustomerCounts map[Channel]int

// Customers totals the customer reports counted so far, by channel.
func (s State) Customers() CustomerCounts {
	out := CustomerCounts{}
	for _, e := range s.Timeline {
		if e.Kind == KindCustomers {
			out[e.CustomerChannel()] += e.Count
		}
	}
	return out
}

// CustomerTrend counts the reports of the last span, in n equal buckets,
// oldest first.
func (s State) CustomerTrend(now time.Time, span time.Duration, n int) []int {
	out := make([]int, n)
	from := now.Add(-span)
	for i := len(s.Timeline) - 1; i >= 0; i-- {
		e := s.Timeline[i]
		if e.Kind != KindCustomers || e.At.After(now) || e.At.Before(from) {
			continue
		}
		b := int(e.At.Sub(from) * time.Duration(n) / span)
		out[min(b, n-1)] += e.Count
	}
	return out
}
