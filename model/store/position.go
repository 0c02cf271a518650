package store

import (
	"bufio"
	"bytes"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
)

// The decoder reports some positions only approximately: the last place a
// key is set in an array of tables, or no place at all for unknown keys.
// These helpers find the exact line and column by reading the file the way
// a person would. The decoder has already parsed the file; this is only
// for pointing at the right place in error messages.

// offsetPosition turns a byte offset into a 1-based line and column.
func offsetPosition(data []byte, off int) (int, int) {
	off = max(0, min(off, len(data)))
	line := 1 + bytes.Count(data[:off], []byte("\n"))
	col := off - (bytes.LastIndexByte(data[:off], '\n') + 1) + 1
	return line, col
}

// keyParts splits a dotted key or table name into its parts, trimming
// space around the dots and unquoting quoted parts, as in the file or as
// the decoder prints it: incident."declared by" → [incident, declared by].
func keyParts(s string) toml.Key {
	var parts []string
	var cur strings.Builder
	var quote byte
	flush := func() {
		p := strings.TrimSpace(cur.String())
		if uq, err := strconv.Unquote(p); err == nil && strings.HasPrefix(p, `"`) {
			p = uq
		} else if len(p) >= 2 && p[0] == '\'' && p[len(p)-1] == '\'' {
			p = p[1 : len(p)-1]
		}
		parts = append(parts, p)
		cur.Reset()
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == '\\' && quote == '"' && i+1 < len(s) {
				cur.WriteByte(c)
				i++
				c = s[i]
			} else if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '.':
			flush()
			continue
		}
		cur.WriteByte(c)
	}
	flush()
	return parts
}

func sameKey(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// scan calls visit for each table header and "name = value" line, with its
// line, column, full key and the text after '=', until visit returns false.
func scan(data []byte, visit func(line, col int, key []string, value string) bool) {
	var table []string
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
	for n := 1; sc.Scan(); n++ {
		raw := sc.Text()
		line := strings.TrimSpace(raw)
		col := len(raw) - len(strings.TrimLeft(raw, " \t")) + 1
		var key []string
		value := ""
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
			continue
		case strings.HasPrefix(line, "[["):
			name, _, _ := strings.Cut(line[2:], "]]")
			table = keyParts(name)
			key = table
		case strings.HasPrefix(line, "["):
			name, _, _ := strings.Cut(line[1:], "]")
			table = keyParts(name)
			key = table
		default:
			name, v, ok := strings.Cut(line, "=")
			if !ok {
				continue
			}
			key = append(append([]string(nil), table...), keyParts(name)...)
			value = strings.TrimSpace(v)
		}
		if !visit(n, col, key, value) {
			return
		}
	}
}

// locate finds where key is first set or, for a table, first opened.
func locate(data []byte, key toml.Key) (line, col int) {
	scan(data, func(n, c int, k []string, _ string) bool {
		if sameKey(k, key) {
			line, col = n, c
			return false
		}
		return true
	})
	return line, col
}

// locateValue finds where key is set to exactly hint, quoted or not.
func locateValue(data []byte, key toml.Key, hint string) (line, col int, found bool) {
	if hint == "" {
		return 0, 0, false
	}
	scan(data, func(n, c int, k []string, v string) bool {
		if uq, err := strconv.Unquote(v); err == nil {
			v = uq
		}
		if sameKey(k, key) && v == hint {
			line, col, found = n, c, true
			return false
		}
		return true
	})
	return line, col, found
}

// locateType finds where key is first set to a value of the TOML type a
// type error names: a string, or anything else.
func locateType(data []byte, key toml.Key, typ string) (line, col int) {
	wantString := typ == "string"
	scan(data, func(n, c int, k []string, v string) bool {
		isString := strings.HasPrefix(v, `"`) || strings.HasPrefix(v, "'")
		if sameKey(k, key) && isString == wantString {
			line, col = n, c
			return false
		}
		return true
	})
	return line, col
}

// quoted returns the first double-quoted string in msg, or "".
func quoted(msg string) string {
	start := strings.IndexByte(msg, '"')
	if start < 0 {
		return ""
	}
	for end := start + 1; end < len(msg); end++ {
		if msg[end] == '\\' {
			end++
			continue
		}
		if msg[end] == '"' {
			if v, err := strconv.Unquote(msg[start : end+1]); err == nil {
				return v
			}
			return ""
		}
	}
	return ""
}
