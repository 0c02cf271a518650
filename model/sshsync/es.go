package sshsync

import "github.com/warroom/warroom/model/i18n"

// Spanish for what this package says, registered with i18n when the package
// is loaded.
var _ = i18n.Register("sshsync", "es", esSync)

// esSync: what a sync says it moved, and why it could not.
var esSync = map[string]string{
	"created the remote copy": "copia remota creada",
	"in: %s; out: %s":         "entrante: %s; saliente: %s",

	"%s: no incident file there; to start it from this incident, sync with --create":                                               "%s: ahí no hay archivo de incidente; para empezarlo con este incidente, hay que sincronizar con --create",
	"neither %s nor %s holds an incident yet; declare one first":                                                                   "ni %s ni %s tienen aún un incidente; antes hay que declarar uno",
	"sync with %s: %s is a %s, not an incident file; warroom reads and writes only regular files":                                  "sincronización con %s: %s es un %s, no un archivo de incidente; warroom solo lee y escribe archivos normales",
	"sync with %s: %s is a folder, not an incident file; name a file in it, such as %s/incident.toml":                              "sincronización con %s: %s es una carpeta, no un archivo de incidente; hay que nombrar un archivo dentro, como %s/incident.toml",
	"sync with %s: %s on %s is not a folder; check the path":                                                                       "sincronización con %s: %s en %s no es una carpeta; hay que revisar la ruta",
	"sync with %s: the folder %s does not exist on %s; create it (ssh %s mkdir -p %s) or check the path":                           "sincronización con %s: la carpeta %s no existe en %s; hay que crearla (ssh %s mkdir -p %s) o revisar la ruta",
	"sync with %s: another sync holds the lock (%s); try again in a moment":                                                        "sincronización con %s: otra sincronización tiene el bloqueo (%s); inténtalo de nuevo en un momento",
	"sync with %s: cannot %s %s: %s":                                                                                               "sincronización con %s: no se puede %s %s: %s",
	"sync with %s: interrupted; the remote copy was left as it was":                                                                "sincronización con %s: interrumpida; la copia remota se ha dejado como estaba",
	"sync with %s: the remote copy changed while syncing, %d times in a row; nothing of it was overwritten; try again":             "sincronización con %s: la copia remota ha cambiado durante la sincronización, %d veces seguidas; no se ha sobrescrito nada de ella; inténtalo de nuevo",
	"%s is %s, over the limit of %s for an incident file; it was not read, and nothing was changed on either side":                 "%s ocupa %s, más del límite de %s para un archivo de incidente; no se ha leído, y no se ha cambiado nada en ningún lado",
	"sync with %s: the merged incident would be %s, over the limit of %s for an incident file; nothing was changed on either side": "sincronización con %s: el incidente combinado ocuparía %s, más del límite de %s para un archivo de incidente; no se ha cambiado nada en ningún lado",
	"the remote copy is not usable, nothing was changed on either side: %s":                                                        "la copia remota no se puede usar, no se ha cambiado nada en ningún lado: %s",

	// Why an SFTP operation failed (reason), and what it was (RemoteError.Op).
	"permission denied":                      "permiso denegado",
	"no such file or folder":                 "no existe ese archivo o carpeta",
	"the connection was lost":                "se ha perdido la conexión",
	"the server refused it (SFTP status %d)": "el servidor lo ha rechazado (estado SFTP %d)",
	"read":                                   "leer",
	"write":                                  "escribir",
	"replace":                                "reemplazar",
	"append to":                              "añadir a",
	"lock":                                   "bloquear",
	"look at":                                "consultar",

	// What the remote path is instead of a file (NotFileError.Kind).
	"folder":       "carpeta",
	"named pipe":   "tubo con nombre",
	"device":       "dispositivo",
	"socket":       "socket",
	"special file": "archivo especial",

	// Connecting (ConnectError).
	"sync with %s: %s": "sincronización con %s: %s",
	"the host key is unknown or has changed; check it and add it to known_hosts (ssh %s once by hand)": "la clave del servidor es desconocida o ha cambiado; hay que comprobarla y añadirla a known_hosts (ssh %s una vez a mano)",
	"authentication was refused; check your key or agent (ssh %s by hand to see why)":                  "se ha rechazado la autenticación; hay que revisar la clave o el agente (ssh %s a mano para ver por qué)",
	"the host cannot be reached or did not answer in time (is %s right, and up?)":                      "no se llega al servidor o no ha respondido a tiempo (¿%s es correcto y está en marcha?)",
	"ssh failed to open an SFTP session with %s":                                                       "ssh no ha podido abrir una sesión SFTP con %s",
}
