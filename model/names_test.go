package model

import (
	"strings"
	"testing"

	"github.com/warroom/warroom/model/i18n"
)

func TestDisplayNamesInSpanish(t *testing.T) {
	es := i18n.Lang("es")
	want := map[string]string{
		Investigating.In(es): "investigando", Identified.In(es): "identificado", Monitoring.In(es): "en observación",
		Resolved.In(es): "resuelto", Closed.In(es): "cerrado",
		TaskOpen.In(es): "abierta", TaskInProgress.In(es): "en curso", TaskDone.In(es): "hecha", TaskCancelled.In(es): "cancelada",
		SevUnset.In(es): "sin evaluar", Sev1.In(es): "SEV1",
		KindDecision.In(es): "decisión", KindTaskAdded.In(es): "tarea añadida", KindHandoff.In(es): "relevo",
	}
	for got, w := range want {
		if got != w {
			t.Errorf("got %q, want %q", got, w)
		}
	}
	for _, s := range Statuses {
		if s.In(es) == string(s) || s.In("en") != string(s) {
			t.Errorf("status %s: es %q en %q", s, s.In(es), s.In("en"))
		}
	}
	for _, st := range []TaskState{TaskOpen, TaskInProgress, TaskDone, TaskCancelled} {
		if st.In(es) == st.Label() || st.In("en") != st.Label() {
			t.Errorf("task state %s: es %q en %q", st, st.In(es), st.In("en"))
		}
	}
	for _, k := range append(append([]Kind(nil), LogKinds...), SystemKinds...) {
		// In English, words, not the key the file keeps (issue 20).
		if k.In(es) == string(k) || strings.Contains(k.In("en"), "_") || k.In("en") == "" {
			t.Errorf("kind %s: es %q en %q", k, k.In(es), k.In("en"))
		}
	}
	if got := Kind("made_up").In(es); got != "made_up" {
		t.Errorf("unknown kind shown as %q", got)
	}
	if got := Status("dormant").In(es); got != "dormant" {
		t.Errorf("unknown status shown as %q", got)
	}
}

func TestSeverityDefinitionsInSpanish(t *testing.T) {
	c := DefaultCatalog()
	for _, s := range append([]Severity{SevUnset}, Severities...) {
		es, en := c.SeverityDefinitionIn(s, "es"), c.SeverityDefinitionIn(s, "en")
		if es == en || en != s.Definition() || c.SeverityDefinition(s) != en {
			t.Errorf("%s: es %q en %q", s, es, en)
		}
	}
	team, err := c.WithOverrides(nil, map[Severity]string{Sev1: "pagos caídos"})
	if err != nil {
		t.Fatal(err)
	}
	if got := team.SeverityDefinitionIn(Sev1, "en"); got != "pagos caídos" {
		t.Errorf("a team's definition is shown as %q in English, want it as written", got)
	}
	if got := team.SeverityDefinitionIn(Sev2, "es"); got != Sev2.DefinitionIn("es") {
		t.Errorf("SEV2 without an override: %q", got)
	}
}
