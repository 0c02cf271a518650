package serve

import (
	"net"
	"testing"
	"time"
)

// gated is a gate on a loopback port, its connections as accepted.
type gated struct {
	g        *gate
	addr     string
	accepted chan net.Conn
}

func startGate(t *testing.T, maxSessions int, grace time.Duration) *gated {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	g := &gated{g: newGate(ln, maxSessions, grace), addr: ln.Addr().String(), accepted: make(chan net.Conn, 1024)}
	t.Cleanup(func() { g.g.Close() })
	go func() {
		for {
			c, err := g.g.Accept()
			if err != nil {
				return
			}
			g.accepted <- c
		}
	}()
	return g
}

// dial opens a connection to the gate and waits until it is accepted.
func (g *gated) dial(t *testing.T) (client, server net.Conn) {
	t.Helper()
	c, err := net.Dial("tcp", g.addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	select {
	case s := <-g.accepted:
		return c, s
	case <-time.After(5 * time.Second):
		t.Fatal("a connection was not accepted")
	}
	return nil, nil
}

// closedByServer reports whether the server has closed c's other end.
func closedByServer(c net.Conn) bool {
	_ = c.SetReadDeadline(time.Now().Add(100 * time.Millisecond))
	_, err := c.Read(make([]byte, 1))
	_ = c.SetReadDeadline(time.Time{})
	return err != nil && !isTimeout(err)
}

func isTimeout(err error) bool {
	ne, ok := err.(net.Error)
	return ok && ne.Timeout()
}

// TestSilentConnectionsMakeRoom: connections that have not logged in
// never keep a new one out. Past the cap from one address, each new
// connection closes the oldest silent one, never one that talks or has
// logged in; the server holds no more than the cap of them.
func TestSilentConnectionsMakeRoom(t *testing.T) {
	g := startGate(t, 8, time.Minute)
	perIP := g.g.perIP
	member, memberConn := g.dial(t)
	memberConn.(*gateConn).loggedIn()
	talker, talkerConn := g.dial(t)
	if _, err := talker.Write([]byte("SSH-2.0-OpenSSH_9.6\r\n")); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 64)
	if _, err := talkerConn.Read(buf); err != nil {
		t.Fatal(err)
	}
	var silent []net.Conn
	for range 3 * perIP {
		c, _ := g.dial(t) // each accepted: none is refused
		silent = append(silent, c)
	}
	closed := 0
	for _, c := range silent {
		if closedByServer(c) {
			closed++
		}
	}
	if open := len(silent) - closed; open > perIP-1 {
		t.Errorf("%d silent connections held from one address; the cap is %d with one that talks", open, perIP)
	}
	if !closedByServer(silent[0]) || closedByServer(silent[len(silent)-1]) {
		t.Error("the room was not made by closing the oldest silent connection")
	}
	if closedByServer(talker) {
		t.Error("a connection that talks was closed while silent ones were held")
	}
	if closedByServer(member) {
		t.Error("a connection that logged in was closed")
	}
}

// TestAConnectionThatDoesNotLogInIsClosed: one that has not logged in
// within its grace is closed; one that has is kept.
func TestAConnectionThatDoesNotLogInIsClosed(t *testing.T) {
	g := startGate(t, 8, 300*time.Millisecond)
	silent, _ := g.dial(t)
	member, memberConn := g.dial(t)
	memberConn.(*gateConn).loggedIn()
	time.Sleep(time.Second)
	if !closedByServer(silent) {
		t.Error("a connection silent past its grace is still open")
	}
	if closedByServer(member) {
		t.Error("a connection that logged in was closed at the grace")
	}
}
