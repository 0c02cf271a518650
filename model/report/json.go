package report

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/safetext"
)

// jsonHolding is one role instance in the JSON record.
type jsonHolding struct {
	Role       string    `json:"role"`
	Workstream string    `json:"workstream,omitzero"`
	Label      string    `json:"label"`
	Holder     string    `json:"holder"`
	Default    bool      `json:"held_by_incident_manager_by_default"`
	Since      time.Time `json:"since,omitzero"`
	// Acceptance is the current holder's answer to the handoff: awaited
	// until they accept it.
	Acceptance model.Acceptance `json:"acceptance,omitzero"`
}

// JSON renders the whole record for programs such as jq: the file's
// content plus the derived role table. Text is the stored text; the
// characters that could act on a terminal (C0, DEL, C1, bidi controls)
// are written as \uXXXX escapes, so the JSON is safe to print and decodes
// to exactly what was stored.
func JSON(s model.State, o Options) ([]byte, error) {
	var roles []jsonHolding
	for _, h := range s.Holdings(o.catalog()) {
		roles = append(roles, jsonHolding{
			Role: h.Ref.Role, Workstream: h.Ref.Workstream, Label: h.Ref.Label(o.catalog(), o.Lang),
			Holder: h.Holder, Default: h.Default, Since: h.Since, Acceptance: h.Acceptance,
		})
	}
	doc := struct {
		model.State
		Roles []jsonHolding `json:"roles"`
	}{s, roles}
	out, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("export json: %w", err)
	}
	return append(safetext.EscapeQuoted(out), '\n'), nil
}
