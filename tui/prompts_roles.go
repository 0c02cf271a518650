package tui

import (
	"strings"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/safetext"
)

// The prompts that change the incident itself and how its roles are
// shared out: its title and summary, a new workstream of a role, a role
// given back to the incident manager, a workstream closed.

// incidentText is what the title and summary prompts hold between them:
// tab moves from one to the other keeping what was typed in each, and
// enter in either saves both. It keeps what each showed when opened, so
// that a field left as it was never writes over a change made meanwhile
// on another screen.
type incidentText struct {
	title, summary       string
	wasTitle, wasSummary string
}

// newIncidentText holds the incident's title and summary as the prompts
// show them.
func newIncidentText(in model.Incident) *incidentText {
	t, s := safetext.Line(in.Title), safetext.Block(in.Summary)
	return &incidentText{title: t, summary: s, wasTitle: t, wasSummary: s}
}

// changes are the changes enter makes: the title and the summary, each
// when it was edited, the title first. Neither edited is the title set
// as it is, which says it changes nothing.
func (d *incidentText) changes() (model.Op, model.Op) {
	var ops []model.Op
	if d.title != d.wasTitle {
		ops = append(ops, model.SetTitle{Title: d.title})
	}
	if strings.TrimSpace(d.summary) != strings.TrimSpace(d.wasSummary) {
		ops = append(ops, model.SetSummary{Summary: strings.TrimSpace(d.summary)})
	}
	switch len(ops) {
	case 0:
		return model.SetTitle{Title: d.title}, nil
	case 1:
		return ops[0], nil
	}
	return ops[0], ops[1]
}

// titlePrompt edits the incident's title; tab goes to its summary.
func titlePrompt(c *common) *prompt {
	return titlePromptOf(c, newIncidentText(c.state().Incident))
}

// titlePromptOf edits the title of d.
func titlePromptOf(c *common, d *incidentText) *prompt {
	var p *prompt
	p = newPrompt(c, c.t("Title:"), c.t("what is broken, as customers see it · enter saves · tab: the summary"), model.MaxTitle, nil,
		func(v string) (model.Op, *prompt, error) {
			d.title = v
			op, then := d.changes()
			p.then = then
			return op, nil, nil
		})
	p.setValue(d.title)
	p.tab = func(p *prompt) *prompt {
		d.title = p.value()
		return summaryPromptOf(c, d)
	}
	p.keys.Complete.SetHelp("tab", c.t("summary"))
	return p
}

// summaryPromptOf edits the summary of d (empty clears it); tab goes back
// to its title.
func summaryPromptOf(c *common, d *incidentText) *prompt {
	var p *prompt
	p = newPrompt(c, c.t("Summary:"), c.t("what is known, in a line or two · empty clears it · tab: the title"), model.MaxEntry, nil,
		func(v string) (model.Op, *prompt, error) {
			d.summary = v
			op, then := d.changes()
			p.then = then
			return op, nil, nil
		})
	p.multiline = true // its line breaks are kept
	p.setValue(d.summary)
	p.tab = func(p *prompt) *prompt {
		d.summary = p.value()
		return titlePromptOf(c, d)
	}
	p.keys.Complete.SetHelp("tab", c.t("title"))
	return p
}

// splitPrompt adds a workstream of role: "network: dave" hands the new
// instance, Tech lead · network, to dave.
func splitPrompt(c *common, role string) *prompt {
	label := c.t("New workstream of %s:", c.label(model.RoleRef{Role: role}))
	return newPrompt(c, label, c.t("workstream: who holds it (network: dave) · tab completes a name"), model.MaxName*2+2+model.MaxEntry, c.names(),
		func(v string) (model.Op, *prompt, error) {
			ws, rest := splitHandoff(v)
			name, note := splitHandoff(rest)
			return model.Handoff{Role: model.RoleRef{Role: role, Workstream: ws}, To: name, Note: note}, nil, nil
		})
}

// releasePrompt gives h's role back to the incident manager, who holds it
// again as if it had never been handed off; enter confirms.
func releasePrompt(c *common, h model.Holding) *prompt {
	return newPrompt(c, c.t("Give %s back to %s, the incident manager?", c.label(h.Ref), safetext.Line(c.state().Commander())),
		c.t("enter gives it back; esc keeps it with %s", safetext.Line(h.Holder)), 0, nil,
		func(string) (model.Op, *prompt, error) { return model.Release{Role: h.Ref}, nil, nil })
}

// closePrompt closes h's workstream: its open tasks go back to the role
// itself. What is typed is the note the timeline keeps.
func closePrompt(c *common, h model.Holding) *prompt {
	return multi(newPrompt(c, c.t("Close the workstream %s?", c.label(h.Ref)),
		c.t("its open tasks go back to %s · a note if you like · enter closes it", c.label(model.RoleRef{Role: h.Ref.Role})), model.MaxEntry, nil,
		func(v string) (model.Op, *prompt, error) {
			return model.CloseWorkstream{Role: h.Ref, Note: strings.TrimSpace(v)}, nil, nil
		}))
}
