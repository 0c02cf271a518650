package model

import "github.com/warroom/warroom/model/i18n"

// Key moments: entries someone pinned as what the story turns on (the
// decision to roll back, the moment the fix went in). Pins are timeline
// entries too: the latest pin or unpin of an entry says whether it is a
// key moment.

// Kinds of the pins. Entry names the entry pinned or unpinned, Text is
// its text.
const (
	KindPin   Kind = "pin"
	KindUnpin Kind = "unpin"
)

// Pin marks an entry (id or unique prefix) as a key moment, or, with
// Unpin, no longer one.
type Pin struct {
	Entry string
	Unpin bool
}

func (op Pin) apply(t *tx) error {
	target, ierr := entryByID(t.s.Timeline, op.Entry, "entry id")
	if ierr != nil {
		if !ierr.Ambiguous {
			ierr.Valid = nil // every entry's id would be no help
		}
		ierr.Hint = i18n.M("`warroom export --format json` lists every entry's id")
		return ierr
	}
	switch target.Kind {
	case KindPin, KindUnpin, KindRetracted:
		return &ConflictError{Reason: i18n.M("entry %s is a %s, not a moment of the incident; pin the entry it is about", target.ID, target.Kind)}
	}
	pinned := t.s.PinnedIDs()[target.ID]
	switch {
	case op.Unpin && !pinned:
		return &UnchangedError{Reason: i18n.M("entry %s is not pinned", target.ID)}
	case !op.Unpin && pinned:
		return &UnchangedError{Reason: i18n.M("entry %s is already pinned", target.ID)}
	}
	kind := KindPin
	if op.Unpin {
		kind = KindUnpin
	}
	t.record(Entry{Kind: kind, Entry: target.ID, Text: target.Text})
	return nil
}

// PinnedIDs is the set of entries pinned now: those whose latest pin or
// unpin (written last; of those of one millisecond, the later in the
// timeline) is a pin. It reads only the pin and
// unpin entries.
func (s State) PinnedIDs() map[string]bool {
	latest := map[string]Entry{}
	for _, e := range s.Timeline {
		if e.Kind != KindPin && e.Kind != KindUnpin {
			continue
		}
		if cur, ok := latest[e.Entry]; !ok || !written(e).Before(written(cur)) {
			latest[e.Entry] = e
		}
	}
	out := make(map[string]bool, len(latest))
	for id, e := range latest {
		if e.Kind == KindPin {
			out[id] = true
		}
	}
	return out
}

// Pinned reports whether the entry with id is a key moment now.
func (s State) Pinned(id string) bool { return s.PinnedIDs()[id] }

// KeyMoments returns the entries pinned now, in the order they were
// written (not taken back).
func (s State) KeyMoments() []Entry {
	pinned := s.PinnedIDs()
	if len(pinned) == 0 {
		return nil
	}
	retracted := map[string]bool{}
	for _, e := range s.Timeline {
		if e.Kind == KindRetracted {
			retracted[e.Entry] = true
		}
	}
	var out []Entry
	for _, e := range s.Timeline {
		if pinned[e.ID] && !retracted[e.ID] {
			out = append(out, e)
		}
	}
	return out
}
