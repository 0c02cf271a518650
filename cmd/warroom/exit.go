package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/safetext"
)

// Exit statuses.
const (
	exitOK    = 0
	exitError = 1 // the command could not do what was asked
	exitUsage = 2 // the command was asked something invalid
)

// usageError marks a mistake in how a command was called.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

func usage(format string, args ...any) error { return usageError{fmt.Errorf(format, args...)} }

// exitCode chooses the exit status for err: 2 for bad input (unknown flags,
// roles, statuses, severities, kinds, task ids; text over a limit), 1 for
// everything else.
func exitCode(err error) int {
	var ue usageError
	var ie *model.InvalidError
	var te *model.TextError
	if errors.As(err, &ue) || errors.As(err, &ie) || errors.As(err, &te) {
		return exitUsage
	}
	return exitError
}

// printError prints err to w, sanitised: errors quote user input and file text.
func printError(w io.Writer, cmdPath string, err error) int {
	msg := safetext.Line(err.Error())
	fmt.Fprintf(w, "warroom: %s\n", msg)
	code := exitCode(err)
	if code == exitUsage && cmdPath != "" && !strings.Contains(msg, "--help") {
		fmt.Fprintf(w, "Run '%s --help' for usage.\n", cmdPath)
	}
	return code
}
