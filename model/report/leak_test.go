package report

import (
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/i18n"
)

// spanishIncident builds an incident with every kind of change, written by
// people in Spanish, so that any English in its rendering is ours.
func spanishIncident(t *testing.T) (model.State, map[string]model.Entry) {
	t.Helper()
	c := model.DefaultCatalog()
	ids := &model.SeqIDs{}
	now := t0
	var s model.State
	kinds := map[string]model.Entry{}
	actor := "ana"
	do := func(name string, op model.Op) {
		t.Helper()
		next, entries, err := s.Apply(c, op, model.Env{Now: now, Actor: actor, Replica: "r1", IDs: ids})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, e := range entries {
			kinds[name] = e
		}
		s, now = next, now.Add(time.Minute)
	}
	tl := model.RoleRef{Role: "tech_lead", Workstream: "bd"}
	do("declarado", model.Declare{Title: "Caída del pago con tarjeta", Severity: model.Sev1, Commander: "ana",
		Summary: "Los pagos con tarjeta fallan desde el despliegue de las 13:52."})
	do("relevo", model.Handoff{Role: tl, To: "beto", Note: "la primaria va y viene"})
	do("relevo a otro", model.Handoff{Role: tl, To: "carla", Note: "cambio de turno"})
	do("comunicaciones", model.Handoff{Role: model.RoleRef{Role: "communications_manager"}, To: "dani"})
	do("devuelta", model.Release{Role: model.RoleRef{Role: "communications_manager"}})
	for _, k := range model.LogKinds {
		do(string(k), model.Log{Kind: k, Text: "texto sin función"})
		do(string(k)+" con función", model.Log{Kind: k, Role: tl, Text: "texto con función"})
	}
	do("tarea para función", model.TaskAdd{Title: "revertir el despliegue 142", Role: tl})
	do("tarea para persona", model.TaskAdd{Title: "avisar al equipo de pagos", Owner: "eva"})
	do("tarea de nadie", model.TaskAdd{Title: "sin dueño todavía"})
	do("tarea para ambos", model.TaskAdd{Title: "revisar la caché", Role: tl, Owner: "beto"})
	first := s.Tasks[0].ID
	second := s.Tasks[1].ID
	third := s.Tasks[2].ID
	do("iniciada", model.TaskSet{Task: first, State: model.TaskInProgress})
	do("hecha", model.TaskSet{Task: first, State: model.TaskDone})
	do("reabierta", model.TaskSet{Task: first, State: model.TaskOpen})
	do("reasignada", model.TaskAssign{Task: second, Owner: "fede"})
	do("reasignada a nadie", model.TaskAssign{Task: second})
	do("reasignada a función", model.TaskAssign{Task: second, Role: tl})
	do("cancelada", model.TaskSet{Task: third, State: model.TaskCancelled})
	do("hecha otra", model.TaskSet{Task: s.Tasks[3].ID, State: model.TaskDone})
	do("retirada", model.Retract{Entry: kinds["note"].ID})
	fu := s.FollowUps[0].ID
	do("seguimiento con detalles", model.FollowUpDetails{FollowUp: fu, Owner: "gema", Due: "2026-12-01", Ticket: "OPS-7"})
	do("seguimiento hecho", model.FollowUpSet{FollowUp: fu, Done: true})
	do("seguimiento reabierto", model.FollowUpSet{FollowUp: fu, Done: false})
	do("clientes", model.Customers{Role: model.RoleRef{Role: "customer_support_lead"}, Channel: "tickets", Count: 3})
	do("comunicado", model.CommsUpdate{Audience: "external", Text: "estamos investigando fallos en el pago"})
	actor = "dani"
	do("borrador", model.CommsUpdate{Audience: "external", Text: "ya está resuelto", NeedsApproval: true})
	actor = "ana"
	do("devuelto", model.RejectUpdate{Draft: kinds["borrador"].ID, Reason: "aún no"})
	actor = "dani"
	do("otro borrador", model.CommsUpdate{Audience: "social", Text: "hay una solución", NeedsApproval: true})
	actor = "ana"
	do("aprobado", model.ApproveUpdate{Draft: kinds["otro borrador"].ID})
	actor = "dani"
	do("pendiente", model.CommsUpdate{Audience: "executive", Text: "resumen para dirección", NeedsApproval: true})
	actor = "ana"
	do("aviso de cliente", model.Notable{Channel: "calls", Text: "un cliente grande sin pagos"})
	do("publicación", model.Notable{Channel: "social", Text: "@alguien: ¿va el pago?", Answers: "none"})
	do("informe CAN", model.CAN{Role: tl, Conditions: "la tasa de errores baja", Actions: "revertimos 142", Needs: "alguien de pagos"})
	theory := s.Theories[0].ID
	do("teoría confirmada", model.TheorySet{Theory: theory, State: model.TheoryConfirmed, Note: "los registros lo prueban"})
	do("teoría reabierta", model.TheorySet{Theory: theory, State: model.TheoryOpen})
	do("teoría descartada", model.TheorySet{Theory: theory, State: model.TheoryRuledOut, Note: "no cuadra"})
	for _, st := range []model.Status{model.Identified, model.Monitoring, model.Identified, model.Resolved, model.Closed} {
		do("estado "+string(st), model.SetStatus{Status: st, Force: true, Reason: "los clientes ya pagan"})
	}
	do("política: ritmo", model.SetPolicy{Rule: "sev1.external", Value: "15m"})
	do("política: sin ritmo", model.SetPolicy{Rule: "sev2.internal", Value: "none"})
	do("política: primero", model.SetPolicy{Rule: "sev1.first", Value: "10m"})
	do("política: aprobación", model.SetPolicy{Rule: "approval.internal", Value: "on"})
	do("política: sin aprobación", model.SetPolicy{Rule: "approval.internal", Value: "off"})
	do("política: relevos", model.SetPolicy{Rule: "accept_within", Value: "5m"})
	do("fijada", model.Pin{Entry: kinds["decision"].ID})
	do("desfijada", model.Pin{Entry: kinds["decision"].ID, Unpin: true})
	do("hito", model.Mark{Milestone: model.MilestoneImpact, At: t0.Add(-5 * time.Minute)})
	do("severidad", model.SetSeverity{Severity: model.Sev2})
	do("severidad 3", model.SetSeverity{Severity: model.Sev3})
	do("sin severidad", model.SetSeverity{Severity: model.SevUnset})
	do("severidad otra vez", model.SetSeverity{Severity: model.Sev1})
	do("título", model.SetTitle{Title: "Caída de los pagos con tarjeta"})
	do("resumen", model.SetSummary{Summary: "Fallan los pagos.\nDesde las 13:52."})
	do("resumen borrado", model.SetSummary{})
	do("otra línea", model.Handoff{Role: model.RoleRef{Role: "tech_lead", Workstream: "red"}, To: "gil"})
	do("línea cerrada", model.CloseWorkstream{Role: model.RoleRef{Role: "tech_lead", Workstream: "red"}, Note: "la red va bien"})
	do("línea cerrada con tareas", model.CloseWorkstream{Role: tl})
	do("comunicaciones devuelta otra vez", model.Handoff{Role: model.RoleRef{Role: "communications_manager"}, To: "dani"})
	do("clientes otra vez", model.Customers{Role: model.RoleRef{Role: "customer_support_lead"}, Channel: "calls", Count: 2})
	do("clientes en ráfaga", model.Customers{Role: model.RoleRef{Role: "customer_support_lead"}, Channel: "calls", Count: 1})
	pm, sme := model.RoleRef{Role: "problem_manager"}, model.RoleRef{Role: "subject_matter_expert"}
	do("relevo aceptado por teléfono", model.Accept{Role: model.RoleRef{Role: "communications_manager"}, For: "dani"})
	do("otro relevo", model.Handoff{Role: pm, To: "hugo"})
	do("otro relevo más", model.Handoff{Role: sme, To: "inés"})
	actor = "hugo"
	do("relevo rechazado", model.Decline{Role: pm, Reason: "estoy de guardia en otro incidente"})
	actor = "inés"
	do("relevo aceptado", model.Accept{Role: sme})
	actor = "ana"
	do("relevo pendiente", model.Handoff{Role: pm, To: "juan"})
	do("relevo rechazado por teléfono", model.Decline{Role: pm, For: "juan", Reason: "sin cobertura"})
	do("relevo sin respuesta", model.Handoff{Role: model.RoleRef{Role: "scribe"}, To: "kike"})
	// Two copies change the title and the summary apart; a strict merge
	// records both conflicts. The title is then kept as it is, the
	// summary's conflict stays open.
	base := s
	ours, theirs := s, s
	for i, side := range []struct {
		st  *model.State
		rep string
	}{{&ours, "r1"}, {&theirs, "r2"}} {
		for _, op := range []model.Op{model.SetTitle{Title: "Título de la copia " + side.rep}, model.SetSummary{Summary: "Resumen de la copia " + side.rep}} {
			next, _, err := side.st.Apply(c, op, model.Env{Now: now.Add(time.Duration(i) * time.Second), Actor: actor, Replica: side.rep, IDs: ids})
			if err != nil {
				t.Fatal(err)
			}
			*side.st = next
		}
	}
	merged, found, _, err := model.MergeFromBase(base, ours, theirs)
	if err != nil || len(found) != 2 {
		t.Fatalf("strict merge: %d conflicts, %v", len(found), err)
	}
	for _, e := range merged.Timeline {
		if e.Kind == model.KindConflict {
			kinds["conflicto "+e.Text] = e
		}
	}
	s, now = merged, now.Add(time.Minute)
	do("título mantenido", model.SetTitle{Title: s.Incident.Title})
	do("tarea con plazo", model.TaskAdd{Title: "mirar la réplica", Owner: "beto", Within: time.Minute})
	now = now.Add(2 * time.Minute)
	do("plazo vencido", model.TimeBoxExpired{Task: kinds["tarea con plazo"].Task})
	do("tarea de nadie con plazo", model.TaskAdd{Title: "llamar al proveedor", Within: time.Minute})
	now = now.Add(2 * time.Minute)
	do("plazo vencido de nadie", model.TimeBoxExpired{Task: kinds["tarea de nadie con plazo"].Task})
	for _, ev := range model.HookEvents {
		do("gancho de "+string(ev), model.HookRan{Event: ev, Command: "./avisar.sh --ya", Outcome: model.HookOK, Took: time.Second, Output: "avisado"})
	}
	for _, o := range []model.HookOutcome{model.HookFailed, model.HookTimeout, model.HookError} {
		do("gancho "+string(o), model.HookRan{Event: model.EventSeverity, Command: "./avisar.sh", Outcome: o, Exit: 3, Took: time.Second})
	}
	do("gancho con señal", model.HookRan{Event: model.EventSeverity, Command: "./avisar.sh", Outcome: model.HookFailed, Exit: -1})
	do("runbook", model.ApplyRunbook{Runbook: model.Runbook{Name: "Caída del pago", Owner: "ana", Review: "2027-03-01",
		Steps: []model.RunbookStep{{Note: "despliegues congelados"}}}})
	kinds["runbook"] = s.RunbooksApplied()[0]
	return s, kinds
}

