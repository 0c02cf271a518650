package model

import (
	"fmt"
	"sort"
)

// FollowUpClock holds, for each follow-up field several people can
// change, the stamp of its last change; a merge keeps each field's value
// with the later stamp, as it does for a task's.
//
// In the file it is a table, [followups.clock]. Files of schema 1 hold a
// single stamp instead (clock = "…"), the last change of any field; it
// reads as that stamp for every field.
type FollowUpClock struct {
	Done   Stamp `toml:"done,omitempty" json:"done,omitzero"`
	Owner  Stamp `toml:"owner,omitempty" json:"owner,omitzero"`
	Due    Stamp `toml:"due,omitempty" json:"due,omitzero"`
	Ticket Stamp `toml:"ticket,omitempty" json:"ticket,omitzero"`
}

// Latest is the latest of the field stamps.
func (c FollowUpClock) Latest() Stamp { return c.Done.Max(c.Owner).Max(c.Due).Max(c.Ticket) }

// UnmarshalTOML reads the clock as a table of stamps, or as the single
// stamp of a schema 1 file.
func (c *FollowUpClock) UnmarshalTOML(v any) error {
	switch v := v.(type) {
	case string:
		st, err := ParseStamp(v)
		if err != nil {
			return err
		}
		*c = FollowUpClock{Done: st, Owner: st, Due: st, Ticket: st}
		return nil
	case map[string]any:
		fields := map[string]*Stamp{"done": &c.Done, "owner": &c.Owner, "due": &c.Due, "ticket": &c.Ticket}
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		*c = FollowUpClock{}
		for _, k := range keys {
			dst, ok := fields[k]
			if !ok {
				return fmt.Errorf("unknown key %q in a follow-up's clock; it holds done, owner, due and ticket", k)
			}
			s, ok := v[k].(string)
			if !ok {
				return fmt.Errorf("clock.%s of a follow-up must be a string, such as \"2026-11-25T23:41:00.123Z.0000@r1\"", k)
			}
			st, err := ParseStamp(s)
			if err != nil {
				return err
			}
			*dst = st
		}
		return nil
	}
	return fmt.Errorf("a follow-up's clock must be a table (done, owner, due, ticket) or, in files of schema 1, one stamp; not a %T", v)
}
