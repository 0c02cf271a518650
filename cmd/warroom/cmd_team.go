package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/warroom/warroom/model/store"
	"github.com/warroom/warroom/tui/serve"
)

// teamPath is the team file: --team, else WARROOM_TEAM, else team.toml
// beside the config.
func (a *app) teamPath() string {
	if t := a.getenv("WARROOM_TEAM"); t != "" {
		return t
	}
	return filepath.Join(configDir(a.getenv), "team.toml")
}

func (a *app) teamCmd() *cobra.Command {
	var team string
	path := func() string {
		if team != "" {
			return team
		}
		return a.teamPath()
	}
	cmd := &cobra.Command{
		Use:   "team",
		Short: "Keep the team file: who may join the served war room",
		Long: `Keep the team file that warroom serve lets people in by: each member's
name in the incident, their public keys, and their access (edit, or view
to only watch). Members are found by the key they connect with.`,
		Example: `  warroom team add alice ~/.ssh/id_ed25519.pub
  warroom team add dana dana.pub --view
  warroom team add pagerbot pager.pub --bot
  warroom team list
  warroom team remove dana`,
	}
	cmd.PersistentFlags().StringVar(&team, "team", "", "the team file (env WARROOM_TEAM; default team.toml beside the config)")

	var view, bot bool
	add := &cobra.Command{
		Use:   "add NAME PUBKEY-FILE",
		Short: "Let a person in with their public key (- reads it from standard input)",
		Args:  exactly("a NAME", "a PUBKEY-FILE"),
		RunE: func(cmd *cobra.Command, args []string) error {
			key, err := a.readKey(args[1])
			if err != nil {
				return err
			}
			access := serve.Edit
			if view {
				access = serve.View
			}
			return a.changeTeam(path(), func(t *serve.Team) error {
				if err := t.Add(args[0], key, access); err != nil {
					return err
				}
				t.SetBot(args[0], bot)
				return nil
			}, "%s may now join (%s)\n", args[0], string(access))
		},
	}
	add.Flags().BoolVar(&view, "view", false, "may only watch")
	add.Flags().BoolVar(&bot, "bot", false, "an automated actor: its entries are dimmed on screens and left out of the review's timeline")
	remove := &cobra.Command{
		Use:   "remove NAME",
		Short: "Take a person out; their open sessions end",
		Args:  exactly("a NAME"),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.changeTeam(path(), func(t *serve.Team) error {
				if !t.Remove(args[0]) {
					return usage("%s is not in the team", args[0])
				}
				return nil
			}, "%s is out of the team\n", args[0])
		},
	}
	list := &cobra.Command{
		Use:   "list",
		Short: "List the members, their access and their keys",
		Args:  exactly(),
		RunE: func(cmd *cobra.Command, _ []string) error {
			t, err := serve.ReadTeam(path())
			if err != nil {
				return err
			}
			if len(t.Members) == 0 {
				a.say("No one in the team yet: warroom team add NAME KEYFILE\n")
			}
			for _, m := range t.Members {
				var fps []string
				for _, k := range m.Keys {
					fps = append(fps, serve.Fingerprint(k))
				}
				access := string(m.Access)
				if m.Bot {
					access += ",bot"
				}
				a.print("%s\t%s\t%s\n", m.Name, access, strings.Join(fps, " "))
			}
			for _, p := range t.Problems {
				a.warn("%s", p)
			}
			return nil
		},
	}
	cmd.AddCommand(add, remove, list)
	return cmd
}

// readKey reads a public key file, or standard input for "-".
func (a *app) readKey(name string) (string, error) {
	var data []byte
	var err error
	if name == "-" {
		data, err = io.ReadAll(io.LimitReader(a.stdin, 64<<10))
	} else {
		data, err = os.ReadFile(name)
	}
	if err != nil {
		return "", fmt.Errorf("public key: %w", err)
	}
	return strings.TrimSpace(string(data)), nil
}

// changeTeam reads the team file, changes it and writes it back whole.
func (a *app) changeTeam(path string, change func(*serve.Team) error, done string, args ...any) error {
	t, err := serve.ReadTeam(path)
	if err != nil {
		return err
	}
	if err := change(t); err != nil {
		return err
	}
	data, err := t.Encode()
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("team file: %w", err)
	}
	if err := store.WriteAtomic(path, data, 0o600); err != nil {
		return fmt.Errorf("team file: %w", err)
	}
	a.say(done, args...)
	return nil
}
