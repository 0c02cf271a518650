// Package tui is the war-room screen: a Bubble Tea program that renders
// snapshots of the incident and turns keys into model operations.
//
// It does no I/O in Update or View. Reading the file, watching it and
// saving run in tea.Cmds and goroutines owned by model/store, and come back
// as typed messages. Styles are built once per program from a theme and
// that program's renderer (NewStyles), never from package globals.
package tui
