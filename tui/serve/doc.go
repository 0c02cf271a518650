// Package serve serves the war room over SSH: a whole team on one live
// incident, each person in their own terminal as themselves, with nothing
// to install but ssh.
//
// It owns the glue between the SSH server (wish) and the screen (tui): who
// a connection is (the key that completed authentication, looked up in
// the team file), whether it may come in (limits, viewers), the hub that
// keeps the one incident and the one writer for every session, each
// session's mailbox and program, and who is connected. It must not read
// or write the incident file but through model/store, nor decide what a
// change means: that is model's.
package serve
