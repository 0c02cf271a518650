package model

import (
	"bytes"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// TestFollowUpClockInTheFile: a follow-up's clock is written as a table
// of one stamp per field and read back the same; a schema 1 file's single
// stamp reads as that stamp for every field.
func TestFollowUpClockInTheFile(t *testing.T) {
	f := withFollowUp(t)
	id := f.FollowUps[0].ID
	s := apart(t, f, FollowUpDetails{FollowUp: id, Owner: "bob", Ticket: "OPS-1"}, "bob", "b", 0)
	var buf bytes.Buffer
	if err := toml.NewEncoder(&buf).Encode(s); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "[followups.clock]") {
		t.Fatalf("no [followups.clock] table:\n%s", buf.String())
	}
	var back State
	if _, err := toml.Decode(buf.String(), &back); err != nil {
		t.Fatal(err)
	}
	if back.FollowUps[0].Clock != s.FollowUps[0].Clock || back.Schema != Schema {
		t.Errorf("clock %+v read back as %+v (schema %d)", s.FollowUps[0].Clock, back.FollowUps[0].Clock, back.Schema)
	}

	old := `schema = 1
[[followups]]
id = "f1"
title = "x"
done = true
clock = "2026-11-25T14:00:00.000Z.0002@r1"
`
	var s1 State
	if _, err := toml.Decode(old, &s1); err != nil {
		t.Fatalf("a schema 1 follow-up does not read: %v", err)
	}
	want, _ := ParseStamp("2026-11-25T14:00:00.000Z.0002@r1")
	if c := s1.FollowUps[0].Clock; c.Done != want || c.Owner != want || c.Due != want || c.Ticket != want {
		t.Errorf("schema 1 clock read as %+v", c)
	}
	for _, bad := range []string{"[followups.clock]\nsoon = \"x\"", "[followups.clock]\ndone = 3", "clock = 3"} {
		var x State
		if _, err := toml.Decode("[[followups]]\nid = \"f1\"\n"+bad+"\n", &x); err == nil {
			t.Errorf("%q was accepted", bad)
		}
	}
}
