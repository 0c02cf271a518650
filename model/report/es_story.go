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
})
