// Package tui is the war-room screen: a Bubble Tea program that renders
// snapshots of the incident and turns keys into model operations.
//
// It owns what a person sees and presses: the root model (Model), its
// components — header, role tabs, the role pane with each role's tools,
// the timeline, the task list, the wall's board, the prompts and the
// declare form — the keys of each, and the screen's own Spanish (es.go).
// It must not touch the file itself or decide what an operation means:
// reading, watching and saving are model/store's, in tea.Cmds and
// goroutines that come back as messages; validation is model's.
//
// There is no I/O in Update or View. Styles are built once per program
// from a theme and that program's renderer (NewStyles), never from
// package globals. README's "Code map" says where a change goes.
package tui
