// Package sshsync keeps two copies of an incident in step through any
// machine the user can ssh to. It runs the user's own ssh (so their
// config, agent, ProxyJump and known_hosts all apply) and speaks SFTP over
// its pipes, as OpenSSH's sftp does; the far side needs only a stock
// OpenSSH server. A sync reads the remote copy under a remote lock file,
// merges it with the local one in a local store transaction (model.Merge),
// and writes the result to both sides, atomically.
//
// It owns the transport and the sync protocol; the merge is model's and
// the local file is model/store's.
package sshsync
