package main

import "github.com/warroom/warroom/model/i18n"

// Spanish for the verbs of a folder of incidents (folder.go,
// cmd_incidents.go, cmd_runbook.go, cmd_statuspage.go, demo_history.go):
// their help and what they print.
var _ = i18n.Register("cli-folder", i18n.Spanish, map[string]string{
	"folder of incidents, for incidents, stats, search and runbooks (default: the incident file's folder)":  "carpeta de incidentes, para incidents, stats, search y los procedimientos (por omisión: la carpeta del archivo del incidente)",
	"%s: cannot read the folder of incidents: %s; name another with --dir":                                  "%s: no se puede leer la carpeta de incidentes: %s; indica otra con --dir",
	"--since %s: give a day (2026-11-01) or an RFC 3339 time (2026-11-01T09:00:00Z)":                        "--since %s: indica un día (2026-11-01) o una hora RFC 3339 (2026-11-01T09:00:00Z)",
	"%s %q is open, led by %s: join it with `--file %s`, or declare anyway with `--new`":                    "%s %q está abierto, lo gestiona %s: únete a él con `--file %s`, o declara igualmente con `--new`",
	"--all-incidents reads the other incidents of the host's folder, which a command over SSH does not see": "--all-incidents lee los demás incidentes de la carpeta del servidor, que una orden por SSH no ve",
	"warning: %s; this runbook is not applied until it is fixed":                                            "aviso: %s; este procedimiento no se aplica hasta que se corrija",
	"applied runbook %q: %s, %s\n":   "procedimiento %q aplicado: %s, %s\n",
	"%d task|%d tasks":               "%d tarea|%d tareas",
	"%d note|%d notes":               "%d nota|%d notas",
	"%s: cannot make the folder: %s": "%s: no se puede crear la carpeta: %s",

	// warroom incidents, stats, search.
	"List the incidents of the folder": "Lista los incidentes de la carpeta",
	"List the incidents of the folder of incidents (--dir, default the incident\nfile's folder): one line each, with its id, severity, status, when it was\ndeclared, how long it lasted (or has lasted, marked +), its incident\nmanager and title; the open ones first, then the newest first.\n\nEvery *.toml in the folder that is an incident is listed, from the head of\nits file. A file that is broken or written by a newer warroom is listed\nafter them with its error; a TOML file that holds no incident (a config, a\nhooks file) is left out, and -v names it. No file is ever written.": "Lista los incidentes de la carpeta de incidentes (--dir; por omisión, la\ncarpeta del archivo del incidente): una línea cada uno, con su id,\nseveridad, estado, cuándo se declaró, cuánto duró (o lleva, marcado con +),\nsu gestor de incidentes y su título; primero los abiertos, después los más\nrecientes.\n\nSe lista cada *.toml de la carpeta que sea un incidente, desde la cabecera\nde su archivo. Un archivo roto o escrito por un warroom más nuevo se lista\ndetrás, con su error; un TOML que no contiene un incidente (una\nconfiguración, un archivo de ganchos) se deja fuera, y -v lo nombra. Nunca\nse escribe ningún archivo.",
	"  warroom incidents --open\n  warroom incidents --dir ~/incidents --since 2026-11-01 --json | jq '.incidents[].title'": "  warroom incidents --open\n  warroom incidents --dir ~/incidentes --since 2026-11-01 --json | jq '.incidents[].title'",
	"only the incidents not yet resolved or closed":                    "solo los incidentes aún sin resolver ni cerrar",
	"only those declared since this day (2026-11-01) or RFC 3339 time": "solo los declarados desde este día (2026-11-01) u hora RFC 3339",
	"print JSON: the incidents and the files that could not be read":   "escribe JSON: los incidentes y los archivos que no se pudieron leer",
	"also name the TOML files that are not incidents":                  "nombra también los archivos TOML que no son incidentes",
	"The folder's numbers: times to acknowledge, mitigate, resolve":    "Las cifras de la carpeta: tiempos hasta reconocer, mitigar, resolver",
	"Count the incidents of the folder of incidents (--dir): by severity, the\nmedian (p50) and 90th percentile (p90) of the time from the impact's start\nto acknowledge, to mitigate and to resolve. The moments are the review's:\nthe milestones people marked (warroom mark), or, where none was marked,\ninferred (from the declaration, the first move to monitoring), and each\ncell says how many were inferred. Then who held the incident manager's\nrole, in how many incidents and for how long (bots left out), and the\nfollow-ups still open, overdue and without an owner.\n\nDrills (an incident whose title has the word drill) are left out unless\n--drills counts them.": "Cuenta los incidentes de la carpeta de incidentes (--dir): por severidad,\nla mediana (p50) y el percentil 90 (p90) del tiempo desde el inicio del\nimpacto hasta reconocerlo, mitigarlo y resolverlo. Los momentos son los del\ninforme: los hitos que se marcaron (warroom mark) o, donde no se marcó\nninguno, deducidos (de la declaración, del primer paso a vigilancia), y\ncada casilla dice cuántos se dedujeron. Después, quién tuvo la función de\ngestor de incidentes, en cuántos incidentes y durante cuánto tiempo (sin\ncontar los bots), y los seguimientos aún abiertos, vencidos y sin\nresponsable.\n\nLos simulacros (un incidente cuyo título tiene la palabra drill o\nsimulacro) se dejan fuera salvo que --drills los cuente.",
	"  warroom stats --since 2026-10-01\n  warroom stats --json | jq '.by_severity[] | {severity, p50: .resolve.p50_seconds}'": "  warroom stats --since 2026-10-01\n  warroom stats --json | jq '.by_severity[] | {severity, p50: .resolve.p50_seconds}'",
	"only the incidents declared since this day (2026-11-01) or RFC 3339 time":                                                 "solo los incidentes declarados desde este día (2026-11-01) u hora RFC 3339",
	"count the drills too": "cuenta también los simulacros",
	"print JSON":           "escribe JSON",
	"Find entries across the folder's incidents": "Busca entradas en todos los incidentes de la carpeta",
	"Find the timeline entries of every incident in the folder of incidents\n(--dir) that hold TEXT, in any case, in what they say or who wrote them:\nthe newest first, each with its time, its incident, its author and kind.": "Busca las entradas de la cronología de todos los incidentes de la carpeta\nde incidentes (--dir) que contienen TEXT, en mayúsculas o minúsculas, en lo\nque dicen o en quién las escribió: primero las más recientes, cada una con\nsu hora, su incidente, su autor y su tipo.",
	"  warroom search \"deploy 142\"\n  warroom search replica --dir ~/incidents --json | jq -r '.found[].incident' | sort -u":                                                                                                   "  warroom search \"despliegue 142\"\n  warroom search réplica --dir ~/incidentes --json | jq -r '.found[].incident' | sort -u",

	// warroom followup list --all-incidents.
	"List the incident's follow-ups. With --all-incidents, every follow-up not\ndone of every incident in the folder of incidents (--dir): its incident,\nowner, due date and ticket, the overdue ones first.": "Lista los seguimientos del incidente. Con --all-incidents, todos los\nseguimientos sin hacer de todos los incidentes de la carpeta de incidentes\n(--dir): su incidente, responsable, fecha límite y ticket, primero los\nvencidos.",
	"every open follow-up of every incident in the folder (--dir)": "todos los seguimientos abiertos de todos los incidentes de la carpeta (--dir)",
	"with --all-incidents: print JSON":                             "con --all-incidents: escribe JSON",
	"--json goes with --all-incidents":                             "--json va con --all-incidents",

	// warroom declare.
	"the service it is about, as the team names it (runbooks match on it)":         "el servicio afectado, como lo llama el equipo (los procedimientos se eligen por él)",
	"declare even though an open incident of the folder has a title like this one": "declara aunque un incidente abierto de la carpeta tenga un título parecido",

	// warroom runbook.
	"List, show and apply runbooks": "Lista, muestra y aplica procedimientos (runbooks)",
	"Runbooks are a team's plans for a kind of incident, kept as data: one TOML\nfile each in runbooks/ in the folder of incidents (--dir), and a person's\nown in runbooks/ beside the config. Each has a name, an owner, a review\ndate, a when (the hooks' condition language over the incident's severity,\ntitle, service and status) and steps: tasks for roles, time-boxed, and\nnotes.\n\nWhen an incident is declared, and again when its severity rises, each\nrunbook whose when holds and that was not applied yet is applied: its\ntasks and notes are added as ordinary changes, each task saying which\nrunbook and step it came from. A runbook is applied once; it never runs\na command (hooks do that). A runbook past its review date is out of date:\nthe lists and the incident manager's board say so. A runbook with a\nmistake is refused, with its file and line, and applies nothing.": "Los procedimientos (runbooks) son los planes de un equipo para un tipo de\nincidente, guardados como datos: un archivo TOML cada uno en runbooks/ en la\ncarpeta de incidentes (--dir), y los de cada persona en runbooks/ junto a\nsu configuración. Cada uno tiene un nombre, un responsable, una fecha de\nrevisión, un when (el lenguaje de condiciones de los ganchos sobre la\nseveridad, el título, el servicio y el estado del incidente) y pasos:\ntareas para funciones, con plazo, y notas.\n\nAl declarar un incidente, y otra vez cuando sube su severidad, se aplica\ncada procedimiento cuyo when se cumple y que aún no se había aplicado: sus\ntareas y notas se añaden como cambios normales, y cada tarea dice de qué\nprocedimiento y paso viene. Un procedimiento se aplica una sola vez; nunca\nejecuta una orden (eso lo hacen los ganchos). Un procedimiento con la\nfecha de revisión pasada está desfasado: las listas y el tablero del gestor\nde incidentes lo dicen. Un procedimiento con un error se rechaza, con su\narchivo y su línea, y no aplica nada.",
	"List the runbooks and the files refused": "Lista los procedimientos y los archivos rechazados",
	"No runbooks. Write one in %s.\n":         "No hay procedimientos. Escribe uno en %s.\n",
	"every incident":                          "todos los incidentes",
	"%s OUT OF DATE":                          "%s DESFASADO",
	"owner %s":                                "responsable %s",
	"review %s":                               "revisión %s",
	"when %s":                                 "when %s",
	"%d step|%d steps":                        "%d paso|%d pasos",
	"refused: %s\n":                           "rechazado: %s\n",
	"Show a runbook's steps, and whether it applies to the incident":                                                                                 "Muestra los pasos de un procedimiento, y si se aplica al incidente",
	"Apply a runbook to the incident, whatever its when":                                                                                             "Aplica un procedimiento al incidente, diga lo que diga su when",
	"Apply a runbook to the incident now, whether or not its when holds: its\ntasks and notes are added, once. Applied already, it changes nothing.": "Aplica ahora un procedimiento al incidente, se cumpla o no su when: se\nañaden sus tareas y notas, una sola vez. Si ya se aplicó, no cambia nada.",
	"warning: runbook %q was due for review on %s (owner %s): check its steps":                                                                       "aviso: el procedimiento %q tenía que revisarse el %s (responsable %s): comprueba sus pasos",
	"file: %s":                   "archivo: %s",
	"owner: %s":                  "responsable: %s",
	"review: %s":                 "revisión: %s",
	"when: %s":                   "when: %s",
	"note: %s":                   "nota: %s",
	"task: %s":                   "tarea: %s",
	"task: %s (within %s)":       "tarea: %s (en %s)",
	"Applied to %s at %s by %s.": "Aplicado a %s el %s por %s.",
	"Its when holds for %s: it applies at the next rise of the severity, or now with `warroom runbook apply`.": "Su when se cumple para %s: se aplica la próxima vez que suba la severidad, o ahora con `warroom runbook apply`.",
	"Its when does not hold for %s.": "Su when no se cumple para %s.",

	// warroom statuspage.
	"Write a static status page of the folder's incidents": "Escribe una página de estado estática de los incidentes de la carpeta",
	"Write the folder's incidents as the public sees them to DIR: index.html,\na plain HTML page with no script that reads on a phone, and feed.atom, an\nAtom feed. For each incident with an external update: its title, its\nstatus and its severity in words, and the external updates that were sent\nor approved, newest first. Nothing internal is on it (no notes, tasks,\ninternal updates or drafts), nor who wrote the updates unless --names,\nnor drills. With nothing new, the files are left as they were.\n\nPublish it with a hook, such as rsync on update_sent (see docs/hooks.md).": "Escribe en DIR los incidentes de la carpeta tal como los ve el público:\nindex.html, una página HTML sencilla, sin scripts, que se lee en un móvil, y\nfeed.atom, un canal Atom. Para cada incidente con un comunicado externo: su\ntítulo, su estado y su severidad en palabras, y los comunicados externos\nenviados o aprobados, primero los más recientes. No hay nada interno (ni\nnotas, ni tareas, ni comunicados internos, ni borradores), ni quién\nescribió los comunicados salvo con --names, ni simulacros. Si no hay nada\nnuevo, los archivos se quedan como estaban.\n\nSe publica con un gancho, como rsync en update_sent (ver docs/hooks.md).",
	"  warroom statuspage --output public/ --title \"Acme status\" --url https://status.acme.example": "  warroom statuspage --output public/ --title \"Estado de Acme\" --url https://status.acme.example",
	"statuspage needs --output DIR: the folder to write index.html and feed.atom to":                  "statuspage necesita --output DIR: la carpeta donde escribir index.html y feed.atom",
	"warning: %s: left off the status page":                                                           "aviso: %s: se deja fuera de la página de estado",
	"nothing changed: the status page in %s is up to date\n":                                          "nada cambió: la página de estado de %s está al día\n",
	"wrote the status page to %s (index.html, feed.atom)\n":                                           "página de estado escrita en %s (index.html, feed.atom)\n",
	"the folder to write index.html and feed.atom to":                                                 "la carpeta donde escribir index.html y feed.atom",
	"the page's title (default: Service status)":                                                      "el título de la página (por omisión: Estado del servicio)",
	"where the page is published, for the feed's links":                                               "dónde se publica la página, para los enlaces del canal",
	"show who wrote each update":                                                                      "muestra quién escribió cada comunicado",

	// warroom demo --incidents.
	"write a history of this many incidents to --dir instead":                        "escribe en cambio una historia de este número de incidentes en --dir",
	"--incidents takes 1 to %d, without --entries and --tasks":                       "--incidents va de 1 a %d, sin --entries ni --tasks",
	"%s already exists; demo writes only new files: choose another --dir":            "%s ya existe; demo solo escribe archivos nuevos: elige otra --dir",
	"wrote a history of %d incidents to %s; warroom incidents --dir %s lists them\n": "historia de %d incidentes escrita en %s; warroom incidents --dir %s los lista\n",
})
