// Command warroom is a terminal war room for incident response: who holds
// which role, what is being done and by whom, and what happened when, kept
// in one plain TOML file per incident.
//
// This package wires the pieces together: subcommands, flags and the
// environment. The incident itself lives in model, the file in model/store.
package main

import (
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv))
}
