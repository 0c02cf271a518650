// Package folder reads a folder of incident files: a team's incident
// history, which git carries between machines. It lists the incidents
// from the head of each file, the read a screen makes for its first
// frame (with, when asked, the timeline entries of a few kinds), and
// says which files it could not read and why: one that is broken or
// written by a newer warroom is listed with its error, one that is not
// an incident at all is set aside; neither stops the listing.
//
// It only reads, through model/store; it never writes an incident file.
package folder

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/store"
)

// Incident is one incident of the folder.
type Incident struct {
	Path string
	// State is the incident as its file holds it, but for its timeline,
	// which holds only the entries of the kinds asked for.
	State model.State
	// Warning, when set, is what is wrong with a file that could be read
	// all the same: keys this build does not know, a file cut short.
	Warning error
}

// Problem is a file of the folder that is not listed as an incident.
type Problem struct {
	Path string
	Err  error
}

// Listing is what a folder holds.
type Listing struct {
	Dir       string
	Incidents []Incident // in the order of their file names
	// Problems are the files that look like incidents but could not be
	// read: broken, written by a newer warroom.
	Problems []Problem
	// Others are the TOML files that are not incidents (a config, a
	// hooks file): left out, said only when asked.
	Others []Problem
}

// ErrNotIncident says a TOML file holds no incident.
var ErrNotIncident = errors.New("not an incident file: it has neither schema nor [incident]")

// Files are the files of dir that may hold incidents: its *.toml, but
// for hidden ones, sorted by name. Folders under it (runbooks/) are not
// read.
func Files(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || strings.HasPrefix(name, ".") || !strings.HasSuffix(name, ".toml") {
			continue
		}
		out = append(out, filepath.Join(dir, name))
	}
	slices.Sort(out)
	return out, nil
}

// Read lists the incidents of dir, with the timeline entries need names
// (none when it is zero: the head alone). Only a folder that cannot be
// read is an error; a file that cannot be is a Problem.
func Read(dir string, need model.TimelineNeed) (Listing, error) {
	files, err := Files(dir)
	if err != nil {
		return Listing{}, err
	}
	return ReadFiles(dir, files, need), nil
}

// ReadFiles lists the incidents of files, as Read does, reading several
// at once.
func ReadFiles(dir string, files []string, need model.TimelineNeed) Listing {
	type result struct {
		in      Incident
		problem *Problem
		other   bool
	}
	results := make([]result, len(files))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(len(files), runtime.GOMAXPROCS(0)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				st, warn, err := readOne(files[i], need)
				switch {
				case errors.Is(err, ErrNotIncident):
					results[i] = result{problem: &Problem{Path: files[i], Err: err}, other: true}
				case err != nil:
					results[i] = result{problem: &Problem{Path: files[i], Err: err}}
				default:
					results[i] = result{in: Incident{Path: files[i], State: st, Warning: warn}}
				}
			}
		}()
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()
	l := Listing{Dir: dir}
	for _, r := range results {
		switch {
		case r.problem == nil:
			l.Incidents = append(l.Incidents, r.in)
		case r.other:
			l.Others = append(l.Others, *r.problem)
		default:
			l.Problems = append(l.Problems, *r.problem)
		}
	}
	return l
}

// readOne reads the incident at path: its head, or with the entries need
// names. warn is what is wrong with a file read all the same.
func readOne(path string, need model.TimelineNeed) (st model.State, warn, err error) {
	if len(need.Kinds) == 0 && !need.All {
		snap, rerr := store.NewReader(path).First(0)
		st, err = snap.Head, rerr
	} else {
		st, err = store.LoadKinds(path, need)
	}
	if err == nil {
		if !st.Declared() {
			return st, nil, ErrNotIncident
		}
		return st, nil, nil
	}
	var uk *store.UnknownKeysError
	var se *store.ShortError
	if errors.As(err, &uk) || errors.As(err, &se) {
		// Readable, not writable: listed, with what is wrong.
		if whole, lerr := store.Load(path); whole.Declared() {
			whole.Timeline = need.Filter(whole.Timeline)
			return whole, lerr, nil
		}
	}
	if notIncident(path) {
		return model.State{}, nil, ErrNotIncident
	}
	return model.State{}, nil, err
}

// notIncident reports whether the file at path is TOML that holds no
// incident: neither a schema nor an [incident] table.
func notIncident(path string) bool {
	data, err := store.ReadFile(path)
	if err != nil {
		return false
	}
	var doc map[string]any
	if _, err := toml.Decode(string(data), &doc); err != nil {
		return false // broken: listed as a problem
	}
	_, schema := doc["schema"]
	_, incident := doc["incident"]
	return !schema && !incident
}

// Open are the incidents of l that are not resolved or closed.
func (l Listing) Open() []Incident {
	var out []Incident
	for _, in := range l.Incidents {
		if IsOpen(in.State.Incident) {
			out = append(out, in)
		}
	}
	return out
}

// IsOpen reports whether an incident is still being worked: not
// resolved, not closed.
func IsOpen(in model.Incident) bool {
	return in.Status != model.Resolved && in.Status != model.Closed
}

// OpenBesides is the open incidents of the folder dir but the one in the
// file self (by any name); self may be "" or a file that does not exist.
func OpenBesides(dir, self string) ([]Incident, error) {
	l, err := Read(dir, model.TimelineNeed{})
	if err != nil {
		return nil, err
	}
	me, _ := os.Stat(self)
	var out []Incident
	for _, in := range l.Open() {
		if info, err := os.Stat(in.Path); err == nil && me != nil && os.SameFile(info, me) {
			continue
		}
		out = append(out, in)
	}
	return out, nil
}

// Alike returns the open incidents of ins whose title shares most of
// title's words (model.SimilarTitles).
func Alike(ins []Incident, title string) []Incident {
	var out []Incident
	for _, in := range ins {
		if IsOpen(in.State.Incident) && model.SimilarTitles(title, in.State.Incident.Title) {
			out = append(out, in)
		}
	}
	return out
}
