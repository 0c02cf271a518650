package main

import (
	"context"
	"errors"
	"io"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/i18n"
	"github.com/warroom/warroom/model/sshsync"
)

// run executes the command line and returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string) int {
	return runContext(context.Background(), args, stdin, stdout, stderr, getenv)
}

// runContext is run until ctx ends: a change not yet written by then is
// not written.
func runContext(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string) int {
	a := newApp(stdin, stdout, stderr, getenv)
	root := a.rootCmd()
	translateHelp(root, a.langFromArgs(args))
	return a.execute(ctx, root, args, func(*cobra.Command) error { return a.checkGlobals() })
}

// execute runs args on root, a command tree of a's, and returns the exit
// status. begin runs once the command line is parsed, before the command:
// an error before it is bad usage.
func (a *app) execute(ctx context.Context, root *cobra.Command, args []string, begin func(*cobra.Command) error) int {
	root.SetArgs(textNotFlags(root, args))
	root.SetIn(a.stdin)
	root.SetOut(a.stdout)
	root.SetErr(a.stderr)
	started := false
	root.PersistentPreRunE = func(cmd *cobra.Command, _ []string) error {
		started = true
		return begin(cmd)
	}
	cmd, err := root.ExecuteContextC(ctx)
	if a.unchanged(err) {
		return exitOK
	}
	if err != nil {
		if !started {
			// Flag parsing, argument counts, unknown commands.
			var ue usageError
			if !errors.As(err, &ue) {
				err = usageError{err: err}
			}
		}
		path := root.Name()
		if cmd != nil {
			path = cmd.CommandPath()
		}
		return printError(a.stderr, path, err, a.errorLang())
	}
	return exitOK
}

func (a *app) rootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:   "warroom",
		Short: "A terminal war room for incident response",
		Long: `warroom keeps one incident in one plain TOML file and answers, at a glance:
who holds which role, what is being done and by whom, and what happened when.

Run without a command, it opens the war-room screen on the incident file
(a short declare form when there is none yet). Press ? there for the keys.

The incident manager holds every role until it is handed to someone else.
Every change writes itself into the timeline.`,
		Example: `  warroom declare "Checkout API returning 500s" --sev 1 --commander alice
  warroom handoff tech_lead bob --workstream database --note "db primary is flapping"
  warroom log "rolled back deploy 142" --kind action
  warroom task add "Check the payment provider's status page" --role comms
  warroom show`,
		SilenceUsage:  true,
		SilenceErrors: true,
		Args:          noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if a.rotate != 0 && !a.wall {
				return usage("--rotate goes with --wall")
			}
			if a.rotate < 0 || (a.rotate > 0 && a.rotate < time.Second) {
				return usage("--rotate %s: give a period of a second or more, such as 15s", a.rotate)
			}
			if a.syncWith != "" {
				t, err := sshsync.ParseTarget(a.syncWith)
				if err != nil {
					return usageError{err: err}
				}
				a.syncTarget = &t
			}
			return a.screen(cmd.Context(), a.path())
		},
	}
	root.Flags().StringVar(&a.syncWith, "sync", "", "keep the file in step with a copy on another machine while the screen is open: [user@]host:path (see warroom sync)")
	root.Flags().BoolVar(&a.wall, "wall", false, "the room's big screen: read-only, large severity, status and clocks, every role on one board")
	root.Flags().DurationVar(&a.rotate, "rotate", 0, "with --wall: show the next role's pane this often (15s, 1m)")
	f := root.PersistentFlags()
	f.StringVar(&a.file, "file", "", "incident file (env WARROOM_FILE; default ./"+defaultFile+")")
	f.StringVar(&a.dirFlag, "dir", "", "folder of incidents, for incidents, stats, search and runbooks (default: the incident file's folder)")
	f.StringVar(&a.as, "as", "", "your name in the timeline (env WARROOM_USER; default: login name)")
	f.StringVar(&a.langFlag, "lang", "", "language: en or es (default: the config's language, else LC_ALL, LC_MESSAGES or LANG)")
	_ = root.RegisterFlagCompletionFunc("lang", fixedCompletion(i18n.Languages...))
	f.StringVar(&a.theme, "theme", "", "theme name or theme file (default: the config's, else dark; mono under NO_COLOR)")
	f.StringVar(&a.hooksFlag, "hooks", "", "hooks files to run besides the config's [[hook]] tables, separated by : (env WARROOM_HOOKS)")
	_ = root.RegisterFlagCompletionFunc("theme", a.completeThemes)

	root.AddCommand(a.verbs()...)
	return root
}

