package main

import "github.com/warroom/warroom/model/i18n"

// Spanish for the verbs that tell the incident's story (cmd_mark.go,
// cmd_pin.go, cmd_catchup.go): their help and what they print.
var _ = i18n.Register("cli-story", i18n.Spanish, map[string]string{
	"Mark when the impact started, or was detected, acknowledged or mitigated": "Marca cuándo empezó el impacto, o cuándo se detectó, reconoció o mitigó",
	"Mark a milestone of the incident: when its impact started, or when it\nwas detected, acknowledged or mitigated. The review measures its clocks\nfrom them (time to detect, acknowledge, mitigate and resolve) and says\nwhich were marked and which inferred (from the declaration and the\nstatus changes).\n\nWHEN is when it happened, as log takes it: @14:02 (today), -5m (before\nnow) or an RFC 3339 time; now by default. Marking a milestone again\ncorrects it: the latest mark holds. A mark is a timeline entry, and u on\nthe screen takes it back. A note backdated with log never moves one.": "Marca un hito del incidente: cuándo empezó su impacto, o cuándo se\ndetectó, se reconoció o se mitigó. El informe mide sus relojes desde\nellos (tiempo hasta detectar, reconocer, mitigar y resolver) y dice\ncuáles se marcaron y cuáles se deducen (de la declaración y de los\ncambios de estado).\n\nWHEN es cuándo pasó, como lo toma log: @14:02 (hoy), -5m (antes de ahora)\no una hora RFC 3339; ahora, si no se da. Marcar un hito otra vez lo\ncorrige: vale la última marca. Una marca es una entrada de la cronología,\ny u en la pantalla la retira. Una nota anotada después con log nunca\nmueve un hito.",
	"  warroom mark impact @13:52\n  warroom mark detected -5m\n  warroom mark acknowledged\n  warroom mark mitigated 2026-11-25T14:40:00Z": "  warroom mark impact @13:52\n  warroom mark detected -5m\n  warroom mark acknowledged\n  warroom mark mitigated 2026-11-25T14:40:00Z",
	"a milestone":                          "un hito",
	"marked %s at %s (%s)\n":               "marcado %s a las %s (%s)\n",
	"Pin a timeline entry as a key moment": "Fija una entrada de la cronología como momento clave",
	"Pin a timeline entry as a key moment of the incident: the review opens its\ntimeline with the key moments, and the catch-up lists them. ID is the\nentry's id, or any unique start of it (export --format json lists them;\nlog and the screen's entry view show them). warroom unpin ID takes it\nback; both are timeline entries.": "Fija una entrada de la cronología como momento clave del incidente: el\ninforme abre su cronología con los momentos clave, y el resumen para\nquien llega los enumera. ID es el id de la entrada, o cualquier comienzo\nsuyo que no sea ambiguo (export --format json los da; log y la vista de\nuna entrada en la pantalla los muestran). warroom unpin ID la quita; las\ndos cosas son entradas de la cronología.",
	"  warroom pin e8c2hv7pq3mzd\n  warroom pin e8c2h": "  warroom pin e8c2hv7pq3mzd\n  warroom pin e8c2h",
	"Take a pinned entry off the key moments":          "Quita una entrada fijada de los momentos clave",
	"Take a timeline entry pinned as a key moment off the key moments. ID is\nthe entry's id, or any unique start of it.": "Quita de los momentos clave una entrada de la cronología fijada como tal.\nID es el id de la entrada, o cualquier comienzo suyo que no sea ambiguo.",
	"  warroom unpin e8c2hv7pq3mzd":   "  warroom unpin e8c2hv7pq3mzd",
	"unpinned %s: %s\n":               "desfijada %s: %s\n",
	"pinned %s as a key moment: %s\n": "fijada %s como momento clave: %s\n",
	"ID":                              "ID",
	"Bots: %s; their entries are dimmed, and left out of the review's timeline\n": "Bots: %s; sus entradas se atenúan, y quedan fuera de la cronología del informe\n",
	"Bots: none\n": "Bots: ninguno\n",
	"keep the bots' entries in the review's timeline (without it, one line per bot)": "conserva las entradas de los bots en la cronología del informe (si no, una línea por bot)",
	// warroom catchup.
	"What changed since you (or NAME) last took part": "Lo que cambió desde la última vez que participaste (o NOMBRE)",
	"Print what changed in the incident since you last took part — your last\nentry, or the last time you had a screen on it on this machine, whichever\nis later — or since WHEN: the status and severity now and their changes;\nrole changes, first those that concern you; tasks added, given to you,\ndone; updates sent and when the next is due; theories decided; decisions\nand key moments; then how many other entries, by kind and by person, and\none line per bot. Someone who has not taken part yet gets the whole\nincident so far.\n\nWHEN is as log takes it: @14:02 (today), -30m (before now) or an RFC 3339\ntime. --for NAME catches someone else up: the incident manager briefing a\nnew responder. It reads the incident and writes nothing, not even that\nyou read it.": "Muestra lo que cambió en el incidente desde la última vez que participaste\n—tu última entrada, o la última vez que tuviste una pantalla abierta en él\nen esta máquina, lo que sea más reciente— o desde WHEN: el estado y la\nseveridad ahora y sus cambios; los cambios de funciones, primero los que\nte afectan; las tareas añadidas, las que te han dado, las hechas; los\ncomunicados enviados y cuándo se debe el siguiente; las teorías decididas;\nlas decisiones y los momentos clave; y después cuántas entradas más hay,\npor tipo y por persona, y una línea por bot. Quien aún no ha participado\nrecibe todo el incidente hasta ahora.\n\nWHEN se escribe como en log: @14:02 (hoy), -30m (antes de ahora) o una\nhora RFC 3339. --for NOMBRE pone al día a otra persona: el gestor de\nincidentes informando a quien llega. Lee el incidente y no escribe nada,\nni siquiera que lo has leído.",
	"  warroom catchup\n  warroom catchup --since -30m\n  warroom catchup --for dave": "  warroom catchup\n  warroom catchup --since -30m\n  warroom catchup --for dave",
	"from this time instead: @14:02, -30m or an RFC 3339 time":                        "desde esta hora: @14:02, -30m o una hora RFC 3339",
	"whom it is for (default: you, see --as)":                                         "para quién es (por defecto: para ti, ver --as)",
})
