package model

import "github.com/warroom/warroom/model/i18n"

// Spanish for what runbook.go and service.go say.
var _ = i18n.Register("model runbook", i18n.Spanish, map[string]string{
	"runbook":         "procedimiento aplicado",
	"runbook steps":   "pasos del procedimiento",
	"runbook applied": "procedimiento aplicado",
	"runbook name":    "nombre del procedimiento",
	"runbook step":    "paso del procedimiento",
	"review date":     "fecha de revisión",
	"service":         "servicio",
	"runbook %q was applied already, at %s by %s":                                       "el procedimiento %q ya se aplicó, a las %s, por %s",
	"a runbook applied cannot be undone; cancel the tasks it added that are not needed": "un procedimiento aplicado no se puede deshacer; cancela las tareas que añadió y no hagan falta",
	"%q has no steps":                                            "%q no tiene pasos",
	"%q has %d steps, at most %d allowed":                        "%q tiene %d pasos; se permiten como mucho %d",
	"step %d of %q is both a task and a note; make it two steps": "el paso %d de %q es a la vez una tarea y una nota; sepáralo en dos pasos",
	"step %d of %q has neither a task nor a note":                "el paso %d de %q no tiene ni tarea ni nota",
})
