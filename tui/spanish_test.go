package tui

import (
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/i18n"
	"github.com/warroom/warroom/model/i18n/i18ntest"
	"github.com/warroom/warroom/model/store"
	"github.com/warroom/warroom/themes"
)

// newSpanishModel builds a screen in Spanish on s at w×h, like
// newTestModel.
func newSpanishModel(t testing.TB, s model.State, w, h int) (*Model, *fakeSaver) {
	t.Helper()
	saver := &fakeSaver{}
	var seed uint64
	m := build(Options{
		Path: "warroom.toml", Actor: "alice", Lang: "es", Styles: asciiStyles(),
		Now: func() time.Time { return testNow }, Seed: func() uint64 { seed++; return seed },
		Replica: "test", Saver: saver,
	}, s)
	return send(m, windowSize(w, h)), saver
}

// newSpanishWall builds the wall in Spanish at 120×40.
func newSpanishWall(t testing.TB, s model.State, rotate time.Duration) *Model {
	t.Helper()
	m := build(Options{
		Path: "warroom.toml", Actor: "alicia", Lang: "es", Styles: asciiStyles(), Saver: &fakeSaver{},
		Now: func() time.Time { return testNow }, Wall: true, Rotate: rotate,
	}, s)
	return send(m, windowSize(120, 40))
}

func TestGoldenSpanishMain120x40(t *testing.T) {
	m, _ := newSpanishModel(t, sampleState(t), 120, 40)
	golden(t, m.View())
}

func TestGoldenSpanishMain80x24(t *testing.T) {
	m, _ := newSpanishModel(t, sampleState(t), 80, 24)
	golden(t, m.View())
}

func TestGoldenSpanishHelp(t *testing.T) {
	m, _ := newSpanishModel(t, sampleState(t), 120, 40)
	golden(t, keys(m, "?").View())
}

func TestGoldenSpanishHandoffPrompt(t *testing.T) {
	m, _ := newSpanishModel(t, sampleState(t), 120, 40)
	m = keys(m, "2", "h")
	golden(t, typeText(m, "zo").View())
}

func TestGoldenSpanishWall(t *testing.T) {
	golden(t, newSpanishWall(t, sampleState(t), 15*time.Second).View())
}

// TestSpanishKeepsTheKeyContract checks that the Spanish screen takes the
// same keys and the words it shows: a status typed in Spanish, the help in
// Spanish, key names as they are.
func TestSpanishKeepsTheKeyContract(t *testing.T) {
	m, saver := newSpanishModel(t, sampleState(t), 120, 40)
	if b := m.keys.Handoff.Help(); b.Key != "h" || b.Desc != "pasar la función" {
		t.Errorf("handoff key help %+v", b)
	}
	m = keys(m, "S")
	m = typeText(m, "investigando")
	m = keys(m, "enter")
	if m.c.state().Incident.Status != model.Investigating {
		t.Fatalf("status typed in Spanish: %s; notice %q", m.c.state().Incident.Status, m.notice)
	}
	v := m.View()
	for _, want := range []string{"INVESTIGANDO", "SEV1 CRÍTICA", "NADIE SE ENCARGA DE ESTO", "Tareas sin responsable",
		"Funciones aún en manos del gestor de incidentes", "Tareas abiertas sin tocar desde hace 15 min"} {
		if !strings.Contains(v, want) {
			t.Errorf("the Spanish screen lacks %q", want)
		}
	}
	m = keys(m, "right", "/")
	m = typeText(m, "relevo")
	m = keys(m, "enter")
	if m.timeline.view.len() == 0 || m.timeline.view.at(0).Kind != model.KindHandoff {
		t.Errorf("filter by a kind named in Spanish kept %d entries; notice %q", m.timeline.view.len(), m.notice)
	}
	if len(saver.submitted()) != 1 {
		t.Errorf("%d changes saved, want 1", len(saver.submitted()))
	}
}

