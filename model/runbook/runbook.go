// Package runbook reads runbooks: one TOML file each, in the runbooks
// folder beside the incidents (and beside the config, for a person's
// own), checked whole when read. A runbook with a mistake is refused with
// its file and line, and so is never applied. What applying one does is
// the model's (model.ApplyRunbook); when it applies, the `when` language
// of model/hooks. It writes nothing and runs nothing.
//
//	name = "Checkout outage"
//	owner = "alice"
//	review = 2027-03-01
//	when = "severity <= 2 and service == \"payments\""
//
//	[[step]]
//	task = "Check the payment provider's status page"
//	role = "comms"
//	timebox = "10m"
//
//	[[step]]
//	note = "Deploys are frozen until the incident is resolved"
package runbook

import (
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/hooks"
	"github.com/warroom/warroom/model/i18n"
)

// Dir is the name of the folder runbooks are kept in, beside the
// incidents or the config.
const Dir = "runbooks"

// maxFile bounds what is read of a runbook file.
const maxFile = 1 << 20

// Book is a runbook as read from its file.
type Book struct {
	model.Runbook
	// When is the condition as written; "" for every incident.
	When string
	// Path is the file it was read from.
	Path string
}

// OutOfDate reports whether its review date has passed on day today.
func (b Book) OutOfDate(today time.Time) bool { return model.OutOfDate(b.Review, today) }

// Error is a mistake in a runbook file: where (the file, the line, and
// the step from 1, or 0 for the runbook itself), which key, and what is
// wrong.
type Error struct {
	Path string
	Line int
	Col  int // for a file that is not TOML
	Step int
	Key  string
	Msg  i18n.Message
}

func (e *Error) Error() string { return e.In(i18n.English) }

// In says the mistake in l: "runbooks/checkout.toml:9: [[step]] 2, role: …".
func (e *Error) In(l i18n.Lang) string {
	where := e.Path
	switch {
	case e.Line > 0 && e.Col > 0:
		where = fmt.Sprintf("%s:%d:%d", e.Path, e.Line, e.Col)
	case e.Line > 0:
		where = fmt.Sprintf("%s:%d", e.Path, e.Line)
	}
	switch {
	case e.Step > 0 && e.Key != "":
		return i18n.M("%s: [[step]] %d, %s: %s", where, e.Step, e.Key, e.Msg).In(l)
	case e.Step > 0:
		return i18n.M("%s: [[step]] %d: %s", where, e.Step, e.Msg).In(l)
	case e.Key != "":
		return i18n.M("%s: %s: %s", where, e.Key, e.Msg).In(l)
	}
	return where + ": " + e.Msg.In(l)
}

// The keys of a runbook, and of one of its steps.
var (
	bookKeys = []string{"name", "owner", "review", "when", "step"}
	stepKeys = []string{"task", "role", "timebox", "note"}
)

// ReadFile reads the runbook in the file at path, checking its roles
// against c.
func ReadFile(path string, c *model.Catalog) (Book, error) {
	f, err := os.Open(path)
	if err != nil {
		return Book{}, &Error{Path: path, Msg: i18n.M("%s", unwrapPath(err))}
	}
	defer f.Close()
	info, err := f.Stat()
	switch {
	case err != nil:
		return Book{}, &Error{Path: path, Msg: i18n.M("%s", err.Error())}
	case !info.Mode().IsRegular():
		return Book{}, &Error{Path: path, Msg: i18n.M("not a regular file")}
	case info.Size() > maxFile:
		return Book{}, &Error{Path: path, Msg: i18n.M("%d bytes; a runbook is at most %d", info.Size(), maxFile)}
	}
	data := make([]byte, info.Size())
	if _, err := f.ReadAt(data, 0); err != nil && info.Size() > 0 {
		return Book{}, &Error{Path: path, Msg: i18n.M("%s", err.Error())}
	}
	return Parse(path, data, c)
}

