package i18n

// spanish holds the Spanish tables, one per part of warroom, so that each
// part's messages sit together: the incident model (es_model.go), the text
// reports (es_report.go), the war-room screen (es_tui.go), the command
// line's output (es_cli.go) and help (es_help.go), and the file's store
// (es_store.go). They are never changed at run time.
var spanish = []map[string]string{esModel, esReport, esTUI, esCLIText, esHelp, esStore}
