package tui

import "github.com/warroom/warroom/model/i18n"

// Spanish for what folder.go and board_runbooks.go say.
var _ = i18n.Register("tui folder", i18n.Spanish, map[string]string{
	"%d other incident open|%d other incidents open":                              "%d incidente más abierto|%d incidentes más abiertos",
	"%s %q is open, led by %s.":                                                   "%s %q está abierto, lo gestiona %s.",
	"enter declares this one anyway · esc leaves: join it with warroom --file %s": "enter declara este igualmente · esc sale: únete a ese con warroom --file %s",
	"RUNBOOKS OUT OF DATE (%d)":                                                   "PROCEDIMIENTOS DESFASADOS (%d)",
	"  %q: review was due %s (owner %s); check its steps":                         "  %q: tenía que revisarse el %s (responsable %s); comprueba sus pasos",
})
