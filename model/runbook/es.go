package runbook

import "github.com/warroom/warroom/model/i18n"

// Spanish for the mistakes of a runbook file, registered with i18n when
// the package is loaded. Keys and the examples of TOML stay as written.
var _ = i18n.Register("runbook", i18n.Spanish, map[string]string{
	"%s":                                "%s",
	"%s: [[step]] %d, %s: %s":           "%s: [[step]] %d, %s: %s",
	"%s: [[step]] %d: %s":               "%s: [[step]] %d: %s",
	"%s: %s: %s":                        "%s: %s: %s",
	"%s (in %q)":                        "%s (en %q)",
	"not a regular file":                "algo que no es un archivo normal",
	"not valid UTF-8":                   "no es UTF-8 válido",
	"must not be empty":                 "no puede quedar en blanco",
	"must be one line":                  "debe ocupar una sola línea",
	"%d bytes; a runbook is at most %d": "%d bytes; un procedimiento tiene como mucho %d",
	"unknown key; a runbook has %s":     "clave desconocida; un procedimiento tiene %s",
	"unknown key; a step has %s":        "clave desconocida; un paso tiene %s",
	"write it as a quoted text":         "va como texto entre comillas",
	"%d characters, at most %d allowed": "%d caracteres; se admiten %d como máximo",
	"write the condition as a quoted text, such as \"severity <= 2\"":   "la condición va como texto entre comillas, como \"severity <= 2\"",
	"write each step as a [[step]] table":                               "cada paso va como una tabla [[step]]",
	"no steps: add a [[step]] with a task or a note":                    "no tiene pasos: añade un [[step]] con una tarea o una nota",
	"%d steps, at most %d allowed":                                      "%d pasos; se permiten como mucho %d",
	"a step is a task or a note, not both: make it two steps":           "un paso es una tarea o una nota, no las dos: sepáralo en dos pasos",
	"a note has no time box: only a task has":                           "una nota no tiene plazo: solo una tarea lo tiene",
	"a step needs a task or a note":                                     "un paso necesita una tarea o una nota",
	"write the role as a quoted text, such as \"comms\"":                "la función va como texto entre comillas, como \"comms\"",
	"give a quoted duration, such as \"10m\" or \"1h\"":                 "indica una duración entre comillas, como \"10m\" o \"1h\"",
	"%s: a time box is longer than nothing, such as \"10m\"":            "%s: un plazo tiene que durar algo, como \"10m\"",
	"%s is longer than a time box can be (%s)":                          "%s es más largo de lo que puede durar un plazo (%s)",
	"write the date as YYYY-MM-DD, such as 2027-03-01":                  "la fecha va como AAAA-MM-DD, como 2027-03-01",
	"%q is the name of %s already; give each runbook a name of its own": "%q ya es el nombre de %s; cada procedimiento necesita un nombre propio",
})
