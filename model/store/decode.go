package store

import (
	"bytes"
	"fmt"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/warroom/warroom/model"
)

// wholeDoc is a whole file, decoded at once: for files from earlier builds
// and files changed by hand, whose parts cannot be told apart by their sums.
type wholeDoc struct {
	Checkpoint *checkpointMeta `toml:"checkpoint"`
	Changed    changed         `toml:"changed"`
	model.State
}

// headRecords is the head of a checkpoint, decoded alone.
type headRecords struct {
	Checkpoint *checkpointMeta `toml:"checkpoint"`
	model.State
}

// partDoc is a run of commits or entries: the records they added, those
// they changed, the entries they wrote.
type partDoc struct {
	changed
	Changed  changed       `toml:"changed"`
	Timeline []model.Entry `toml:"timeline"`
}

// replayPart replays over s the records d added and changed.
func replayPart(s model.State, d partDoc) model.State {
	return replay(replay(s, d.changed), d.Changed)
}

// Decode parses the bytes of a whole file. Errors name the path, line and
// column. Keys warroom does not know give an *UnknownKeysError together
// with the state read without them: fine to show, not to save. A file cut
// short gives a *ShortError together with what it holds. What follows the
// file's last sum line (an append cut short) is not read.
func Decode(path string, data []byte) (model.State, error) {
	s, _, err := decodeFile(path, data)
	return s, err
}

// decodeFile decodes data and says how it is laid out.
func decodeFile(path string, data []byte) (model.State, layout, error) {
	if n, ok := probeSchema(data); ok && n > model.Schema {
		return model.State{}, layout{}, &SchemaError{Path: path, File: n, Here: model.Schema}
	}
	lay := analyze(data, false)
	var head headRecords
	md, err := toml.Decode(string(data[:lay.head]), &head)
	if err != nil || len(md.Undecoded()) > 0 || head.Checkpoint == nil || head.Schema < 2 {
		// Not a head this build wrote: read the file whole.
		s, err := decodeWhole(path, data, int64(len(data)))
		return s, lay, err
	}
	lay = analyze(data, true)
	switch lay.state {
	case stateShort:
		s, err := decodeWhole(path, data, int64(len(data)))
		if err != nil {
			return s, lay, err
		}
		line, col := offsetPosition(data, len(data))
		return s, lay, &ShortError{FileError: FileError{Path: path, Line: line, Col: col}}
	case stateEdited:
		s, err := decodeWhole(path, data, lay.dataEnd)
		if err != nil {
			return s, lay, err
		}
		entries := 0
		if lay.ckptSum > lay.head {
			entries = 1 + bytes.Count(data[lay.head:lay.ckptSum], []byte("\n[[timeline]]\n"))
		}
		return s, lay, fewer(path, *head.Checkpoint, head.State, entries)
	}
	s, err := decodeClean(data, lay, head.State)
	if err != nil {
		// Sealed parts that do not decode alone: let the whole file say
		// where the problem is.
		s, err := decodeWhole(path, data, lay.dataEnd)
		return s, lay, err
	}
	if err := s.Check(); err != nil {
		return model.State{}, lay, &FileError{Path: path, Msg: err.Error()}
	}
	if err := checkTimes(path, s); err != nil {
		return model.State{}, lay, err
	}
	return s, lay, nil
}

// checkTimes refuses a time far ahead of this machine's clock: a typo or
// a clock set wrong (the rule and its words are model.CheckTimes').
func checkTimes(path string, s model.State) error {
	if err := s.CheckTimes(time.Now()); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// fewer reports a file changed after warroom wrote it whose checkpoint
// holds fewer records than it counted: head, as decoded alone, and
// entries, the entries up to its sum line.
func fewer(path string, m checkpointMeta, s model.State, entries int) error {
	for _, c := range []struct {
		what        string
		have, wrote int
	}{
		{"entries", entries, m.Entries}, {"tasks", len(s.Tasks), m.Tasks},
		{"assignments", len(s.Assignments), m.Assignments}, {"people", len(s.People), m.People},
		{"theories", len(s.Theories), m.Theories}, {"followups", len(s.FollowUps), m.FollowUps},
	} {
		if c.have < c.wrote {
			return &ShortError{FileError: FileError{Path: path}, What: c.what, Have: c.have, Wrote: c.wrote}
		}
	}
	return nil
}

// decodeClean decodes a file whose sums all match: the head is given, the
// checkpoint's entries and the commits are decoded in parts, in parallel.
func decodeClean(data []byte, lay layout, head model.State) (model.State, error) {
	parts := splitEntries(data, lay.head, lay.ckptSum, partSize)
	nCkpt := len(parts)
	parts = append(parts, splitCommits(lay.tail.commits, partSize)...)
	docs, err := decodeParts(data, parts)
	if err != nil {
		return model.State{}, err
	}
	total := 0
	for _, d := range docs {
		total += len(d.Timeline)
	}
	s := head
	s.Timeline = make([]model.Entry, 0, total)
	for i, d := range docs {
		if i >= nCkpt {
			s = replayPart(s, d)
		}
		s.Timeline = append(s.Timeline, d.Timeline...)
	}
	return s, nil
}

// partSize is about how many bytes one part holds: enough to keep the
// decoder busy, small enough that its scratch memory stays small.
const partSize = 256 << 10

// span is a range of offsets in a file.
type span struct{ from, to int64 }

// splitEntries cuts the entries in [from, to) into parts of about size
// bytes, at [[timeline]] lines.
func splitEntries(data []byte, from, to int64, size int) []span {
	var out []span
	for from < to {
		cut := to
		if to-from > int64(size) {
			if i := lineIndex(data[:to], timelineHeader, int(from)+size); i > 0 {
				cut = int64(i)
			}
		}
		out = append(out, span{from, cut})
		from = cut
	}
	return out
}

// splitCommits groups whole commits into parts of about size bytes.
func splitCommits(cs []commit, size int) []span {
	var out []span
	for i := 0; i < len(cs); {
		sp := span{cs[i].start, cs[i].end}
		for i++; i < len(cs) && sp.to-sp.from < int64(size); i++ {
			sp.to = cs[i].end
		}
		out = append(out, sp)
	}
	return out
}

// decodeParts decodes each span of data alone, on every core.
func decodeParts(data []byte, parts []span) ([]partDoc, error) {
	docs := make([]partDoc, len(parts))
	errs := make([]error, len(parts))
	work := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(parts)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				docs[i], errs[i] = decodePart(data[parts[i].from:parts[i].to])
			}
		}()
	}
	for i := range parts {
		work <- i
	}
	close(work)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return docs, nil
}

