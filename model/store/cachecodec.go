package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"reflect"
	"time"

	"github.com/warroom/warroom/model"
)

// The head cache's encoding: compact and quick to read, written and read
// field by field. headShape, the names and types of every field encoded,
// goes into the cache: a build whose model has other fields reads no cache
// of another. TestCacheCodecCoversEveryField fails when a field is added
// to the model and not here.

var errCache = errors.New("not a head cache")

type cacheWriter struct{ b []byte }

func (w *cacheWriter) str(s string) {
	w.b = binary.AppendUvarint(w.b, uint64(len(s)))
	w.b = append(w.b, s...)
}
func (w *cacheWriter) int(n int64) { w.b = binary.AppendVarint(w.b, n) }
func (w *cacheWriter) bool(v bool) {
	if v {
		w.b = append(w.b, 1)
	} else {
		w.b = append(w.b, 0)
	}
}

// time writes an instant: the file's times are UTC.
func (w *cacheWriter) time(t time.Time) error {
	if t.IsZero() {
		w.b = append(w.b, 0)
		return nil
	}
	if t.Location() != time.UTC {
		return fmt.Errorf("time %v is not UTC", t)
	}
	w.b = append(w.b, 1)
	w.int(t.Unix())
	w.int(int64(t.Nanosecond()))
	return nil
}
func (w *cacheWriter) stamp(s model.Stamp) {
	w.int(s.Wall)
	w.int(int64(s.Seq))
	w.str(s.Replica)
}

// count writes a slice's length, -1 for nil: the two read differently.
func count[T any](w *cacheWriter, xs []T) {
	if xs == nil {
		w.int(-1)
		return
	}
	w.int(int64(len(xs)))
}

type cacheReader struct {
	s   string // the whole cache: strings read are parts of it
	at  int
	err error
}

func (r *cacheReader) fail() {
	if r.err == nil {
		r.err = errCache
	}
}
func (r *cacheReader) uvarint() uint64 {
	var x uint64
	for i, shift := 0, uint(0); i < binary.MaxVarintLen64; i, shift = i+1, shift+7 {
		if r.at >= len(r.s) {
			break
		}
		b := r.s[r.at]
		r.at++
		if b < 0x80 {
			return x | uint64(b)<<shift
		}
		x |= uint64(b&0x7f) << shift
	}
	r.fail()
	return 0
}
func (r *cacheReader) int() int64 {
	ux := r.uvarint()
	x := int64(ux >> 1)
	if ux&1 != 0 {
		x = ^x
	}
	return x
}
func (r *cacheReader) str() string {
	n := r.uvarint()
	if r.err != nil || n > uint64(len(r.s)-r.at) {
		r.fail()
		return ""
	}
	s := r.s[r.at : r.at+int(n)]
	r.at += int(n)
	return s
}
func (r *cacheReader) byte() byte {
	if r.at >= len(r.s) {
		r.fail()
		return 0
	}
	r.at++
	return r.s[r.at-1]
}
func (r *cacheReader) bool() bool { return r.byte() == 1 }
func (r *cacheReader) time() time.Time {
	if r.byte() == 0 {
		return time.Time{}
	}
	sec := r.int()
	return time.Unix(sec, r.int()).UTC()
}
func (r *cacheReader) stamp() model.Stamp {
	return model.Stamp{Wall: r.int(), Seq: uint32(r.int()), Replica: r.str()}
}

// slice reads a slice written with count.
func slice[T any](r *cacheReader, one func() T) []T {
	n := r.int()
	if r.err != nil || n < -1 || n > int64(len(r.s)) {
		r.fail()
		return nil
	}
	if n == -1 {
		return nil
	}
	out := make([]T, 0, n)
	for i := int64(0); i < n && r.err == nil; i++ {
		out = append(out, one())
	}
	return out
}

