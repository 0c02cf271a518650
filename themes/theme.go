// Package themes holds palettes, and only palettes: the colours the screen
// is drawn in. It builds no styles and knows nothing of the screen's
// layout; tui turns a Theme into styles for one renderer.
package themes

import "github.com/charmbracelet/lipgloss"

// Theme is a palette. Every colour is a lipgloss colour (hex or ANSI).
type Theme struct {
	Name        string
	Description string

	Background lipgloss.Color
	Text       lipgloss.Color
	Muted      lipgloss.Color
	Accent     lipgloss.Color
	Border     lipgloss.Color
	Selection  lipgloss.Color // background of the selected row or tab

	Sev1, Sev2, Sev3, SevUnset lipgloss.Color // severity badges (text is drawn on them)
	OnBadge                    lipgloss.Color // text on a severity or status badge

	Investigating, Identified, Monitoring, Resolved, Closed lipgloss.Color

	Role        lipgloss.Color // a role handed to someone
	DefaultRole lipgloss.Color // a role still held by the incident manager by default
	Warning     lipgloss.Color // something needs attention: unowned work, a failed save
	Done        lipgloss.Color // a completed task
}

// Dark is the default theme: light text on a dark background.
func Dark() Theme {
	return Theme{
		Name:          "dark",
		Description:   "light text on a dark background (default)",
		Background:    "#1c1c1c",
		Text:          "#e4e4e4",
		Muted:         "#9e9e9e",
		Accent:        "#5fafff",
		Border:        "#5f5f5f",
		Selection:     "#303a4a",
		Sev1:          "#d70000",
		Sev2:          "#ff8700",
		Sev3:          "#d7af00",
		SevUnset:      "#6c6c6c",
		OnBadge:       "#ffffff",
		Investigating: "#d75f5f",
		Identified:    "#ffaf00",
		Monitoring:    "#5fafff",
		Resolved:      "#5faf5f",
		Closed:        "#8a8a8a",
		Role:          "#87d7ff",
		DefaultRole:   "#8a8a8a",
		Warning:       "#ffaf00",
		Done:          "#6c6c6c",
	}
}

// Builtin returns the theme with the given name.
func Builtin(name string) (Theme, bool) {
	for _, t := range All() {
		if t.Name == name {
			return t, true
		}
	}
	return Theme{}, false
}

// All lists the built-in themes.
func All() []Theme { return []Theme{Dark()} }