// spanishState is an incident written in Spanish that shows every part of
// the screen: several instances of a role, roles still with the incident
// manager and one given back, tasks in every state (unowned ones, more
// than a list shows, untouched ones), every kind of entry, a status moved
// back, an entry taken back, and a run across two days. Its own text is in
// Spanish, so that any English on screen comes from the screen.
func spanishState(t testing.TB) model.State {
	t.Helper()
	c := model.DefaultCatalog()
	at := testNow.Add(-16 * time.Hour)
	ids := &model.SeqIDs{}
	var s model.State
	var last []model.Entry
	do := func(who string, op model.Op) {
		t.Helper()
		at = at.Add(time.Minute)
		var err error
		s, last, err = s.Apply(c, op, model.Env{Now: at, Actor: who, Replica: "es", IDs: ids})
		if err != nil {
			t.Fatalf("%T: %v", op, err)
		}
	}
	tl := func(ws string) model.RoleRef { return model.RoleRef{Role: "tech_lead", Workstream: ws} }
	comms := func(ws string) model.RoleRef { return model.RoleRef{Role: "communications_manager", Workstream: ws} }
	role := func(k string) model.RoleRef { return model.RoleRef{Role: k} }
	task := func() string { return last[0].Task }

	do("alicia", model.Declare{Title: "Fallan los pagos con tarjeta", Severity: model.Sev2, Commander: "alicia", Summary: "Los clientes no pueden pagar."})
	do("alicia", model.Handoff{Role: tl("datos"), To: "bruno", Note: "Tú llevas la base de datos."})
	do("alicia", model.Handoff{Role: tl("red"), To: "dani"})
	do("alicia", model.Handoff{Role: comms("externas"), To: "carla", Note: "Primero la página de estado."})
	do("alicia", model.Handoff{Role: comms("internas"), To: "elena"})
	do("alicia", model.Handoff{Role: role("customer_support_lead"), To: "gracia"})
	do("alicia", model.Handoff{Role: role("scribe"), To: "paco"})
	do("alicia", model.Handoff{Role: role("problem_manager"), To: "enrique"})
	do("alicia", model.Release{Role: role("problem_manager")})
	do("alicia", model.TaskAdd{Title: "Publicar la primera actualización", Role: comms("externas")})
	first := task()
	do("alicia", model.TaskAdd{Title: "Buscar el despliegue culpable", Role: tl("datos")})
	do("bruno", model.TaskSet{Task: task(), State: model.TaskInProgress})
	do("alicia", model.TaskAdd{Title: "Revisar los registros del balanceador", Role: tl("red"), Owner: "dani"})
	do("dani", model.TaskSet{Task: task(), State: model.TaskDone})
	do("alicia", model.TaskAdd{Title: "Avisar al proveedor de pagos", Owner: "gracia"})
	do("alicia", model.TaskSet{Task: task(), State: model.TaskCancelled})
	do("alicia", model.TaskAdd{Title: "Revertir el despliegue", Role: tl("datos"), Owner: "bruno"})
	do("bruno", model.TaskSet{Task: task(), State: model.TaskDone})
	do("bruno", model.TaskSet{Task: task(), State: model.TaskOpen})
	do("alicia", model.TaskAssign{Task: first, Role: comms("internas")})
	for _, title := range []string{"Uno", "Dos", "Tres", "Cuatro", "Cinco", "Seis", "Siete", "Ocho"} {
		do("alicia", model.TaskAdd{Title: "Tarea sin dueño " + title})
	}
	do("alicia", model.TaskAssign{Task: task(), Owner: "paco"})
	do("alicia", model.TaskAssign{Task: task(), Role: tl("red"), Owner: "dani"})
	do("alicia", model.TaskAssign{Task: task()})
	do("alicia", model.Log{Text: "Saltó la alarma de errores del pago."})
	do("bruno", model.Log{Kind: model.KindTheory, Role: tl("datos"), Text: "Se agotó el grupo de conexiones."})
	do("alicia", model.Log{Kind: model.KindDecision, Text: "Revertimos el despliegue 142."})
	do("bruno", model.Log{Kind: model.KindAction, Role: tl("datos"), Text: "Reversión en marcha."})
	do("paco", model.Log{Kind: model.KindFollowup, Role: role("scribe"), Text: "Prueba de carga para el grupo de conexiones."})
	do("paco", model.Log{Kind: model.KindNote, Role: role("scribe"), Text: "Apunte equivocado."})
	do("paco", model.Retract{Entry: last[0].ID})
	do("alicia", model.SetStatus{Status: model.Identified})
	do("alicia", model.SetStatus{Status: model.Monitoring})
	do("alicia", model.SetStatus{Status: model.Identified})
	do("alicia", model.SetSeverity{Severity: model.Sev1})
	// The last entries are recent, the tasks above untouched for hours.
	at = testNow.Add(-5 * time.Minute)
	do("carla", model.Log{Kind: model.KindAction, Role: comms("externas"), Text: "Página de estado actualizada."})
	do("carla", model.CommsUpdate{Audience: "external", Text: "Estamos investigando.", NeedsApproval: true})
	do("alicia", model.ApproveUpdate{Draft: last[0].ID})
	do("carla", model.CommsUpdate{Audience: "external", Text: "Ya está resuelto.", NeedsApproval: true})
	do("alicia", model.RejectUpdate{Draft: last[0].ID, Reason: "Aún no."})
	do("gracia", model.Customers{Role: role("customer_support_lead"), Channel: "calls", Count: 4})
	do("gracia", model.Notable{Role: role("customer_support_lead"), Channel: "calls", Text: "Un cliente grande no puede cobrar."})
	do("alicia", model.SetStatus{Status: model.Monitoring})
	do("carla", model.CommsUpdate{Audience: "external", Text: "Seguimos vigilando.", NeedsApproval: true})
	return s
}

