package main

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/hooks"
	"github.com/warroom/warroom/model/i18n"
	"github.com/warroom/warroom/model/safetext"
)

func (a *app) hooksCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "hooks",
		Short: "List the hooks, or try one on a sample event",
		Long: `Hooks run your team's commands when something happens to an incident: page
the next person on a SEV1, post the status page when it is resolved,
refuse to resolve it while a check says no. They are [[hook]] tables in
your config, or in a hooks file (--hooks FILE, or WARROOM_HOOKS), or in
the team file of warroom serve; never in the incident file, which others
send you.

  [[hook]]
  on = ["severity", "handoff"]      # the events it runs on
  run = ["./page.sh", "--urgent"]   # the command, word by word: no shell
  when = "severity == 1"            # optional: fields compared, and, or
  timeout = "10s"                   # optional: killed, with all it started

A hook runs once per event, in the process whose change made it happen,
without making it wait; each run is recorded in the timeline.`,
		Example: `  warroom hooks list
  warroom hooks test severity --new 1
  warroom hooks test resolve_requested --file incident.toml`,
		Args: noArgs,
		RunE: showHelp,
	}
	cmd.AddCommand(a.hooksListCmd(), a.hooksTestCmd(), a.hooksRunJobCmd())
	return cmd
}

func (a *app) hooksListCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "list",
		Short: "List the hooks: where each is written, its events, condition, timeout and command",
		Long: `List the hooks this warroom runs: those of your config, then those of the
hooks files (--hooks, WARROOM_HOOKS), each with the file and line it is
written at, the events it runs on, its condition and timeout, and its
command. A file with a mistake is reported with its line and key, and
none of its hooks run until it is fixed; then this exits 1.`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			hs, problems := a.hookList()
			if len(hs) == 0 && len(problems) == 0 {
				a.say("No hooks. Add [[hook]] tables to %s, or name a hooks file with --hooks.\n", configPath(a.getenv))
			}
			if len(hs) > 0 {
				tw := tabwriter.NewWriter(a.stdout, 0, 0, 2, ' ', 0)
				l := a.lang
				tw.Write([]byte(l.T("WHERE") + "\t" + l.T("ON") + "\t" + l.T("WHEN") + "\t" + l.T("TIMEOUT") + "\t" + l.T("RUN") + "\n"))
				for _, h := range hs {
					on := make([]string, len(h.On))
					for i, e := range h.On {
						on[i] = string(e)
					}
					when := h.When
					if when == "" {
						when = "-"
					}
					run := h.Command()
					if h.Check {
						run = l.T("check: %s", run)
					}
					tw.Write([]byte(safetext.Line(h.Source) + ":" + strconv.Itoa(h.Line) + "\t" + strings.Join(on, ", ") + "\t" +
						safetext.Line(when) + "\t" + h.Timeout.String() + "\t" + safetext.Line(run) + "\n"))
				}
				tw.Flush()
			}
			if len(problems) == 0 {
				return nil
			}
			for _, err := range problems[1:] {
				a.warn("%s", describe(err, a.errorLang()))
			}
			return problems[0]
		},
	}
}

func (a *app) hooksTestCmd() *cobra.Command {
	var old, next string
	var sev int
	cmd := &cobra.Command{
		Use:   "test EVENT",
		Short: "Run the hooks on an event, with a sample of it: what would run, and what it prints",
		Long: `Run the hooks on EVENT now, with a sample event made from the incident
file (--file), or from a sample incident when there is none, and print
what each does: whether its condition holds, how it ended and what it
printed. Nothing is recorded in the incident; the hooks find
WARROOM_DRY_RUN=1 in their environment and "dry_run": true in the
event, so that a pager can tell a test from a page. Check hooks run
too. Exits 1 when a hook that ran failed.

Events: declared, severity, status, handoff, handoff_accepted,
handoff_declined, task_done, update_sent, timebox_expired,
resolve_requested, resolved.`,
		Example: `  warroom hooks test severity --new 1
  warroom hooks test status --old identified --new monitoring
  warroom hooks test resolve_requested`,
		Args:              exactly("an EVENT"),
		ValidArgsFunction: fixedCompletion(model.HookEvents...),
		RunE: func(cmd *cobra.Command, args []string) error {
			name, err := model.ParseHookEvent(args[0])
			if err != nil {
				return usageError{err: err}
			}
			if sev < -1 || sev > 3 {
				return usage("--severity %d: give 0 (unset), 1, 2 or 3", sev)
			}
			ev := a.sampleEvent(name, cmd.Flags().Changed("old"), old, cmd.Flags().Changed("new"), next, sev)
			return a.tryHooks(cmd.Context(), ev)
		},
	}
	f := cmd.Flags()
	f.StringVar(&old, "old", "", "the sample's value before (WARROOM_OLD)")
	f.StringVar(&next, "new", "", "the sample's value after (WARROOM_NEW)")
	f.IntVar(&sev, "severity", -1, "the sample incident's severity: 0 (unset), 1, 2 or 3 (default: the incident's)")
	return cmd
}

