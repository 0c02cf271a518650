package model

import "slices"

// drillWords are the words of a title that make an incident a drill, in
// the languages warroom speaks.
var drillWords = []string{"drill", "simulacro"}

// IsDrill reports whether the incident is a drill, an exercise rather
// than a real incident: its title has the word drill (or simulacro), as
// in "Drill: primary database failover". A team's numbers leave drills
// out unless asked for them.
func (in Incident) IsDrill() bool {
	return slices.ContainsFunc(TitleWords(in.Title), func(w string) bool { return slices.Contains(drillWords, w) })
}
