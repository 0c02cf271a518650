package serve

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"
	gossh "golang.org/x/crypto/ssh"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/i18n"
)

// Access is what a member may do: edit the incident, or only view it.
type Access string

// The kinds of access.
const (
	Edit Access = "edit"
	View Access = "view"
)

// Accesses lists the kinds of access, the default first.
var Accesses = []Access{Edit, View}

// Member is one person of the team: their name in the incident, the
// public keys that are theirs, and what they may do.
type Member struct {
	Name     string    `toml:"name"`
	Keys     []string  `toml:"keys"`
	Access   Access    `toml:"access,omitempty"`
	Language i18n.Lang `toml:"language,omitempty"` // their screen's language, when their client sends none
	// Bot marks an automated actor (a pager, a deploy bot): its entries
	// are kept, but dimmed on screens and left out of the review's
	// timeline and of the "last entry" clocks, as the policy's bots are.
	Bot bool `toml:"bot,omitempty"`
}

// Team is who may come in: the members by the keys that are theirs.
// Problems with single members or keys are kept, not fatal: one bad line
// must never lock the whole team out.
type Team struct {
	Members  []Member
	Problems []string // in English; each names the member or key and why it was left out
	byKey    map[string]int
	// hooks is the text of the file's [[hook]] tables, as written: the
	// served war room's hooks (package hooks reads them), kept whole when
	// the file is written again.
	hooks []byte
}

// teamFile is the file's form.
type teamFile struct {
	Member []Member `toml:"member"`
}

// ReadTeam reads a team file. A file that does not exist is an empty
// team; one that is not TOML is an error with its line and column.
func ReadTeam(path string) (*Team, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return &Team{byKey: map[string]int{}}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("team file: %w", err)
	}
	return ParseTeam(path, data)
}

// ParseTeam reads a team file's bytes.
func ParseTeam(path string, data []byte) (*Team, error) {
	var f teamFile
	md, err := toml.Decode(string(data), &f)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, fmt.Errorf("%s:%d:%d: %s", path, pe.Position.Line, pe.Position.Col, pe.Message)
		}
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	t := &Team{byKey: map[string]int{}}
	for _, k := range md.Undecoded() {
		if len(k) > 0 && k[0] == "hook" {
			continue // the hooks' tables: package hooks reads them
		}
		t.Problems = append(t.Problems, fmt.Sprintf("%s: unknown key %s, left out", path, k))
	}
	t.hooks = hookTables(data)
	owner := map[string]string{} // fingerprint → member, to find keys given to two
	for _, m := range f.Member {
		m, problems := checkMember(path, data, m)
		t.Problems = append(t.Problems, problems...)
		if m.Name == "" {
			continue
		}
		if slices.ContainsFunc(t.Members, func(o Member) bool { return model.SameName(o.Name, m.Name) }) {
			t.Problems = append(t.Problems, fmt.Sprintf("%s: member %q is listed twice; the second is left out", path, m.Name))
			continue
		}
		t.Members = append(t.Members, m)
		for _, k := range m.Keys {
			fp := fingerprint(k)
			if other, dup := owner[fp]; dup {
				// A key two people claim identifies neither.
				t.Problems = append(t.Problems, fmt.Sprintf("%s: key %s is given to both %s and %s; it lets neither in", path, fp, other, m.Name))
				t.byKey[fp] = -1
				continue
			}
			owner[fp] = m.Name
			t.byKey[fp] = len(t.Members) - 1
		}
	}
	return t, nil
}

// checkMember validates one member: a usable name, known access, and
// keys that parse (each bad one left out, named with its line).
func checkMember(path string, data []byte, m Member) (Member, []string) {
	var problems []string
	if m.Access == "" {
		m.Access = Edit
	}
	if !slices.Contains(Accesses, m.Access) {
		problems = append(problems, fmt.Sprintf("%s: member %q has access %q; valid: edit, view; the member is left out", path, m.Name, m.Access))
		return Member{}, problems
	}
	if err := model.CheckName(m.Name); err != nil {
		problems = append(problems, fmt.Sprintf("%s: member %q: %v; the member is left out", path, m.Name, err))
		return Member{}, problems
	}
	var keys []string
	for _, k := range m.Keys {
		pk, _, _, _, err := gossh.ParseAuthorizedKey([]byte(k))
		if err != nil {
			problems = append(problems, fmt.Sprintf("%s:%d: a key of %s does not parse (%v); it is left out", path, lineOf(data, k), m.Name, err))
			continue
		}
		keys = append(keys, strings.TrimSpace(string(gossh.MarshalAuthorizedKey(pk))))
	}
	m.Keys = keys
	return m, problems
}

// lineOf is the line of the file where text first stands, for messages.
func lineOf(data []byte, text string) int {
	i := bytes.Index(data, []byte(text))
	if i < 0 {
		return 0
	}
	return bytes.Count(data[:i], []byte("\n")) + 1
}

