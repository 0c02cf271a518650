package main

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/i18n"
	"github.com/warroom/warroom/tui/serve"
)

// What a member may run over SSH. A member's key opens the incident, not
// the host: a served command line runs in a command tree of its own,
// built from an allow-list of the incident's verbs (servedCommands), with
// no flag but --lang and --help, no completion, on the served file, as
// the member whose key logged in — who that is comes in the context
// (serve.IdentityFrom), never from the line or the environment. The verbs
// are the command line's own, one implementation each: only the tree and
// its flags differ. A command the list does not name is not in the tree,
// and one cobra adds as it runs (__complete) is refused before it runs.

// servedAccess is who may run a served command.
type servedAccess string

const (
	// servedRead commands change nothing: viewers may run them.
	servedRead servedAccess = "read"
	// servedMember commands change nothing but show what only editors
	// see (the hooks' commands).
	servedMember servedAccess = "member"
	// servedChange commands change the incident: editors, at their pace.
	servedChange servedAccess = "change"
)

// servedCommands are the commands a member may run over SSH, by path
// below the root, and who may. The verbs that read the other incidents
// of the host's folder (incidents, stats, search, statuspage) are the
// host's: a member's key opens the incident served, not the team's
// history, which may hold incidents they are not to see.
var servedCommands = map[string]servedAccess{
	"help": servedRead, "show": servedRead, "export": servedRead, "roles": servedRead, "policy": servedRead,
	"task": servedRead, "task list": servedRead, "theory": servedRead, "theory list": servedRead,
	"followup": servedRead, "followup list": servedRead, "update list": servedRead, "update draft": servedRead,
	"catchup": servedRead,

	"hooks": servedMember, "hooks list": servedMember,
	// The team's runbooks, like its hooks, are for the members working
	// the incident; applying one changes it.
	"runbook": servedMember, "runbook list": servedMember, "runbook show": servedMember,
	"runbook apply": servedChange,

	"ack": servedChange, "can": servedChange, "close": servedChange, "customers": servedChange,
	"customers report": servedChange, "declare": servedChange, "decline": servedChange, "handoff": servedChange,
	"log": servedChange, "policy set": servedChange, "release": servedChange, "sev": servedChange,
	"status": servedChange, "summary": servedChange, "title": servedChange,
	"task add": servedChange, "task assign": servedChange, "task cancel": servedChange, "task done": servedChange,
	"task reopen": servedChange, "task start": servedChange,
	"theory add": servedChange, "theory confirm": servedChange, "theory reopen": servedChange, "theory rule-out": servedChange,
	"followup add": servedChange, "followup done": servedChange, "followup reopen": servedChange, "followup set": servedChange,
	"update": servedChange, "update approve": servedChange, "update reject": servedChange,
	"mark": servedChange, "pin": servedChange, "unpin": servedChange, "undo": servedChange,
}

// servedKey is the annotation that marks a command of the served tree
// with who may run it; a command without it does not run.
const servedKey = "warroom-served"

// served runs a command line for a member connected over SSH and returns
// its exit status.
func (a *app) served(ctx context.Context, c serve.Command) int {
	stdout, stderr := c.Stdout, c.Stderr
	if c.Pty {
		stdout, stderr = crlf{stdout}, crlf{stderr}
	}
	id, ok := serve.IdentityFrom(ctx)
	if !ok {
		io.WriteString(stderr, "warroom: "+i18n.M("a command over SSH runs as the member whose key logged in, and none did").In(a.lang)+"\n")
		return exitError
	}
	sa := a.servedApp(c.Stdin, stdout, stderr, id)
	sa.teamBots = c.Bots
	root := sa.servedRoot(c.Args)
	translateHelp(root, sa.servedLang(c.Args, id))
	return sa.execute(ctx, root, c.Args, func(cmd *cobra.Command) error { return sa.admitServed(cmd, id) })
}

