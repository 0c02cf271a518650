// Package hooks runs a person's or a team's commands when something
// happens to an incident: page someone on a SEV1, post the status page
// when it is resolved, refuse to resolve it while a check says no.
//
// It owns the [[hook]] tables of a config, a hooks file or the serve's
// team file (Parse, ReadFile), their small `when` language (fields of the
// event compared with values, joined by and and or), the events (Events:
// the timeline entries a change wrote, as the environment and the JSON a
// hook reads), running one hook (Run: argv with no shell, its process
// group, and on Linux what it started outside the group, killed at its
// timeout and when it ends), recording each run in the timeline
// through model.HookRan (Record), handing runs to a process of their own
// so that no screen or command waits for them (Spawn, RunJob), claiming
// the time boxes that run out (ClaimTimeBoxes) and running the checks a
// resolve must pass (Checks).
//
// Hooks never come from the incident file, which arrives by sync and git
// from other people and must not be able to run commands: this package
// reads hooks only from the files its caller names. It does no terminal
// output and knows nothing of the screen or the command line.
package hooks
