package serve

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

// TestSplitLineAsAShellDoes: a command line over SSH is split into words
// as a POSIX shell splits it, apostrophes between letters are kept, and
// what a shell would read differently from what was meant is refused,
// never changed.
func TestSplitLineAsAShellDoes(t *testing.T) {
	for _, c := range []struct {
		line string
		want []string
	}{
		{`log don't page the DB team yet`, []string{"log", "don't", "page", "the", "DB", "team", "yet"}},
		{`log we don't know, it's the db`, []string{"log", "we", "don't", "know,", "it's", "the", "db"}},
		{`log "it's fine" now`, []string{"log", "it's fine", "now"}},
		{`handoff tl bob --note 'db is "down"'`, []string{"handoff", "tl", "bob", "--note", `db is "down"`}},
		{`log a\ b c`, []string{"log", "a b", "c"}},
		{`log users\' sessions`, []string{"log", "users'", "sessions"}},
		{`log "a \"b\" \$x \\ \q"`, []string{"log", `a "b" $x \ \q`}},
		{`log --note='x y'`, []string{"log", "--note=x y"}},
		{`log '' x`, []string{"log", "", "x"}},
		{`log rolled back; 50% & rising | $HOME *`, []string{"log", "rolled", "back;", "50%", "&", "rising", "|", "$HOME", "*"}},
		{"  show\t ", []string{"show"}},
		{"", []string{}},
	} {
		got, err := SplitLine(c.line)
		if err != nil || !slices.Equal(got, c.want) {
			t.Errorf("SplitLine(%q) = %q, %v; want %q", c.line, got, err, c.want)
		}
	}
	for _, c := range []struct{ line, says string }{
		{`log 'twas fine`, `the ' in "'twas fine" opens a quote that never closes`},
		{`log "it's fine`, `the " in "\"it's fine" opens a quote`},
		{`log the users' data`, `the ' in "users' data" may be an apostrophe or the start of a quote`},
		{`log don't 'fix it`, `opens a quote that never closes`},
		{`log 'it's fine'`, `may be an apostrophe`},
		{`log 5"`, `may be an apostrophe or the start of a quote`},
		{`log trailing \`, `ends with a \ that escapes nothing`},
	} {
		got, err := SplitLine(c.line)
		var le *LineError
		if !errors.As(err, &le) {
			t.Errorf("SplitLine(%q) = %q, %v; want it refused", c.line, got, err)
			continue
		}
		msg := le.Message().String()
		if !strings.Contains(msg, c.says) || !strings.Contains(msg, "ssh HOST log -") {
			t.Errorf("SplitLine(%q) says %q; want %q and how to send any text", c.line, msg, c.says)
		}
	}
}

// quoteWords quotes words for a shell: each in '…', an apostrophe as '\”.
func quoteWords(words []string) string {
	q := make([]string, len(words))
	for i, w := range words {
		q[i] = "'" + strings.ReplaceAll(w, "'", `'\''`) + "'"
	}
	return strings.Join(q, " ")
}

// FuzzSplitLine: any line splits or is refused, never panics; words
// quoted as a shell quotes them split back into themselves.
func FuzzSplitLine(f *testing.F) {
	for _, s := range []string{`log don't`, `a "b\"c" 'd'`, `x\`, `'`, `it's 'x'`, "a\\\nb"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		words, err := SplitLine(line)
		if err != nil {
			return
		}
		back, err := SplitLine(quoteWords(words))
		if err != nil || !slices.Equal(back, words) {
			t.Fatalf("%q split into %q; quoted again, %q split into %q, %v", line, words, quoteWords(words), back, err)
		}
	})
}
