// Package report renders an incident as text for people and programs: the
// plain-text summary of `warroom show`, the task list, the markdown
// post-incident document and the JSON record. Every piece of stored text
// passes through safetext on the way out.
//
// It is pure: it is handed the state, the catalog, the language, the time
// zone and the current time, and returns text. It does no I/O.
package report
