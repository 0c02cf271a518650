package store

import "github.com/warroom/warroom/model/i18n"

// Spanish for what this package says, registered with i18n when the package
// is loaded.
var _ = i18n.Register("store", "es", esStore)

// esStore: what the incident file's store says when it cannot do its job.
var esStore = map[string]string{
	"%s: no incident file": "%s: no hay archivo de incidente",
	"%s: written with file schema %d, but this warroom reads schema %d at most; upgrade warroom to open it (the file was left as it is)": "%s: escrito con el esquema de archivo %d, pero este warroom lee como mucho el esquema %d; actualiza warroom para abrirlo (el archivo se ha dejado tal cual)",
	"%s: another warroom is still writing it (lock %s)": "%s: otro warroom lo está escribiendo todavía (bloqueo %s)",
	"; try again": "; inténtalo de nuevo",
	"unknown key %s; warroom would drop it when saving, so it saves no change until the key is renamed or removed": "clave desconocida %s; warroom la perdería al guardar, así que no guarda ningún cambio hasta que se renombre o se quite la clave",

	"the file ends here, before the end warroom last wrote to it: it was cut short":                                           "el archivo termina aquí, antes del final que warroom escribió la última vez: está cortado",
	"the file holds %d %s, but warroom last wrote %d: some were taken out or the file was cut short":                          "el archivo tiene %d %s, pero warroom escribió %d la última vez: se quitaron algunas o el archivo está cortado",
	"; nothing was written. If you changed the file by hand on purpose, run `warroom check --accept` to take it as it is now": "; no se ha escrito nada. Si cambiaste el archivo a mano a propósito, ejecuta `warroom check --accept` para aceptarlo tal como está",
	"entries":     "entradas",
	"tasks":       "tareas",
	"assignments": "asignaciones",
	"people":      "personas",
	"theories":    "teorías",
	"followups":   "seguimientos",
	"%s is %s, not an incident file; warroom reads incidents from regular files only": "%s es %s, no un archivo de incidente; warroom solo lee incidentes de archivos normales",
	"a directory":        "una carpeta",
	"a FIFO":             "una FIFO",
	"a FIFO or socket":   "una FIFO o un socket",
	"a socket":           "un socket",
	"a device":           "un dispositivo",
	"not a regular file": "algo que no es un archivo normal",
	"%s is %s, more than the %s warroom reads; it was left as it is": "%s ocupa %s, más de los %s que lee warroom; se ha dejado tal cual",
	"%s now holds incident %s, not %s, on which these changes were made; they were not saved into it. Put %s's file back to save them, or quit and open the file again": "%s contiene ahora el incidente %s, no %s, sobre el que se hicieron estos cambios; no se han guardado en él. Vuelve a poner el archivo de %s para guardarlos, o sal y abre el archivo de nuevo",
}
