package model

import "github.com/warroom/warroom/model/i18n"

// Spanish for what milestone.go, credit.go and pin.go say.
var _ = i18n.Register("model story", i18n.Spanish, map[string]string{
	// The milestones (Milestone.In) and their entry kind.
	"milestone":      "hito",
	"impact started": "inicio del impacto",
	"detected":       "detectado",
	"acknowledged":   "reconocido",
	"mitigated":      "mitigado",
	"%s is in the future; mark a time that has passed":            "%s está en el futuro; marca una hora que ya haya pasado",
	"%s is already marked at %s":                                  "%s ya está marcado a las %s",
	"%s is not a time; write @14:02, -5m or 2026-11-25T14:02:00Z": "%s no es una hora; escribe @14:02, -5m o 2026-11-25T14:02:00Z",
	// Bots (bots.go).
	"bot": "bot",
	// Key moments (pin.go).
	"pin":   "fijada",
	"unpin": "desfijada",
	"`warroom export --format json` lists every entry's id":                     "`warroom export --format json` da el id de cada entrada",
	"entry %s is a %s, not a moment of the incident; pin the entry it is about": "la entrada %s es un %s, no un momento del incidente; fija la entrada a la que se refiere",
	"entry %s is not pinned":     "la entrada %s no está fijada",
	"entry %s is already pinned": "la entrada %s ya está fijada",
})
