package gitmerge

import (
	"bytes"
	"fmt"
	"slices"
	"time"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/store"
)

// Input is the three versions of one file that git hands its merge
// driver.
type Input struct {
	// Path is the file's path in the repository (%P), for messages.
	Path string
	// Base is the version both branches started from (%O): empty when
	// the file was added on both. Read only in strict mode.
	Base []byte
	// Ours is this branch's version (%A), Theirs the other's (%B). An
	// empty one holds no incident yet.
	Ours, Theirs []byte
	// Strict leaves a title or summary changed on both sides since Base
	// for people to decide.
	Strict bool
}

// Result is a merge's outcome.
type Result struct {
	// Data is the merged file, to write in place of ours.
	Data []byte
	// Changed: Data differs from ours, byte for byte.
	Changed bool
	// Conflicts are what people must decide (strict mode only); Data
	// records them, and they stay open until decided.
	Conflicts []model.Conflict
	// Brought says what theirs brought into ours.
	Brought model.MergeReport
	// Incident is the merged incident's id ("" when neither side held one).
	Incident string
}

// Merge merges in's versions. A version that cannot be read — not an
// incident file, a mistake in it, a newer schema, a key warroom does not
// know — is a *SideError, and two different incidents a
// *model.IncidentMismatchError: then nothing is merged.
func Merge(in Input) (Result, error) {
	sides := []Side{Ours, Theirs}
	if in.Strict {
		sides = append(sides, Base)
	}
	states, err := read(in, sides)
	if err != nil {
		return Result{}, err
	}
	ours, theirs := states[Ours], states[Theirs]
	if !ours.Declared() && !theirs.Declared() {
		// Nothing to merge: ours stays as it is.
		return Result{Data: in.Ours}, nil
	}
	var merged model.State
	var res Result
	if in.Strict {
		merged, res.Conflicts, res.Brought, err = model.MergeFromBase(states[Base], ours, theirs)
		if err != nil {
			return Result{}, err
		}
	} else {
		merged, res.Brought, err = model.Merge(ours, theirs)
		if err != nil {
			return Result{}, err
		}
	}
	// What is written must read back: a merge that would leave an
	// incident warroom refuses is no merge (exit > 128, ours untouched).
	if err := merged.Check(); err != nil {
		return Result{}, fmt.Errorf("merge %s: the merged incident would not hold together: %w", in.Path, err)
	}
	if err := merged.CheckTimes(time.Now()); err != nil {
		return Result{}, fmt.Errorf("merge %s: %w", in.Path, err)
	}
	res.Data, err = store.Encode(withoutEmpty(merged))
	if err != nil {
		return Result{}, fmt.Errorf("merge %s: %w", in.Path, err)
	}
	res.Changed = !bytes.Equal(res.Data, in.Ours)
	res.Incident = merged.Incident.ID
	return res, nil
}

// read decodes the versions of sides, reading once what they share (git
// hands versions of one file that usually differ only in what each branch
// appended). Blank is no incident yet; anything else must read whole as
// an incident, every byte of it data (it was committed as it is). The
// first version that cannot be read, in the order of sides, is the error.
func read(in Input, sides []Side) (map[Side]model.State, error) {
	data := map[Side][]byte{Ours: in.Ours, Theirs: in.Theirs, Base: in.Base}
	var some []Side
	var versions [][]byte
	for _, side := range sides {
		if len(bytes.TrimSpace(data[side])) > 0 {
			some = append(some, side)
			versions = append(versions, data[side])
		}
	}
	states, errs := store.DecodeShared(in.Path, versions...)
	out := map[Side]model.State{}
	for _, side := range sides {
		i := slices.Index(some, side)
		if i < 0 {
			out[side] = model.State{}
			continue
		}
		if errs[i] != nil {
			return nil, &SideError{Side: side, Err: errs[i]}
		}
		out[side] = states[i]
	}
	return out, nil
}

// withoutEmpty leaves out the lists a merge gives as empty: written, they
// would add lines such as "tasks = []" that a file read and written back
// does not have.
func withoutEmpty(s model.State) model.State {
	if len(s.People) == 0 {
		s.People = nil
	}
	if len(s.Assignments) == 0 {
		s.Assignments = nil
	}
	if len(s.Tasks) == 0 {
		s.Tasks = nil
	}
	if len(s.Theories) == 0 {
		s.Theories = nil
	}
	if len(s.FollowUps) == 0 {
		s.FollowUps = nil
	}
	if len(s.Timeline) == 0 {
		s.Timeline = nil
	}
	return s
}
