package main

import "github.com/warroom/warroom/model/i18n"

// Spanish for what the hooks' commands and wiring say (cmd_hooks.go,
// hooks.go): their output, warnings, errors and help.
var _ = i18n.Register("cli-hooks", i18n.Spanish, esHooks)

var esHooks = map[string]string{
	"a hooks file has a mistake, so its checks could not run (%s)": "un archivo de ganchos tiene un error, así que sus comprobaciones no se pudieron ejecutar (%s)",
	// Output and errors.
	"warning: %s; its hooks do not run until it is fixed":                       "aviso: %s; sus ganchos no se ejecutan hasta que se corrija",
	"the hooks did not run: %s":                                                 "los ganchos no se ejecutaron: %s",
	"No hooks. Add [[hook]] tables to %s, or name a hooks file with --hooks.\n": "No hay ganchos. Añade tablas [[hook]] a %s, o indica un archivo de ganchos con --hooks.\n",
	"WHERE":     "DÓNDE",
	"ON":        "CON",
	"WHEN":      "CUÁNDO",
	"TIMEOUT":   "LÍMITE",
	"RUN":       "ORDEN",
	"check: %s": "comprobación: %s",
	"Sample event %s (%s → %s) on %s, a dry run: nothing is recorded.\n": "Evento de ejemplo %s (%s → %s) en %s, un ensayo: no se anota nada.\n",
	"\n%s:%d: %s\n": "\n%s:%d: %s\n",
	"  when %s: does not hold for this sample; it would not run\n": "  when %s: no se cumple con este ejemplo; no se ejecutaría\n",
	"  when %s: holds\n":                       "  when %s: se cumple\n",
	"  %s\n":                                   "  %s\n",
	"No hook runs on %s.\n":                    "Ningún gancho se ejecuta con %s.\n",
	"ok, in %s":                                "bien, en %s",
	"killed at its timeout, after %s":          "detenido al agotar su tiempo, tras %s",
	"could not start: %s":                      "no pudo arrancar: %s",
	"ended by a signal, after %s":              "terminado por una señal, tras %s",
	"exit status %d, after %s":                 "código de salida %d, tras %s",
	"%d hook failed|%d hooks failed":           "ha fallado %d gancho|han fallado %d ganchos",
	"--severity %d: give 0 (unset), 1, 2 or 3": "--severity %d: indica 0 (sin evaluar), 1, 2 o 3",
	"an EVENT":                                 "un EVENTO",

	// Help.
	"hooks files to run besides the config's [[hook]] tables, separated by : (env WARROOM_HOOKS)": "archivos de ganchos que se ejecutan además de las tablas [[hook]] de la configuración, separados por : (variable WARROOM_HOOKS)",
	"List the hooks, or try one on a sample event":                                                "Lista los ganchos, o prueba uno con un evento de ejemplo",
	"Hooks run your team's commands when something happens to an incident: page\nthe next person on a SEV1, post the status page when it is resolved,\nrefuse to resolve it while a check says no. They are [[hook]] tables in\nyour config, or in a hooks file (--hooks FILE, or WARROOM_HOOKS), or in\nthe team file of warroom serve; never in the incident file, which others\nsend you.\n\n  [[hook]]\n  on = [\"severity\", \"handoff\"]      # the events it runs on\n  run = [\"./page.sh\", \"--urgent\"]   # the command, word by word: no shell\n  when = \"severity == 1\"            # optional: fields compared, and, or\n  timeout = \"10s\"                   # optional: killed, with all it started\n\nA hook runs once per event, in the process whose change made it happen,\nwithout making it wait; each run is recorded in the timeline.": "Los ganchos ejecutan las órdenes de tu equipo cuando algo le pasa a un\nincidente: avisar a la siguiente persona con un SEV1, publicar en la página\nde estado cuando se resuelve, impedir resolverlo mientras una comprobación\ndiga que no. Son tablas [[hook]] de tu configuración, de un archivo de\nganchos (--hooks ARCHIVO, o WARROOM_HOOKS) o del archivo del equipo de\nwarroom serve; nunca del archivo del incidente, que te envían otros.\n\n  [[hook]]\n  on = [\"severity\", \"handoff\"]      # los eventos con los que se ejecuta\n  run = [\"./page.sh\", \"--urgent\"]   # la orden, palabra a palabra: sin shell\n  when = \"severity == 1\"            # opcional: campos comparados, and, or\n  timeout = \"10s\"                   # opcional: se detiene, con todo lo que lanzó\n\nUn gancho se ejecuta una vez por evento, en el proceso cuyo cambio lo\nprovocó, sin hacerlo esperar; cada ejecución queda anotada en la cronología.",
	"  warroom hooks list\n  warroom hooks test severity --new 1\n  warroom hooks test resolve_requested --file incident.toml": "  warroom hooks list\n  warroom hooks test severity --new 1\n  warroom hooks test resolve_requested --file incidente.toml",
	"List the hooks: where each is written, its events, condition, timeout and command":                                        "Lista los ganchos: dónde está escrito cada uno, sus eventos, condición, límite de tiempo y orden",
	"List the hooks this warroom runs: those of your config, then those of the\nhooks files (--hooks, WARROOM_HOOKS), each with the file and line it is\nwritten at, the events it runs on, its condition and timeout, and its\ncommand. A file with a mistake is reported with its line and key, and\nnone of its hooks run until it is fixed; then this exits 1.": "Lista los ganchos que ejecuta este warroom: los de tu configuración y luego\nlos de los archivos de ganchos (--hooks, WARROOM_HOOKS), cada uno con el\narchivo y la línea donde está escrito, los eventos con los que se ejecuta,\nsu condición y su límite de tiempo, y su orden. Un archivo con un error se\nseñala con su línea y su clave, y ninguno de sus ganchos se ejecuta hasta\nque se corrija; entonces termina con 1.",
	"Run the hooks on an event, with a sample of it: what would run, and what it prints": "Ejecuta los ganchos de un evento con un ejemplo de él: qué se ejecutaría y qué escribe",
	"Run the hooks on EVENT now, with a sample event made from the incident\nfile (--file), or from a sample incident when there is none, and print\nwhat each does: whether its condition holds, how it ended and what it\nprinted. Nothing is recorded in the incident; the hooks find\nWARROOM_DRY_RUN=1 in their environment and \"dry_run\": true in the\nevent, so that a pager can tell a test from a page. Check hooks run\ntoo. Exits 1 when a hook that ran failed.\n\nEvents: declared, severity, status, handoff, handoff_accepted,\nhandoff_declined, task_done, update_sent, timebox_expired,\nresolve_requested, resolved.": "Ejecuta ahora los ganchos de EVENTO, con un evento de ejemplo hecho a partir\ndel archivo del incidente (--file), o de un incidente de ejemplo si no hay\nninguno, y muestra qué hace cada uno: si se cumple su condición, cómo terminó\ny qué escribió. No se anota nada en el incidente; los ganchos encuentran\nWARROOM_DRY_RUN=1 en su entorno y \"dry_run\": true en el evento, para que un\nbuscapersonas distinga una prueba de un aviso. También se ejecutan las\ncomprobaciones. Termina con 1 si falló algún gancho de los ejecutados.\n\nEventos: declared, severity, status, handoff, handoff_accepted,\nhandoff_declined, task_done, update_sent, timebox_expired,\nresolve_requested, resolved.",
	"  warroom hooks test severity --new 1\n  warroom hooks test status --old identified --new monitoring\n  warroom hooks test resolve_requested": "  warroom hooks test severity --new 1\n  warroom hooks test status --old identified --new monitoring\n  warroom hooks test resolve_requested",
	"the sample's value before (WARROOM_OLD)":                                         "el valor de antes del ejemplo (WARROOM_OLD)",
	"the sample's value after (WARROOM_NEW)":                                          "el valor de después del ejemplo (WARROOM_NEW)",
	"the sample incident's severity: 0 (unset), 1, 2 or 3 (default: the incident's)":  "la severidad del incidente de ejemplo: 0 (sin evaluar), 1, 2 o 3 (por defecto, la del incidente)",
	"Run the hooks a change set off (the job on standard input), and record each run": "Ejecuta los ganchos que provocó un cambio (el trabajo por la entrada estándar) y anota cada ejecución",
}
