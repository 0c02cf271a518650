package tui

import (
	"errors"
	"slices"
	"strings"
	"time"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/i18n"
	"github.com/warroom/warroom/model/safetext"
)

// The prompts any pane can open with a global key. A role tool's own
// prompts are in its file.

// notePrompt asks for a note, filed under the role of the person at the
// keyboard — the focused pane's when it is theirs, else their first — or,
// when they hold none, under the focused pane's role. The prompt says
// which; tab files it under the next of their roles, the focused one, or
// none.
func notePrompt(c *common, focused model.RoleRef) *prompt {
	choices := noteRoles(c, focused)
	return notePromptFor(c, choices, 0)
}

// noteRoles are the roles a note may be filed under, the default first.
func noteRoles(c *common, focused model.RoleRef) []model.RoleRef {
	var mine []model.RoleRef
	for _, h := range c.snap.holdings {
		if yours(c, h) {
			mine = append(mine, h.Ref)
		}
	}
	out := []model.RoleRef{focused}
	if len(mine) > 0 && !slices.Contains(mine, focused) {
		out = []model.RoleRef{mine[0], focused}
	}
	for _, r := range mine {
		if !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	return append(out, model.RoleRef{})
}

// notePromptFor is the note prompt filed under choices[i].
func notePromptFor(c *common, choices []model.RoleRef, i int) *prompt {
	ref := choices[i]
	label := c.t("Note about no role in particular:")
	if !ref.IsZero() {
		label = c.t("Note for %s:", c.label(ref))
	}
	p := newPrompt(c, label,
		c.t("d: decision · a: action · th: theory · todo: follow-up · @14:02 or -5m: when it happened · tab: another role"),
		model.MaxEntry+len("todo: "), nil, func(v string) (model.Op, *prompt, error) {
			q, err := model.ParseQuick(v, c.clock(), c.now.Location())
			if err != nil {
				return nil, nil, err
			}
			return model.Log{Kind: q.Kind, Role: ref, Text: q.Text, At: q.At}, nil, nil
		})
	p.multiline = true // a pasted text of several lines is one note
	p.again = func() *prompt { return notePromptFor(c, choices, i) }
	p.tab = func(cur *prompt) *prompt {
		next := notePromptFor(c, choices, (i+1)%len(choices))
		return next.setValue(cur.value())
	}
	p.keys.Complete.SetHelp("tab", c.t("another role"))
	return p
}

// taskPrompt asks for a task owned by ref; "+10m " first time-boxes it.
// The next line of a paste is another task.
func taskPrompt(c *common, ref model.RoleRef) *prompt {
	p := newPrompt(c, c.t("New task for %s:", c.label(ref)), c.t("a short title; +10m first or last time-boxes it; enter adds it"),
		model.MaxTitle, nil, func(v string) (model.Op, *prompt, error) {
			within, title, err := timeBox(v)
			if err != nil {
				return nil, nil, err
			}
			return model.TaskAdd{Title: title, Role: ref, Within: within}, nil, nil
		})
	p.again = func() *prompt { return taskPrompt(c, ref) }
	return p
}

// handoffPrompt hands h's role to a person: "name" or "name: briefing".
func handoffPrompt(c *common, h model.Holding) *prompt {
	hint := c.t("name, or name: briefing for them · tab completes a name")
	if h.Ref.Role == model.IncidentManager {
		if n := len(c.state().DefaultRoles(c.catalog)); n > 0 {
			hint = c.n(n, "the %d role not handed to anyone stays with the incident manager: the new one takes it · |the %d roles not handed to anyone stay with the incident manager: the new one takes them · ", n) + hint
		}
	}
	var people []string
	for _, name := range c.names() {
		if !model.SameName(name, h.Holder) {
			people = append(people, name)
		}
	}
	p := newPrompt(c, c.t("Hand off %s to:", c.label(h.Ref)), hint, model.MaxName+2+model.MaxEntry, people,
		func(v string) (model.Op, *prompt, error) {
			name, note := splitHandoff(v)
			return model.Handoff{Role: h.Ref, To: name, Note: note}, nil, nil
		})
	p.multiline = true // a briefing pasted after the name keeps its lines
	return p
}

// statusPrompt sets the incident's status, typed in the screen's
// language or as the file names it.
func statusPrompt(c *common) *prompt {
	names := statusNames(c.lang)
	return newPrompt(c, c.t("Status:"), c.t("%s (tab completes)", orList(c.lang, names)), 100, names,
		func(v string) (model.Op, *prompt, error) {
			st, err := parseStatus(c.lang, v)
			if err != nil {
				return nil, nil, err
			}
			from := c.state().Incident.Status
			if done := st == model.Resolved || st == model.Closed; done && from != model.Resolved && from != model.Closed {
				if c.checks {
					c.act.checkResolve(st) // the team's checks first: they answer in the background
					return nil, nil, nil
				}
				if blockers := c.state().ResolveBlockers(); len(blockers) > 0 {
					return nil, forcePrompt(c, st, blockers, nil), nil
				}
			}
			return model.SetStatus{Status: st}, nil, nil
		})
}

// forcePrompt says what the exit criteria (and the team's checks) still
// miss and asks why the incident should be resolved (or closed) anyway;
// esc leaves it as it is. checks are what the check hooks refused: the
// change carries them, and the timeline records them as overridden.
func forcePrompt(c *common, st model.Status, blockers, checks []model.Blocker) *prompt {
	// Every criterion not met on a line of its own, in full: the hint
	// wraps, so that none is cut off at the screen's edge.
	hint := c.t("missing:")
	for _, b := range blockers {
		hint += "\n• " + safetext.Line(b.Reason.In(c.lang))
	}
	hint += "\n" + c.t("enter sets it %s anyway · esc leaves it", st.In(c.lang))
	return multi(newPrompt(c, c.t("Not %s yet. Why set it anyway?", st.In(c.lang)), hint, model.MaxEntry, nil,
		func(v string) (model.Op, *prompt, error) {
			if strings.TrimSpace(v) == "" {
				return nil, nil, errors.New(c.t("say why the rest can wait, or esc"))
			}
			return model.SetStatus{Status: st, Force: true, Reason: strings.TrimSpace(v), Checks: checks}, nil, nil
		}))
}

// missingList says what blockers miss, one after another.
func missingList(c *common, blockers []model.Blocker) string {
	missing := make([]string, len(blockers))
	for i, b := range blockers {
		missing[i] = b.Reason.In(c.lang)
	}
	return strings.Join(missing, "; ")
}

// severityPrompt sets the severity: 1, 2, 3 or unset.
func severityPrompt(c *common) *prompt {
	unset := model.SevUnset.In(c.lang)
	return newPrompt(c, c.t("Severity:"), c.t("1 critical · 2 major · 3 minor · %s", unset), 100,
		[]string{"1", "2", "3", unset}, func(v string) (model.Op, *prompt, error) {
			sev, err := parseSeverity(c.lang, v)
			if err != nil {
				return nil, nil, err
			}
			return c.withRunbooks(model.SetSeverity{Severity: sev}), nil, nil
		})
}

// canPrompt is the CAN report form from ref: conditions, then actions,
// then needs, one prompt each, recorded as one entry at the end.
func canPrompt(c *common, ref model.RoleRef) *prompt {
	part := func(v string) error {
		if strings.TrimSpace(v) == "" {
			return errors.New(c.t("each part of a CAN report needs some text"))
		}
		return nil
	}
	needs := func(conditions, actions string) *prompt {
		return multi(newPrompt(c, c.t("CAN — Needs (3/3):"), c.t("what you need, and from whom"), model.MaxEntry, nil,
			func(v string) (model.Op, *prompt, error) {
				if err := part(v); err != nil {
					return nil, nil, err
				}
				return model.CAN{Role: ref, Conditions: conditions, Actions: actions, Needs: v}, nil, nil
			}))
	}
	actions := func(conditions string) *prompt {
		return multi(newPrompt(c, c.t("CAN — Actions (2/3):"), c.t("what is being done"), model.MaxEntry, nil,
			func(v string) (model.Op, *prompt, error) {
				return nil, needs(conditions, v), part(v)
			}))
	}
	return multi(newPrompt(c, c.t("CAN for %s — Conditions (1/3):", c.label(ref)), c.t("how things stand now"), model.MaxEntry, nil,
		func(v string) (model.Op, *prompt, error) {
			return nil, actions(v), part(v)
		}))
}

// multi makes p take a pasted text of several lines whole.
func multi(p *prompt) *prompt {
	p.multiline = true
	return p
}

// timeBox reads a task title that may start with "+10m " to time-box it,
// or end with " +10m". A first word that starts with + must be a time
// box; a last one is taken only when it is one ("Scale to +2" is a
// title).
func timeBox(v string) (time.Duration, string, error) {
	t := strings.TrimSpace(v)
	if !strings.HasPrefix(t, "+") {
		if i := strings.LastIndexAny(t, " \t"); i >= 0 && strings.HasPrefix(t[i+1:], "+") {
			if d, err := time.ParseDuration(t[i+2:]); err == nil && d > 0 {
				return d, strings.TrimSpace(t[:i]), nil
			}
		}
		return 0, v, nil
	}
	word, rest, _ := strings.Cut(t, " ")
	d, err := time.ParseDuration(word[1:])
	if err != nil || d <= 0 {
		return 0, "", &model.TextError{Field: "time box", Reason: i18n.M("%s is not a time box; give a duration such as 10m or 1h", word)}
	}
	return d, strings.TrimSpace(rest), nil
}

// splitHandoff reads "name" or "name: briefing" (and "id: note").
func splitHandoff(v string) (name, note string) {
	name, note, _ = strings.Cut(v, ":")
	return strings.TrimSpace(name), strings.TrimSpace(note)
}

// statusNames are the statuses in l, in lifecycle order.
func statusNames(l i18n.Lang) []string {
	out := make([]string, len(model.Statuses))
	for i, s := range model.Statuses {
		out[i] = s.In(l)
	}
	return out
}

// orList joins words as "a, b or c" in l.
func orList(l i18n.Lang, words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + l.T(" or ") + words[len(words)-1]
}

// parseStatus reads a status typed in l or as the file names it
// (investigating, ...). The error lists the statuses in l.
func parseStatus(l i18n.Lang, v string) (model.Status, error) {
	st, err := model.ParseStatus(v)
	if err == nil {
		return st, nil
	}
	for _, s := range model.Statuses {
		if strings.EqualFold(strings.TrimSpace(v), s.In(l)) {
			return s, nil
		}
	}
	var ie *model.InvalidError
	if errors.As(err, &ie) {
		e := *ie
		e.Valid = statusNames(l)
		return "", &e
	}
	return "", err
}

// parseSeverity reads a severity: 1, 2, 3, SEV1..., or "unset" in l or
// in English. The error lists "unset" in l.
func parseSeverity(l i18n.Lang, v string) (model.Severity, error) {
	sev, err := model.ParseSeverity(v)
	if err == nil {
		return sev, nil
	}
	unset := model.SevUnset.In(l)
	if strings.EqualFold(strings.TrimSpace(v), unset) {
		return model.SevUnset, nil
	}
	var ie *model.InvalidError
	if errors.As(err, &ie) {
		e := *ie
		e.Valid = []string{"1", "2", "3", unset}
		return 0, &e
	}
	return 0, err
}
