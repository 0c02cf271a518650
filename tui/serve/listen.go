package serve

import (
	"net"
	"sync"
)

// limitListener caps the connections the server holds at once, before
// anyone has said who they are: from one address, and in all. Past them,
// a new connection is closed at once, so that sockets opened and left
// silent cannot take every file descriptor (the idle timeout closes those
// after a while). A whole team behind one address fits: it can have no
// more sessions than the server takes in all.
type limitListener struct {
	net.Listener
	perIP, max int
	mu         sync.Mutex
	byIP       map[string]int
	total      int
}

// limitConns caps ln's connections for a server of maxSessions sessions:
// as many from one address, and twice as many (and some) in all.
func limitConns(ln net.Listener, maxSessions int) *limitListener {
	return &limitListener{Listener: ln, perIP: maxSessions + 8, max: 2*maxSessions + 32, byIP: map[string]int{}}
}

// Accept returns the next connection within the caps.
func (l *limitListener) Accept() (net.Conn, error) {
	for {
		c, err := l.Listener.Accept()
		if err != nil {
			return nil, err
		}
		ip := hostOf(c.RemoteAddr())
		l.mu.Lock()
		over := l.byIP[ip] >= l.perIP || l.total >= l.max
		if !over {
			l.byIP[ip]++
			l.total++
		}
		l.mu.Unlock()
		if over {
			_ = c.Close()
			continue
		}
		return &limitedConn{Conn: c, l: l, ip: ip}, nil
	}
}

// release gives back a connection's place.
func (l *limitListener) release(ip string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.total--
	if l.byIP[ip]--; l.byIP[ip] <= 0 {
		delete(l.byIP, ip)
	}
}

// limitedConn gives its place back once, when closed.
type limitedConn struct {
	net.Conn
	l    *limitListener
	ip   string
	once sync.Once
}

func (c *limitedConn) Close() error {
	c.once.Do(func() { c.l.release(c.ip) })
	return c.Conn.Close()
}

// hostOf is the address a connection comes from, without its port.
func hostOf(a net.Addr) string {
	if h, _, err := net.SplitHostPort(a.String()); err == nil {
		return h
	}
	return a.String()
}
