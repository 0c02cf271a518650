package gitmerge

import (
	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/i18n"
)

// Side names one of the three versions of a merge.
type Side string

// The three versions.
const (
	Base   Side = "base"
	Ours   Side = "ours"
	Theirs Side = "theirs"
)

// SideError says that one version cannot be merged, and why.
type SideError struct {
	Side Side
	Err  error
}

func (e *SideError) Error() string { return e.In(i18n.English) }

// In says it in language l.
func (e *SideError) In(l i18n.Lang) string {
	why := model.Explain(e.Err, l)
	switch e.Side {
	case Ours:
		return l.T("our version cannot be merged: %s", why)
	case Theirs:
		return l.T("their version cannot be merged: %s", why)
	}
	return l.T("the common version cannot be merged: %s", why)
}

func (e *SideError) Unwrap() error { return e.Err }
