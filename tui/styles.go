package tui

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/themes"
)

// Styles are every style the screen uses, built from one theme for one
// renderer. Build them with NewStyles; never share them between renderers.
type Styles struct {
	Theme themes.Theme

	Title, Muted, Text, Accent, Warning, Bold lipgloss.Style
	SevBadge                                  map[model.Severity]lipgloss.Style
	StatusBadge                               map[model.Status]lipgloss.Style

	Tab, TabActive, TabDefault, TabDefaultActive lipgloss.Style

	Pane, PaneFocused lipgloss.Style // bordered boxes
	// paneEdges and focusedEdges are Pane's and PaneFocused's borders
	// drawn once, for box to put around lines it already fitted.
	paneEdges, focusedEdges edges
	PaneTitle               lipgloss.Style
	Selected                lipgloss.Style
	Holder                  lipgloss.Style
	DefaultHolder           lipgloss.Style
	Done                    lipgloss.Style
	Kind                    lipgloss.Style

	Prompt, PromptLabel lipgloss.Style
	Error               lipgloss.Style
	HelpKey, HelpDesc   lipgloss.Style

	// background is the escape sequence that paints the theme's
	// background, or "" to leave the terminal's own.
	background string
	// look is what the styles draw with, the theme as the renderer's
	// profile has it: screens whose styles have the same look draw alike.
	look look
}

// look is a theme resolved for a colour profile.
type look struct {
	profile termenv.Profile
	theme   themes.Theme
}

// paint gives every line of a drawn screen the theme's background: at its
// start and again after every reset inside it, so that padding and
// unstyled text sit on the theme's colour too, whatever the terminal's
// own background.
func (s *Styles) paint(view string) string {
	if s.background == "" {
		return view
	}
	const reset = "\x1b[0m"
	lines := strings.Split(view, "\n")
	for i, l := range lines {
		lines[i] = s.background + strings.ReplaceAll(l, reset, reset+s.background) + reset
	}
	return strings.Join(lines, "\n")
}

// NewStyles builds the styles of theme t for renderer r.
func NewStyles(r *lipgloss.Renderer, t themes.Theme) *Styles {
	s := &Styles{Theme: t}
	t = resolveColors(r, t)
	s.look = look{profile: r.ColorProfile(), theme: t}
	if t.Background != "" {
		if seq := r.ColorProfile().Color(string(t.Background)).Sequence(true); seq != "" {
			s.background = "\x1b[" + seq + "m"
		}
	}
	base := r.NewStyle()
	s.Text = base.Foreground(t.Text)
	s.Muted = base.Foreground(t.Muted)
	s.Accent = base.Foreground(t.Accent)
	s.Warning = base.Foreground(t.Warning).Bold(true)
	s.Bold = base.Bold(true)
	s.Title = base.Foreground(t.Text).Bold(true)

	badge := base.Foreground(t.OnBadge).Bold(true).Padding(0, 1)
	s.SevBadge = map[model.Severity]lipgloss.Style{
		model.Sev1:     badge.Background(t.Sev1).Blink(false),
		model.Sev2:     badge.Background(t.Sev2),
		model.Sev3:     badge.Background(t.Sev3),
		model.SevUnset: badge.Background(t.SevUnset),
	}
	s.StatusBadge = map[model.Status]lipgloss.Style{
		model.Investigating: base.Foreground(t.Investigating).Bold(true),
		model.Identified:    base.Foreground(t.Identified).Bold(true),
		model.Monitoring:    base.Foreground(t.Monitoring).Bold(true),
		model.Resolved:      base.Foreground(t.Resolved).Bold(true),
		model.Closed:        base.Foreground(t.Closed).Bold(true),
	}

	tab := base.Padding(0, 1)
	s.Tab = tab.Foreground(t.Role)
	s.TabActive = tab.Foreground(t.Text).Background(t.Selection).Bold(true).Underline(true)
	s.TabDefault = tab.Foreground(t.DefaultRole).Italic(true)
	s.TabDefaultActive = tab.Foreground(t.DefaultRole).Background(t.Selection).Italic(true).Underline(true)

	s.Pane = base.Border(lipgloss.RoundedBorder()).BorderForeground(t.Border)
	s.PaneFocused = base.Border(lipgloss.ThickBorder()).BorderForeground(t.Accent)
	s.paneEdges = newEdges(base.Foreground(t.Border), lipgloss.RoundedBorder())
	s.focusedEdges = newEdges(base.Foreground(t.Accent), lipgloss.ThickBorder())
	s.PaneTitle = base.Foreground(t.Accent).Bold(true)
	s.Selected = base.Background(t.Selection).Foreground(t.Text)
	s.Holder = base.Foreground(t.Role).Bold(true)
	s.DefaultHolder = base.Foreground(t.DefaultRole).Italic(true)
	s.Done = base.Foreground(t.Done)
	s.Kind = base.Foreground(t.Muted)

	s.Prompt = base.Foreground(t.Text)
	s.PromptLabel = base.Foreground(t.Accent).Bold(true)
	s.Error = base.Foreground(t.Warning).Bold(true)
	s.HelpKey = base.Foreground(t.Accent)
	s.HelpDesc = base.Foreground(t.Muted)
	return s
}