// encodeHead writes the head of s.
func encodeHead(w *cacheWriter, s model.State) error {
	w.int(int64(s.Schema))
	in := s.Incident
	w.str(in.ID)
	w.str(in.Title)
	w.int(int64(in.Severity))
	w.str(string(in.Status))
	w.str(in.Summary)
	times := []time.Time{in.Declared}
	w.time(in.Declared) //nolint:errcheck // checked below with the others
	w.str(in.DeclaredBy)
	w.str(in.Service)
	for _, st := range []model.Stamp{in.Clock.Title, in.Clock.Severity, in.Clock.Status, in.Clock.Summary, in.Clock.Policy, in.Clock.Service} {
		w.stamp(st)
	}
	encodePolicy(w, in.Policy)
	count(w, s.People)
	for _, p := range s.People {
		w.str(p.Name)
		times = append(times, p.Joined)
		w.time(p.Joined) //nolint:errcheck
	}
	count(w, s.Assignments)
	for _, a := range s.Assignments {
		w.str(a.ID)
		w.str(a.Role)
		w.str(a.Workstream)
		w.str(a.Holder)
		w.bool(a.Closed)
		times = append(times, a.Since, a.Until)
		w.time(a.Since) //nolint:errcheck
		w.time(a.Until) //nolint:errcheck
		w.str(a.By)
		w.str(a.Note)
		w.stamp(a.Clock)
		w.str(string(a.Acceptance))
		times = append(times, a.Answered)
		w.time(a.Answered) //nolint:errcheck
		w.str(a.AnsweredBy)
		w.str(a.Reason)
	}
	count(w, s.Tasks)
	for _, t := range s.Tasks {
		w.str(t.ID)
		w.str(t.Title)
		w.str(string(t.State))
		w.str(t.Role)
		w.str(t.Workstream)
		w.str(t.Owner)
		times = append(times, t.Created, t.Updated, t.Due)
		w.time(t.Created) //nolint:errcheck
		w.str(t.CreatedBy)
		w.time(t.Updated) //nolint:errcheck
		w.time(t.Due)     //nolint:errcheck
		w.str(t.ClosedBy)
		w.str(t.ClosedAs)
		w.str(t.Runbook)
		w.int(int64(t.Step))
		w.stamp(t.Clock.Title)
		w.stamp(t.Clock.State)
		w.stamp(t.Clock.Owner)
	}
	count(w, s.Theories)
	for _, t := range s.Theories {
		w.str(t.ID)
		w.str(t.Text)
		w.str(string(t.State))
		w.str(t.Role)
		w.str(t.Workstream)
		times = append(times, t.Created, t.Updated)
		w.time(t.Created) //nolint:errcheck
		w.str(t.CreatedBy)
		w.time(t.Updated) //nolint:errcheck
		w.stamp(t.Clock)
	}
	count(w, s.FollowUps)
	for _, f := range s.FollowUps {
		w.str(f.ID)
		w.str(f.Title)
		w.bool(f.Done)
		w.str(f.Owner)
		w.str(f.Due)
		w.str(f.Ticket)
		times = append(times, f.Created, f.Updated)
		w.time(f.Created) //nolint:errcheck
		w.str(f.CreatedBy)
		w.time(f.Updated) //nolint:errcheck
		w.stamp(f.Clock.Done)
		w.stamp(f.Clock.Owner)
		w.stamp(f.Clock.Due)
		w.stamp(f.Clock.Ticket)
	}
	for _, t := range times {
		if !t.IsZero() && t.Location() != time.UTC {
			return fmt.Errorf("time %v is not UTC", t)
		}
	}
	return nil
}

// encodePolicy writes an incident's policy.
func encodePolicy(w *cacheWriter, p model.Policy) {
	w.int(int64(p.AcceptWithin))
	for _, r := range []model.Rhythms{p.Sev1, p.Sev2, p.Sev3} {
		for _, v := range []model.Span{r.First, r.External, r.Internal, r.Executive, r.Social} {
			w.int(int64(v))
		}
	}
	for _, v := range []bool{p.Approval.External, p.Approval.Internal, p.Approval.Executive, p.Approval.Social,
		p.Resolve.Set, p.Resolve.OpenTasks, p.Resolve.RolesAnswered, p.Resolve.ExternalUpdate, p.Resolve.Summary, p.Resolve.FollowUpOwners} {
		w.bool(v)
	}
	w.str(string(p.ExternalBy))
	w.str(p.Bots)
}

// decodePolicy reads what encodePolicy wrote.
func decodePolicy(r *cacheReader) model.Policy {
	p := model.Policy{AcceptWithin: model.Span(r.int())}
	for _, rh := range []*model.Rhythms{&p.Sev1, &p.Sev2, &p.Sev3} {
		for _, v := range []*model.Span{&rh.First, &rh.External, &rh.Internal, &rh.Executive, &rh.Social} {
			*v = model.Span(r.int())
		}
	}
	for _, v := range []*bool{&p.Approval.External, &p.Approval.Internal, &p.Approval.Executive, &p.Approval.Social,
		&p.Resolve.Set, &p.Resolve.OpenTasks, &p.Resolve.RolesAnswered, &p.Resolve.ExternalUpdate, &p.Resolve.Summary, &p.Resolve.FollowUpOwners} {
		*v = r.bool()
	}
	p.ExternalBy = model.Senders(r.str())
	p.Bots = r.str()
	return p
}