// unwrapPath is an error of the file system without the path it names,
// which the error says already.
func unwrapPath(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// Parse reads a runbook from a file's bytes; path names it in errors, and
// gives it its name when it names none ("checkout.toml": "checkout").
// The first mistake is returned, as an *Error, and no runbook.
func Parse(path string, data []byte, c *model.Catalog) (Book, error) {
	if c == nil {
		c = model.DefaultCatalog()
	}
	if !utf8.Valid(data) {
		return Book{}, &Error{Path: path, Msg: i18n.M("not valid UTF-8")}
	}
	var doc map[string]any
	if _, err := toml.Decode(string(data), &doc); err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return Book{}, &Error{Path: path, Line: pe.Position.Line, Col: pe.Position.Col, Msg: i18n.M("%s", pe.Message)}
		}
		return Book{}, &Error{Path: path, Msg: i18n.M("%s", err.Error())}
	}
	at := keyLines(data)
	fail := func(step int, key, format string, args ...any) *Error {
		lines := at.top
		if step > 0 && step <= len(at.steps) {
			lines = at.steps[step-1]
		}
		line, ok := lines[key]
		if !ok {
			line = lines[""]
		}
		return &Error{Path: path, Line: line, Step: step, Key: key, Msg: i18n.M(format, args...)}
	}
	for _, k := range slices.Sorted(maps.Keys(doc)) {
		if !slices.Contains(bookKeys, k) {
			return Book{}, fail(0, k, "unknown key; a runbook has %s", strings.Join(bookKeys, ", "))
		}
	}
	b := Book{Path: path}
	text := func(step int, key string, v any, limit int) (string, *Error) {
		s, ok := v.(string)
		switch {
		case !ok:
			return "", fail(step, key, "write it as a quoted text")
		case strings.TrimSpace(s) == "":
			return "", fail(step, key, "must not be empty")
		case utf8.RuneCountInString(s) > limit:
			return "", fail(step, key, "%d characters, at most %d allowed", utf8.RuneCountInString(s), limit)
		}
		return strings.TrimSpace(s), nil
	}
	var err *Error
	b.Name = strings.TrimSuffix(filepath.Base(path), ".toml")
	if v, ok := doc["name"]; ok {
		if b.Name, err = text(0, "name", v, model.MaxTitle); err != nil {
			return Book{}, err
		}
		if strings.ContainsAny(b.Name, "\n\r") {
			return Book{}, fail(0, "name", "must be one line")
		}
	}
	if v, ok := doc["owner"]; ok {
		if b.Owner, err = text(0, "owner", v, model.MaxName); err != nil {
			return Book{}, err
		}
	}
	if v, ok := doc["review"]; ok {
		if b.Review, err = reviewDate(v, func(f string, args ...any) *Error { return fail(0, "review", f, args...) }); err != nil {
			return Book{}, err
		}
	}
	if v, ok := doc["when"]; ok {
		s, ok := v.(string)
		if !ok {
			return Book{}, fail(0, "when", "write the condition as a quoted text, such as \"severity <= 2\"")
		}
		cond, perr := hooks.ParseRunbookWhen(s)
		if perr != nil {
			var we *hooks.WhenError
			if errors.As(perr, &we) {
				return Book{}, fail(0, "when", "%s (in %q)", we, s)
			}
			return Book{}, fail(0, "when", "%s", perr.Error())
		}
		b.When = strings.TrimSpace(s)
		if cond != nil {
			b.Runbook.When = cond
		}
	}
	steps, ok := doc["step"].([]map[string]any)
	if _, present := doc["step"]; present && !ok {
		return Book{}, fail(0, "step", "write each step as a [[step]] table")
	}
	switch {
	case len(steps) == 0:
		return Book{}, fail(0, "", "no steps: add a [[step]] with a task or a note")
	case len(steps) > model.MaxRunbookSteps:
		return Book{}, fail(0, "", "%d steps, at most %d allowed", len(steps), model.MaxRunbookSteps)
	}
	for i, t := range steps {
		st, err := parseStep(c, t, func(key, f string, args ...any) *Error { return fail(i+1, key, f, args...) }, text, i+1)
		if err != nil {
			return Book{}, err
		}
		b.Steps = append(b.Steps, st)
	}
	return b, nil
}

// parseStep reads one [[step]] table, number n.
func parseStep(c *model.Catalog, t map[string]any, bad func(key, format string, args ...any) *Error,
	text func(int, string, any, int) (string, *Error), n int) (model.RunbookStep, *Error) {
	var st model.RunbookStep
	for _, k := range slices.Sorted(maps.Keys(t)) {
		if !slices.Contains(stepKeys, k) {
			return st, bad(k, "unknown key; a step has %s", strings.Join(stepKeys, ", "))
		}
	}
	var err *Error
	_, hasTask := t["task"]
	_, hasNote := t["note"]
	switch {
	case hasTask && hasNote:
		return st, bad("", "a step is a task or a note, not both: make it two steps")
	case hasTask:
		if st.Task, err = text(n, "task", t["task"], model.MaxTitle); err != nil {
			return st, err
		}
	case hasNote:
		if st.Note, err = text(n, "note", t["note"], model.MaxEntry); err != nil {
			return st, err
		}
		if _, ok := t["timebox"]; ok {
			return st, bad("timebox", "a note has no time box: only a task has")
		}
	default:
		return st, bad("", "a step needs a task or a note")
	}
	if v, ok := t["role"]; ok {
		s, ok := v.(string)
		if !ok {
			return st, bad("role", "write the role as a quoted text, such as \"comms\"")
		}
		ref, rerr := model.ParseRoleRef(c, strings.TrimSpace(s))
		if rerr != nil {
			return st, bad("role", "%s", explained{rerr})
		}
		st.Role = ref
	}
	if v, ok := t["timebox"]; ok {
		s, _ := v.(string)
		d, derr := time.ParseDuration(strings.TrimSpace(s))
		switch {
		case derr != nil:
			return st, bad("timebox", "give a quoted duration, such as \"10m\" or \"1h\"")
		case d <= 0:
			return st, bad("timebox", "%s: a time box is longer than nothing, such as \"10m\"", s)
		case d > model.MaxTimeBox:
			return st, bad("timebox", "%s is longer than a time box can be (%s)", s, model.MaxTimeBox.String())
		}
		st.Within = d
	}
	return st, nil
}

