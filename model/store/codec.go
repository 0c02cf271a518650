package store

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
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
// Keys warroom does not know are an error too: saving would drop them.
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
		return model.State{}, parseError(path, err)
	}
	if s.Schema > model.Schema {
		return model.State{}, &SchemaError{Path: path, File: s.Schema, Here: model.Schema}
	}
	if !md.IsDefined("schema") || s.Schema < 1 {
		return model.State{}, &FileError{Path: path, Line: 1, Msg: fmt.Sprintf(
			"no valid schema number; a warroom incident file starts with `schema = %d`", model.Schema)}
	}
	if undecoded := md.Undecoded(); len(undecoded) > 0 {
		return model.State{}, unknownKeys(path, data, undecoded)
	}
	if err := s.Check(); err != nil {
		return model.State{}, &FileError{Path: path, Msg: err.Error()}
	}
	return s, nil
}

func parseError(path string, err error) error {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		msg := pe.Message
		if pe.LastKey != "" && !strings.Contains(msg, pe.LastKey) {
			msg = fmt.Sprintf("%s (key %s)", msg, pe.LastKey)
		}
		return &FileError{Path: path, Line: pe.Position.Line, Col: pe.Position.Col, Msg: msg}
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
	return &FileError{Path: path, Line: line, Col: col, Msg: fmt.Sprintf(
		"unknown key %s; warroom would drop it when saving, so it changes nothing until the key is renamed or removed",
		strings.Join(names, ", "))}
}

// locate finds the line and column where key is first set: a table header
// naming it, or a "name = value" line inside the table that contains it.
func locate(data []byte, key toml.Key) (int, int) {
	want := key.String()
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
			if table == want {
				return n, col
			}
		case strings.HasPrefix(line, "["):
			table = strings.TrimSpace(strings.Trim(strings.SplitN(line, "]", 2)[0], "[ "))
			if table == want {
				return n, col
			}
		default:
			name, _, ok := strings.Cut(line, "=")
			if !ok {
				continue
			}
			full := strings.Trim(strings.TrimSpace(name), `"'`)
			if table != "" {
				full = table + "." + full
			}
			if full == want {
				return n, col
			}
		}
	}
	return 0, 0
}
