package model

import "github.com/warroom/warroom/model/i18n"

// Spanish for what hook.go says: the events hooks run on, the two entry
// kinds hooks write, and the errors of their operations.
var _ = i18n.Register("model hooks", i18n.Spanish, esHook)

var esHook = map[string]string{
	// Entry kinds (model.Kind.In).
	"hook":            "gancho",
	"timebox_expired": "plazo vencido",

	// Events (model.HookEvent.In); declared, severity, status, handoff,
	// handoff_accepted, handoff_declined, task_done and resolved are
	// entry kinds or statuses of model/es.go.
	"update_sent":       "actualización enviada",
	"resolve_requested": "resolución pedida",

	// InvalidError and TextError: what was not valid.
	"event":       "evento",
	"outcome":     "resultado",
	"command":     "orden",
	"hook output": "salida del gancho",
	"exit status": "código de salida",
	"duration":    "duración",
	"%d is not the exit status of a failed run": "%d no es el código de salida de una ejecución fallida",
	"%s is not how long a run took":             "%s no es lo que puede durar una ejecución",

	// ConflictError and UnchangedError.
	"task %s has no time box":                      "la tarea %s no tiene plazo",
	"the time box of task %s runs until %s":        "el plazo de la tarea %s dura hasta %s",
	"the time box of task %s has already run out":  "el plazo de la tarea %s ya se había agotado",
	"task %s is %s: its time box no longer counts": "la tarea %s está %s: su plazo ya no cuenta",
}