// servedApp is the app a member's command runs in: the served file, the
// server's hooks, the server's config, as id; of the host's environment,
// only where its config is and its time zone.
func (a *app) servedApp(stdin io.Reader, stdout, stderr io.Writer, id serve.Identity) *app {
	env := map[string]string{}
	for _, k := range []string{"HOME", "XDG_CONFIG_HOME", "TZ"} {
		env[k] = a.getenv(k)
	}
	sa := newApp(stdin, stdout, stderr, func(k string) string { return env[k] })
	sa.file, sa.hooksFlag, sa.servedAs = a.path(), a.servedHookFiles(), id.Name
	return sa
}

// servedHookFiles are the hooks files of a command run over SSH: the
// server's, and its team file when there is one, so that the command runs
// the hooks the screens it serves run.
func (a *app) servedHookFiles() string {
	files := a.hookFiles()
	if _, err := os.Stat(a.serveTeam); err == nil {
		files = append(files, a.serveTeam)
	}
	return strings.Join(files, string(filepath.ListSeparator))
}

// servedRoot is the served command tree: the verbs servedCommands names,
// each marked with who may run it, and --lang. args is the line it is to
// run, to name what it refuses.
func (a *app) servedRoot(args []string) *cobra.Command {
	root := &cobra.Command{
		Use:   "warroom",
		Short: "The war room's commands, run over SSH as the member whose key logged in",
		Long: `Run one of the war room's commands on the incident it serves, as the
member whose key logged in: ssh -p PORT HOST COMMAND. Without a command,
ssh -t opens the screen; wall opens the wall; who lists who is connected.`,
		SilenceUsage:  true,
		SilenceErrors: true,
		Args:          servedArgs(noArgs),
		RunE: func(*cobra.Command, []string) error {
			return usage("give a command, such as show; for the screen, connect with ssh -t and no command")
		},
	}
	root.CompletionOptions.DisableDefaultCmd = true
	root.PersistentFlags().StringVar(&a.langFlag, "lang", "", "language: en or es (default: the config's language, else LC_ALL, LC_MESSAGES or LANG)")
	root.SetFlagErrorFunc(servedFlagError(args))
	mark(root, servedRead) // its action refuses
	for _, c := range a.verbs() {
		if keepServed(c, c.Name()) {
			root.AddCommand(c)
		}
	}
	root.InitDefaultHelpCmd()
	for _, c := range root.Commands() {
		if c.Name() == "help" {
			mark(c, servedCommands["help"])
		}
	}
	return root
}

// keepServed marks c, at path, and those of its subcommands that
// servedCommands names, and takes the others out; false when c is not
// named itself.
func keepServed(c *cobra.Command, path string) bool {
	access, ok := servedCommands[path]
	if !ok {
		return false
	}
	mark(c, access)
	if c.HasSubCommands() {
		c.Args = servedArgs(c.Args)
	}
	for _, sub := range c.Commands() {
		if !keepServed(sub, path+" "+sub.Name()) {
			c.RemoveCommand(sub)
		}
	}
	return true
}

// mark notes on c who may run it over SSH.
func mark(c *cobra.Command, access servedAccess) {
	if c.Annotations == nil {
		c.Annotations = map[string]string{}
	}
	c.Annotations[servedKey] = string(access)
}

// admitServed lets cmd run for id, once its line is parsed: only a
// command the served tree marked, for a viewer only one that reads, and
// a change at the member's pace. Then it takes the server's config and
// the session's language, unless --lang says another.
func (a *app) admitServed(cmd *cobra.Command, id serve.Identity) error {
	a.lang = id.Lang
	path := strings.TrimPrefix(cmd.CommandPath(), cmd.Root().Name()+" ")
	switch access := servedAccess(cmd.Annotations[servedKey]); {
	case access == "":
		return usage("%s is not served; run it on the host", path)
	case id.Viewer && access != servedRead:
		return usage("you may only watch this war room: show, export, roles, policy and the list commands work")
	case access == servedChange:
		if ok, why := id.Change(); !ok {
			return failure{msg: why}
		}
	}
	a.applyConfig()
	if a.langFlag != "" {
		l, err := model.ParseWord("language", a.langFlag, i18n.Languages)
		if err != nil {
			return err
		}
		a.lang = l
	}
	return nil
}

