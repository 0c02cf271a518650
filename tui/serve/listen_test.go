package serve

import (
	"net"
	"testing"
	"time"
)

// TestConnectionsPastTheCapsAreClosed: one address holds at most its
// cap of connections at once; the next is closed as it comes, and
// a place given back is taken again.
func TestConnectionsPastTheCapsAreClosed(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	l := limitConns(ln, 8)
	maxConnsPerIP := l.perIP
	defer l.Close()
	accepted := make(chan net.Conn, maxConnsPerIP+2)
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			accepted <- c
		}
	}()
	var clients []net.Conn
	for range maxConnsPerIP + 1 {
		c, err := net.Dial("tcp", ln.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		clients = append(clients, c)
	}
	var held []net.Conn
	for range maxConnsPerIP {
		select {
		case c := <-accepted:
			held = append(held, c)
		case <-time.After(5 * time.Second):
			t.Fatalf("%d connections accepted, want %d", len(held), maxConnsPerIP)
		}
	}
	select {
	case <-accepted:
		t.Fatal("a connection past the cap was accepted")
	case <-time.After(200 * time.Millisecond):
	}
	// The one past the cap was closed by the server.
	_ = clients[maxConnsPerIP].SetReadDeadline(time.Now().Add(5 * time.Second))
	if _, err := clients[maxConnsPerIP].Read(make([]byte, 1)); err == nil {
		t.Error("the connection past the cap is still open")
	}
	_ = held[0].Close()
	c, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	select {
	case got := <-accepted:
		_ = got.Close()
	case <-time.After(5 * time.Second):
		t.Error("a place given back was not taken again")
	}
	for _, c := range held[1:] {
		_ = c.Close()
	}
}
