package tui

import "github.com/warroom/warroom/model/i18n"

// Spanish for the screen's parts of the incident's story: milestones,
// key moments, bots, the catch-up, what waits on you.
var _ = i18n.Register("tui-story", i18n.Spanish, map[string]string{
	"mark a milestone (impact, detected…)":                            "marcar un hito (impacto, detección…)",
	"what waits on you":                                               "lo que te espera",
	"what happened while you were away":                               "lo que pasó mientras no estabas",
	"Mark a milestone:":                                               "Marcar un hito:",
	"%s, then @14:02 or -5m for when it happened (now when left out)": "%s, y después @14:02 o -5m para cuándo pasó (ahora, si no se pone)",
	"mark of %s":                     "marca de %s",
	"pin as a key moment":            "fijar como momento clave",
	"unpin the entry":                "desfijar la entrada",
	"pin of entry %s":                "fijado de la entrada %s",
	"unpin of entry %s":              "desfijado de la entrada %s",
	"entry %s":                       "la entrada %s",
	"filter by role, kind or person": "filtrar por función, tipo o persona",
	"a role (tl, comms/external…), a kind (%s…) or a person (bob; -pagerbot hides one); empty clears": "una función (tl, comms/externas…), un tipo (%s…) o una persona (bob; -pagerbot oculta una); vacío quita el filtro",
	"a person":                          "una persona",
	"-person, to hide one":              "-persona, para ocultar una",
	"What happened while you were away": "Lo que pasó mientras no estabas",
	"esc closes":                        "esc cierra",
	"%s handed you %s. You take over:":  "%s te ha pasado la función %s. Asumes:",
	"The incident: %s · %s":             "El incidente: %s · %s",
	"Briefing: none given":              "Nota de relevo: ninguna",
	"Briefing: %s":                      "Nota de relevo: %s",
	"Open tasks of the role: none":      "Tareas abiertas de la función: ninguna",
	"Open task of the role (%d):|Open tasks of the role (%d):":        "Tarea abierta de la función (%d):|Tareas abiertas de la función (%d):",
	"The next %s update is OVERDUE by %s":                             "El próximo comunicado %s lleva %s de RETRASO",
	"The next %s update is due at %s, in %s":                          "El próximo comunicado %s se debe a las %s, dentro de %s",
	"Y accepts: you have it · N declines, with a reason · esc: later": "Y acepta: es tuya · N la rechaza, con un motivo · esc: más tarde",
	"%s is yours":        "%s es tuya",
	"%s declined %s: %s": "%s rechazó la función %s: %s",
})
