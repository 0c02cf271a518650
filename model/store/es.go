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
}
