package hooks

import "github.com/warroom/warroom/model/i18n"

// Spanish for what this package says, registered with i18n when the package
// is loaded: the mistakes of a [[hook]] and of its condition, and why a
// check refused a resolve. Keys, event and field names, and the examples
// of TOML stay as they are written.
var _ = i18n.Register("hooks", i18n.Spanish, esHooks)

var esHooks = map[string]string{
	"%s": "%s",

	// Where a mistake is.
	"%s: [[hook]] %d: %s":     "%s: [[hook]] %d: %s",
	"%s: [[hook]] %d, %s: %s": "%s: [[hook]] %d, %s: %s",
	"%s (in %q)":              "%s (en %q)",
	"no such hooks file":      "no existe ese archivo de ganchos",
	"unknown key %q; a hooks file holds [[hook]] tables": "clave desconocida %q; un archivo de ganchos contiene tablas [[hook]]",

	// A [[hook]] table.
	"write each hook as a [[hook]] table":                                                                   "cada gancho se escribe como una tabla [[hook]]",
	"unknown key; a [[hook]] has %s":                                                                        "clave desconocida; un [[hook]] tiene %s",
	"on is missing: name the events it runs on, such as on = [\"severity\"]":                                "falta on: hay que nombrar los eventos con los que se ejecuta, como on = [\"severity\"]",
	"name the events as a list, such as [\"severity\", \"handoff\"]":                                        "los eventos van en una lista, como [\"severity\", \"handoff\"]",
	"%q is not an event; the events are %s":                                                                 "%q no es un evento; los eventos son %s",
	"run is missing: give the command as a list of words, such as run = [\"./page.sh\", \"--urgent\"]":      "falta run: la orden va como una lista de palabras, como run = [\"./page.sh\", \"--urgent\"]",
	"give the command as a list of words, such as [\"./page.sh\", \"--urgent\"]: hooks run without a shell": "la orden va como una lista de palabras, como [\"./page.sh\", \"--urgent\"]: los ganchos se ejecutan sin shell",
	"%v is not a word: quote every word of the command":                                                     "%v no es una palabra: cada palabra de la orden va entre comillas",
	"a word of the command holds a NUL character":                                                           "una palabra de la orden contiene un carácter NUL",
	"the command is empty: give the program to run first":                                                   "la orden está vacía: primero va el programa que se ejecuta",
	"write the condition as a quoted text, such as \"severity == 1\"":                                       "la condición va como texto entre comillas, como \"severity == 1\"",
	"give a quoted duration, such as \"10s\" or \"2m\"":                                                     "hace falta una duración entre comillas, como \"10s\" o \"2m\"",
	"%s: a timeout is longer than nothing, such as \"10s\"":                                                 "%s: un tiempo límite tiene que durar algo, como \"10s\"",
	"%s is longer than a hook may run (%s)":                                                                 "%s es más de lo que puede durar un gancho (%s)",
	"write check = true or check = false":                                                                   "se escribe check = true o check = false",
	"a check runs on resolve_requested alone: on = [\"resolve_requested\"]":                                 "una comprobación se ejecuta solo con resolve_requested: on = [\"resolve_requested\"]",

	// A condition (when).
	"at column %d: %s":                                                "en la columna %d: %s",
	"this text is not closed: end it with \"":                         "este texto no está cerrado: termina con \"",
	"write == to compare, not =":                                      "para comparar se escribe ==, no =",
	"write != for not equal; there is no !":                           "para «distinto» se escribe !=; no existe !",
	"write %s to join conditions":                                     "para unir condiciones se escribe %s",
	"quote text with \", not '":                                       "el texto va entre \", no entre '",
	"%q has no place in a condition":                                  "%q no cabe en una condición",
	"a condition is at most %d characters; this one is %d":            "una condición tiene como mucho %d caracteres; esta tiene %d",
	"%q after a whole condition; join conditions with and or or":      "%q tras una condición completa; las condiciones se unen con and u or",
	"more than %d parentheses inside one another":                     "más de %d paréntesis uno dentro de otro",
	"this ( is not closed":                                            "este ( no está cerrado",
	"a comparison is missing here, such as severity == 1":             "aquí falta una comparación, como severity == 1",
	"%q is not a field; the fields are %s":                            "%q no es un campo; los campos son %s",
	"there is no not: compare with != instead":                        "no existe not: se compara con != en su lugar",
	"a comparison is missing after %s: ==, !=, <, <=, > or >=":        "falta una comparación después de %s: ==, !=, <, <=, > o >=",
	"a comparison is missing after %s: has, == or !=":                 "falta una comparación después de %s: has, == o !=",
	"%s has needs a word, as in %s has \"checkout\"":                  "%s has necesita una palabra, como en %s has \"checkout\"",
	"severity is a number (0 unset, 1 for SEV1): write severity == 1": "severity es un número (0 sin evaluar, 1 para SEV1): se escribe severity == 1",
	"severity %d: a severity is 0 (unset), 1, 2 or 3":                 "severity %d: una severidad es 0 (sin evaluar), 1, 2 o 3",
	"%s is text: compare it with == or !=":                            "%s es texto: se compara con == o !=",
	"%s is text: quote the value, as in %s == \"%s\"":                 "%s es texto: el valor va entre comillas, como en %s == \"%s\"",

	// Why a check refused a resolve.
	"it could not start: %s":      "no pudo arrancar: %s",
	"it did not answer within %s": "no respondió en %s",
	"a signal ended it":           "una señal lo detuvo",
	"it exited with status %d":    "terminó con el código de salida %d",
}
