package store

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/safetext"
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
	// The file is meant to be read with cat and git diff too.
	return safetext.EscapeQuoted(buf.Bytes()), nil
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
	// A time far ahead of this machine's clock is a typo or a clock set
	// wrong (the rule and its words are model.CheckTimes').
	if err := s.CheckTimes(time.Now()); err != nil {
		return model.State{}, fmt.Errorf("%s: %w", path, err)
	}
	if undecoded := md.Undecoded(); len(undecoded) > 0 {
		return s, unknownKeys(path, data, undecoded)
	}
	return s, nil
}

// typeError matches the decoder's errors for a value of the wrong type,
// which carry the line and key in their text only.
var typeError = regexp.MustCompile(`^toml: (?:line (\d+) )?\(last key "([^"]*)"\): (.*)$`)

// valueType matches the TOML type a type error says it found.
var valueType = regexp.MustCompile(`TOML value has type (\w+)`)

// parseError turns a decoder error into a FileError at the right place.
func parseError(path string, data []byte, err error) error {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		msg := safetext.Line(pe.Message)
		if pe.LastKey != "" && !strings.Contains(msg, pe.LastKey) {
			msg = fmt.Sprintf("%s (key %s)", msg, pe.LastKey)
		}
		// The byte offset is exact; the decoder's line is one too far
		// when the offending character is a line break.
		line, col := offsetPosition(data, pe.Position.Start)
		if pe.LastKey != "" {
			// In an array of tables the decoder knows only the last
			// position of a key; find the one holding the bad value.
			if l, c, ok := locateValue(data, keyParts(pe.LastKey), quoted(pe.Message)); ok {
				line, col = l, c
			}
		}
		return &FileError{Path: path, Line: line, Col: col, Msg: msg}
	}
	if m := typeError.FindStringSubmatch(err.Error()); m != nil {
		key := keyParts(m[2])
		line, col := 0, 0
		if t := valueType.FindStringSubmatch(m[3]); t != nil {
			line, col = locateType(data, key, t[1])
		}
		if line == 0 {
			line, _ = strconv.Atoi(m[1])
		}
		return &FileError{Path: path, Line: line, Col: col, Msg: fmt.Sprintf("%s: %s", m[2], m[3])}
	}
	return &FileError{Path: path, Msg: safetext.Line(err.Error())}
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
