package model

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/warroom/warroom/model/i18n"
)

// Severity is SEV1 (most severe) to SEV3, or SevUnset until assessed.
type Severity int

// Severities.
const (
	SevUnset Severity = 0
	Sev1     Severity = 1
	Sev2     Severity = 2
	Sev3     Severity = 3
)

// Severities lists the assessed severities, most severe first.
var Severities = []Severity{Sev1, Sev2, Sev3}

// String renders "SEV1".."SEV3" or "unset".
func (s Severity) String() string {
	if s == SevUnset {
		return "unset"
	}
	return "SEV" + strconv.Itoa(int(s))
}

// In is the severity as people read it in l: "SEV1" in every language,
// "unset" or "sin evaluar".
func (s Severity) In(l i18n.Lang) string { return l.T(s.String()) }

// DefinitionIn returns the built-in one-line definition of the severity in
// l. A team's own definitions are Catalog.SeverityDefinitionIn's.
func (s Severity) DefinitionIn(l i18n.Lang) string { return l.T(s.Definition()) }

// Definition returns the one-line definition of the severity.
func (s Severity) Definition() string {
	switch s {
	case Sev1:
		return "critical: very high impact, e.g. a customer-facing service down for everyone"
	case Sev2:
		return "major: significant impact, e.g. a customer-facing service down for some customers or badly degraded"
	case Sev3:
		return "minor: low impact, e.g. a small inconvenience to customers or an internal system degraded"
	default:
		return "not yet assessed"
	}
}

// Valid reports whether s is a known severity.
func (s Severity) Valid() bool { return s >= SevUnset && s <= Sev3 }

// ParseSeverity accepts 1, sev1, SEV1 (and so on) and "unset" or 0.
func ParseSeverity(v string) (Severity, error) {
	t := strings.ToLower(strings.TrimSpace(v))
	t = strings.TrimPrefix(t, "sev")
	switch t {
	case "unset", "0", "none":
		return SevUnset, nil
	case "1", "2", "3":
		n, _ := strconv.Atoi(t)
		return Severity(n), nil
	}
	return 0, &InvalidError{What: "severity", Value: v, Valid: severityValues(),
		Hint: i18n.M("SEV1 %s; SEV2 major; SEV3 minor", i18n.Word(Sev1.Definition()))}
}

// severityValues lists what ParseSeverity accepts, for error messages.
func severityValues() []string { return []string{"1", "2", "3", "unset"} }

// UnmarshalTOML checks the severity read from a file, so that a bad value
// is reported with its line and column.
func (s *Severity) UnmarshalTOML(v any) error {
	n, ok := v.(int64)
	if !ok || n < 0 || n > 3 {
		return fmt.Errorf("severity must be 0 (unset), 1, 2 or 3, not %q", fmt.Sprint(v))
	}
	*s = Severity(n)
	return nil
}
