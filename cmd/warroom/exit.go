package main

import (
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/i18n"
	"github.com/warroom/warroom/model/safetext"
)

// Exit statuses.
const (
	exitOK    = 0
	exitError = 1 // the command could not do what was asked
	exitUsage = 2 // the command was asked something invalid
	// exitDriverFailed: merge-driver could not merge and wrote nothing;
	// git takes a status over 128 as its merge driver failing.
	exitDriverFailed = 255
)

// usageError marks a mistake in how a command was called. msg, when set,
// says it in any language; err is the mistake as cobra reported it.
type usageError struct {
	err error
	msg *i18n.Message
}

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

// usage reports a mistake in how a command was called.
func usage(format string, args ...any) error {
	m := i18n.M(format, args...)
	return usageError{err: errors.New(m.String()), msg: &m}
}

// hintError adds what to do to an error, in any language.
type hintError struct {
	err  error
	hint i18n.Message
}

func (e hintError) Error() string { return e.err.Error() + "; " + e.hint.String() }
func (e hintError) Unwrap() error { return e.err }

// failure is the command failing for a reason it says in any language.
type failure struct{ msg i18n.Message }

func failf(format string, args ...any) error { return failure{msg: i18n.M(format, args...)} }

func (e failure) Error() string { return e.msg.String() }

// In says it in language l.
func (e failure) In(l i18n.Lang) string { return e.msg.In(l) }

// unchanged reports whether err says the change asked for would change
// nothing — the incident is already so — and if it does, says so on
// standard output. Such a command succeeds: run twice, a script gets the
// same answer.
func (a *app) unchanged(err error) bool {
	var ue *model.UnchangedError
	if !errors.As(err, &ue) {
		return false
	}
	a.say("nothing changed: %s\n", safetext.Line(model.Explain(err, a.lang)))
	return true
}

// exitCode chooses the exit status for err: 2 for bad input (unknown flags,
// roles, statuses, severities, kinds, task ids; text over a limit), 255
// for a merge the merge driver could not make, 1 for everything else.
func exitCode(err error) int {
	if isDriverFailure(err) {
		return exitDriverFailed
	}
	var ue usageError
	var ie *model.InvalidError
	var te *model.TextError
	if errors.As(err, &ue) || errors.As(err, &ie) || errors.As(err, &te) {
		return exitUsage
	}
	return exitError
}

// cobraErrors are cobra's own messages for flag and argument mistakes, as
// formats to say again in another language.
var cobraErrors = []struct {
	re     *regexp.Regexp
	format string
}{
	{regexp.MustCompile(`^unknown command "(.*)" for "(.*)"$`), "unknown command %q for %q"},
	{regexp.MustCompile(`^unknown flag: (.*)$`), "unknown flag: %s"},
	{regexp.MustCompile(`^unknown shorthand flag: '[0-9]' in (-[0-9].*)$`), "%q is not a command; to log it as a backdated entry: warroom log %q"},
	{regexp.MustCompile(`^unknown shorthand flag: '(.)' in (.*)$`), "unknown shorthand flag: '%s' in %s"},
	{regexp.MustCompile(`^flag needs an argument: (.*)$`), "flag needs an argument: %s"},
	{regexp.MustCompile(`^invalid argument "(.*)" for "(.*)" flag: (.*)$`), "invalid argument %q for %q flag: %s"},
}

// describe renders err for a person in lang.
func describe(err error, lang i18n.Lang) string {
	var ue usageError
	var he hintError
	switch {
	case errors.As(err, &he):
		return describe(he.err, lang) + "; " + he.hint.In(lang)
	case errors.As(err, &ue) && ue.msg != nil:
		return ue.msg.In(lang)
	case errors.As(err, &ue):
		for _, c := range cobraErrors {
			if m := c.re.FindStringSubmatch(ue.err.Error()); m != nil {
				args := make([]any, len(m)-1)
				for i, s := range m[1:] {
					args[i] = s
				}
				if len(args) == 1 && strings.Count(c.format, "%") == 2 {
					args = append(args, args[0])
				}
				return lang.T(c.format, args...)
			}
		}
		return ue.err.Error()
	}
	return model.Explain(err, lang)
}

// printError prints err to w in lang, sanitised: errors quote user input
// and file text.
func printError(w io.Writer, cmdPath string, err error, lang i18n.Lang) int {
	msg := safetext.Line(describe(err, lang))
	fmt.Fprintf(w, "warroom: %s\n", msg)
	code := exitCode(err)
	if code == exitUsage && cmdPath != "" && !strings.Contains(msg, "--help") {
		fmt.Fprintln(w, lang.T("Run '%s --help' for usage.", cmdPath))
	}
	return code
}