// formatVerb matches a fmt verb, with its flags, width and precision.
var formatVerb = regexp.MustCompile(`%[-+# 0]*(\*|[0-9]+)?(\.(\*|[0-9]+))?[a-zA-Z%]`)

// englishLeaks lists the English texts that must not be on a Spanish
// screen: every literal piece (6 characters or more) of every message with
// a Spanish translation, and every text of the role catalog that differs in
// Spanish. A piece that the message's own translation keeps (a command, a
// key name) is left out.
func englishLeaks(t *testing.T) []string {
	t.Helper()
	es := i18n.Lang("es")
	var out []string
	for _, en := range i18n.Catalog("es") {
		tr := es.T(en)
		for _, piece := range formatVerb.Split(en, -1) {
			for _, line := range strings.Split(piece, "\n") {
				if utf8.RuneCountInString(line) >= 6 && !strings.Contains(tr, line) {
					out = append(out, line)
				}
			}
		}
	}
	for _, r := range model.DefaultCatalog().Roles() {
		en, sp := r.Text["en"], r.Text["es"]
		pairs := [][2]string{{en.Name, sp.Name}, {en.Summary, sp.Summary}, {en.Primary, sp.Primary}}
		for i, v := range en.Secondary {
			pairs = append(pairs, [2]string{v, at(sp.Secondary, i)})
		}
		for i, v := range en.OtherNames {
			pairs = append(pairs, [2]string{v, at(sp.OtherNames, i)})
		}
		for _, p := range pairs {
			if utf8.RuneCountInString(p[0]) >= 6 && p[0] != p[1] {
				out = append(out, p[0])
			}
		}
	}
	if len(out) == 0 {
		t.Fatal("no English catalog to look for")
	}
	return out
}

func at(s []string, i int) string {
	if i < len(s) {
		return s[i]
	}
	return ""
}

// leakChecker looks for English on Spanish screens.
type leakChecker struct {
	t       *testing.T
	english []string
	screens int
}

// oneLine joins wrapped text back into one line: box borders and runs of
// spaces become one space.
func oneLine(v string) string {
	v = strings.NewReplacer("│", " ", "┃", " ", "─", " ", "━", " ").Replace(v)
	return strings.Join(strings.Fields(v), " ")
}

// check fails on any English text on m's screen (see leaks).
func (c *leakChecker) check(name string, m *Model, extra ...string) {
	c.t.Helper()
	c.screens++
	v := m.View()
	if strings.TrimSpace(v) == "" {
		c.t.Fatalf("%s: empty screen", name)
	}
	for _, l := range leaks(c.english, v, extra...) {
		c.t.Errorf("%s: English %s\n%s", name, l, v)
	}
}

