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
})
