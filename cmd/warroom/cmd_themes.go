package main

import (
	"path/filepath"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/spf13/cobra"

	"github.com/warroom/warroom/model/safetext"
	"github.com/warroom/warroom/themes"
)

// themesDir is where theme files are looked up by name.
func (a *app) themesDir() string { return filepath.Join(configDir(a.getenv), "themes") }

// chosenTheme is --theme, else mono under NO_COLOR or TERM=dumb, else the
// config's theme, else the default. A theme that does not load is
// reported and the default is used.
func (a *app) chosenTheme() themes.Theme {
	name := a.theme
	if name == "" {
		if a.getenv("NO_COLOR") != "" || a.getenv("TERM") == "dumb" {
			return themes.Mono()
		}
		name = a.config.Theme
	}
	if name == "" {
		name = themes.Default
	}
	t, err := themes.Resolve(name, a.themesDir())
	if err != nil {
		a.warn("warning: %s; using the %s theme", err.Error(), themes.Default)
		t, _ = themes.Builtin(themes.Default)
	}
	return t
}

// allThemes are the themes T cycles through on the screen.
func (a *app) allThemes() []themes.Theme {
	all, _ := themes.List(a.themesDir())
	return all
}

func (a *app) completeThemes(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	var out []string
	for _, t := range a.allThemes() {
		out = append(out, t.Name)
	}
	return out, cobra.ShellCompDirectiveDefault
}

func (a *app) themesCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "themes",
		Short: "List the themes, with a colour swatch",
		Long: `List the built-in themes and the theme files in the themes folder of the
config directory (` + "`warroom config path`" + ` shows where), with a swatch of each.

A theme file is TOML: optional name, description and base (a built-in to
start from), and any of the colours as "#rrggbb": ` + strings.Join(themes.Keys()[3:], ", ") + `.`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			r := lipgloss.NewRenderer(a.stdout)
			all, err := themes.List(a.themesDir())
			chosen := a.chosenTheme().Name
			for _, t := range all {
				mark := " "
				if t.Name == chosen {
					mark = "*"
				}
				a.print("%s %-14s %s  %s\n", mark, safetext.Line(t.Name), swatch(r, t), safetext.Line(t.Description))
			}
			a.say("\n* in use. Choose with --theme NAME or theme = \"NAME\" in %s; T cycles on the screen.\n",
				safetext.Line(configPath(a.getenv)))
			if err != nil {
				a.warn("warning: %s", err.Error())
			}
			return nil
		},
	}
}

// swatch shows a theme's main colours as blocks of colour on its
// background, with the severity words drawn on their badges.
func swatch(r *lipgloss.Renderer, t themes.Theme) string {
	bg := r.NewStyle().Background(t.Background)
	var b strings.Builder
	for _, c := range []lipgloss.Color{t.Text, t.Muted, t.Accent, t.Role, t.Warning} {
		b.WriteString(bg.Foreground(c).Render("██"))
	}
	badge := r.NewStyle().Foreground(t.OnBadge).Bold(true)
	b.WriteString(bg.Render(" "))
	for _, s := range []struct {
		c lipgloss.Color
		w string
	}{{t.Sev1, "1"}, {t.Sev2, "2"}, {t.Sev3, "3"}} {
		b.WriteString(badge.Background(s.c).Render("S" + s.w))
	}
	return b.String()
}

func (a *app) configCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "config",
		Short: "Where the config file is read from",
		Long: `warroom reads config.toml from $XDG_CONFIG_HOME/warroom (default
~/.config/warroom): your name, theme and language, what each severity means
for your team, changes to the role catalog, and your team's communications:

  name = "alice"
  theme = "high-contrast"
  language = "es"

  [severity]
  1 = "all hands: customers cannot pay"

  [[role]]                 # rename a role...
  key = "scribe"
  text.en.name = "Note taker"

  [[role]]                 # ...or add one
  key = "security_lead"
  aliases = ["sec"]
  text.en.name = "Security lead"
  text.en.primary = "Contains the breach and preserves evidence."

  [comms]                  # the team's communications
  approval = ["external"]  # updates the incident manager approves
  [comms.cadence.sev1]     # how often each audience expects one
  external = "15m"         # or "none"; first = "5m" for the first
  [comms.templates]        # the drafts, one per status
  investigating = "We are looking into {title}. Next update by {next}."

A config that does not load is reported, and the built-in defaults are used.
A mistake in one [comms] value costs only that value; one in approval asks
for approval of every audience until it is fixed. approval = "external" is
["external"].`,
		Args: noArgs,
		RunE: showHelp,
	}
	cmd.AddCommand(&cobra.Command{
		Use:   "path",
		Short: "Print the path of the config file",
		Args:  noArgs,
		RunE: func(*cobra.Command, []string) error {
			a.print("%s\n", safetext.Line(configPath(a.getenv)))
			return nil
		},
	})
	return cmd
}