// leaks lists the English texts on screen v. Long texts are looked for
// whole, and by their first 24 characters (a wrapped or cut line keeps its
// start). extra is text drawn across lines (a pane's lines), looked for
// with its wrapping undone.
func leaks(english []string, v string, extra ...string) []string {
	joined := oneLine(strings.Join(extra, "\n"))
	var out []string
	for _, en := range english {
		start := en
		if r := []rune(en); len(r) > 24 {
			start = string(r[:24])
		}
		switch one := oneLine(en); {
		case strings.Contains(v, en), strings.Contains(v, start):
			out = append(out, fmt.Sprintf("on screen: %q", en))
		case utf8.RuneCountInString(one) >= 6 && strings.Contains(joined, one):
			out = append(out, fmt.Sprintf("in a pane: %q", en))
		}
	}
	return out
}

// TestLeakCheckFindsEnglish makes sure the check below would see English:
// the English screen is full of it.
func TestLeakCheckFindsEnglish(t *testing.T) {
	m, _ := newTestModel(t, spanishState(t), 120, 40)
	w, _ := m.roles.content()
	got := strings.Join(leaks(englishLeaks(t), m.View(), roleLines(m, w)...), "\n")
	for _, want := range []string{`"NOBODY OWNS THIS"`, `"Tasks without an owner (`, `"Incident manager"`,
		`"Holds overall authority and responsibility`, `"Everything not yet handed to someone else."`, `"hand off role"`} {
		if !strings.Contains(got, want) {
			t.Errorf("the leak check does not see %s on the English screen; it sees:\n%s", want, got)
		}
	}
}