// servedLang is the language of a served command's help: --lang as
// typed, else the session's.
func (a *app) servedLang(args []string, id serve.Identity) i18n.Lang {
	for i, arg := range args {
		v, ok := strings.CutPrefix(arg, "--lang=")
		if !ok && arg == "--lang" && i+1 < len(args) {
			v, ok = args[i+1], true
		}
		if l, good := parseLang(v); ok && good {
			return l
		}
	}
	return id.Lang
}

// servedArgs checks the arguments of a served command that has
// subcommands as check does, but names a command the host has and the
// served tree does not as not served.
func servedArgs(check cobra.PositionalArgs) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) > 0 {
			path := strings.TrimPrefix(cmd.CommandPath()+" "+args[0], cmd.Root().Name()+" ")
			if hostHas(path) {
				return usage("%s is not served; run it on the host", path)
			}
		}
		if check == nil {
			return nil
		}
		return check(cmd, args)
	}
}

// servedFlagError is the flag error of a served line, args: a command
// the host finds in it and does not serve is named as not served, a flag
// the host's command has and the served one does not is named for what
// it is; any other flag error is bad usage as it is.
func servedFlagError(args []string) func(*cobra.Command, error) error {
	return func(cmd *cobra.Command, err error) error {
		if path := hostCommand(args); path != "" && servedCommands[path] == "" {
			return usage("%s is not served; run it on the host", path)
		}
		var ne *pflag.NotExistError
		if errors.As(err, &ne) {
			path := strings.Fields(strings.TrimPrefix(cmd.CommandPath(), cmd.Root().Name()))
			if f := hostFlagOf(path, ne.GetSpecifiedName()); f != "" {
				m := hostFlag(f)
				return usageError{err: errors.New(m.String()), msg: &m}
			}
		}
		return usageError{err: err}
	}
}

// hostRoot is the host's command tree, to name what the served one
// refuses: nothing of it runs.
func hostRoot() *cobra.Command {
	return newApp(strings.NewReader(""), io.Discard, io.Discard, func(string) string { return "" }).rootCmd()
}

// hostCommand is the path of the host's command that args would run on
// the host, or "" for the root or none.
func hostCommand(args []string) string {
	root := hostRoot()
	c, _, err := root.Find(args)
	if err != nil || c == root {
		return ""
	}
	return strings.TrimPrefix(c.CommandPath(), root.Name()+" ")
}

// hostHas reports whether the host's command tree has the command at path.
func hostHas(path string) bool {
	root := hostRoot()
	c, rest, err := root.Find(strings.Fields(path))
	return err == nil && c != root && len(rest) == 0
}

// hostFlagOf is the name of the host's flag, on the command at path or
// the root, that a served line named (by its shorthand, when name is one
// letter); "" when the host has none either.
func hostFlagOf(path []string, name string) string {
	root := hostRoot()
	c, _, err := root.Find(path)
	if err != nil {
		c = root
	}
	for _, fs := range []*pflag.FlagSet{c.Flags(), c.InheritedFlags(), root.Flags()} {
		f := fs.Lookup(name)
		if len(name) == 1 {
			f = fs.ShorthandLookup(name)
		}
		if f != nil {
			return f.Name
		}
	}
	return ""
}

// hostFlag is the refusal of a flag that is not for a served war room.
func hostFlag(name string) i18n.Message {
	if name == "wall" || name == "rotate" {
		return i18n.M("%s is for the screen: connect with ssh -t, and give wall for the wall", "--"+name)
	}
	if name == "as" || name == "file" {
		return i18n.M("%s is not for a served war room: you are who your key says, on the file it serves", "--"+name)
	}
	return i18n.M("%s is not for a served war room: it names a file or a command on the host", "--"+name)
}
