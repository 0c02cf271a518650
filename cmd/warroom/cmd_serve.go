package main

import (
	"io"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/warroom/warroom/tui/serve"
)

func (a *app) serveCmd() *cobra.Command {
	var listen, team, hostKey, viewers string
	var maxSessions, perKey int
	var idle time.Duration
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve the war room over SSH: the whole team on one live incident",
		Long: `Serve the incident over SSH, so that the whole team joins one war room
with nothing to install: ssh -p 2222 HOST opens the screen as the person
whose key it is, ssh -p 2222 HOST wall the wall, and ssh -p 2222 HOST show
(or export, log "text", task add …) runs a command as that person.

Who may come in is the team file (--team; warroom team add NAME KEYFILE
keeps it): each member's name, public keys and access, edit or view. The
file is read again when it changes; a member removed is disconnected.
--viewers anyone lets keys not in the team watch.

It listens on 127.0.0.1:2222; to let others in, --listen 0.0.0.0:2222 (and
open the port to your team only). The host key is made once, and its
fingerprint printed, for people to check when they first connect.
Local screens and the command line keep working on the file beside it.`,
		Example: `  warroom team add alice ~/.ssh/id_ed25519.pub
  warroom serve --listen 0.0.0.0:2222
  ssh -p 2222 warroom-host`,
		Args: exactly(),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if viewers != "" && viewers != "anyone" {
				return usage("--viewers %q: the one value is anyone", viewers)
			}
			if team == "" {
				team = a.teamPath()
			}
			if hostKey == "" {
				hostKey = filepath.Join(dataDir(a.getenv), "host_ed25519")
			}
			ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			// The team file's [[hook]] tables are the served war room's,
			// with the config's and the hooks files'; read once, here.
			a.addTeamHooks(team)
			a.serveTeam = team
			a.warnHooks()
			a.claims(ctx)
			rs := a.runbooksQuietly()
			for _, p := range rs.Problems {
				a.warn("warning: %s; this runbook is not applied until it is fixed", describe(p, a.errorLang()))
			}
			log := slog.New(slog.NewTextHandler(a.stderr, nil))
			return serve.Serve(ctx, serve.Options{
				Listen: listen, File: a.path(), Team: team, HostKey: hostKey, AnyoneViews: viewers == "anyone",
				MaxSessions: maxSessions, PerKey: perKey, Idle: idle,
				Catalog: a.catalog, Lang: a.lang, Theme: a.chosenTheme(), Themes: a.allThemes(), Comms: a.comms, Replica: a.replica,
				Exec: a.served, Log: log, Saved: a.firedQuietly, Checks: a.screenChecks(), Runbooks: rs.Runbooks(),
				Ready: func(addr, fp string) {
					_, port, _ := strings.Cut(addr, ":")
					a.say("serving %s on %s\nhost key %s\njoin with: ssh -p %s HOST (HOST: this machine's name)\n", a.path(), addr, fp, port)
				},
			})
		},
	}
	f := cmd.Flags()
	f.StringVar(&listen, "listen", "127.0.0.1:2222", "address to listen on; 0.0.0.0:2222 lets in other machines")
	f.StringVar(&team, "team", "", "the team file (env WARROOM_TEAM; default team.toml beside the config)")
	f.StringVar(&hostKey, "host-key", "", "the server's private key, made once (default host_ed25519 under $XDG_DATA_HOME/warroom)")
	f.StringVar(&viewers, "viewers", "", "anyone: keys not in the team may watch")
	f.IntVar(&maxSessions, "max-sessions", 64, "sessions open at once, in all")
	f.IntVar(&perKey, "per-key", 4, "sessions one key may have open")
	f.DurationVar(&idle, "idle", 30*time.Minute, "a session with no key pressed for this long ends")
	return cmd
}

// crlf ends lines with CR LF, as the client's terminal, raw behind a pty,
// needs.
type crlf struct{ w io.Writer }

func (c crlf) Write(p []byte) (int, error) {
	if _, err := c.w.Write([]byte(strings.ReplaceAll(string(p), "\n", "\r\n"))); err != nil {
		return 0, err
	}
	return len(p), nil
}

// dataDir is $XDG_DATA_HOME/warroom, else ~/.local/share/warroom.
func dataDir(getenv func(string) string) string {
	if d := getenv("XDG_DATA_HOME"); d != "" {
		return filepath.Join(d, "warroom")
	}
	home := getenv("HOME")
	if home == "" {
		if h, err := os.UserHomeDir(); err == nil {
			home = h
		}
	}
	return filepath.Join(home, ".local", "share", "warroom")
}
