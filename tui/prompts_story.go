package tui

import (
	"strings"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/i18n"
)

// The prompts of the incident's story: a milestone marked.

// markPrompt marks a milestone: its name (as the file names it, or in the
// screen's language), then, optionally, when it happened.
func markPrompt(c *common) *prompt {
	var names []string
	for _, m := range model.Milestones {
		names = append(names, string(m))
	}
	return newPrompt(c, c.t("Mark a milestone:"),
		c.t("%s, then @14:02 or -5m for when it happened (now when left out)", orList(c.lang, names)), 100, names,
		func(v string) (model.Op, *prompt, error) {
			m, when, err := parseMilestone(c.lang, v)
			if err != nil {
				return nil, nil, err
			}
			op := model.Mark{Milestone: m}
			if when != "" {
				if op.At, err = model.ParseWhen(when, c.clock(), c.now.Location()); err != nil {
					return nil, nil, err
				}
			}
			return op, nil, nil
		})
}

// parseMilestone reads a milestone typed as the file names it or in l
// ("impact", "inicio del impacto"), and what follows it: when it
// happened.
func parseMilestone(l i18n.Lang, v string) (model.Milestone, string, error) {
	v = strings.TrimSpace(v)
	low := strings.ToLower(v)
	for _, m := range model.Milestones {
		for _, name := range []string{string(m), strings.ToLower(m.In(l))} {
			if rest, ok := strings.CutPrefix(low, name); ok && (rest == "" || rest[0] == ' ') {
				return m, strings.TrimSpace(v[len(name):]), nil
			}
		}
	}
	word, _, _ := strings.Cut(v, " ")
	_, err := model.ParseMilestone(word)
	return "", "", err
}
