package main

import (
	"io"
	"slices"
	"strings"

	"github.com/spf13/pflag"

	"github.com/warroom/warroom/model/i18n"
)

// What a member may run over SSH. A member's key opens the incident, not
// the host: the command line is parsed here exactly as it will be run —
// by the same command tree, after the same reading of dash-and-digit text
// (textNotFlags) — and what cobra would run is judged, never a guess at
// it from the words.

// servedVerbs are the verbs a member may run over SSH; served() runs only
// these, and of them a viewer only what reads (servedReads).
var servedVerbs = []string{"ack", "can", "close", "customers", "declare", "decline", "export", "followup",
	"handoff", "help", "hooks list", "log", "policy", "release", "roles", "sev", "show", "status", "summary", "task",
	"theory", "title", "update", "mark", "pin", "unpin", "catchup"}

// servedReads are the commands a viewer may run: they only read.
var servedReads = []string{"help", "show", "export", "roles", "policy", "task list", "theory list", "followup list",
	"update list", "update draft", "catchup"}

// hostFlags name a file or a command on the host, or who you are, or
// belong to the screen: never taken over SSH.
var hostFlags = []string{"file", "as", "hooks", "theme", "output", "sync", "ssh-command", "wall", "rotate"}

// servedRefusal says why a member may not run args over SSH, or returns
// the zero Message when they may. A line cobra cannot parse is refused
// with what is wrong with it: cobra's shell completion, for one, reads
// such lines on its own.
func (a *app) servedRefusal(args []string, viewer bool) i18n.Message {
	for _, arg := range args {
		if strings.HasPrefix(arg, "__complete") {
			// Added by cobra as it runs, with flags of its own parsing.
			return i18n.M("%s is not served; run it on the host", arg)
		}
	}
	probe := newApp(strings.NewReader(""), io.Discard, io.Discard, a.getenv)
	root := probe.rootCmd()
	root.InitDefaultHelpCmd() // as Execute adds them
	root.InitDefaultCompletionCmd()
	args = textNotFlags(root, args)
	cmd, rest, err := root.Find(args)
	if err == nil {
		cmd.InitDefaultHelpFlag() // as Execute does, on the command it runs
		err = cmd.ParseFlags(rest)
	}
	if err != nil {
		return i18n.M("%s", err.Error())
	}
	path := strings.TrimPrefix(cmd.CommandPath(), root.Name()+" ")
	for c := cmd; c != nil; c = c.Parent() {
		if c.Hidden {
			return i18n.M("%s is not served; run it on the host", path)
		}
	}
	var refused i18n.Message
	cmd.Flags().Visit(func(f *pflag.Flag) {
		if refused.Format == "" && slices.Contains(hostFlags, f.Name) {
			refused = hostFlag(f.Name)
		}
	})
	if refused.Format != "" {
		return refused
	}
	// Help asked for, by its value: --help=false asks for none.
	help, _ := cmd.Flags().GetBool("help")
	switch {
	case cmd == root && help:
		return i18n.Message{} // the command list
	case cmd == root:
		// Flags alone open a screen: a session without a command has one.
		return i18n.M("%s is not served; run it on the host", strings.Join(rest, " "))
	case !servedVerb(path):
		return i18n.M("%s is not served; run it on the host", path)
	case viewer && !help && !slices.Contains(servedReads, path):
		return i18n.M("you may only watch this war room: show, export, roles, policy and the list commands work")
	}
	return i18n.Message{}
}

// servedVerb reports whether path, a command below the root, is one a
// member may run: a served verb, or a command under one.
func servedVerb(path string) bool {
	for _, v := range servedVerbs {
		if path == v || strings.HasPrefix(path, v+" ") {
			return true
		}
	}
	return false
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
