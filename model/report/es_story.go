package report

import "github.com/warroom/warroom/model/i18n"

// Spanish for the review's account of the incident's story: who did what,
// when it really started, the bots kept out of the way, the catch-up.
var _ = i18n.Register("report story", i18n.Spanish, map[string]string{
	"Owner, or who closed it":                 "Responsable, o quien la cerró",
	"%s (given back to the incident manager)": "%s (devuelta al gestor de incidentes)",
	"offered to %s":                           "ofrecida a %s",
	"%s - offered to %s, declined":            "%s - ofrecida a %s, rechazada",
	"Decided":                                 "Decidida",
	"Evidence":                                "Pruebas",
	"%s, %s: %s":                              "%s, %s: %s",
	"CAN reports":                             "Informes CAN",
	"Conditions":                              "Condiciones",
	"Actions":                                 "Acciones",
	"Needs":                                   "Necesidades",
	"marked":                                  "marcado",
	"inferred from the declaration":           "deducido de la declaración",
	"inferred from the detection":             "deducido de la detección",
	"inferred from the acknowledgement":       "deducido del reconocimiento",
	"inferred from the first move to monitoring": "deducido del primer paso a en observación",
	"from the status":                     "del estado",
	"%s (%s)":                             "%s (%s)",
	"%s, at %s (%s)":                      "%s, a las %s (%s)",
	"Time to detect":                      "Tiempo hasta detectar",
	"Time to acknowledge":                 "Tiempo hasta reconocer",
	"Time to mitigate":                    "Tiempo hasta mitigar",
	"Time to resolve":                     "Tiempo hasta resolver",
	"took back the mark of %s (entry %s)": "retiró la marca de %s (entrada %s)",
	"milestone: %s":                       "hito: %s",
	"pinned entry %s as a key moment: %s": "fijó la entrada %s como momento clave: %s",
	"unpinned entry %s: %s":               "desfijó la entrada %s: %s",
	"Key moments":                         "Momentos clave",
	"bot":                                 "bot",
	"%d entry, until %s; left out of this review (`warroom export --all` lists every entry)|%d entries, until %s; left out of this review (`warroom export --all` lists every entry)": "%d entrada, hasta las %s; fuera de este informe (`warroom export --all` da todas las entradas)|%d entradas, hasta las %s; fuera de este informe (`warroom export --all` da todas las entradas)",
})
