package report

import (
	"testing"
)

func esOpts() Options {
	o := opts()
	o.Lang = "es"
	return o
}

func TestShowSpanish(t *testing.T) {
	out := Show(sample(t), ShowOptions{Options: esOpts(), Entries: 8})
	golden(t, "show.es.txt", out)
	noControls(t, "show", out)
}

func TestMarkdownSpanish(t *testing.T) {
	out := Markdown(sample(t), esOpts())
	golden(t, "export.es.md", out)
	noControls(t, "markdown", out)
}