// verbs are the command line's verbs: all of them on the host; over SSH,
// those the served tree's allow-list names (served.go).
func (a *app) verbs() []*cobra.Command {
	return append([]*cobra.Command{
		a.declareCmd(), a.logCmd(), a.taskCmd(), a.handoffCmd(),
		a.statusCmd(), a.sevCmd(), a.showCmd(), a.exportCmd(), a.rolesCmd(), a.demoCmd(),
		a.themesCmd(), a.configCmd(), a.syncCmd(), a.theoryCmd(), a.canCmd(), a.followupCmd(), a.customersCmd(), a.updateCmd(),
		a.titleCmd(), a.summaryCmd(), a.releaseCmd(), a.closeCmd(), a.serveCmd(), a.teamCmd(),
		a.checkCmd(), a.ackCmd(), a.declineCmd(), a.policyCmd(), a.mergeDriverCmd(), a.gitCmd(), a.hooksCmd(), a.manCmd(),
		a.undoCmd(),
	}, append(a.storyCmds(), a.folderCmds()...)...)
}

// checkGlobals reads the config and validates the global flags.
func (a *app) checkGlobals() error {
	a.applyConfig()
	if a.langFlag != "" {
		lang, err := model.ParseWord("language", a.langFlag, i18n.Languages)
		if err != nil {
			return err
		}
		a.lang = lang
		return nil
	}
	a.lang = i18n.English
	if l, ok := parseLang(a.config.Language); ok {
		a.lang = l
		return nil
	}
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := a.getenv(k); v != "" {
			if l, ok := parseLang(v); ok {
				a.lang = l
			}
			return nil
		}
	}
	return nil
}

// errorLang is the language to report an error in: the one chosen, or,
// when the error came before the flags were checked, the flag as typed,
// else the locale.
func (a *app) errorLang() i18n.Lang {
	if a.lang != "" {
		return a.lang
	}
	if l, ok := parseLang(a.langFlag); ok {
		return l
	}
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := a.getenv(k); v != "" {
			if l, ok := parseLang(v); ok {
				return l
			}
			break
		}
	}
	return i18n.English
}

// wordList says "A" or "A and B" in any language.
func wordList(names []string) any {
	if len(names) == 2 {
		return i18n.M("%s and %s", i18n.Word(names[0]), i18n.Word(names[1]))
	}
	return i18n.Word(strings.Join(names, ", "))
}

// showHelp is the action of commands that only group others: it prints
// their help. Arguments were already refused as unknown commands.
func showHelp(cmd *cobra.Command, _ []string) error { return cmd.Help() }

// needText requires at least one argument, naming it in the error.
func needText(name string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) == 0 {
			return usage("%s needs %s", cmd.CommandPath(), i18n.Word(name))
		}
		return nil
	}
}

// exactly requires the named arguments, naming the missing ones.
func exactly(names ...string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		switch {
		case len(args) < len(names):
			return usage("%s needs %s", cmd.CommandPath(), wordList(names[len(args):]))
		case len(args) > len(names):
			return usage("%s takes %s, but got %d arguments; quote text that has spaces",
				cmd.CommandPath(), wordList(names), len(args))
		}
		return nil
	}
}

// fixedCompletion completes from a fixed list of words.
func fixedCompletion[T ~string](values ...T) func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = string(v)
	}
	return func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return out, cobra.ShellCompDirectiveNoFileComp
	}
}

// textArg joins the arguments into one text; "-" alone reads standard input.
func (a *app) textArg(args []string) (string, error) {
	if len(args) == 1 && args[0] == "-" {
		b, err := io.ReadAll(io.LimitReader(a.stdin, 1<<20))
		if err != nil {
			return "", err
		}
		return strings.TrimRight(string(b), "\n"), nil
	}
	return strings.Join(args, " "), nil
}
