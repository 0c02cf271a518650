package store

import (
	"errors"
	"fmt"
	"strings"

	"github.com/warroom/warroom/model/i18n"
)

// ErrNoIncident is returned when the file does not exist.
var ErrNoIncident = errors.New("no incident file")

// ErrUnchanged, returned by an Update's change function, says there is
// nothing to save: Update writes nothing and returns the state as read.
var ErrUnchanged = errors.New("nothing changed")

// MissingError says which file does not exist; it is ErrNoIncident.
type MissingError struct{ Path string }

func (e *MissingError) Error() string { return e.In("en") }

// In says it in language l.
func (e *MissingError) In(l i18n.Lang) string { return l.T("%s: no incident file", e.Path) }

// Is makes errors.Is(err, ErrNoIncident) true.
func (e *MissingError) Is(target error) bool { return target == ErrNoIncident }

// FileError is a problem at a place in the file, printed as
// PATH:LINE:COL: message, the form editors and terminals link to.
type FileError struct {
	Path      string
	Line, Col int
	Msg       string
}

func (e *FileError) Error() string {
	switch {
	case e.Line > 0 && e.Col > 0:
		return fmt.Sprintf("%s:%d:%d: %s", e.Path, e.Line, e.Col, e.Msg)
	case e.Line > 0:
		return fmt.Sprintf("%s:%d: %s", e.Path, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.Path, e.Msg)
}

// SchemaError refuses a file written by a newer warroom.
type SchemaError struct {
	Path       string
	File, Here int
}

func (e *SchemaError) Error() string { return e.In("en") }

// In says it in language l.
func (e *SchemaError) In(l i18n.Lang) string {
	return l.T("%s: written with file schema %d, but this warroom reads schema %d at most; "+
		"upgrade warroom to open it (the file was left as it is)", e.Path, e.File, e.Here)
}

// LockError reports that another process kept the file locked too long.
type LockError struct {
	Path, Lock string
	Err        error
}

func (e *LockError) Error() string { return e.In("en") }

// In says it in language l.
func (e *LockError) In(l i18n.Lang) string {
	msg := l.T("%s: another warroom is still writing it (lock %s)", e.Path, e.Lock)
	if e.Err != nil {
		msg += ": " + e.Err.Error()
	}
	return msg + l.T("; try again")
}

func (e *LockError) Unwrap() error { return e.Err }

// UnknownKeysError reports keys in the file that warroom does not know.
// Load returns it together with the state it could read, so the incident
// can still be shown; Update refuses to save, since saving would drop them.
type UnknownKeysError struct {
	FileError
	Keys []string
}

// Unwrap lets errors.As find the *FileError, with its position.
func (e *UnknownKeysError) Unwrap() error { return &e.FileError }

func (e *UnknownKeysError) Error() string { return e.In("en") }

// In says it in language l.
func (e *UnknownKeysError) In(l i18n.Lang) string {
	where := (&FileError{Path: e.Path, Line: e.Line, Col: e.Col, Msg: ""}).Error()
	return where + l.T("unknown key %s; warroom would drop it when saving, so it saves no change until the key is renamed or removed",
		strings.Join(e.Keys, ", "))
}
