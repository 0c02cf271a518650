package store_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/store"
)

// declare starts the file at path with op.
func declare(t *testing.T, path string, op model.Declare) {
	t.Helper()
	if _, err := store.Update(context.Background(), path, true, func(s model.State) (model.State, error) {
		next, _, err := s.Apply(model.DefaultCatalog(), op, model.Env{Now: time.Now(), Actor: "alice", IDs: model.RandomIDs{}})
		return next, err
	}); err != nil {
		t.Fatal(err)
	}
}

// The incident's policy is written in the file, read back as written,
// changes with an appended commit, and reaches a reader following the
// file.
func TestPolicyIsKeptInTheFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "warroom.toml")
	team := model.CommsPolicy{Cadence: model.DefaultCadence().With(model.Sev1, model.AudienceExternal, 10*time.Minute),
		Approval: map[model.Audience]bool{model.AudienceExternal: true}}
	declare(t, path, model.Declare{Title: "x", Severity: model.Sev1, Policy: team.Policy()})
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"[incident.policy]", `accept_within = "2m"`, `external = "10m"`, "[incident.policy.approval]", "external = true"} {
		if !strings.Contains(string(data), want) {
			t.Errorf("the file does not hold %q:\n%s", want, data)
		}
	}
	change(t, path, "alice", model.SetPolicy{Rule: "sev1.external", Value: "15m"})
	for _, load := range []func(string) (model.State, error){store.Load, func(p string) (model.State, error) { return store.LoadKinds(p, model.CommsKinds) }} {
		s, err := load(path)
		if err != nil {
			t.Fatal(err)
		}
		if p := s.Policy(); p.Cadence().Every[model.Sev1][model.AudienceExternal] != 15*time.Minute || !p.NeedsApproval(model.AudienceExternal) {
			t.Errorf("read back %+v", p)
		}
	}
}

// A file of the schema before the policy was kept is read, and its
// incident follows the default policy; it is written back in this
// schema, still without a policy of its own until one is set.
func TestFileWithoutPolicyFollowsTheDefault(t *testing.T) {
	path := filepath.Join(t.TempDir(), "warroom.toml")
	old := "schema = 2\n\n[incident]\nid = \"INC-20261125-ab12\"\ntitle = \"Checkout API returning 500s\"\nseverity = 1\n" +
		"status = \"investigating\"\nsummary = \"\"\ndeclared = 2026-11-25T14:00:00Z\ndeclared_by = \"alice\"\n\n" +
		"[[assignments]]\nid = \"a0000001\"\nrole = \"incident_manager\"\nholder = \"alice\"\nsince = 2026-11-25T14:00:00Z\nby = \"alice\"\n" +
		"clock = \"2026-11-25T14:00:00.000Z.0000@r\"\n"
	if err := os.WriteFile(path, []byte(old), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := store.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if s.Policy() != model.DefaultPolicy() {
		t.Errorf("an old file's incident follows %+v", s.Policy())
	}
	change(t, path, "alice", model.SetPolicy{Rule: "accept_within", Value: "5m"})
	s, err = store.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if s.Schema != model.Schema || s.AcceptLimit() != 5*time.Minute || s.Policy().Cadence().Every[model.Sev1][model.AudienceExternal] != 20*time.Minute {
		t.Errorf("after a change: schema %d, policy %+v", s.Schema, s.Policy())
	}
}

// A policy written by hand with a rhythm that is not one is refused with
// where it is, and the file is left as it was.
func TestBadPolicyInTheFileIsRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "warroom.toml")
	declare(t, path, model.Declare{Title: "x", Severity: model.Sev1})
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	bad := strings.Replace(string(data), `external = "20m"`, `external = "1ns"`, 1)
	if bad == string(data) {
		t.Fatal("no sev1 external rhythm in the file")
	}
	if err := os.WriteFile(path, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := store.Load(path); err == nil || !strings.Contains(err.Error(), "1ns") {
		t.Errorf("a rhythm of 1ns: %v", err)
	}
}
