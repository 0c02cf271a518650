package tui

import (
	"strings"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/safetext"
)

// The prompts that change the incident itself and how its roles are
// shared out: its title and summary, a new workstream of a role, a role
// given back to the incident manager, a workstream closed.

// titlePrompt edits the incident's title; tab goes to its summary.
func titlePrompt(c *common) *prompt {
	in := c.state().Incident
	p := newPrompt(c, c.t("Title:"), c.t("what is broken, as customers see it · enter saves · tab: the summary"), model.MaxTitle, nil,
		func(v string) (model.Op, *prompt, error) { return model.SetTitle{Title: v}, nil, nil })
	p.setValue(safetext.Line(in.Title))
	p.tab = func(*prompt) *prompt { return summaryPrompt(c) }
	p.keys.Complete.SetHelp("tab", c.t("summary"))
	return p
}

// summaryPrompt edits the incident's summary (empty clears it); tab goes
// back to its title.
func summaryPrompt(c *common) *prompt {
	in := c.state().Incident
	p := newPrompt(c, c.t("Summary:"), c.t("what is known, in a line or two · empty clears it · tab: the title"), model.MaxEntry, nil,
		func(v string) (model.Op, *prompt, error) {
			return model.SetSummary{Summary: strings.TrimSpace(v)}, nil, nil
		})
	p.multiline = true // its line breaks are kept
	p.setValue(safetext.Block(in.Summary))
	p.tab = func(*prompt) *prompt { return titlePrompt(c) }
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