// decodePart decodes entries and changed records.
func decodePart(b []byte) (partDoc, error) {
	var d partDoc
	md, err := toml.Decode(string(b), &d)
	if err != nil {
		return d, err
	}
	if keys := unknown(md); len(keys) > 0 {
		return d, fmt.Errorf("unknown keys %v", keys)
	}
	compact(d.Timeline)
	return d, nil
}

// compact makes the strings of entries their own: the decoder hands out
// strings that share the memory of the text it read, which would keep the
// whole file in memory as long as any entry is. The short ones that repeat
// (authors, kinds, roles, channels) are shared instead: a long timeline
// costs about a quarter less memory.
func compact(es []model.Entry) {
	seen := map[string]string{}
	share := func(p *string) {
		if *p == "" {
			return
		}
		if v, ok := seen[*p]; ok {
			*p = v
			return
		}
		v := strings.Clone(*p)
		seen[v] = v
		*p = v
	}
	own := func(p *string) {
		if *p != "" {
			*p = strings.Clone(*p)
		}
	}
	for i := range es {
		e := &es[i]
		share(&e.By)
		share((*string)(&e.Kind))
		share(&e.Role)
		share(&e.Workstream)
		share(&e.Channel)
		share(&e.From)
		share(&e.To)
		share(&e.Event)
		share(&e.Command)
		share(&e.Result)
		for _, p := range []*string{&e.ID, &e.Task, &e.Theory, &e.FollowUp, &e.Entry, &e.Text, &e.Conditions, &e.Actions, &e.Needs, &e.Took, &e.Undoes} {
			own(p)
		}
	}
}

// unknown lists the keys md did not decode, but for the sum lines.
func unknown(md toml.MetaData) []toml.Key {
	var out []toml.Key
	for _, k := range md.Undecoded() {
		if len(k) == 2 && k[0] == "timeline" && k[1] == "sum" {
			continue
		}
		out = append(out, k)
	}
	return out
}

// decodeWhole decodes data[:end] as one document: a file from an earlier
// build, or one changed by hand, read as it is. Errors name the path,
// line and column.
func decodeWhole(path string, data []byte, end int64) (model.State, error) {
	data = data[:end]
	var doc wholeDoc
	md, err := toml.Decode(string(data), &doc)
	if err != nil {
		// A newer schema may well carry values this build cannot read;
		// say so rather than report the symptom.
		var probe struct {
			Schema int `toml:"schema"`
		}
		if _, perr := toml.Decode(string(data), &probe); perr == nil && probe.Schema > model.Schema {
			return model.State{}, &SchemaError{Path: path, File: probe.Schema, Here: model.Schema}
		}
		return model.State{}, parseError(path, data, err)
	}
	s := replay(doc.State, doc.Changed)
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
	if err := checkTimes(path, s); err != nil {
		return model.State{}, err
	}
	if keys := unknown(md); len(keys) > 0 {
		return s, unknownKeys(path, data, keys)
	}
	return s, nil
}

// schemaLine is the schema line as warroom writes it, or close to it.
var schemaLine = regexp.MustCompile(`^schema\s*=\s*([0-9]+)\s*(?:#.*)?$`)

// probeSchema reads the schema from the lines before the first table,
// without decoding the file.
func probeSchema(data []byte) (int, bool) {
	for len(data) > 0 {
		line := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			data = nil
		}
		line = bytes.TrimSpace(line)
		if len(line) > 0 && line[0] == '[' {
			return 0, false
		}
		if m := schemaLine.FindSubmatch(line); m != nil {
			n, err := strconv.Atoi(string(m[1]))
			return n, err == nil
		}
	}
	return 0, false
}
