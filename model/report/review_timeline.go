package report

import (
	"strings"
	"time"

	"github.com/warroom/warroom/model"
)

// burstSpan is how long a burst of customer counts may last and still be
// one row of the review's timeline.
const burstSpan = 5 * time.Minute

// timelineTable is the review's full timeline, in the order things
// happened, one row an entry; but a burst of customer counts (one
// person's counts on one channel, one after another with nothing else
// between them, within burstSpan of the first) is one row with the total:
// pressing + for each ticket is not news twenty times over.
//
// A bot's entries are left out (unless o.AllEntries), and the bot has one
// row, where its first entry would be: how many entries it wrote, until
// when.
func timelineTable(s model.State, o Options, head func(...string) mdTable) mdTable {
	tl := head("When", "Who", "Kind", "What")
	es := Chronological(s.Timeline)
	bots := o.bots(s)
	type botRows struct {
		row, count int
		last       time.Time
	}
	byBot := map[string]*botRows{}
	var order []string
	for i := 0; i < len(es); i++ {
		e := es[i]
		if !o.AllEntries && bots.Is(e.By) {
			key := strings.ToLower(e.By)
			b := byBot[key]
			if b == nil {
				b = &botRows{row: len(tl.rows)}
				byBot[key], order = b, append(order, key)
				tl.add(o.stamp(e.At), md(e.By), o.t("bot"), "")
			}
			b.count++
			b.last = e.At
			continue
		}
		what := Describe(e, o)
		if n := burst(es[i:]); n > 1 {
			total := 0
			for _, c := range es[i : i+n] {
				total += c.Count
			}
			last := es[i+n-1]
			what = o.n(total, "+%d customer report on %s, in %d counts until %s|+%d customer reports on %s, in %d counts until %s", total, line(e.CustomerChannel().In(o.Lang)), n, o.stamp(last.At))
			i += n - 1
		}
		tl.add(o.stamp(e.At), md(e.By), md(e.Kind.In(o.Lang)), mdCell(what))
	}
	for _, key := range order {
		b := byBot[key]
		tl.rows[b.row][3] = o.n(b.count, "%d entry, until %s; left out of this review (`warroom export --all` lists every entry)|%d entries, until %s; left out of this review (`warroom export --all` lists every entry)",
			b.count, o.stamp(b.last))
	}
	return tl
}

// burst is how many entries at the start of es are one burst of customer
// counts: 0 when the first is no count.
func burst(es []model.Entry) int {
	first := es[0]
	if first.Kind != model.KindCustomers {
		return 0
	}
	n := 1
	for _, e := range es[1:] {
		if e.Kind != model.KindCustomers || !model.SameName(e.By, first.By) || e.Channel != first.Channel ||
			e.At.Sub(first.At) > burstSpan {
			break
		}
		n++
	}
	return n
}
