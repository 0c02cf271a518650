package serve

import "github.com/warroom/warroom/model/i18n"

// Spanish for what the served war room tells the people who connect.
var _ = i18n.Register("serve", i18n.Spanish, map[string]string{
	"the war-room screen needs a terminal: connect with ssh -t, or give a command such as show":                                      "la pantalla de la sala de crisis necesita un terminal: conéctate con ssh -t, o da una orden como show",
	"too many changes at once (%d, then %g a second): wait a moment and make it again":                                               "demasiados cambios seguidos (%d, y después %g por segundo): espera un momento y vuelve a hacerlo",
	"no key was pressed for %s: the session ended":                                                                                   "no se ha pulsado ninguna tecla en %s: la sesión ha terminado",
	"you are no longer in this war room's team, so your session ends; ask its host to add you again (warroom team add NAME KEYFILE)": "ya no estás en el equipo de esta sala de crisis, así que tu sesión termina; pide a quien la sirve que te vuelva a añadir (warroom team add NOMBRE ARCHIVO_DE_CLAVE)",
	"your place in this war room's team changed (your key, name or access), so your session ends: connect again":                     "tu sitio en el equipo de esta sala de crisis ha cambiado (tu clave, tu nombre o tu acceso), así que tu sesión termina: vuelve a conectarte",
	"no public key was offered; this war room lets people in by their ssh key":                                                       "no se ha ofrecido ninguna clave pública; esta sala de crisis deja entrar a la gente por su clave ssh",
	"none of your keys (%s) is in the team; ask the war room's host to add yours: warroom team add NAME KEYFILE.pub":                 "ninguna de tus claves (%s) está en el equipo; pide a quien sirve la sala de crisis que añada la tuya: warroom team add NOMBRE ARCHIVO_DE_CLAVE.pub",
	"your key %s is not in the team":                              "tu clave %s no está en el equipo",
	"nobody has a screen open here":                               "nadie tiene una pantalla abierta aquí",
	"the war room is full (%d sessions); try again later":         "la sala de crisis está llena (%d sesiones); inténtalo más tarde",
	"your key already has %d sessions open here; close one first": "tu clave ya tiene %d sesiones abiertas aquí; cierra una antes",
	"no key yet":      "sin teclas aún",
	"last key %s ago": "última tecla hace %s",
	"you may only watch this war room; ask its host for edit access (warroom team add NAME KEYFILE)":                                                         "solo puedes mirar esta sala de crisis; pide a quien la sirve acceso para editar (warroom team add NOMBRE ARCHIVO_DE_CLAVE)",
	"the war room's server is stopping; your changes are saved":                                                                                              "el servidor de la sala de crisis se está parando; tus cambios están guardados",
	"give - in place of the text and send the text on standard input, which takes any text as it is: echo 'the text' | ssh HOST log -":                       "da - en lugar del texto y envía el texto por la entrada estándar, que acepta cualquier texto tal cual: echo 'el texto' | ssh HOST log -",
	"the %s in %q may be an apostrophe or the start of a quote: a command line over SSH is split into words as a shell splits it. Put a \\ before it, or %s": "el %s de %q puede ser un apóstrofo o el comienzo de unas comillas: una orden por SSH se parte en palabras como las parte una shell. Pon una \\ delante, o %s",
	"the command line ends with a \\ that escapes nothing. Put another \\ before it, or %s":                                                                  "la orden termina con una \\ que no escapa nada. Pon otra \\ delante, o %s",
	"the %s in %q opens a quote that never closes: a command line over SSH is split into words as a shell splits it. Put a \\ before it, or %s":              "el %s de %q abre unas comillas que nunca se cierran: una orden por SSH se parte en palabras como las parte una shell. Pon una \\ delante, o %s",
})
