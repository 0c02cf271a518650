package report

import "github.com/warroom/warroom/model/i18n"

// Spanish for what incidents.go, stats.go, across.go, runbooks.go and
// statuspage.go say: a folder of incidents, its numbers, the status page.
var _ = i18n.Register("report folder", i18n.Spanish, map[string]string{
	// warroom incidents.
	"No incidents.":    "No hay incidentes.",
	"ID":               "ID",
	"SEV":              "SEV",
	"STATUS":           "ESTADO",
	"DECLARED":         "DECLARADO",
	"DURATION":         "DURACIÓN",
	"INCIDENT MANAGER": "GESTOR DE INCIDENTES",
	"TITLE":            "TÍTULO",
	"%d file could not be read:|%d files could not be read:":  "%d archivo no se pudo leer:|%d archivos no se pudieron leer:",
	"%d file is not an incident:|%d files are not incidents:": "%d archivo no es un incidente:|%d archivos no son incidentes:",

	// warroom stats.
	"No incidents to count.": "No hay incidentes que contar.",
	"%d incident, declared %s to %s|%d incidents, declared %s to %s":                                 "%d incidente, declarado entre el %s y el %s|%d incidentes, declarados entre el %s y el %s",
	"%d drill counted among them|%d drills counted among them":                                       "%d simulacro contado entre ellos|%d simulacros contados entre ellos",
	"%d drill left out (--drills counts it)|%d drills left out (--drills counts them)":               "%d simulacro fuera de la cuenta (--drills lo cuenta)|%d simulacros fuera de la cuenta (--drills los cuenta)",
	"Time from the impact's start (p50 / p90 of the incidents that got there; inferred: not marked)": "Tiempo desde el inicio del impacto (p50 / p90 de los incidentes que llegaron; inferido: sin marcar)",
	"SEVERITY":                 "SEVERIDAD",
	"INCIDENTS":                "INCIDENTES",
	"TO ACKNOWLEDGE":           "HASTA RECONOCER",
	"TO MITIGATE":              "HASTA MITIGAR",
	"TO RESOLVE":               "HASTA RESOLVER",
	"all":                      "todas",
	"none yet":                 "ninguno aún",
	"%d of %d":                 "%d de %d",
	"%d inferred":              "%d inferidos",
	"Incident managers":        "Gestores de incidentes",
	"%d incident|%d incidents": "%d incidente|%d incidentes",
	"%s in all":                "%s en total",
	"Follow-ups: %d open, %d overdue, %d without an owner": "Seguimientos: %d abiertos, %d vencidos, %d sin responsable",

	// warroom followup list --all-incidents, warroom search.
	"No open follow-ups in any incident.": "No hay seguimientos abiertos en ningún incidente.",
	"DUE":                                 "VENCE",
	"INCIDENT":                            "INCIDENTE",
	"OWNER":                               "RESPONSABLE",
	"TICKET":                              "TICKET",
	"FOLLOW-UP":                           "SEGUIMIENTO",
	"%s OVERDUE":                          "%s VENCIDO",
	"Nothing matches.":                    "Nada coincide.",
	"%d entry|%d entries":                 "%d entrada|%d entradas",

	// Runbooks.
	"applied runbook %q":       "aplicó el procedimiento %q",
	"(owner %s, review by %s)": "(responsable %s, revisar antes del %s)",
	"(owner %s)":               "(responsable %s)",
	"(review by %s)":           "(revisar antes del %s)",
	"runbook %q, step %d":      "procedimiento %q, paso %d",

	// The status page.
	"Service status":           "Estado del servicio",
	"Investigating":            "Investigando",
	"Identified":               "Causa identificada",
	"Monitoring a fix":         "Vigilando la solución",
	"Resolved":                 "Resuelto",
	"Critical impact":          "Impacto crítico",
	"Major impact":             "Impacto grave",
	"Minor impact":             "Impacto leve",
	"Impact being assessed":    "Impacto en evaluación",
	"Atom feed":                "Canal Atom",
	"Current incidents":        "Incidentes en curso",
	"Past incidents":           "Incidentes anteriores",
	"No incidents in progress": "Ningún incidente en curso",
	"%d incident in progress|%d incidents in progress": "%d incidente en curso|%d incidentes en curso",
	"Last update %s": "Última actualización: %s",
})
