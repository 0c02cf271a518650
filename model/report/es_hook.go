package report

import "github.com/warroom/warroom/model/i18n"

// Spanish for what describe_hook.go says: a hook's run and a time box
// that ran out, as timeline entries.
var _ = i18n.Register("report hooks", i18n.Spanish, map[string]string{
	"hook on %s: %s, done in %s":                     "gancho de %s: %s, terminado en %s",
	"hook on %s: %s, exit status %d after %s":        "gancho de %s: %s, código de salida %d tras %s",
	"hook on %s: %s, ended by a signal after %s":     "gancho de %s: %s, terminado por una señal tras %s",
	"hook on %s: %s, killed at its timeout after %s": "gancho de %s: %s, detenido al agotar su tiempo tras %s",
	"hook on %s: %s could not start":                 "gancho de %s: %s no pudo arrancar",
	"hook on %s: %s, %s after %s":                    "gancho de %s: %s, %s tras %s",
	"the time box of task %s %q ran out":             "se agotó el plazo de la tarea %s %q",
	"the time box of task %s %q ran out (owner: %s)": "se agotó el plazo de la tarea %s %q (responsable: %s)",
})