// sampleEvent makes an event of kind name from the incident in the file,
// or a sample incident: a dry run.
func (a *app) sampleEvent(name model.HookEvent, setOld bool, old string, setNew bool, next string, sev int) hooks.Event {
	now := time.Now().UTC().Truncate(time.Second)
	st, err := a.load()
	if err != nil || !st.Declared() {
		st = model.State{Incident: model.Incident{ID: "INC-" + now.Format("20060102") + "-test", Title: "A sample incident",
			Severity: model.Sev2, Status: model.Identified, Declared: now}}
	}
	ev := hooks.Event{Schema: hooks.SchemaVersion, Event: name, At: now, Actor: a.actor(),
		Incident: hooks.IncidentOf(st, a.incidentFile()), DryRun: true}
	ev.Old, ev.New = sampleValues(st, name, ev.Actor)
	switch name {
	case model.EventHandoff, model.EventHandoffAccepted, model.EventHandoffDeclined:
		ev.Role = model.TechLead
	case model.EventTaskDone, model.EventTimeBoxExpired:
		ev.Task = "t000"
		for _, t := range st.Tasks {
			if t.Open() {
				ev.Task = t.ID
				break
			}
		}
	case model.EventUpdateSent:
		ev.Audience = string(model.AudienceExternal)
	}
	if setOld {
		ev.Old = old
	}
	if setNew {
		ev.New = next
	}
	switch {
	case sev >= 0:
		ev.Incident.Severity = sev
	case name == model.EventSeverity:
		if s, err := model.ParseSeverity(ev.New); err == nil {
			ev.Incident.Severity = int(s)
		}
	}
	if name == model.EventStatus || name == model.EventResolved {
		ev.Incident.Status = ev.New
	}
	return ev
}

// sampleValues are the old and new values of a sample event.
func sampleValues(st model.State, name model.HookEvent, actor string) (string, string) {
	inc := st.Incident
	switch name {
	case model.EventDeclared:
		return "", inc.Title
	case model.EventSeverity:
		if inc.Severity == model.Sev1 {
			return "2", "1"
		}
		return severityWord(st), "1"
	case model.EventStatus:
		next := model.Monitoring
		if inc.Status.Rank() >= model.Monitoring.Rank() {
			next = model.Resolved
		}
		return string(inc.Status), string(next)
	case model.EventResolved, model.EventResolveRequested:
		return string(inc.Status), string(model.Resolved)
	case model.EventHandoff, model.EventHandoffAccepted:
		return st.Commander(), actor
	case model.EventHandoffDeclined:
		return actor, ""
	case model.EventTaskDone:
		return string(model.TaskInProgress), string(model.TaskDone)
	case model.EventUpdateSent:
		return "", "A sample update."
	case model.EventTimeBoxExpired:
		return time.Now().UTC().Truncate(time.Second).Format(time.RFC3339), ""
	}
	return "", ""
}

// tryHooks runs every hook on ev's event, checks too, and says what each
// did. Nothing is recorded.
func (a *app) tryHooks(ctx context.Context, ev hooks.Event) error {
	hs, problems := a.hookList()
	for _, err := range problems {
		a.warn("warning: %s; its hooks do not run until it is fixed", describe(err, a.errorLang()))
	}
	a.say("Sample event %s (%s → %s) on %s, a dry run: nothing is recorded.\n",
		string(ev.Event), safetext.Line(quoteEmpty(ev.Old)), safetext.Line(quoteEmpty(ev.New)), safetext.Line(ev.Incident.ID))
	failed, any := 0, false
	for _, h := range hs {
		if !slices.Contains(h.On, ev.Event) {
			continue
		}
		any = true
		a.say("\n%s:%d: %s\n", safetext.Line(h.Source), h.Line, safetext.Line(h.Command()))
		if h.When != "" {
			if !h.Matches(ev) {
				a.say("  when %s: does not hold for this sample; it would not run\n", safetext.Line(h.When))
				continue
			}
			a.say("  when %s: holds\n", safetext.Line(h.When))
		}
		r := hooks.Run(ctx, h, ev)
		a.say("  %s\n", a.howItEnded(r))
		if r.Outcome != model.HookOK {
			failed++
		}
		for line := range strings.SplitSeq(strings.TrimRight(r.Printed, "\n"), "\n") {
			if r.Printed != "" {
				a.print("  │ %s\n", safetext.Line(line))
			}
		}
	}
	if !any {
		a.say("No hook runs on %s.\n", string(ev.Event))
		return nil
	}
	if failed > 0 {
		return &hookTestError{failed: failed}
	}
	return nil
}

// howItEnded says how a run ended, in the chosen language.
func (a *app) howItEnded(r hooks.Result) string {
	took := r.Took.Round(time.Millisecond).String()
	l := a.lang
	switch {
	case r.Outcome == model.HookOK:
		return l.T("ok, in %s", took)
	case r.Outcome == model.HookTimeout:
		return l.T("killed at its timeout, after %s", took)
	case r.Outcome == model.HookError:
		return l.T("could not start: %s", safetext.Line(r.Output))
	case r.Exit < 0:
		return l.T("ended by a signal, after %s", took)
	}
	return l.T("exit status %d, after %s", r.Exit, took)
}

// quoteEmpty shows an empty value as "".
func quoteEmpty(v string) string {
	if v == "" {
		return `""`
	}
	return v
}

// hookTestError is a test in which hooks failed.
type hookTestError struct{ failed int }

func (e *hookTestError) Error() string { return e.In(i18n.English) }

// In says how many failed, in l.
func (e *hookTestError) In(l i18n.Lang) string {
	return l.N(e.failed, "%d hook failed|%d hooks failed", e.failed)
}

func (a *app) hooksRunJobCmd() *cobra.Command {
	return &cobra.Command{
		Use:    "run-job",
		Short:  "Run the hooks a change set off (the job on standard input), and record each run",
		Hidden: true,
		Args:   noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			j, err := hooks.ReadJob(a.stdin)
			if err != nil {
				return err
			}
			errs := hooks.RunJob(context.Background(), j, func(ctx context.Context, r hooks.Result) error {
				return hooks.Record(ctx, r, j.Replica)
			})
			for _, err := range errs {
				a.warn("%s", err.Error())
			}
			return nil
		},
	}
}
