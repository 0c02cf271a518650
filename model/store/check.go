package store

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/warroom/warroom/model"
)

// Health is how an incident file stands, as Inspect found it.
type Health struct {
	// Sealed: the file has a checkpoint closed by its sum line; false for
	// a file written by an earlier warroom (the next change writes it
	// whole).
	Sealed bool
	// Checkpoint is the checkpoint's length in bytes.
	Checkpoint int64
	// Commits are the changes appended since the checkpoint, and Appended
	// their bytes.
	Commits  int
	Appended int64
	// Edited: a sum does not match what it closes: the file was changed
	// after warroom wrote it. The next change writes it whole.
	Edited bool
	// Unsealed is how many bytes follow the last sum line that are not
	// data (comments aside): a write that did not finish, or an edit by
	// hand not yet accepted. The next change moves them to NAME.torn;
	// Accept takes them as data.
	Unsealed int64
	// Comment: what follows the last sum line is comments only. warroom
	// keeps no comments in the file: the next change moves them to
	// NAME.torn, as it does an unfinished write.
	Comment bool
	// CommentLine is the line of the first comment a person added before
	// the last sum line (warroom's own opening lines aside); 0 when there
	// is none. The next change that writes the file whole leaves it out.
	CommentLine int
}

// Inspect reads the file at path whole and says how it stands, with the
// incident it holds. Its error is Load's: an *UnknownKeysError or a
// *ShortError come with the incident read.
func Inspect(path string) (Health, model.State, error) {
	data, _, err := readIncident(resolve(path))
	if err != nil {
		return Health{}, model.State{}, named(err, path)
	}
	s, lay, err := decodeFile(path, data)
	h := Health{Sealed: lay.state == stateClean || lay.state == stateEdited, Edited: lay.state == stateEdited}
	h.CommentLine = commentLine(data[:lay.dataEnd])
	if h.Sealed {
		h.Checkpoint = lay.ckpt
		h.Commits = len(lay.tail.commits)
		h.Appended = lay.tail.end - lay.ckpt
		switch lay.tail.rest {
		case restTorn:
			h.Unsealed = int64(len(data)) - lay.dataEnd
		case restComment:
			h.Comment = true
		}
	}
	return h, s, err
}

// Accept takes the file at path as it is now, after an edit by hand that
// warroom would otherwise refuse (a *ShortError: records taken out, or a
// file cut short on purpose) or set aside (text added after the last sum
// line): under the lock, it reads the whole file as data, an unfinished
// write at its end included, and writes it whole as a new checkpoint. The
// file must still read as an incident: an error in it (PATH:LINE:COL), a
// key warroom does not know or a newer schema is refused, and the file is
// left as it was. It returns the incident written.
func Accept(ctx context.Context, path string) (model.State, error) {
	given := path
	path = resolve(path)
	unlock, err := lock(ctx, path)
	if err != nil {
		return model.State{}, err
	}
	defer unlock()
	removeLeftovers(path)
	f, info, err := openIncident(path, os.O_RDONLY)
	if err != nil {
		return model.State{}, named(err, given)
	}
	defer f.Close()
	data, err := readRange(f, 0, info.Size())
	if err != nil {
		return model.State{}, err
	}
	s, err := DecodeAll(path, data)
	if err != nil {
		return model.State{}, err
	}
	out, err := Encode(s)
	if err != nil {
		return model.State{}, err
	}
	if err := WriteAtomic(path, out, info.Mode().Perm()); err != nil {
		return model.State{}, fmt.Errorf("accept: %w", err)
	}
	return s, nil
}

// DecodeAll reads the bytes of a whole file as Accept takes it: every byte
// is data, text after the last sum line included, and the checkpoint's
// counts are not held against it (records taken out by hand stay out).
// A mistake in the file (PATH:LINE:COL), a key warroom does not know, a
// newer schema or a time far ahead of this machine's clock is an error.
// It suits a file whose every byte was chosen, such as a version
// committed to git.
func DecodeAll(path string, data []byte) (model.State, error) {
	if n, ok := probeSchema(data); ok && n > model.Schema {
		return model.State{}, &SchemaError{Path: path, File: n, Here: model.Schema}
	}
	// A file whose every byte is sealed reads the same either way, and
	// decodes in parts on every core.
	if s, lay, err := decodeFile(path, data); err == nil && lay.state == stateClean && lay.tail.rest != restTorn {
		return s, nil
	}
	return decodeWhole(path, data, int64(len(data)))
}

// commentLine is the line of data's first comment line but for the lines
// warroom opens every file with, or 0. Lines inside multi-line strings
// are not comments.
func commentLine(data []byte) int {
	line := 1
	if bytes.HasPrefix(data, []byte(header)) {
		data = data[len(header):]
		line += strings.Count(header, "\n")
	}
	var quote string // the multi-line string being read, if any
	for len(data) > 0 {
		l := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			l, data = data[:i], data[i+1:]
		} else {
			data = nil
		}
		t := bytes.TrimLeft(l, " \t")
		if quote == "" && len(t) > 0 && t[0] == '#' {
			return line
		}
		for _, q := range []string{`"""`, "'''"} {
			if (quote == "" || quote == q) && bytes.Count(l, []byte(q))%2 == 1 {
				if quote == "" {
					quote = q // opened on this line
				} else {
					quote = "" // closed on this line
				}
			}
		}
		line++
	}
	return 0
}
