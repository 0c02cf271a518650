package serve

import (
	"net"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

// gate is the server's listener: it holds the connections accepted, and
// keeps those that have not yet said who they are (their handshake and
// authentication not done) from crowding out those that will. A new
// connection is never refused because of those: past the caps, the
// oldest of them is closed to make room, the silent ones (nothing sent)
// before the ones that talk. One that has not logged in within its grace is closed.
//
// max caps all the connections held (file descriptors): past it, the
// oldest not yet logged in is closed too, and only when every place is
// held by someone logged in is a new connection closed at once.
type gate struct {
	net.Listener
	perIP   int           // connections not yet logged in, from one address
	pending int           // connections not yet logged in, in all
	max     int           // connections, in all
	grace   time.Duration // to log in
	claimed time.Duration // to log in, once a member's key was offered: time to type a passphrase

	mu      sync.Mutex
	waiting []*gateConn // not yet logged in, the oldest first
	byIP    map[string]int
	total   int
}

// newGate holds ln's connections for a server of maxSessions sessions.
func newGate(ln net.Listener, maxSessions int, grace time.Duration) *gate {
	return &gate{Listener: ln, perIP: maxSessions + 8, pending: 2*maxSessions + 32, max: 4*maxSessions + 64,
		grace: grace, claimed: max(grace, time.Minute), byIP: map[string]int{}}
}

// Accept returns the next connection, making room for it.
func (g *gate) Accept() (net.Conn, error) {
	for {
		c, err := g.Listener.Accept()
		if err != nil {
			return nil, err
		}
		gc := &gateConn{Conn: c, g: g, ip: hostOf(c.RemoteAddr())}
		var evict []*gateConn
		g.mu.Lock()
		closeOldest := func(match func(*gateConn) bool) {
			if o := g.oldest(match); o != nil {
				g.unwait(o)
				evict = append(evict, o)
			}
		}
		if g.byIP[gc.ip] >= g.perIP {
			closeOldest(func(o *gateConn) bool { return o.ip == gc.ip })
		}
		if len(g.waiting) >= g.pending {
			closeOldest(func(*gateConn) bool { return true })
		}
		if g.total-len(evict) >= g.max { // those closed below still count
			closeOldest(func(*gateConn) bool { return true })
		}
		full := g.total-len(evict) >= g.max
		if !full {
			g.total++
			g.byIP[gc.ip]++
			g.waiting = append(g.waiting, gc)
			gc.timer = time.AfterFunc(g.grace, gc.expire)
		}
		g.mu.Unlock()
		for _, o := range evict {
			_ = o.Close()
		}
		if full {
			_ = c.Close() // every place is held by someone logged in
			continue
		}
		return gc, nil
	}
}

// oldest is the connection waiting that goes first, among those that
// match: the oldest of those that sent nothing, else the oldest. Nil when
// none matches. Offering a member's key earns time, not a place: a
// public key is no secret.
func (g *gate) oldest(match func(*gateConn) bool) *gateConn {
	var first *gateConn
	for _, c := range g.waiting {
		if !match(c) {
			continue
		}
		if !c.talked.Load() {
			return c
		}
		if first == nil {
			first = c
		}
	}
	return first
}

// unwait takes c off the waiting list; the caller holds g.mu.
func (g *gate) unwait(c *gateConn) bool {
	i := slices.Index(g.waiting, c)
	if i < 0 {
		return false
	}
	g.waiting = slices.Delete(g.waiting, i, i+1)
	if g.byIP[c.ip]--; g.byIP[c.ip] <= 0 {
		delete(g.byIP, c.ip)
	}
	return true
}

// gateConn is a connection the gate holds.
type gateConn struct {
	net.Conn
	g          *gate
	ip         string
	timer      *time.Timer
	talked     atomic.Bool // it sent something
	claimedKey atomic.Bool // it offered a member's key
	once       sync.Once
}

// Read notes that the client talks.
func (c *gateConn) Read(p []byte) (int, error) {
	n, err := c.Conn.Read(p)
	if n > 0 && !c.talked.Load() {
		c.talked.Store(true)
	}
	return n, err
}

// loggedIn takes the connection off the waiting list: its client is a
// member, who counts against the server's sessions from now on.
func (c *gateConn) loggedIn() {
	c.g.mu.Lock()
	defer c.g.mu.Unlock()
	if c.g.unwait(c) {
		c.timer.Stop()
	}
}

// claim gives a connection that offered a member's key the time to sign
// with it (a passphrase typed, a hardware key touched).
func (c *gateConn) claim() {
	c.g.mu.Lock()
	defer c.g.mu.Unlock()
	if !c.claimedKey.Load() && slices.Contains(c.g.waiting, c) {
		c.claimedKey.Store(true)
		c.timer.Reset(c.g.claimed)
	}
}

// expire closes a connection that has not logged in within its grace.
func (c *gateConn) expire() {
	c.g.mu.Lock()
	waiting := slices.Contains(c.g.waiting, c)
	c.g.mu.Unlock()
	if waiting {
		_ = c.Close()
	}
}

// Close gives the connection's place back, once.
func (c *gateConn) Close() error {
	c.once.Do(func() {
		c.g.mu.Lock()
		c.g.unwait(c)
		c.g.total--
		c.g.mu.Unlock()
		c.timer.Stop()
	})
	return c.Conn.Close()
}

// hostOf is the address a connection comes from, without its port.
func hostOf(a net.Addr) string {
	if h, _, err := net.SplitHostPort(a.String()); err == nil {
		return h
	}
	return a.String()
}