// decodeHead reads what encodeHead wrote.
func decodeHead(r *cacheReader) model.State {
	var s model.State
	s.Schema = int(r.int())
	in := &s.Incident
	in.ID, in.Title = r.str(), r.str()
	in.Severity = model.Severity(r.int())
	in.Status = model.Status(r.str())
	in.Summary = r.str()
	in.Declared = r.time()
	in.DeclaredBy = r.str()
	in.Service = r.str()
	in.Clock.Title, in.Clock.Severity, in.Clock.Status, in.Clock.Summary, in.Clock.Policy, in.Clock.Service = r.stamp(), r.stamp(), r.stamp(), r.stamp(), r.stamp(), r.stamp()
	in.Policy = decodePolicy(r)
	s.People = slice(r, func() model.Person { return model.Person{Name: r.str(), Joined: r.time()} })
	s.Assignments = slice(r, func() model.Assignment {
		return model.Assignment{ID: r.str(), Role: r.str(), Workstream: r.str(), Holder: r.str(), Closed: r.bool(),
			Since: r.time(), Until: r.time(), By: r.str(), Note: r.str(), Clock: r.stamp(),
			Acceptance: model.Acceptance(r.str()), Answered: r.time(), AnsweredBy: r.str(), Reason: r.str()}
	})
	s.Tasks = slice(r, func() model.Task {
		return model.Task{ID: r.str(), Title: r.str(), State: model.TaskState(r.str()), Role: r.str(), Workstream: r.str(), Owner: r.str(),
			Created: r.time(), CreatedBy: r.str(), Updated: r.time(), Due: r.time(), ClosedBy: r.str(), ClosedAs: r.str(),
			Runbook: r.str(), Step: int(r.int()), Clock: model.TaskClock{Title: r.stamp(), State: r.stamp(), Owner: r.stamp()}}
	})
	s.Theories = slice(r, func() model.Theory {
		return model.Theory{ID: r.str(), Text: r.str(), State: model.TheoryState(r.str()), Role: r.str(), Workstream: r.str(),
			Created: r.time(), CreatedBy: r.str(), Updated: r.time(), Clock: r.stamp()}
	})
	s.FollowUps = slice(r, func() model.FollowUp {
		return model.FollowUp{ID: r.str(), Title: r.str(), Done: r.bool(), Owner: r.str(), Due: r.str(), Ticket: r.str(),
			Created: r.time(), CreatedBy: r.str(), Updated: r.time(),
			Clock: model.FollowUpClock{Done: r.stamp(), Owner: r.stamp(), Due: r.stamp(), Ticket: r.stamp()}}
	})
	return s
}

// encodeEntry writes one entry.
func encodeEntry(w *cacheWriter, e model.Entry) error {
	for _, v := range []string{e.ID, e.By, string(e.Kind), e.Role, e.Workstream, e.Task, e.Theory, e.FollowUp,
		e.Channel, e.Entry, e.From, e.To, e.Text, e.Conditions, e.Actions, e.Needs, e.Event, e.Command, e.Result, e.Took, e.Undoes} {
		w.str(v)
	}
	w.int(int64(e.Count))
	if err := w.time(e.At); err != nil {
		return err
	}
	return w.time(e.Recorded)
}

// decodeEntry reads what encodeEntry wrote.
func decodeEntry(r *cacheReader) model.Entry {
	var e model.Entry
	for _, p := range []*string{&e.ID, &e.By, (*string)(&e.Kind), &e.Role, &e.Workstream, &e.Task, &e.Theory, &e.FollowUp,
		&e.Channel, &e.Entry, &e.From, &e.To, &e.Text, &e.Conditions, &e.Actions, &e.Needs, &e.Event, &e.Command, &e.Result, &e.Took, &e.Undoes} {
		*p = r.str()
	}
	e.Count = int(r.int())
	e.At, e.Recorded = r.time(), r.time()
	return e
}

// headShape names every field of the head's types, and their types.
var headShape = func() string {
	var out []byte
	var walk func(t reflect.Type)
	walk = func(t reflect.Type) {
		out = fmt.Appendf(out, "%s{", t.Name())
		for i := range t.NumField() {
			f := t.Field(i)
			out = fmt.Appendf(out, "%s:%s;", f.Name, f.Type)
			ft := f.Type
			if ft.Kind() == reflect.Slice {
				ft = ft.Elem()
			}
			if ft.Kind() == reflect.Struct && ft.PkgPath() == reflect.TypeFor[model.State]().PkgPath() {
				walk(ft)
			}
		}
		out = append(out, '}')
	}
	walk(reflect.TypeFor[model.State]())
	return string(out)
}()
