package main

import (
	"reflect"
	"testing"
)

// TestAttributeLines: the patterns a .gitattributes gives the driver are
// found among comments, other attributes and other drivers; a pattern is
// added once, after a last line that lacked its line break.
func TestAttributeLines(t *testing.T) {
	text := "# incidents\n*.incident.toml merge=warroom -diff\n*.md merge=union\n#x.toml merge=warroom\n  warroom.toml  text merge=warroom"
	if got := warroomPatterns(text); !reflect.DeepEqual(got, []string{"*.incident.toml", "warroom.toml"}) {
		t.Errorf("patterns %q", got)
	}
	out, added := withPatterns(text, []string{"warroom.toml", "*.md", "*.md"})
	if want := text + "\n*.md merge=warroom\n"; out != want || !reflect.DeepEqual(added, []string{"*.md"}) {
		t.Errorf("added %q:\n%q", added, out)
	}
	if out, added := withPatterns(out, []string{"*.md"}); len(added) != 0 || out != text+"\n*.md merge=warroom\n" {
		t.Errorf("added again: %q", added)
	}
	if out, _ := withPatterns("", []string{"a.toml"}); out != "a.toml merge=warroom\n" {
		t.Errorf("into an empty file: %q", out)
	}
}

// TestDriverLines: which merge.warroom.driver lines run warroom's driver.
func TestDriverLines(t *testing.T) {
	for line, want := range map[string]bool{
		driverCommand(false): true,
		driverCommand(true):  true,
		"/opt/bin/warroom merge-driver --strict %O %A %B %P": true,
		"warroom merge-driver %A %O %B":                      false,
		"cat %A":                                             false,
		"merge-driver":                                       false,
		// As the shell git runs it with splits it: a quoted path with a
		// space is one word, and the program must be warroom.
		`"/opt/my tools/warroom" merge-driver %O %A %B %P`: true,
		`/opt/my\ tools/warroom merge-driver %O %A %B`:     true,
		"echo merge-driver %O %A %B":                       false,
		`warroom merge-driver "%O %A %B"`:                  false,
		`warroom merge-driver %O %A %B "unclosed`:          false,
	} {
		if got := runsDriver(line); got != want {
			t.Errorf("%q: %v, want %v", line, got, want)
		}
	}
}

// TestSamplePaths: a path each attributes pattern names, to ask git what
// it gives it; none for patterns it cannot make one of.
func TestSamplePaths(t *testing.T) {
	for pattern, want := range map[string]string{
		"*.incident.toml":     "x.incident.toml",
		"postmortems/*.toml":  "postmortems/x.toml",
		"/inc-??.toml":        "inc-xx.toml",
		"**/incidents/*.toml": "incidents/x.toml",
		"inc[0-9].toml":       "",
		"incidents/":          "",
	} {
		got, ok := samplePath(pattern)
		if got != want || ok != (want != "") {
			t.Errorf("%q: %q %v, want %q", pattern, got, ok, want)
		}
	}
}
