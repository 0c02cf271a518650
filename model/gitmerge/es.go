package gitmerge

import "github.com/warroom/warroom/model/i18n"

// Spanish for what this package says, registered with i18n when the package
// is loaded.
var _ = i18n.Register("gitmerge", i18n.Spanish, esGitMerge)

// esGitMerge: why a version cannot be merged.
var esGitMerge = map[string]string{
	"our version cannot be merged: %s":        "nuestra versión no se puede combinar: %s",
	"their version cannot be merged: %s":      "su versión no se puede combinar: %s",
	"the common version cannot be merged: %s": "la versión común no se puede combinar: %s",
}