// TestSpanishScreensHaveNoEnglish renders every screen in Spanish: the main
// screen with each role pane in turn, the help, every prompt, the wall,
// the declare form, a terminal too small and the notices. None may show an
// English message of the translations or an English text of the role
// catalog.
func TestSpanishScreensHaveNoEnglish(t *testing.T) {
	c := &leakChecker{t: t, english: englishLeaks(t)}
	s := spanishState(t)

	for _, sz := range [][2]int{{120, 40}, {80, 24}} {
		m, _ := newSpanishModel(t, s, sz[0], sz[1])
		for i := range m.c.snap.holdings {
			w, _ := m.roles.content()
			c.check("role pane "+m.c.label(m.focusedRole().Ref), m, roleLines(m, w)...)
			c.check("role pane scrolled", keys(fork(t, m), "j", "j"))
			m = keys(m, "tab")
			if i == len(m.c.snap.holdings)-1 && m.role != 0 {
				t.Fatal("tab did not go round every role pane")
			}
		}
		c.check("help", keys(fork(t, m), "?"))
		c.check("help, tasks focused", keys(fork(t, m), "right", "right", "?"))
		for _, k := range []string{"h", "n", "t", "S", "V"} {
			c.check("prompt "+k, keys(fork(t, m), k))
			c.check("prompt "+k+" on a tech lead", keys(fork(t, m), "2", k))
		}
		im := asActor(fork(t, m), "alicia") // the incident manager approves
		for _, p := range [][]string{{"3", "w"}, {"3", "w", "tab"}, {"3", "w", "tab", "tab"}, {"1", "A"}, {"1", "X"}, {"4", "r"}, {"6", "r"}} {
			pm := keys(fork(t, m), p...)
			if p[1] == "A" || p[1] == "X" {
				pm = keys(fork(t, im), p...)
			}
			if pm.prompt == nil {
				t.Errorf("keys %q opened no prompt", p)
			}
			c.check("prompt "+strings.Join(p, " "), pm)
		}
		c.check("task list", keys(fork(t, m), "right", "right"))
		c.check("prompt a", keys(fork(t, m), "right", "right", "a"))
		c.check("prompt /", keys(fork(t, m), "right", "/"))
		filtered := typeText(keys(fork(t, m), "right", "/"), "relevo")
		filtered = keys(filtered, "enter")
		c.check("timeline filtered", filtered)
		c.check("timeline scrolled", keys(fork(t, m), "right", "k", "k"))
		bad := keys(typeText(keys(fork(t, m), "right", "/"), "xyz"), "enter")
		c.check("bad filter", bad)
		if bad.notice == "" {
			t.Error("a bad filter said nothing")
		}
	}

	m, _ := newSpanishModel(t, s, 120, 40)
	// A refused change: alicia already holds the incident manager role.
	wantOnScreen := func(name string, m *Model, want string) {
		t.Helper()
		if !strings.Contains(m.View(), want) {
			t.Errorf("%s: %q not on screen:\n%s", name, want, m.View())
		}
	}
	refused := keys(typeText(keys(fork(t, m), "1", "h"), "alicia"), "enter")
	c.check("refused handoff", refused)
	wantOnScreen("refused handoff", refused, "alicia ya desempeña la función Gestor de incidentes")
	for _, text := range []string{"", strings.Repeat("x", model.MaxName+1), "enrique:" + strings.Repeat("x", model.MaxEntry+1)} {
		c.check("refused handoff "+text, keys(typeText(keys(fork(t, m), "7", "h"), text), "enter"))
	}
	c.check("bad status", keys(typeText(keys(fork(t, m), "S"), "xyz"), "enter"))
	c.check("bad severity", keys(typeText(keys(fork(t, m), "V"), "9"), "enter"))
	c.check("bad task", keys(typeText(keys(fork(t, m), "right", "right", "a"), "tl/datos bruno"), "enter"))
	// u is off until there is something to undo; the notice is there for
	// a screen that gets u anyway.
	nothing := fork(t, m)
	nothing.undoLast()
	c.check("nothing to undo", nothing)
	wantOnScreen("nothing to undo", nothing, "nada que deshacer")
	refusals := 0
	for _, k := range [][]string{{"7", "h", "zoe", "enter"}, {"n", "hola", "enter"}, {"t", "nueva", "enter"},
		{"S", "resuelto", "enter", "los clientes ya pagan", "enter"}, {"V", "2", "enter"}, {"right", "right", "d"}, {"right", "right", "a", "paco", "enter"}} {
		changed := fork(t, m)
		for _, key := range k {
			if utf8.RuneCountInString(key) > 1 && key != "right" && key != "enter" {
				changed = typeText(changed, key)
			} else {
				changed = keys(changed, key)
			}
		}
		if len(changed.undo) == 0 {
			t.Fatalf("%v made no change: %q", k, changed.notice)
		}
		c.check("changed "+strings.Join(k, " "), changed)
		c.check("undone "+strings.Join(k, " "), keys(fork(t, changed), "u"))
		wantOnScreen("undone "+strings.Join(k, " "), keys(fork(t, changed), "u"), "deshecho: ")
		// Someone else changes the incident first: the undo is refused.
		other := changed.c.state()
		for _, op := range []model.Op{model.SetStatus{Status: model.Closed}, model.SetSeverity{Severity: model.Sev3},
			model.Handoff{Role: model.RoleRef{Role: "scribe"}, To: "otra"}} {
			if next, _, err := other.Apply(model.DefaultCatalog(), op, model.Env{Now: testNow, Actor: "otra", IDs: &model.SeqIDs{}}); err == nil {
				other = next
			}
		}
		for _, tk := range changed.c.state().Tasks {
			if next, _, err := other.Apply(model.DefaultCatalog(), model.TaskSet{Task: tk.ID, State: model.TaskCancelled},
				model.Env{Now: testNow, Actor: "otra", IDs: &model.SeqIDs{}}); err == nil {
				other = next
			}
		}
		changed.show(other, nil)
		late := keys(changed, "u")
		c.check("undo after another change "+strings.Join(k, " "), late)
		if strings.Contains(late.View(), "no se puede deshacer ") {
			refusals++
		} else {
			wantOnScreen("undo after another change "+strings.Join(k, " "), late, "deshecho: ")
		}
	}
	if refusals == 0 {
		t.Error("no undo was refused")
	}
	failed := send(fork(t, m), savedMsg(store.WriteResult{Err: errors.New("disco lleno"), Pending: 1}))
	c.check("failed save", failed)
	wantOnScreen("failed save", failed, "✗ SIN GUARDAR (0 pendientes")
	pend := keys(typeText(keys(fork(t, m), "n"), "pendiente"), "enter")
	c.check("saving", pend)
	c.check("failed save with changes", send(fork(t, pend), savedMsg(store.WriteResult{Err: errors.New("disco lleno"), Pending: 1})))
	rejected := send(fork(t, pend), savedMsg(store.WriteResult{State: s, Rejected: []store.Rejection{
		{Seq: 1, Err: &model.ConflictError{Reason: i18n.M("task %s already has that owner", "T1")}}}}))
	c.check("rejected save", rejected)
	wantOnScreen("rejected save", rejected, "sin guardar: la tarea T1 ya tiene ese responsable")
	c.check("file unreadable", send(fork(t, m), loadedMsg{err: errors.New("línea 3: clave duplicada")}))

	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.Ascii)
	themed := build(Options{Path: "warroom.toml", Actor: "alicia", Lang: "es", Styles: NewStyles(r, themes.Dark()),
		Renderer: r, Themes: []themes.Theme{themes.Dark(), themes.Light()}, Now: func() time.Time { return testNow }}, s)
	c.check("theme changed", keys(send(fork(t, themed), windowSize(120, 40)), "T"))

	for _, rot := range []time.Duration{0, 15 * time.Second} {
		w := newSpanishWall(t, s, rot)
		c.check("wall", w)
		c.check("wall help", keys(fork(t, w), "?"))
		c.check("wall rotated", send(fork(t, w), rotateMsg{}))
	}
	c.check("wall waiting", newSpanishWall(t, model.State{}, 0))

	d, _ := newSpanishModel(t, model.State{}, 80, 24)
	c.check("declare form", d)
	d = typeText(d, "Se cae el pago")
	d = keys(d, "enter")
	d = typeText(d, "9")
	c.check("declare form, bad severity", keys(fork(t, d), "enter", "enter"))
	d, _ = newSpanishModel(t, model.State{}, 80, 24)
	c.check("declare form, no title", keys(fork(t, d), "enter", "enter", "enter"))

	for _, sz := range [][2]int{{40, 10}, {20, 5}} {
		small, _ := newSpanishModel(t, s, sz[0], sz[1])
		c.check("terminal too small", small)
	}
	if c.screens < 60 {
		t.Errorf("only %d screens checked", c.screens)
	}
}

