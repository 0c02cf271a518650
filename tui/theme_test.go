package tui

import (
	"io"
	"regexp"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/teatest"
	"github.com/muesli/termenv"

	"github.com/warroom/warroom/themes"
)

// colourStyles are a theme's styles with the colour profile pinned to
// true colour, so the golden files hold the exact colours.
func colourStyles(t themes.Theme) *Styles {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.TrueColor)
	return NewStyles(r, t)
}

// TestGoldenThemes draws the main screen in every built-in theme, colour
// sequences included.
func TestGoldenThemes(t *testing.T) {
	for _, th := range themes.All() {
		t.Run(th.Name, func(t *testing.T) {
			m, _ := newTestModel(t, sampleState(t), 120, 40)
			m.setStyles(colourStyles(th))
			teatest.RequireEqualOutput(t, []byte(m.View()))
		})
	}
}

var sgr = regexp.MustCompile(`\x1b\[[0-9;]*m`)

// TestMonoHasNoColour: the mono theme, as used under NO_COLOR, writes no
// colour sequence, only bold, italics and underlines.
func TestMonoHasNoColour(t *testing.T) {
	m, _ := newTestModel(t, sampleState(t), 120, 40)
	m.setStyles(colourStyles(themes.Mono()))
	for _, seq := range sgr.FindAllString(m.View(), -1) {
		for _, p := range strings.Split(strings.Trim(seq, "\x1b[m"), ";") {
			if p == "38" || p == "48" || (len(p) == 2 && (p[0] == '3' || p[0] == '4') && p[1] != '8') {
				t.Fatalf("colour sequence %q in the mono theme", seq)
			}
		}
	}
}

// TestThemePaintsItsBackground: every line of a themed screen starts on the
// theme's background and gets it back after every reset.
func TestThemePaintsItsBackground(t *testing.T) {
	m, _ := newTestModel(t, sampleState(t), 120, 40)
	m.setStyles(colourStyles(themes.HighContrast()))
	bg := "\x1b[48;2;0;0;0m"
	for i, l := range lines(m.View()) {
		if !strings.HasPrefix(l, bg) {
			t.Fatalf("line %d does not start on the background: %q", i, l[:min(len(l), 20)])
		}
		if n := strings.Count(l, "\x1b[0m"); strings.Count(l, "\x1b[0m"+bg) < n-1 {
			t.Fatalf("line %d loses the background after a reset", i)
		}
	}
}

func TestThemeKeyCycles(t *testing.T) {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.Ascii)
	m, _ := newTestModel(t, sampleState(t), 120, 40)
	m.opts.Renderer, m.opts.Themes = r, themes.All()
	m = send(m, tea.WindowSizeMsg{Width: 120, Height: 40}) // the key turns on with the themes
	var seen []string
	for range themes.All() {
		m = keys(m, "T")
		seen = append(seen, m.c.styles.Theme.Name)
	}
	if got := strings.Join(seen, ","); got != "light,high-contrast,colorblind,mono,dark" {
		t.Errorf("T cycled %s", got)
	}
}

// On a 256- or 16-colour terminal the theme's colours, converted once
// when the styles are built, come out as lipgloss would convert them at
// every draw.
func TestColoursConvertedOnceAreTheSame(t *testing.T) {
	for _, p := range []termenv.Profile{termenv.ANSI256, termenv.ANSI} {
		r := lipgloss.NewRenderer(io.Discard)
		r.SetColorProfile(p)
		for _, th := range themes.All() {
			resolved := resolveColors(r, th)
			if strings.HasPrefix(string(th.Text), "#") && resolved == th {
				t.Errorf("profile %v, theme %s: nothing converted", p, th.Name)
			}
			for _, pair := range [][2]lipgloss.Color{{th.Text, resolved.Text}, {th.Warning, resolved.Warning}, {th.Sev1, resolved.Sev1},
				{th.Border, resolved.Border}, {th.Selection, resolved.Selection}, {th.Background, resolved.Background}} {
				want := r.NewStyle().Foreground(pair[0]).Background(pair[0]).Render("x")
				if got := r.NewStyle().Foreground(pair[1]).Background(pair[1]).Render("x"); got != want {
					t.Errorf("profile %v, theme %s: %q drawn %q, want %q", p, th.Name, pair[0], got, want)
				}
			}
		}
	}
}
