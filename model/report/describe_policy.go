package report

import (
	"strings"

	"github.com/warroom/warroom/model"
)

// describePolicy says what a change of the incident's policy changed: the
// entry's text names the rule, From and To are its old and new values.
func describePolicy(e model.Entry, o Options) string {
	span := func(v string) string {
		if v == "none" {
			return o.t("no rhythm")
		}
		return line(v)
	}
	group, key, _ := strings.Cut(e.Text, ".")
	switch {
	case e.Text == "external_by" && e.To == string(model.SendersAnyone):
		return o.t("policy: anyone now sends external updates as written")
	case e.Text == "external_by":
		return o.t("policy: external updates from anyone but the communications manager or the incident manager are now drafts for the communications manager")
	case e.Text == "bots":
		bots := func(v string) string { return line(strings.ReplaceAll(v, ",", ", ")) }
		switch {
		case e.To == "none":
			return o.t("policy: no bots any more (were %s)", bots(e.From))
		case e.From == "none":
			return o.t("policy: the bots are %s (there were none)", bots(e.To))
		}
		return o.t("policy: the bots are %s (were %s)", bots(e.To), bots(e.From))
	case e.Text == "accept_within":
		return o.t("policy: a handoff may wait %s for its answer (was %s)", span(e.To), span(e.From))
	case group == "resolve":
		what := exitCriterion(o, e.Text)
		if e.To == "on" {
			return o.t("policy: resolving now requires %s", what)
		}
		return o.t("policy: resolving no longer requires %s", what)
	case group == "approval":
		aud := line(model.Audience(key).In(o.Lang))
		if e.To == "on" {
			return o.t("policy: %s updates now wait for the incident manager's approval", aud)
		}
		return o.t("policy: %s updates no longer wait for approval", aud)
	case key == "first":
		first := func(v string) string {
			if v == "none" {
				return o.t("one rhythm")
			}
			return line(v)
		}
		return o.t("policy: at %s the first update is due %s after the declaration (was %s)", o.severity(strings.ToUpper(group)), first(e.To), first(e.From))
	case key != "":
		aud := line(model.Audience(key).In(o.Lang))
		if e.To == "none" {
			return o.t("policy: at %s, no rhythm for %s updates (was every %s)", o.severity(strings.ToUpper(group)), aud, span(e.From))
		}
		return o.t("policy: at %s, %s updates every %s (was %s)", o.severity(strings.ToUpper(group)), aud, span(e.To), span(e.From))
	}
	return o.t("policy: %s is %s (was %s)", line(e.Text), span(e.To), span(e.From))
}

// exitCriterion says what an exit criterion (resolve.open_tasks, …)
// asks for, in o's language.
func exitCriterion(o Options, rule string) string {
	switch rule {
	case "resolve.open_tasks":
		return o.t("no task left open")
	case "resolve.roles_answered":
		return o.t("every role handed answered")
	case "resolve.external_update":
		return o.t("an external update once the fix is in")
	case "resolve.summary":
		return o.t("a summary")
	case "resolve.followup_owners":
		return o.t("an owner for every follow-up")
	case model.CheckRule:
		return o.t("the team's check hooks")
	}
	return line(rule)
}

// exitCriteria says what the exit criteria in rules (space-separated)
// ask for.
func exitCriteria(o Options, rules string) string {
	var out []string
	for _, r := range strings.Fields(rules) {
		out = append(out, exitCriterion(o, r))
	}
	return strings.Join(out, ", ")
}
