package main

import (
	"strings"
	"testing"
)

// TestServedCommandLines: over SSH, the incident's verbs run as they do
// on the command line, help included, and for a viewer only those that
// read; the host's verbs and flags are refused however the line is
// written.
func TestServedCommandLines(t *testing.T) {
	a := newApp(strings.NewReader(""), nil, nil, func(string) string { return "" })
	for _, c := range []struct {
		line   string
		viewer bool
		ok     bool
	}{
		{"log replica lag 40s", false, true},
		{"log -5m first alert fired", false, true},
		{"log -- --as bob", false, true},
		{"task add check the CDN --owner dave", false, true},
		{"handoff tech_lead bob --note db", false, true},
		{"update --audience external we are on it", false, true},
		{"status resolved --force --reason fine", false, true},
		{"--lang es show", true, true},
		{"show", true, true},
		{"task list", true, true},
		{"policy", true, true},
		{"help", true, true},
		{"help log", true, true},
		{"log --help", true, true},
		{"--help", true, true},
		{"hooks list", false, true},
		{"mark impact -5m", false, true},
		{"pin e8c2h", false, true},
		{"unpin e8c2h", false, true},
		{"catchup --for dave", true, true},
		{"mark impact", true, false},
		{"pin e8c2h", true, false},
		{"policy set sev1.external 15m", true, false},
		{"log x", true, false},
		{"hooks list", true, false},
		{"hooks run-job", false, false},
		{"hooks test severity", false, false},
		{"export -o /etc/x", false, false},
		{"log x --as bob", false, false},
		{"log x --theme -- --as bob", false, false},
		{"--theme show hooks run-job", true, false},
		{"--wall", false, false},
		{"", false, false},
		{"sync host:x", false, false},
		{"team list", false, false},
		{"completion bash", false, false},
		{"__complete show ''", false, false},
		{"git install --global", false, false},
		{"merge-driver a b c", false, false},
		{"serve", false, false},
		{"demo", false, false},
		{"config", false, false},
		{"check", false, false},
		{"log --help=false viewer wrote this", true, false},
		{"log -h=false viewer wrote this", true, false},
		{"--help=false", false, false},
		{"__complete task add --role x --file /etc/x --owner ''", true, false},
		{"--lang es __complete show", false, false},
		{"completion bash --no-descriptions", false, false},
		{"log --no-such-flag x", false, false},
	} {
		args := strings.Fields(c.line)
		if len(args) == 0 {
			args = []string{}
		}
		why := a.servedRefusal(args, c.viewer)
		if got := why.Format == ""; got != c.ok {
			t.Errorf("%q (viewer %v): allowed %v, want %v (%s)", c.line, c.viewer, got, c.ok, why)
		}
	}
}
