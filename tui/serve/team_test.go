package serve

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	gossh "golang.org/x/crypto/ssh"
)

// testKey makes a public key for tests, in authorized_keys form.
func testKey(t *testing.T, name string) (string, gossh.PublicKey) {
	t.Helper()
	if _, err := exec.LookPath("ssh-keygen"); err != nil {
		t.Skip("ssh-keygen is not installed")
	}
	path := filepath.Join(t.TempDir(), name)
	if out, err := exec.Command("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", path).CombinedOutput(); err != nil {
		t.Fatalf("ssh-keygen: %v %s", err, out)
	}
	data, err := os.ReadFile(path + ".pub")
	if err != nil {
		t.Fatal(err)
	}
	pk, _, _, _, err := gossh.ParseAuthorizedKey(data)
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(string(data)), pk
}

// One bad member or key never locks the whole team out: it is left out
// and said, with its line; a key two members claim lets neither in.
func TestTeamFileProblemsStayLocal(t *testing.T) {
	alice, aliceKey := testKey(t, "alice")
	bob, bobKey := testKey(t, "bob")
	shared, sharedKey := testKey(t, "shared")
	file := `[[member]]
name = "alice"
keys = ["` + alice + `", "ssh-ed25519 not-a-key"]

[[member]]
name = "bob"
keys = ["` + bob + `", "` + shared + `"]
access = "view"

[[member]]
name = "carol"
keys = ["` + shared + `"]

[[member]]
name = "eve"
keys = ["` + alice + `x"]
access = "admin"
`
	team, err := ParseTeam("team.toml", []byte(file))
	if err != nil {
		t.Fatal(err)
	}
	if m, ok := team.Lookup(aliceKey); !ok || m.Name != "alice" || m.Access != Edit {
		t.Errorf("alice: %+v %v", m, ok)
	}
	if m, ok := team.Lookup(bobKey); !ok || m.Name != "bob" || m.Access != View {
		t.Errorf("bob: %+v %v", m, ok)
	}
	if m, ok := team.Lookup(sharedKey); ok {
		t.Errorf("a key given to two lets in %s", m.Name)
	}
	problems := strings.Join(team.Problems, "\n")
	for _, want := range []string{"team.toml:3: a key of alice does not parse", "given to both bob and carol", `access "admin"`} {
		if !strings.Contains(problems, want) {
			t.Errorf("problems lack %q:\n%s", want, problems)
		}
	}
	if _, err := ParseTeam("team.toml", []byte("[[member]\nname = 1")); err == nil || !strings.Contains(err.Error(), "team.toml:2:9:") {
		t.Errorf("a file that is not TOML: %v", err)
	}
}

// team add, remove and the file they write, read back the same.
func TestTeamAddRemoveRoundTrip(t *testing.T) {
	alice, aliceKey := testKey(t, "alice")
	team, _ := ParseTeam("team.toml", nil)
	if err := team.Add("alice", alice, Edit); err != nil {
		t.Fatal(err)
	}
	if err := team.Add("bob", alice, View); err == nil || !strings.Contains(err.Error(), "already alice's") {
		t.Errorf("a key someone has, given to another: %v", err)
	}
	if err := team.Add("bob", "not a key", View); err == nil {
		t.Error("a key that does not parse was taken")
	}
	data, err := team.Encode()
	if err != nil {
		t.Fatal(err)
	}
	back, err := ParseTeam("team.toml", data)
	if err != nil {
		t.Fatal(err)
	}
	if m, ok := back.Lookup(aliceKey); !ok || m.Name != "alice" {
		t.Fatalf("read back: %+v %v\n%s", m, ok, data)
	}
	if !back.Remove("Alice") || back.Remove("alice") {
		t.Error("remove by name, in any case, once")
	}
	if _, ok := back.Lookup(aliceKey); ok {
		t.Error("a removed member's key still lets in")
	}
}

// TestTeamFileKeepsItsHooks: the [[hook]] tables of a team file are the
// served war room's hooks: not a problem when it is read, and kept as
// written, comments and all, when warroom team add writes it again.
func TestTeamFileKeepsItsHooks(t *testing.T) {
	alice, _ := testKey(t, "alice")
	bob, bobKey := testKey(t, "bob")
	hooks := `[[hook]]   # page on a SEV1
on = ["severity"]
run = [
  "./page.sh",
  "--urgent",
]
when = "severity == 1"

[[hook]]
on = "resolved"
run = ["./statuspage.sh"]
`
	file := "[[member]]\nname = \"alice\"\nkeys = [\"" + alice + "\"]\n\n" + hooks + "\n[[member]]\nname = \"carol\"\nkeys = []\n"
	team, err := ParseTeam("team.toml", []byte(file))
	if err != nil {
		t.Fatal(err)
	}
	if len(team.Problems) > 0 {
		t.Errorf("problems: %q", team.Problems)
	}
	if err := team.Add("bob", bob, Edit); err != nil {
		t.Fatal(err)
	}
	data, err := team.Encode()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), hooks) {
		t.Errorf("the hooks were not kept as written:\n%s", data)
	}
	back, err := ParseTeam("team.toml", data)
	if err != nil {
		t.Fatal(err)
	}
	if m, ok := back.Lookup(bobKey); !ok || m.Name != "bob" || len(back.Members) != 3 || len(back.Problems) > 0 {
		t.Errorf("read back: %+v, %d members, problems %q\n%s", m, len(back.Members), back.Problems, data)
	}
	if again, _ := back.Encode(); string(again) != string(data) {
		t.Errorf("written twice, the file changed:\n%s\n---\n%s", data, again)
	}
}
