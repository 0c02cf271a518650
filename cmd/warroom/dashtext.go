package main

import (
	"regexp"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// dashDigit is an argument that starts with a dash and a digit: the
// backdating form of a note ("-5m first alert fired", "-2h", "-90s") or a
// negative number ("-3"). No flag of warroom is a digit, so such an
// argument is never a flag.
var dashDigit = regexp.MustCompile(`^-[0-9]`)

// textNotFlags returns args with every argument of the dash-and-digit
// form read as text, not as a flag, as if it came after "--": the flags
// first, then "--", then the other arguments in the order given. So
// `warroom log "-5m first alert fired"` works as README teaches, and
// `warroom customers -3` reaches the command, which can say what is wrong
// with it. Arguments without that form are returned as they are, and so
// is a command line for warroom itself, where the text cannot be meant
// for any command: its error says to use log.
func textNotFlags(root *cobra.Command, args []string) []string {
	cmd, rest, err := root.Find(args)
	if err != nil || cmd == root || !hasDashDigit(rest) {
		return args
	}
	var flags, text []string
	for i := 0; i < len(rest); i++ {
		s := rest[i]
		switch {
		case s == "--":
			text = append(text, rest[i+1:]...)
			i = len(rest)
		case s == "-" || !strings.HasPrefix(s, "-") || dashDigit.MatchString(s):
			text = append(text, s)
		default:
			flags = append(flags, s)
			if takesValue(cmd, s) && i+1 < len(rest) {
				i++
				flags = append(flags, rest[i])
			}
		}
	}
	var path []string
	for c := cmd; c != root && c != nil; c = c.Parent() {
		path = append([]string{c.Name()}, path...)
	}
	out := append(path, flags...)
	out = append(out, "--")
	return append(out, text...)
}

// hasDashDigit reports whether an argument before any "--" has the
// dash-and-digit form.
func hasDashDigit(args []string) bool {
	for _, s := range args {
		if s == "--" {
			return false
		}
		if dashDigit.MatchString(s) {
			return true
		}
	}
	return false
}

// takesValue reports whether flag (as typed: --name or -n, without =value)
// is one of cmd's that takes the next argument as its value.
func takesValue(cmd *cobra.Command, flag string) bool {
	if strings.Contains(flag, "=") {
		return false
	}
	var f *pflag.Flag
	switch {
	case strings.HasPrefix(flag, "--"):
		name := flag[2:]
		if f = cmd.LocalFlags().Lookup(name); f == nil {
			f = cmd.InheritedFlags().Lookup(name)
		}
	case len(flag) == 2:
		if f = cmd.LocalFlags().ShorthandLookup(flag[1:]); f == nil {
			f = cmd.InheritedFlags().ShorthandLookup(flag[1:])
		}
	}
	return f != nil && f.NoOptDefVal == ""
}
