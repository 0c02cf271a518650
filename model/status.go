package model

import (
	"fmt"

	"github.com/warroom/warroom/model/i18n"
)

// Status is where the incident is in its lifecycle.
type Status string

// The lifecycle, in order. Moving backwards is allowed and recorded.
const (
	Investigating Status = "investigating"
	Identified    Status = "identified"
	Monitoring    Status = "monitoring"
	Resolved      Status = "resolved"
	Closed        Status = "closed"
)

// Statuses lists the lifecycle in order.
var Statuses = []Status{Investigating, Identified, Monitoring, Resolved, Closed}

// Rank is the position of s in the lifecycle, or -1 if unknown.
func (s Status) Rank() int {
	for i, v := range Statuses {
		if v == s {
			return i
		}
	}
	return -1
}

// In is the status as people read it in l: "investigating", "investigando".
// A status this build does not know is shown as it is.
func (s Status) In(l i18n.Lang) string {
	if s.Rank() < 0 {
		return string(s)
	}
	return l.T(string(s))
}

// ParseStatus accepts a lifecycle status, case-insensitively.
func ParseStatus(v string) (Status, error) { return ParseWord("status", v, Statuses) }

// UnmarshalText checks the status read from a file.
func (s *Status) UnmarshalText(b []byte) error {
	v, err := ParseStatus(string(b))
	if err != nil {
		return fmt.Errorf("status must be one of investigating, identified, monitoring, resolved, closed, not %q", b)
	}
	*s = v
	return nil
}
