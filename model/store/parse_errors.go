package store

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/warroom/warroom/model/safetext"
)

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
