// Package serve serves the war room over SSH: a whole team on one live
// incident, each person in their own terminal as themselves, with nothing
// to install but ssh.
//
// It owns the glue between the SSH server (wish) and the screen (tui):
// the gate that holds connections until they log in (gate.go), who a
// session is (the key that completed authentication, looked up in the
// team file), and the wish middleware every session goes through, one
// concern each (middleware.go): recoverer, admission (room, limits, the
// pace of changes), logging, keepalive, dispatch (the screen, the wall,
// who, or a command, whose words SplitLine finds and whose member
// Identity goes in its context). Then the hub that keeps the one incident
// and the one writer for every session, each session's mailbox and
// program, and who is connected. It must not read or write the incident
// file but through model/store, nor decide what a change means (model's)
// or which commands a member may run (the command line's served tree).
package serve