// Fingerprint is a public key's SHA256 fingerprint, as ssh-keygen -l
// shows it, or "" for a key that does not parse.
func Fingerprint(authorized string) string { return fingerprint(authorized) }

func fingerprint(authorized string) string {
	pk, _, _, _, err := gossh.ParseAuthorizedKey([]byte(authorized))
	if err != nil {
		return ""
	}
	return gossh.FingerprintSHA256(pk)
}

// Lookup finds the member a key belongs to.
func (t *Team) Lookup(key gossh.PublicKey) (Member, bool) {
	if t == nil || key == nil {
		return Member{}, false
	}
	return t.byFingerprint(gossh.FingerprintSHA256(key))
}

// byFingerprint finds the member a key, by its fingerprint, belongs to.
func (t *Team) byFingerprint(fp string) (Member, bool) {
	i, ok := t.byKey[fp]
	if !ok || i < 0 {
		return Member{}, false
	}
	return t.Members[i], true
}

// Add gives name the key (adding the member when new), with access.
// Adding a key someone else already has is refused.
func (t *Team) Add(name, key string, access Access) error {
	if err := model.CheckName(name); err != nil {
		return err
	}
	pk, _, _, _, err := gossh.ParseAuthorizedKey([]byte(key))
	if err != nil {
		return fmt.Errorf("the public key does not parse: %w", err)
	}
	key = strings.TrimSpace(string(gossh.MarshalAuthorizedKey(pk)))
	fp := gossh.FingerprintSHA256(pk)
	if i, ok := t.byKey[fp]; ok && i >= 0 && !model.SameName(t.Members[i].Name, name) {
		return fmt.Errorf("key %s is already %s's", fp, t.Members[i].Name)
	}
	for i := range t.Members {
		if model.SameName(t.Members[i].Name, name) {
			if !slices.Contains(t.Members[i].Keys, key) {
				t.Members[i].Keys = append(t.Members[i].Keys, key)
			}
			t.Members[i].Access = access
			t.byKey[fp] = i
			return nil
		}
	}
	t.Members = append(t.Members, Member{Name: name, Keys: []string{key}, Access: access})
	t.byKey[fp] = len(t.Members) - 1
	return nil
}

// Names are the members' names, in the team file's order.
func (t *Team) Names() []string {
	out := make([]string, len(t.Members))
	for i, m := range t.Members {
		out[i] = m.Name
	}
	return out
}

// Bots are the names of the members marked as bots, in the team file's
// order.
func (t *Team) Bots() []string {
	var out []string
	for _, m := range t.Members {
		if m.Bot {
			out = append(out, m.Name)
		}
	}
	return out
}

// SetBot marks the member name as a bot, or not; false when there is no
// member of that name.
func (t *Team) SetBot(name string, bot bool) bool {
	for i := range t.Members {
		if model.SameName(t.Members[i].Name, name) {
			t.Members[i].Bot = bot
			return true
		}
	}
	return false
}

// Remove takes a member out; false when there was none of that name.
func (t *Team) Remove(name string) bool {
	for i, m := range t.Members {
		if model.SameName(m.Name, name) {
			t.Members = slices.Delete(t.Members, i, i+1)
			t.reindex()
			return true
		}
	}
	return false
}

func (t *Team) reindex() {
	t.byKey = map[string]int{}
	for i, m := range t.Members {
		for _, k := range m.Keys {
			t.byKey[fingerprint(k)] = i
		}
	}
}

// Encode writes the team as a team file.
func (t *Team) Encode() ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("# Who may join the war room served with `warroom serve`: each member's\n" +
		"# name in the incident, their public keys, and their access (edit or view).\n" +
		"# `warroom team add NAME KEYFILE` keeps this file.\n\n")
	if err := toml.NewEncoder(&b).Encode(teamFile{Member: t.Members}); err != nil {
		return nil, fmt.Errorf("team file: %w", err)
	}
	if len(t.hooks) > 0 {
		b.WriteString("\n")
		b.Write(t.hooks)
	}
	return b.Bytes(), nil
}

// hookTables is the text of the [[hook]] tables of a team file, each from
// its header to the next table that is not a hook, as written.
func hookTables(data []byte) []byte {
	var out []byte
	in := false
	for _, line := range bytes.SplitAfter(data, []byte("\n")) {
		l := bytes.TrimSpace(line)
		if bytes.HasPrefix(l, []byte("[")) {
			name := strings.Trim(string(l), "[] \t")
			if i := strings.IndexAny(name, "]#"); i >= 0 {
				name = strings.TrimSpace(name[:i])
			}
			in = bytes.HasPrefix(l, []byte("[[")) && name == "hook"
		}
		if in {
			out = append(out, line...)
		}
	}
	if len(out) > 0 && out[len(out)-1] != '\n' {
		out = append(out, '\n')
	}
	return out
}
