// Package model owns the incident as data: its types, the role catalog,
// validation of every operation, and Apply, which turns a validated
// operation into a new immutable State plus the timeline entries it wrote.
//
// The package is pure. It does no terminal output, no file or network I/O,
// and reads no clock or random source it was not handed (see Env). The file
// lives in model/store; display formats live in model/report.
package model
