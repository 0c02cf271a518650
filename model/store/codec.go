package store

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/warroom/warroom/model"
)

// header opens every file warroom writes.
const header = `# warroom incident file. Hand edits are welcome; see "The file" in
# warroom's README. Keep [[timeline]] the last section of the file.

`

// Encode renders a state as the file's TOML.
func Encode(s model.State) ([]byte, error) {
	var buf bytes.Buffer
	buf.Grow(256 * (len(s.Timeline) + len(s.Tasks) + 8))
	buf.WriteString(header)
	enc := toml.NewEncoder(&buf)
	enc.Indent = ""
	if err := enc.Encode(s); err != nil {
		return nil, fmt.Errorf("encode incident: %w", err)
	}
	return buf.Bytes(), nil
}

// Decode parses the file's TOML. Errors name the path, line and column.
// Keys warroom does not know give an *UnknownKeysError together with the
// state read without them: fine to show, not to save.
func Decode(path string, data []byte) (model.State, error) {
	var probe struct {
		Schema int `toml:"schema"`
	}
	var s model.State
	md, err := toml.Decode(string(data), &s)
	if err != nil {
		// A newer schema may well carry values this build cannot read;
		// say so rather than report the symptom.
		if _, perr := toml.Decode(string(data), &probe); perr == nil && probe.Schema > model.Schema {
			return model.State{}, &SchemaError{Path: path, File: probe.Schema, Here: model.Schema}
		}
		return model.State{}, parseError(path, data, err)
	}
	if s.Schema > model.Schema {
		return model.State{}, &SchemaError{Path: path, File: s.Schema, Here: model.Schema}
	}
	if !md.IsDefined("schema") || s.Schema < 1 {
		return model.State{}, &FileError{Path: path, Line: 1, Msg: fmt.Sprintf(
			"no valid schema number; a warroom incident file starts with `schema = %d`", model.Schema)}
	}
	if err := s.Check(); err != nil {
		return model.State{}, &FileError{Path: path, Msg: err.Error()}
	}
	if undecoded := md.Undecoded(); len(undecoded) > 0 {
		return s, unknownKeys(path, data, undecoded)
	}
	return s, nil
}

// typeError matches the decoder's errors for a value of the wrong type,
// which carry the line and key in their text only.
var typeError = regexp.MustCompile(`^toml: (?:line (\d+) )?\(last key "([^"]*)"\): (.*)$`)

func parseError(path string, data []byte, err error) error {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		msg := pe.Message
		if pe.LastKey != "" && !strings.Contains(msg, pe.LastKey) {
			msg = fmt.Sprintf("%s (key %s)", msg, pe.LastKey)
		}
		line, col := pe.Position.Line, pe.Position.Col
		if pe.LastKey != "" {
			// In an array of tables the decoder knows only the last
			// position of a key; find the one holding the bad value.
			if l, c, ok := locateValue(data, toml.Key(strings.Split(pe.LastKey, ".")), quoted(pe.Message)); ok {
				line, col = l, c
			}
		}
		return &FileError{Path: path, Line: line, Col: col, Msg: msg}
	}
	if m := typeError.FindStringSubmatch(err.Error()); m != nil {
		key := toml.Key(strings.Split(m[2], "."))
		line, col := locate(data, key)
		if n, _ := strconv.Atoi(m[1]); n > 0 && n != line {
			line, col = n, 0
		}
		return &FileError{Path: path, Line: line, Col: col, Msg: fmt.Sprintf("%s: %s", m[2], m[3])}
	}
	return &FileError{Path: path, Msg: err.Error()}
}

// unknownKeys reports keys the file has and warroom does not know, with the
// position of the first one.
func unknownKeys(path string, data []byte, keys []toml.Key) error {
	names := make([]string, 0, len(keys))
	seen := map[string]bool{}
	for _, k := range keys {
		if s := k.String(); !seen[s] {
			seen[s] = true
			names = append(names, s)
		}
	}
	line, col := locate(data, keys[0])
	return &UnknownKeysError{Keys: names, FileError: FileError{Path: path, Line: line, Col: col, Msg: fmt.Sprintf(
		"unknown key %s; warroom would drop it when saving, so it saves no change until the key is renamed or removed",
		strings.Join(names, ", "))}}
}

// quoted returns the first double-quoted string in msg, or "".
func quoted(msg string) string {
	if _, rest, ok := strings.Cut(msg, `"`); ok {
		if v, err := strconv.Unquote(`"` + rest[:strings.IndexByte(rest+`"`, '"')] + `"`); err == nil {
			return v
		}
	}
	return ""
}

// locateValue finds where key is set to exactly hint (quoted or not), when
// the key is set in several places (arrays of tables) and hint is known.
func locateValue(data []byte, key toml.Key, hint string) (int, int, bool) {
	if hint == "" {
		return 0, 0, false
	}
	line, col := 0, 0
	found := false
	scan(data, func(n, c int, full, value string) bool {
		v := strings.TrimSpace(value)
		if uq, err := strconv.Unquote(v); err == nil {
			v = uq
		}
		if full == key.String() && v == hint {
			line, col, found = n, c, true
			return false
		}
		return true
	})
	return line, col, found
}

// locate finds the line and column where key is first set: a table header
// naming it, or a "name = value" line inside the table that contains it.
func locate(data []byte, key toml.Key) (int, int) {
	line, col := 0, 0
	scan(data, func(n, c int, full, _ string) bool {
		if full == key.String() {
			line, col = n, c
			return false
		}
		return true
	})
	return line, col
}

// scan calls visit for each table header and "name = value" line with its
// line, column, full dotted key and the text after '=', until visit
// returns false. It is a reader's approximation of TOML for error
// positions only: the decoder has already parsed the file.
func scan(data []byte, visit func(line, col int, key, value string) bool) {
	var table string
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
	for n := 1; sc.Scan(); n++ {
		raw := sc.Text()
		line := strings.TrimSpace(raw)
		col := len(raw) - len(strings.TrimLeft(raw, " \t")) + 1
		switch {
		case strings.HasPrefix(line, "[["):
			table = strings.TrimSpace(strings.Trim(strings.SplitN(line, "]]", 2)[0], "[ "))
			if !visit(n, col, table, "") {
				return
			}
		case strings.HasPrefix(line, "["):
			table = strings.TrimSpace(strings.Trim(strings.SplitN(line, "]", 2)[0], "[ "))
			if !visit(n, col, table, "") {
				return
			}
		default:
			name, value, ok := strings.Cut(line, "=")
			if !ok || strings.HasPrefix(line, "#") {
				continue
			}
			full := strings.Trim(strings.TrimSpace(name), `"'`)
			if table != "" {
				full = table + "." + full
			}
			if !visit(n, col, full, value) {
				return
			}
		}
	}
}
