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

func TestPluralForms(t *testing.T) {
	Register("test-plural", Spanish, map[string]string{"%d open|%d open": "%d abierta|%d abiertas"})
	cases := []struct {
		l    Lang
		n    int
		want string
	}{
		{English, 1, "1 open"}, {English, 2, "2 open"}, {Spanish, 1, "1 abierta"}, {Spanish, 0, "0 abiertas"}, {Spanish, 5, "5 abiertas"},
	}
	for _, c := range cases {
		if got := c.l.N(c.n, "%d open|%d open", c.n); got != c.want {
			t.Errorf("%s %d: %q, want %q", c.l, c.n, got, c.want)
		}
	}
	if got := English.N(1, "%d task|%d tasks", 1); got != "1 task" {
		t.Errorf("English singular: %q", got)
	}
	if got := English.N(3, "%d task|%d tasks", 3); got != "3 tasks" {
		t.Errorf("English plural: %q", got)
	}
}
