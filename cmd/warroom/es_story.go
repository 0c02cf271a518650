package main

import "github.com/warroom/warroom/model/i18n"

// Spanish for the verbs that tell the incident's story (cmd_mark.go,
// cmd_pin.go, cmd_catchup.go): their help and what they print.
var _ = i18n.Register("cli-story", i18n.Spanish, map[string]string{
	"Mark when the impact started, or was detected, acknowledged or mitigated": "Marca cuándo empezó el impacto, o cuándo se detectó, reconoció o mitigó",
	"Mark a milestone of the incident: when its impact started, or when it\nwas detected, acknowledged or mitigated. The review measures its clocks\nfrom them (time to detect, acknowledge, mitigate and resolve) and says\nwhich were marked and which inferred (from the declaration and the\nstatus changes).\n\nWHEN is when it happened, as log takes it: @14:02 (today), -5m (before\nnow) or an RFC 3339 time; now by default. Marking a milestone again\ncorrects it: the latest mark holds. A mark is a timeline entry, and u on\nthe screen takes it back. A note backdated with log never moves one.": "Marca un hito del incidente: cuándo empezó su impacto, o cuándo se\ndetectó, se reconoció o se mitigó. El informe mide sus relojes desde\nellos (tiempo hasta detectar, reconocer, mitigar y resolver) y dice\ncuáles se marcaron y cuáles se deducen (de la declaración y de los\ncambios de estado).\n\nWHEN es cuándo pasó, como lo toma log: @14:02 (hoy), -5m (antes de ahora)\no una hora RFC 3339; ahora, si no se da. Marcar un hito otra vez lo\ncorrige: vale la última marca. Una marca es una entrada de la cronología,\ny u en la pantalla la retira. Una nota anotada después con log nunca\nmueve un hito.",
	"  warroom mark impact @13:52\n  warroom mark detected -5m\n  warroom mark acknowledged\n  warroom mark mitigated 2026-11-25T14:40:00Z": "  warroom mark impact @13:52\n  warroom mark detected -5m\n  warroom mark acknowledged\n  warroom mark mitigated 2026-11-25T14:40:00Z",
	"a milestone":            "un hito",
	"marked %s at %s (%s)\n": "marcado %s a las %s (%s)\n",
})
