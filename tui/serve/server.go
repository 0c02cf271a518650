package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"sync"
	"time"

	"github.com/charmbracelet/ssh"
	"github.com/charmbracelet/wish"
	"golang.org/x/time/rate"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/i18n"
	"github.com/warroom/warroom/themes"
	"github.com/warroom/warroom/tui"
)

// Options configure a served war room.
type Options struct {
	Listen  string // host:port; 127.0.0.1:2222 when empty
	File    string // the incident file
	Team    string // the team file: who may come in
	HostKey string // the server's private key, made once when missing
	// AnyoneViews lets keys not in the team watch, named by fingerprint.
	AnyoneViews bool

	MaxSessions int           // in all; 64 when 0
	PerKey      int           // sessions one key may have open; 4 when 0
	Idle        time.Duration // a session with no key pressed for this long ends; 30 minutes when 0, none when < 0
	Keepalive   time.Duration // a dead client is dropped after three missed answers; 10 s when 0
	// Handshake is how long a connection has to log in; 10 s when 0. One
	// that offered a member's key has a minute, to type a passphrase.
	Handshake time.Duration
	// Rate and Burst pace each session's changes: Burst at once, then
	// Rate a second (2 and 30 when 0); a key's commands, each a session of
	// its own, share one pace. Connections are never paced: a whole team
	// behind one address joins at once.
	Rate  float64
	Burst int

	Catalog *model.Catalog
	Lang    i18n.Lang // when neither the client nor the member says
	Theme   themes.Theme
	Themes  []themes.Theme
	Comms   model.CommsPolicy
	Replica string

	// Exec runs a command-line verb as a member, for `ssh host show`: its
	// exit status. Who the member is comes in ctx (IdentityFrom); ctx ends
	// when the session does, or the member leaves the team.
	Exec func(ctx context.Context, c Command) int
	// Saved, when set, is handed the incident and the entries each save
	// of the screens' changes wrote, off every session's goroutine: what
	// the hooks run on. It must not block.
	Saved func(model.State, []model.Entry)
	// Checks, when set, runs the team's check hooks before a resolve
	// asked for on a session's screen, as the member at it.
	Checks tui.ResolveChecks
	// Runbooks apply when a session's screen declares the incident or
	// raises its severity, as they do on a screen at home.
	Runbooks []model.Runbook

	Log *slog.Logger
	Now func() time.Time
	// Ready, when set, is told the address listened on and the host key's
	// fingerprint, once the server is up, to say them: the log then does
	// not say them again.
	Ready func(addr, fingerprint string)
}

// Command is a command-line verb a member runs over SSH: the words of
// the line the client sent (SplitLine), and the session's streams.
type Command struct {
	Args   []string
	Pty    bool // the client asked for a terminal (ssh -t)
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	// Bots are the team file's bots: automated actors besides those the
	// incident's policy names, for what the command prints.
	Bots []string
}

// server is one served war room.
type server struct {
	o    Options
	log  *slog.Logger
	hub  *Hub
	team *teamWatch

	mu       sync.Mutex
	open     int                      // sessions open
	perKey   map[string]int           // by fingerprint
	live     map[*session]struct{}    // every session admitted
	paces    map[string]*rate.Limiter // each key's commands' pace, by fingerprint
	stopping chan struct{}            // closed when the server stops: every session ends
}

// stop tells every screen that the server is stopping, ends every
// session, and closes the server: all within two seconds, so that a
// SIGTERM leaves no one hanging. The hub then saves what is left.
func (srv *server) stop(s *ssh.Server) {
	srv.log.Info("stopping", "screens", len(srv.hub.Presence()))
	srv.hub.tell(msgStopping)
	time.Sleep(300 * time.Millisecond) // time to read it
	close(srv.stopping)
	shut, done := context.WithTimeout(context.Background(), 1500*time.Millisecond)
	defer done()
	if err := s.Shutdown(shut); err != nil {
		_ = s.Close()
	}
}

// msgStopping is what every screen is told when the server stops.
var msgStopping = i18n.M("the war room's server is stopping; your changes are saved")

// Serve serves the war room at o.File over SSH until ctx ends, then ends
// every session and saves what is left to save.
func Serve(ctx context.Context, o Options) error {
	o = o.withDefaults()
	pem, fp, err := hostKey(o.HostKey)
	if err != nil {
		return err
	}
	team, err := watchTeam(ctx, o.Team, o.Log)
	if err != nil {
		return err
	}
	hub, err := newHub(ctx, o.File, o.Catalog, o.Log, o.Now, o.Saved, func() []string { return team.get().Bots() })
	if err != nil {
		return err
	}
	srv := &server{o: o, log: o.Log, hub: hub, team: team, perKey: map[string]int{}, live: map[*session]struct{}{},
		paces: map[string]*rate.Limiter{}, stopping: make(chan struct{})}
	team.onChange = srv.endRemoved
	ln, err := net.Listen("tcp", o.Listen)
	if err != nil {
		return fmt.Errorf("serve: listen on %s: %w", o.Listen, err)
	}
	s, err := wish.NewServer(
		wish.WithHostKeyPEM(pem),
		wish.WithPublicKeyAuth(srv.publicKey),
		wish.WithKeyboardInteractiveAuth(srv.anyoneElse),
		// One concern each; the last listed runs first.
		wish.WithMiddleware(srv.dispatch, srv.keepalive, srv.logging, srv.admission, srv.recoverer),
		// A connection that sends and receives nothing for this long is
		// closed. A screen draws its clocks every second.
		wish.WithIdleTimeout(connIdle),
	)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	s.ConnCallback = srv.track
	s.ServerConfigCallback = srv.sshConfig
	if o.Ready != nil {
		o.Ready(ln.Addr().String(), fp)
	} else {
		o.Log.Info("serving", "file", o.File, "listen", ln.Addr().String(), "host_key", fp, "team", o.Team)
	}
	go func() {
		<-ctx.Done()
		srv.stop(s)
	}()
	err = s.Serve(newGate(ln, o.MaxSessions, o.Handshake))
	flush, done := context.WithTimeout(context.Background(), 30*time.Second)
	defer done()
	if cerr := hub.Close(flush); cerr != nil {
		return cerr
	}
	if errors.Is(err, ssh.ErrServerClosed) || ctx.Err() != nil {
		o.Log.Info("stopped", "saved", true)
		return nil
	}
	return fmt.Errorf("serve: %w", err)
}

func (o Options) withDefaults() Options {
	if o.Listen == "" {
		o.Listen = "127.0.0.1:2222"
	}
	if o.MaxSessions == 0 {
		o.MaxSessions = 64
	}
	if o.PerKey == 0 {
		o.PerKey = 4
	}
	if o.Idle == 0 {
		o.Idle = 30 * time.Minute
	}
	if o.Keepalive == 0 {
		o.Keepalive = 10 * time.Second
	}
	if o.Handshake == 0 {
		o.Handshake = 10 * time.Second
	}
	if o.Rate == 0 {
		o.Rate = 2
	}
	if o.Burst == 0 {
		o.Burst = 30
	}
	if o.Catalog == nil {
		o.Catalog = model.DefaultCatalog()
	}
	if o.Lang == "" {
		o.Lang = i18n.English
	}
	if o.Theme.Name == "" {
		o.Theme = themes.Dark()
	}
	if o.Log == nil {
		o.Log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	return o
}

// connIdle is how long an SSH connection may stay silent both ways.
const connIdle = 2 * time.Minute