// TestEveryScreenMessageHasSpanish finds the messages the screen hands to
// its translating calls, and the words it translates from its tables, and
// fails on any without a Spanish translation: the leak check above only
// knows the messages that have one.
func TestEveryScreenMessageHasSpanish(t *testing.T) {
	lits, err := i18ntest.Literals(".", i18ntest.Spec{Calls: map[string]int{"t": 0, "T": 0, "n": 1, "N": 1, "dated": -1}, Fields: []string{"What"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(lits) < 50 {
		t.Fatalf("only %d messages found in the screen's source", len(lits))
	}
	for _, w := range kindWords {
		lits = append(lits, i18ntest.Literal{Pos: "kindWords", Text: w})
	}
	for _, w := range sevWords {
		lits = append(lits, i18ntest.Literal{Pos: "sevWords", Text: w})
	}
	for _, l := range i18ntest.Missing(lits, "es") {
		t.Errorf("no Spanish for %s", l)
	}
}

// Who is connected, and what each looks at, is said in the screen's own
// language, whatever language the other person's screen speaks.
func TestSpanishPresenceNamesWhatEachLooksAt(t *testing.T) {
	m, _ := newSpanishModel(t, sampleState(t), 120, 40)
	m = send(m, PresenceMsg([]Present{
		{Name: "alice", Since: testNow.Add(-time.Hour), Looking: Looking{Area: AreaRole, Role: model.RoleRef{Role: model.TechLead, Workstream: "database"}}},
		{Name: "bob", Since: testNow.Add(-time.Hour), Looking: Looking{Area: AreaTimeline}},
	}))
	v := m.View()
	for _, want := range []string{"en Responsable técnico · database", "en la cronología"} {
		if !strings.Contains(v, want) {
			t.Errorf("the Spanish screen does not say %q:\n%s", want, v)
		}
	}
	if strings.Contains(v, "Tech lead") || strings.Contains(v, "timeline") {
		t.Errorf("the Spanish screen names a pane in English:\n%s", v)
	}
}
