package main

import "github.com/warroom/warroom/model/i18n"

// Spanish for the commands a member runs over SSH (served.go).
var _ = i18n.Register("cmd served", i18n.Spanish, map[string]string{
	"The war room's commands, run over SSH as the member whose key logged in": "Las órdenes de la sala de crisis, por SSH, como el miembro cuya clave ha entrado",
	"Run one of the war room's commands on the incident it serves, as the\nmember whose key logged in: ssh -p PORT HOST COMMAND. Without a command,\nssh -t opens the screen; wall opens the wall; who lists who is connected.": "Ejecuta una de las órdenes de la sala de crisis sobre el incidente que\nsirve, como el miembro cuya clave ha entrado: ssh -p PUERTO HOST ORDEN. Sin\norden, ssh -t abre la pantalla; wall abre el mural; who dice quién está\nconectado.",
	"give a command, such as show; for the screen, connect with ssh -t and no command": "da una orden, como show; para la pantalla, conéctate con ssh -t y sin orden",
	"a command over SSH runs as the member whose key logged in, and none did":          "una orden por SSH se ejecuta como el miembro cuya clave ha entrado, y no ha entrado ninguna",
})
