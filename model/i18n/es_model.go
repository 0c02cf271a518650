package i18n

// esModel: severities, statuses, task states, entry kinds and the errors
// of the incident model. Errors name what to do without addressing the
// reader as tú or usted ("hace falta", "para crear uno: …").
var esModel = map[string]string{
	// Statuses (model.Status.In).
	"investigating": "investigando",
	"identified":    "identificado",
	"monitoring":    "en observación",
	"resolved":      "resuelto",
	"closed":        "cerrado",

	// Severities (model.Severity.In, DefinitionIn). SEV1..SEV3 stay as they are.
	"unset": "sin evaluar",
	"critical: very high impact, e.g. a customer-facing service down for everyone":                        "crítico: impacto muy alto; p. ej., un servicio de cara al cliente caído para todos",
	"major: significant impact, e.g. a customer-facing service down for some customers or badly degraded": "grave: impacto considerable; p. ej., un servicio de cara al cliente caído para parte de los clientes o muy degradado",
	"minor: low impact, e.g. a small inconvenience to customers or an internal system degraded":           "leve: impacto bajo; p. ej., una pequeña molestia para los clientes o un sistema interno degradado",
	"not yet assessed":                "aún sin evaluar",
	"SEV1 %s; SEV2 major; SEV3 minor": "SEV1 %s; SEV2 grave; SEV3 leve",

	// Task states (model.TaskState.In): una tarea está abierta, en curso…
	"open":        "abierta",
	"in progress": "en curso",
	"done":        "hecha",
	"cancelled":   "cancelada",

	// Entry kinds (model.Kind.In), keyed by the kind as stored.
	"note":           "nota",
	"decision":       "decisión",
	"action":         "acción",
	"theory":         "teoría",
	"followup":       "seguimiento",
	"declared":       "declarado",
	"handoff":        "relevo",
	"status":         "estado",
	"severity":       "severidad",
	"task_added":     "tarea añadida",
	"task_started":   "tarea iniciada",
	"task_done":      "tarea hecha",
	"task_reopened":  "tarea reabierta",
	"task_assigned":  "tarea reasignada",
	"task_cancelled": "tarea cancelada",
	"retracted":      "retirada",

	// InvalidError: what was not valid (also "status", "severity" above).
	"role":       "función",
	"kind":       "tipo",
	"task id":    "id de tarea",
	"task state": "estado de tarea",
	"entry id":   "id de entrada",
	// … as whole sentences, so that the words agree.
	"no role given":         "no se ha indicado ninguna función",
	"unknown role %q":       "función desconocida: %q",
	"ambiguous role %q":     "función ambigua: %q",
	"no status given":       "no se ha indicado ningún estado",
	"unknown status %q":     "estado desconocido: %q",
	"no severity given":     "no se ha indicado ninguna severidad",
	"unknown severity %q":   "severidad desconocida: %q",
	"no kind given":         "no se ha indicado ningún tipo de entrada",
	"unknown kind %q":       "tipo de entrada desconocido: %q",
	"no task id given":      "no se ha indicado ningún id de tarea",
	"unknown task id %q":    "id de tarea desconocido: %q",
	"ambiguous task id %q":  "id de tarea ambiguo: %q",
	"no task state given":   "no se ha indicado ningún estado de tarea",
	"unknown task state %q": "estado de tarea desconocido: %q",
	"no entry id given":     "no se ha indicado ningún id de entrada",
	"unknown entry id %q":   "id de entrada desconocido: %q",
	// … and word by word, for anything else.
	"no %s given":                          "%s: no se ha indicado ningún valor",
	"ambiguous %s %q":                      "%s: valor ambiguo %q",
	"unknown %s %q":                        "%s: valor desconocido %q",
	"; it matches %s":                      "; coincide con %s",
	"; valid: %s":                          "; valores válidos: %s",
	"and %d more":                          "y %d más",
	"(no tasks yet)":                       "(aún no hay tareas)",
	"`warroom task list` shows every task": "`warroom task list` muestra todas las tareas",
	"type more of it":                      "hacen falta más caracteres del id",
	"%q entries are written by warroom itself": "las entradas de tipo %q las escribe warroom por su cuenta",

	// TextError: the field…
	"author":           "autor",
	"title":            "título",
	"summary":          "resumen",
	"incident manager": "gestor de incidentes",
	"entry":            "entrada",
	"task title":       "título de la tarea",
	"owner":            "responsable",
	"new holder":       "nueva persona a cargo",
	"handoff note":     "nota del relevo",
	"workstream":       "línea de trabajo",
	// … and what is wrong with it.
	"not valid UTF-8":                   "no es UTF-8 válido",
	"must not be empty":                 "no puede quedar en blanco",
	"%d characters, at most %d allowed": "%d caracteres; se admiten %d como máximo",
	"must be one line":                  "debe ocupar una sola línea",
	"must not contain '/'":              "no puede contener '/'",
	"there is one incident manager; workstreams are for the other roles": "solo hay un gestor de incidentes; las líneas de trabajo son para las demás funciones",

	// ConflictError.
	"no incident has been declared yet; start one with `warroom declare TITLE`":          "aún no se ha declarado ningún incidente; para declarar uno: `warroom declare TÍTULO`",
	"an incident is already declared here: %s %q; use another --file for a new incident": "aquí ya hay un incidente declarado: %s %q; para uno nuevo hace falta otro --file",
	"task %s is already %s":          "la tarea %s ya está %s",
	"task %s already has that owner": "la tarea %s ya tiene ese responsable",
	"%s already holds %s":            "%s ya desempeña la función %s",
	"the incident manager role cannot go back to itself; hand it to someone instead": "la función de gestor de incidentes no puede devolverse a sí misma; hay que asignarla a otra persona",
	"%s is already with the incident manager":                                        "la función %s ya está en manos del gestor de incidentes",
	"entry %s was already taken back":                                                "la entrada %s ya se retiró",
	"entry %s records a %s, which only another change can undo":                      "la entrada %s registra un cambio de tipo «%s», que solo otro cambio puede deshacer",
	"the incident is already %s":                                                     "el incidente ya está en ese estado: %s",
	"the severity is already %s":                                                     "el incidente ya tiene esa severidad: %s",
	"the severity is already unset":                                                  "la severidad aún está sin evaluar",
	"time":                                                                           "hora",
	"%s is in the future; backdate to a time that has passed":                        "%s está en el futuro; se puede anotar con una hora ya pasada",
	"%s is not a time; write @HH:MM, such as @14:02":                                 "%s no es una hora; escribe @HH:MM, como @14:02",
	"%s is not a time before now; write -5m, -90s or -1h30m":                         "%s no es un tiempo atrás; escribe -5m, -90s o -1h30m",
}
