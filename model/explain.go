package model

import (
	"errors"
	"strings"

	"github.com/warroom/warroom/model/i18n"
)

// Explain renders an error for a person in language l: the model's own
// errors (InvalidError, TextError, ConflictError, UnchangedError, also
// when wrapped) in that language, any other error as it is. A wrapped
// model error keeps what its wrappers added around it.
func Explain(err error, l i18n.Lang) string {
	if err == nil {
		return ""
	}
	var inner interface {
		error
		In(i18n.Lang) string
	}
	var ie *InvalidError
	var te *TextError
	var ce *ConflictError
	var ue *UnchangedError
	var be *BlockedError
	switch {
	case errors.As(err, &be):
		inner = be // before ConflictError, which it also is: it names what is missing
	case errors.As(err, &ie):
		inner = ie
	case errors.As(err, &te):
		inner = te
	case errors.As(err, &ue):
		inner = ue
	case errors.As(err, &ce):
		inner = ce
	default:
		// Errors of other packages that can say themselves in a language
		// (the store's) do so.
		var loc interface {
			error
			In(i18n.Lang) string
		}
		if !errors.As(err, &loc) {
			return err.Error()
		}
		inner = loc
	}
	full, en := err.Error(), inner.Error()
	if !strings.Contains(full, en) {
		return inner.In(l)
	}
	return strings.Replace(full, en, inner.In(l), 1)
}