// bareIncident is one just declared: no summary, no severity, no tasks.
func bareIncident(t *testing.T) model.State {
	s, _, err := model.State{}.Apply(model.DefaultCatalog(), model.Declare{Title: "Algo va mal"},
		model.Env{Now: t0, Actor: "ana", IDs: &model.SeqIDs{}})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// englishFragments lists what must not be seen on a Spanish screen: every
// English message with a different Spanish translation (a whole message of
// 4 letters or more; of a format, each literal piece of 6 characters or
// more) and every English text of the role catalog.
func englishFragments(c *model.Catalog) []string {
	verb := regexp.MustCompile(`%(\[\d+\])?[-+# 0]*\d*(\.\d+)?[a-zA-Z%]`)
	es := i18n.Lang("es")
	seen := map[string]bool{}
	var out []string
	add := func(s string) {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	for _, en := range i18n.Catalog("es") {
		if es.T(en) == en {
			continue
		}
		if !verb.MatchString(en) {
			if letters(en) >= 4 {
				add(en)
			}
			continue
		}
		for _, piece := range verb.Split(en, -1) {
			if piece = strings.TrimSpace(piece); utf8.RuneCountInString(piece) >= 6 {
				add(piece)
			}
		}
	}
	spanish := map[string]bool{}
	for _, r := range c.Roles() {
		txt := r.In("es")
		for _, s := range append(append([]string{txt.Name, txt.Summary, txt.Primary}, txt.Secondary...), txt.OtherNames...) {
			spanish[s] = true
		}
	}
	for _, r := range c.Roles() {
		txt := r.Text["en"]
		for _, s := range append(append([]string{txt.Name, txt.Summary, txt.Primary}, txt.Secondary...), txt.OtherNames...) {
			if s != "" && !spanish[s] {
				add(s)
			}
		}
	}
	return out
}

func letters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// notText removes what is never translated: commands and flags, quoted
// as `warroom task list` or written as --all.
func notText(out string) string {
	out = regexp.MustCompile("`[^`]*`").ReplaceAllString(out, "")
	return regexp.MustCompile(`--[a-z][a-z-]*`).ReplaceAllString(out, "")
}

// containsWord reports whether frag occurs in out not as part of a longer
// word ("note" is not found in "anotado").
func containsWord(out, frag string) bool {
	for i := 0; ; {
		j := strings.Index(out[i:], frag)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(frag)
		before, _ := utf8.DecodeLastRuneInString(out[:start])
		after, _ := utf8.DecodeRuneInString(out[end:])
		first, _ := utf8.DecodeRuneInString(frag)
		last, _ := utf8.DecodeLastRuneInString(frag)
		if !(unicode.IsLetter(first) && unicode.IsLetter(before)) && !(unicode.IsLetter(last) && unicode.IsLetter(after)) {
			return true
		}
		i = start + 1
	}
}

// withoutAliases removes the lists of names a role is typed by.
func withoutAliases(c *model.Catalog, out string) string {
	for _, r := range c.Roles() {
		out = strings.ReplaceAll(out, strings.Join(dedupe(append([]string{r.Key}, r.Aliases...)), ", "), "")
	}
	return out
}

func dedupe(names []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, n := range names {
		if !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	return out
}

func TestNoEnglishInSpanishReports(t *testing.T) {
	c := model.DefaultCatalog()
	o := esOpts()
	s, kinds := spanishIncident(t)
	bare := bareIncident(t)
	allDone := s
	allDone.Tasks = nil
	for _, task := range s.Tasks {
		if !task.Open() {
			allDone.Tasks = append(allDone.Tasks, task)
		}
	}
	otherDay := o
	otherDay.Now = t0.Add(48 * time.Hour)

	// RolesLong names each role in the other language too, on purpose,
	// on its own line: "   Inglés: Incident manager".
	otherName := regexp.MustCompile(`(?m)^   ` + regexp.QuoteMeta(i18n.Lang("es").T("English")) + `: .*$`)
	outputs := map[string]string{
		"show":            Show(s, ShowOptions{Options: o}),
		"show, comms":     Show(s, ShowOptions{Options: o, Comms: true}),
		"show, latest":    Show(s, ShowOptions{Options: otherDay, Entries: 5}),
		"show, bare":      Show(bare, ShowOptions{Options: o}),
		"show, all done":  Show(allDone, ShowOptions{Options: o}),
		"task list":       TaskList(s, false, o),
		"task list --all": TaskList(s, true, o),
		"task list, bare": TaskList(bare, true, o),
		"task list, done": TaskList(allDone, false, o),
		"markdown":        Markdown(s, o),
		"markdown, bare":  Markdown(bare, o),
		// The names accepted on the command line (keys and aliases such
		// as "comms") are typed as they are, in any language.
		"roles":              withoutAliases(c, Roles(c.Roles(), o)),
		"roles --long":       withoutAliases(c, otherName.ReplaceAllString(RolesLong(c.Roles(), o), "")),
		"task owner, nobody": TaskCredit(s, model.Task{}, o),
	}
	for name, e := range kinds {
		outputs["describe "+name] = Describe(e, o)
	}
	for _, k := range append(append([]model.Kind(nil), model.LogKinds...), model.SystemKinds...) {
		found := false
		for _, e := range kinds {
			found = found || e.Kind == k
		}
		if !found {
			t.Errorf("the incident has no %s entry to describe", k)
		}
	}
	if !strings.Contains(RolesLong(c.Roles(), o), "Inglés: Incident manager") {
		t.Error("roles --long in Spanish does not give the English name")
	}

	frags := englishFragments(c)
	if len(frags) < 50 {
		t.Fatalf("only %d English fragments to look for; is the Spanish catalog there?", len(frags))
	}
	for name, out := range outputs {
		text := notText(out)
		for _, f := range frags {
			if containsWord(text, f) {
				t.Errorf("%s: English %q left in:\n%s", name, f, out)
			}
		}
	}
}

func TestClockOnAnotherDay(t *testing.T) {
	for _, lang := range i18n.Languages {
		o := opts()
		o.Lang = lang
		o.Now = t0.Add(26 * time.Hour)
		if got := o.clock(t0.Add(5 * time.Minute)); got != "2026-11-25 14:05" {
			t.Errorf("%s: clock on another day %q", lang, got)
		}
		if got := o.clock(o.Now); got != "16:00" {
			t.Errorf("%s: clock today %q", lang, got)
		}
	}
}
