package model

import (
	"errors"
	"fmt"
	"testing"

	"github.com/warroom/warroom/model/i18n"
)

// TestExplainSpanish renders each kind of model error in Spanish, with the
// words inside (task states, statuses, severities, role names) in Spanish
// too, and checks that the English stays what Error says.
func TestExplainSpanish(t *testing.T) {
	f := newFixture(t)
	f.do("alice", Handoff{Role: ref("tech_lead", "bd"), To: "bob"})
	f.do("alice", TaskAdd{Title: "revertir"})
	task := f.s.Tasks[0].ID
	f.do("alice", TaskSet{Task: task, State: TaskInProgress})
	fail := func(op Op) error {
		t.Helper()
		_, err := f.try("alice", op)
		if err == nil {
			t.Fatalf("%T %+v was accepted", op, op)
		}
		return err
	}
	_, unknownTask := f.s.Task("zz")
	_, badSev := ParseSeverity("9")
	cases := []struct {
		name string
		err  error
		es   string
	}{
		// InvalidError
		{"unknown role", fail(Handoff{Role: ref("captain", ""), To: "x"}),
			`función desconocida: "captain"; valores válidos: ` + joinNames(f.c)},
		{"no role", fail(Handoff{To: "x"}), "no se ha indicado ninguna función; valores válidos: " + joinNames(f.c)},
		{"unknown status", fail(SetStatus{Status: "dormido"}),
			`estado desconocido: "dormido"; valores válidos: investigating, identified, monitoring, resolved, closed`},
		{"unknown kind", fail(Log{Kind: KindHandoff, Text: "x"}),
			`tipo de entrada desconocido: "handoff"; valores válidos: note, decision, action, theory, followup; las entradas de tipo "handoff" las escribe warroom por su cuenta`},
		{"unknown task", unknownTask,
			`id de tarea desconocido: "zz"; valores válidos: ` + task + "; `warroom task list` muestra todas las tareas"},
		{"unknown severity", badSev,
			`severidad desconocida: "9"; valores válidos: 1, 2, 3, unset; SEV1 crítico: impacto muy alto; p. ej., un servicio de cara al cliente caído para todos; SEV2 grave; SEV3 leve`},
		{"other value", &InvalidError{What: "gadget", Value: "x", Valid: []string{"a"}},
			`gadget: valor desconocido "x"; valores válidos: a`},
		// TextError
		{"empty entry", fail(Log{Text: "  "}), "entrada: no puede quedar en blanco"},
		{"long title", fail(TaskAdd{Title: string(make([]byte, 201))}), "título de la tarea: 201 caracteres; se admiten 200 como máximo"},
		{"workstream", fail(Handoff{Role: ref("incident_manager", "x"), To: "y"}),
			"línea de trabajo: solo hay un gestor de incidentes; las líneas de trabajo son para las demás funciones"},
		// ConflictError
		{"task state", fail(TaskSet{Task: task, State: TaskInProgress}), "la tarea " + task + " ya está en curso"},
		{"status", fail(SetStatus{Status: Investigating}), "el incidente ya está en ese estado: investigando"},
		{"severity", fail(SetSeverity{Severity: Sev1}), "el incidente ya tiene esa severidad: SEV1"},
		{"holder", fail(Handoff{Role: ref("tech_lead", "bd"), To: "bob"}), "bob ya desempeña la función Responsable técnico · bd"},
		{"with the IM", fail(Release{Role: ref("scribe", "")}), "la función Documentalista ya está en manos del gestor de incidentes"},
		{"declared", fail(Retract{Entry: f.s.Timeline[0].ID}),
			"la entrada " + f.s.Timeline[0].ID + " registra un cambio de tipo «declarado», que solo otro cambio puede deshacer"},
	}
	for _, c := range cases {
		if got := Explain(c.err, "es"); got != c.es {
			t.Errorf("%s:\n got %s\nwant %s", c.name, got, c.es)
		}
		if got := Explain(c.err, "en"); got != c.err.Error() {
			t.Errorf("%s: English %q, Error() %q", c.name, got, c.err.Error())
		}
	}
}

func joinNames(c *Catalog) string {
	out := ""
	for i, n := range c.Names() {
		if i > 0 {
			out += ", "
		}
		out += n
	}
	return out
}

func TestExplainWrappedAndOtherErrors(t *testing.T) {
	inner := &ConflictError{Reason: i18n.M("the incident is already %s", Resolved)}
	wrapped := fmt.Errorf("sync: %w", inner)
	if got, want := Explain(wrapped, "es"), "sync: el incidente ya está en ese estado: resuelto"; got != want {
		t.Errorf("wrapped: %q, want %q", got, want)
	}
	if got := Explain(wrapped, "en"); got != "sync: the incident is already resolved" {
		t.Errorf("wrapped English: %q", got)
	}
	other := errors.New("disk full")
	if got := Explain(other, "es"); got != "disk full" {
		t.Errorf("other error: %q", got)
	}
	if got := Explain(nil, "es"); got != "" {
		t.Errorf("nil: %q", got)
	}
	te := &TextError{Field: "title", Reason: i18n.M("must not be empty")}
	if got := Explain(te, ""); got != "title: must not be empty" {
		t.Errorf("zero language: %q", got)
	}
}
