package i18n

import "testing"

func TestRegisteredTablesAreLookedUp(t *testing.T) {
	Register("test-a", Spanish, map[string]string{"open door": "puerta abierta"})
	if got := Spanish.T("open door"); got != "puerta abierta" {
		t.Fatalf("registered message: %q", got)
	}
	// A table registered after a lookup still counts.
	Register("test-b", Spanish, map[string]string{"%d doors": "%d puertas", "open door": "otra"})
	if got := Spanish.T("%d doors", 3); got != "3 puertas" {
		t.Errorf("later table: %q", got)
	}
	if got := Spanish.T("open door"); got != "puerta abierta" {
		t.Errorf("the first table to translate a message wins: %q", got)
	}
	if got := English.T("%d doors", 3); got != "3 doors" {
		t.Errorf("English: %q", got)
	}
	if got := Spanish.T("no such message"); got != "no such message" {
		t.Errorf("missing message: %q", got)
	}
	if !Spanish.Has("open door") || Spanish.Has("no such message") || !English.Has("anything") {
		t.Error("Has")
	}
}
