package report

import (
	"strings"
	"testing"

	"github.com/warroom/warroom/model"
)

// TestDescribeAnUndo: an entry an undo wrote says which change it undid.
func TestDescribeAnUndo(t *testing.T) {
	e := model.Entry{Kind: model.KindSeverity, From: "SEV2", To: "SEV1", Undoes: "e8c2hv7pq3mzd"}
	if got, want := Describe(e, opts()), "severity SEV2 → SEV1 (undoing entry e8c2hv7pq3mzd)"; got != want {
		t.Errorf("described as %q, want %q", got, want)
	}
	o := opts()
	o.Lang = "es"
	if got, want := Describe(e, o), "(deshace la entrada e8c2hv7pq3mzd)"; !strings.Contains(got, want) {
		t.Errorf("in Spanish %q, want %q", got, want)
	}
}
