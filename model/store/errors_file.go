package store

import (
	"fmt"

	"github.com/warroom/warroom/model/i18n"
)

// acceptHint says how to take a file changed by hand as it is.
const acceptHint = "; nothing was written. If you changed the file by hand on purpose, run `warroom check --accept` to take it as it is now"

// ShortError refuses a file that holds less than warroom last wrote to it:
// one cut short (its end, which warroom seals with a sum line, is missing),
// or one with records taken out. Nothing is written over it until someone
// accepts it as it is (Accept). Load returns it together with the state
// the file holds as it is: fine to show, not to save.
type ShortError struct {
	FileError
	// What is missing: "" for the end of the file, else the records
	// ("entries", "tasks"...) the file has fewer of, and how many it has
	// and warroom wrote.
	What        string
	Have, Wrote int
}

// Unwrap lets errors.As find the *FileError, with its position.
func (e *ShortError) Unwrap() error { return &e.FileError }

func (e *ShortError) Error() string { return e.In("en") }

// In says it in language l.
func (e *ShortError) In(l i18n.Lang) string {
	where := (&FileError{Path: e.Path, Line: e.Line, Col: e.Col}).Error()
	var msg string
	if e.What == "" {
		msg = l.T("the file ends here, before the end warroom last wrote to it: it was cut short")
	} else {
		msg = l.T("the file holds %d %s, but warroom last wrote %d: some were taken out or the file was cut short",
			e.Have, l.T(e.What), e.Wrote)
	}
	return where + msg + l.T(acceptHint)
}

// NotRegularError refuses a path that is not a regular file: a FIFO, a
// device such as /dev/zero, a directory. Such a path is never read from or
// waited on.
type NotRegularError struct {
	Path string
	What string // "a FIFO", "a device", "a directory"...
}

func (e *NotRegularError) Error() string { return e.In("en") }

// In says it in language l.
func (e *NotRegularError) In(l i18n.Lang) string {
	return l.T("%s is %s, not an incident file; warroom reads incidents from regular files only", e.Path, l.T(e.What))
}

// TooLargeError refuses a file larger than MaxFileSize.
type TooLargeError struct {
	Path string
	Size int64
}

func (e *TooLargeError) Error() string { return e.In("en") }

// In says it in language l.
func (e *TooLargeError) In(l i18n.Lang) string {
	return l.T("%s is %s, more than the %s warroom reads; it was left as it is", e.Path, mib(e.Size), mib(MaxFileSize))
}

// mib renders a size in MiB.
func mib(n int64) string { return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20)) }

// IncidentChangedError refuses to save changes into a file that now holds
// another incident than the one they were made on: the file was replaced
// while a screen had changes pending. The changes stay pending.
type IncidentChangedError struct {
	Path      string
	Want, Got string // incident ids: the changes were made on Want
}

func (e *IncidentChangedError) Error() string { return e.In("en") }

// In says it in language l.
func (e *IncidentChangedError) In(l i18n.Lang) string {
	return l.T("%s now holds incident %s, not %s, on which these changes were made; they were not saved into it. "+
		"Put %s's file back to save them, or quit and open the file again", e.Path, e.Got, e.Want, e.Want)
}
