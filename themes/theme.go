// Package themes holds palettes, and only palettes: the colours the screen
// is drawn in. It builds no styles and knows nothing of the screen's
// layout; tui turns a Theme into styles for one renderer.
package themes

import "github.com/charmbracelet/lipgloss"

// Theme is a palette. Every colour is a hex colour ("#1c1c1c"); the empty
// colour means the terminal's own (the mono theme uses no colour at all).
type Theme struct {
	Name        string
	Description string

	Background lipgloss.Color
	Text       lipgloss.Color
	Muted      lipgloss.Color
	Accent     lipgloss.Color
	Border     lipgloss.Color
	Selection  lipgloss.Color // background of the selected row or tab

	Sev1, Sev2, Sev3, SevUnset lipgloss.Color // severity badges (OnBadge text is drawn on them)
	OnBadge                    lipgloss.Color

	Investigating, Identified, Monitoring, Resolved, Closed lipgloss.Color

	Role        lipgloss.Color // a role handed to someone
	DefaultRole lipgloss.Color // a role still held by the incident manager by default
	Warning     lipgloss.Color // something needs attention: unowned work, a failed save
	Done        lipgloss.Color // a closed task
}

// Default is the name of the theme used when none is chosen.
const Default = "dark"

// Dark is the default theme: light text on a dark background.
func Dark() Theme {
	return Theme{
		Name:          "dark",
		Description:   "light text on a dark background (the default)",
		Background:    "#1c1c1c",
		Text:          "#e4e4e4",
		Muted:         "#a8a8a8",
		Accent:        "#5fafff",
		Border:        "#5f5f5f",
		Selection:     "#303a4a",
		Sev1:          "#d70000",
		Sev2:          "#af5f00",
		Sev3:          "#875f00",
		SevUnset:      "#585858",
		OnBadge:       "#ffffff",
		Investigating: "#ff5f5f",
		Identified:    "#ffaf00",
		Monitoring:    "#5fafff",
		Resolved:      "#5fd75f",
		Closed:        "#a8a8a8",
		Role:          "#87d7ff",
		DefaultRole:   "#a8a8a8",
		Warning:       "#ffaf00",
		Done:          "#8a8a8a",
	}
}

// Light is dark text on a light background, for bright rooms.
func Light() Theme {
	return Theme{
		Name:          "light",
		Description:   "dark text on a light background, for bright rooms",
		Background:    "#fafafa",
		Text:          "#1c1c1c",
		Muted:         "#555555",
		Accent:        "#005fd7",
		Border:        "#9e9e9e",
		Selection:     "#dbe8fb",
		Sev1:          "#c00000",
		Sev2:          "#a04000",
		Sev3:          "#6b5300",
		SevUnset:      "#5f5f5f",
		OnBadge:       "#ffffff",
		Investigating: "#b00000",
		Identified:    "#8a4b00",
		Monitoring:    "#005fd7",
		Resolved:      "#006b00",
		Closed:        "#555555",
		Role:          "#00509e",
		DefaultRole:   "#555555",
		Warning:       "#a04000",
		Done:          "#6c6c6c",
	}
}

// HighContrast is white and yellow on black, for projectors and the room's
// big screen: every text colour at 7:1 or more.
func HighContrast() Theme {
	return Theme{
		Name:          "high-contrast",
		Description:   "white and yellow on black, for projectors and the room's big screen",
		Background:    "#000000",
		Text:          "#ffffff",
		Muted:         "#d0d0d0",
		Accent:        "#ffff00",
		Border:        "#ffffff",
		Selection:     "#00005f",
		Sev1:          "#a00000",
		Sev2:          "#8a3300",
		Sev3:          "#5c4500",
		SevUnset:      "#4e4e4e",
		OnBadge:       "#ffffff",
		Investigating: "#ff8080",
		Identified:    "#ffd75f",
		Monitoring:    "#87d7ff",
		Resolved:      "#87ff87",
		Closed:        "#d0d0d0",
		Role:          "#ffffff",
		DefaultRole:   "#d0d0d0",
		Warning:       "#ffff00",
		Done:          "#bcbcbc",
	}
}

// Colorblind uses the Okabe–Ito palette, whose colours stay apart for the
// common colour-vision deficiencies. Severity and status are never told
// apart by colour alone anyway: a word or symbol goes with every colour.
func Colorblind() Theme {
	return Theme{
		Name:          "colorblind",
		Description:   "the Okabe–Ito palette: colours that stay apart for colour-blind eyes",
		Background:    "#1a1a1a",
		Text:          "#f0f0f0",
		Muted:         "#b0b0b0",
		Accent:        "#56b4e9", // sky blue
		Border:        "#707070",
		Selection:     "#2c3e50",
		Sev1:          "#a34a00", // vermilion, darkened for white text
		Sev2:          "#8a6a00", // orange, darkened
		Sev3:          "#005a8c", // blue
		SevUnset:      "#5a5a5a",
		OnBadge:       "#ffffff",
		Investigating: "#e69f00", // orange
		Identified:    "#f0e442", // yellow
		Monitoring:    "#56b4e9", // sky blue
		Resolved:      "#33c4a0", // bluish green, lightened
		Closed:        "#b0b0b0",
		Role:          "#56b4e9",
		DefaultRole:   "#b0b0b0",
		Warning:       "#e69f00",
		Done:          "#9a9a9a",
	}
}

// Mono uses no colour at all: the terminal's own, with bold, italics and
// underlines. It is chosen automatically under NO_COLOR or TERM=dumb.
func Mono() Theme {
	return Theme{Name: "mono", Description: "no colour, only bold and underline (chosen under NO_COLOR or TERM=dumb)"}
}

// All lists the built-in themes.
func All() []Theme { return []Theme{Dark(), Light(), HighContrast(), Colorblind(), Mono()} }

// Builtin returns the built-in theme with the given name.
func Builtin(name string) (Theme, bool) {
	for _, t := range All() {
		if t.Name == name {
			return t, true
		}
	}
	return Theme{}, false
}
