package main

import (
	"strings"

	"github.com/spf13/cobra"
)

// noArgs refuses arguments to a command that takes none, as an unknown
// command: a mistyped one gets the commands it may have meant.
func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	if err := suggest(cmd, args[0]); err != nil {
		return err
	}
	return usage("unknown command %q for %q", args[0], cmd.CommandPath())
}

// suggest refuses arg as a mistyped subcommand of cmd when it is near
// enough to one ("handof", "strat"), naming the ones it may have meant.
func suggest(cmd *cobra.Command, arg string) error {
	if s := suggestions(cmd, arg); s != "" {
		return usage("unknown command %q for %q; did you mean %s?", arg, cmd.CommandPath(), s)
	}
	return nil
}

// suggestions are the subcommands of cmd that arg may have meant, as cobra
// finds them (a start of the name, or two letters off), or "".
func suggestions(cmd *cobra.Command, arg string) string {
	if cmd.SuggestionsMinimumDistance <= 0 {
		cmd.SuggestionsMinimumDistance = 2 // as cobra's own suggestions
	}
	return strings.Join(cmd.SuggestionsFor(arg), ", ")
}

// mistyped reports whether arg, a single word, is one slip from one of
// cmd's subcommands — a letter missing, extra, wrong or two swapped
// ("aprove", "lsit") — and returns the ones it is near. It is stricter
// than suggestions: it guards a command whose argument is free text.
func mistyped(cmd *cobra.Command, arg string) string {
	if strings.ContainsAny(arg, " \t\n") {
		return ""
	}
	var near []string
	for _, sub := range cmd.Commands() {
		if !sub.IsAvailableCommand() {
			continue
		}
		for _, name := range append([]string{sub.Name()}, sub.Aliases...) {
			if editDistance(strings.ToLower(arg), name) <= 1 {
				near = append(near, sub.Name())
				break
			}
		}
	}
	return strings.Join(near, ", ")
}

// editDistance is the number of slips between a and b — a byte missing,
// extra or wrong, or two next to each other swapped — enough for
// command and config key names.
func editDistance(a, b string) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}

// nearest returns the word of valid that word may have meant: the
// nearest, two slips or fewer away, without regard to case; "" when none
// is that near, or several are as near. A word in valid means itself.
func nearest(word string, valid []string) string {
	word = strings.ToLower(strings.TrimSpace(word))
	best, bestD, ties := "", 3, 0
	for _, v := range valid {
		switch d := editDistance(word, strings.ToLower(v)); {
		case d < bestD:
			best, bestD, ties = v, d, 1
		case d == bestD:
			ties++
		}
	}
	if ties != 1 {
		return ""
	}
	return best
}

// withNearest adds to msg, a refusal of word, the one of valid it may
// have meant.
func withNearest(msg, word string, valid []string) string {
	if near := nearest(word, valid); near != "" && !strings.EqualFold(near, word) {
		return msg + "; did you mean " + near + "?"
	}
	return msg
}
