// Package store owns the incident file: loading it with clear errors,
// saving it atomically (temp file, fsync, rename, fsync of the directory),
// and running every change as a transaction under an advisory lock on a
// separate lock file, so that concurrent writers never lose each other's
// changes and a crash never leaves a file that fails to parse.
//
// It does no terminal output and knows nothing of the screen or the CLI.
package store