// reviewDate reads a review date: a TOML date (2027-03-01) or the same in
// quotes.
func reviewDate(v any, wrong func(format string, args ...any) *Error) (string, *Error) {
	switch v := v.(type) {
	case time.Time:
		return v.Format("2006-01-02"), nil
	case string:
		if d, err := time.Parse("2006-01-02", strings.TrimSpace(v)); err == nil {
			return d.Format("2006-01-02"), nil
		}
	}
	return "", wrong("write the date as YYYY-MM-DD, such as 2027-03-01")
}

// explained is an error of the model, said in the reader's language.
type explained struct{ err error }

func (e explained) In(l i18n.Lang) string { return model.Explain(e.err, l) }

// lines are where a runbook's keys are written: of the runbook's own keys
// and of each [[step]]'s, the line of each key, and of the table ("").
type lines struct {
	top   map[string]int
	steps []map[string]int
}

// keyLines finds where the keys of a runbook file are written. It reads
// lines, not TOML: good enough to point at a mistake.
func keyLines(data []byte) lines {
	out := lines{top: map[string]int{"": 1}}
	cur := out.top
	for n, line := range strings.Split(string(data), "\n") {
		l := strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(l, "[["):
			name, _, _ := strings.Cut(strings.TrimPrefix(l, "[["), "]]")
			cur = map[string]int{} // another table's keys: not the runbook's
			if strings.TrimSpace(name) == "step" {
				cur[""] = n + 1
				out.steps = append(out.steps, cur)
				if _, seen := out.top["step"]; !seen {
					out.top["step"] = n + 1
				}
			}
		case strings.HasPrefix(l, "["):
			name, _, _ := strings.Cut(strings.TrimPrefix(l, "["), "]")
			cur = map[string]int{}
			if _, seen := out.top[strings.TrimSpace(name)]; !seen {
				out.top[strings.TrimSpace(name)] = n + 1
			}
		default:
			key, _, ok := strings.Cut(l, "=")
			key = strings.Trim(strings.TrimSpace(key), `"'`)
			if ok && key != "" && !strings.ContainsAny(key, ` "',[]#`) {
				if _, seen := cur[key]; !seen {
					cur[key] = n + 1
				}
			}
		}
	}
	return out
}

// Set is the runbooks of a folder and a config: those read, and the
// files refused, each with its mistake.
type Set struct {
	Books    []Book
	Problems []error
}

// ReadDirs reads the runbooks of each folder given that exists, in
// order: dirs are runbooks folders, as Folders names them. Of two
// runbooks of one name (in any case), the first is kept and the other
// refused. A folder that does not exist holds none.
func ReadDirs(c *model.Catalog, dirs ...string) Set {
	var s Set
	for _, dir := range dirs {
		names, err := filepath.Glob(filepath.Join(dir, "*.toml"))
		if err != nil {
			continue
		}
		sort.Strings(names)
		for _, p := range names {
			if strings.HasPrefix(filepath.Base(p), ".") {
				continue
			}
			b, err := ReadFile(p, c)
			if err != nil {
				s.Problems = append(s.Problems, err)
				continue
			}
			if i := s.find(b.Name); i >= 0 {
				s.Problems = append(s.Problems, &Error{Path: p, Line: 1, Key: "name",
					Msg: i18n.M("%q is the name of %s already; give each runbook a name of its own", b.Name, s.Books[i].Path)})
				continue
			}
			s.Books = append(s.Books, b)
		}
	}
	return s
}

// Folders are the runbooks folders of an incidents folder and of a
// config file: runbooks/ beside each.
func Folders(incidents, config string) []string {
	out := []string{filepath.Join(incidents, Dir)}
	if config != "" {
		out = append(out, filepath.Join(filepath.Dir(config), Dir))
	}
	return out
}

// find returns the index of the runbook named name, in any case, or -1.
func (s Set) find(name string) int {
	return slices.IndexFunc(s.Books, func(b Book) bool { return model.SameName(b.Name, name) })
}

// Find returns the runbook named name, in any case.
func (s Set) Find(name string) (Book, bool) {
	if i := s.find(strings.TrimSpace(name)); i >= 0 {
		return s.Books[i], true
	}
	return Book{}, false
}

// Runbooks are the runbooks read, for the model.
func (s Set) Runbooks() []model.Runbook {
	out := make([]model.Runbook, len(s.Books))
	for i, b := range s.Books {
		out[i] = b.Runbook
	}
	return out
}
