package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// pagerbotKey is a public key for the team file of these tests.
const pagerbotKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHrjWt3xMm5Odyah+7zOn8nRdJdFFYZl0IsSxR2OIkxq pagerbot\n"

// TestTeamBotsAreLeftOutOfTheReview (issue 20, item 5): a member the
// team file marks as a bot (team add --bot) is a bot at home too, where
// that team file is warroom serve's: team list says so, and the review
// keeps the bot's entries out of its timeline, with one line for it,
// while export --all lists them.
func TestTeamBotsAreLeftOutOfTheReview(t *testing.T) {
	t.Parallel()
	r := newRunner(t)
	r.env["WARROOM_TEAM"] = filepath.Join(r.dir, "team.toml")
	r.declare()
	if res := r.runStdin(pagerbotKey, "team", "add", "pagerbot", "-", "--bot"); res.code != 0 {
		t.Fatalf("team add --bot:\n%s", res)
	}
	if list := r.ok("team", "list"); !strings.Contains(list, "pagerbot\tedit,bot\t") {
		t.Errorf("team list does not say pagerbot is a bot:\n%s", list)
	}
	r.as("pagerbot").ok("log", "heartbeat 1")
	r.as("pagerbot").ok("log", "heartbeat 2")
	r.as("alice").ok("log", "error rate 38%")
	review := r.ok("export")
	if strings.Contains(review, "heartbeat") || !strings.Contains(review, "2 entries, until") || !strings.Contains(review, "error rate 38%") {
		t.Errorf("the review does not leave the team's bot out of its timeline:\n%s", review)
	}
	if all := r.ok("export", "--all"); !strings.Contains(all, "heartbeat 2") {
		t.Errorf("export --all leaves out the bot's entries:\n%s", all)
	}
}
