package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/i18n"
	"github.com/warroom/warroom/model/safetext"
	"github.com/warroom/warroom/model/sshsync"
)

func (a *app) syncCmd() *cobra.Command {
	var create, watch bool
	var sshCommand string
	var interval time.Duration
	cmd := &cobra.Command{
		Use:   "sync [user@]host:path",
		Short: "Merge this incident with a copy on another machine, over ssh",
		Long: `Merge the local incident with a copy kept on any machine you can ssh to,
and write the result to both sides. warroom runs your own ssh (so
~/.ssh/config, the agent, ProxyJump and known_hosts all apply) and speaks
SFTP over it; the other machine needs only a stock OpenSSH server.
Nothing either side wrote is lost; when both changed the same field, the
later change wins and the other stays in the timeline.

--create starts the remote copy from this incident. --watch keeps syncing,
every --interval and right after every local change, over one connection,
reconnecting when it drops; stop it with ctrl+c.`,
		Example: `  warroom sync alice@bastion:incidents/checkout.toml --create
  warroom sync ssh://alice@bastion:2222/srv/warroom/checkout.toml --watch`,
		Args: exactly("a TARGET"),
		RunE: func(cmd *cobra.Command, args []string) error {
			target, err := sshsync.ParseTarget(args[0])
			if err != nil {
				return usageError{err: err}
			}
			if interval < time.Second {
				return usage("--interval %s: give a period of a second or more, such as 5s", interval)
			}
			if sshCommand == "" {
				sshCommand = a.getenv("WARROOM_SSH_COMMAND")
			}
			o := sshsync.Options{SSHCommand: sshCommand, Batch: watch}
			so := sshsync.SyncOptions{Create: create, Owner: a.actor() + "@" + hostname()}
			// Every signal that can be caught stops the sync cleanly: it
			// writes nothing more to the remote copy and releases the
			// remote lock before exiting.
			ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
			defer stop()
			if watch {
				return a.watchSync(ctx, target, o, so, interval)
			}
			conn, err := sshsync.Dial(ctx, target, o)
			if err != nil {
				return err
			}
			defer conn.Close()
			res, err := sshsync.Sync(ctx, conn, a.path(), so)
			a.warnSyncTorn(target, res)
			if err != nil {
				return err
			}
			a.say("synced with %s: %s\n", safetext.Line(target.String()), res.Text(i18n.Lang(a.lang)))
			return nil
		},
	}
	cmd.Flags().BoolVar(&create, "create", false, "create the remote copy from this incident if there is none")
	cmd.Flags().BoolVar(&watch, "watch", false, "keep syncing until interrupted")
	cmd.Flags().DurationVar(&interval, "interval", 5*time.Second, "with --watch: how often to sync when nothing changes here")
	cmd.Flags().StringVar(&sshCommand, "ssh-command", "", "the ssh command line to use (env WARROOM_SSH_COMMAND; default: ssh)")
	return cmd
}

func hostname() string {
	h, err := os.Hostname()
	if err != nil {
		return "unknown"
	}
	return h
}

// watchSync keeps the two copies in step until ctx ends, printing what
// each sync moved and every failure.
func (a *app) watchSync(ctx context.Context, target sshsync.Target, o sshsync.Options, so sshsync.SyncOptions, interval time.Duration) error {
	return sshsync.Live(ctx, a.path(), target, o, so, interval, func(st sshsync.Status) {
		a.warnSyncTorn(target, st.Result)
		switch {
		case st.Err != nil:
			a.warn("sync: %s", model.Explain(st.Err, a.errorLang()))
		case st.Result.Moved():
			a.say("%s synced with %s: %s\n", st.At.Format("15:04:05"), safetext.Line(target.String()), st.Result.Text(i18n.Lang(a.lang)))
		}
	})
}

// warnSyncTorn says where a sync kept what followed the last whole change
// of either copy before writing over it.
func (a *app) warnSyncTorn(target sshsync.Target, res sshsync.Result) {
	if res.Torn != "" {
		a.warnTorn(a.path(), res.Torn)
	}
	if res.RemoteTorn != "" {
		a.warnTorn(target.String(), res.RemoteTorn)
	}
}
