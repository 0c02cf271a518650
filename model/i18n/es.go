package i18n

// spanish holds the Spanish tables, one per part of warroom, so that each
// part's messages sit together. They are never changed at run time.
var spanish = []map[string]string{esModel, esReport, esTUI, esCLI}

// esModel: severities, statuses, task states, entry kinds and the errors
// of the incident model.
var esModel = map[string]string{}

// esReport: show, task list, the markdown review.
var esReport = map[string]string{}

// esTUI: the war-room screen.
var esTUI = map[string]string{}

// esCLI: the command line's output and help.
var esCLI = map[string]string{}
