// Package store owns the incident file: its layout (a checkpoint, then
// the changes appended since, each closed by a sum line that proves it
// whole), reading it (whole, only its head, or only what was appended
// since a reader last looked: Reader, Follow), and writing it as
// transactions under an advisory lock on a separate lock file: a change is
// appended with one write and an fsync, or the file is written whole as a
// new checkpoint (temp file, fsync, rename, fsync of the folder). It keeps
// concurrent writers from losing each other's changes, never takes an
// append cut short by a crash as data (it is set aside in NAME.torn),
// refuses to write over a file cut short, reads only regular files, keeps
// a derived cache of the head that it never trusts over the file, and
// runs the screen's background Writer.
//
// It does no terminal output and knows nothing of the screen or the CLI;
// what the incident is and how it changes is the model's.
package store
