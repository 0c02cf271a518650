package report

import (
	"strings"
	"testing"

	"github.com/warroom/warroom/model"
)

// A change of who sends external updates is said in words, both ways.
func TestDescribeExternalBy(t *testing.T) {
	for to, want := range map[string]string{
		"anyone": "anyone now sends external updates as written",
		"comms":  "are now drafts for the communications manager",
	} {
		e := model.Entry{Kind: model.KindPolicy, Text: "external_by", From: "x", To: to}
		if got := Describe(e, opts()); !strings.Contains(got, want) {
			t.Errorf("to %s: %q", to, got)
		}
	}
}
