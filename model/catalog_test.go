package model

import (
	"errors"
	"strings"
	"testing"

	"github.com/warroom/warroom/model/i18n"
)

func TestCatalogHasTheEightRolesInOrder(t *testing.T) {
	c := DefaultCatalog()
	want := []struct{ key, en, es string }{
		{"incident_manager", "Incident manager", "Gestor de incidentes"},
		{"tech_lead", "Tech lead", "Responsable técnico"},
		{"communications_manager", "Communications manager", "Gestor de comunicaciones"},
		{"customer_support_lead", "Customer support lead", "Responsable de atención al cliente"},
		{"subject_matter_expert", "Subject matter expert", "Experto en la materia"},
		{"social_media_lead", "Social media lead", "Responsable de redes sociales"},
		{"scribe", "Scribe", "Documentalista"},
		{"problem_manager", "Problem manager", "Gestor de problemas"},
	}
	roles := c.Roles()
	if len(roles) != len(want) {
		t.Fatalf("catalog has %d roles, want %d", len(roles), len(want))
	}
	for i, w := range want {
		r := roles[i]
		if r.Key != w.key || r.Name("en") != w.en || r.Name("es") != w.es {
			t.Errorf("role %d = %s %q %q, want %s %q %q", i+1, r.Key, r.Name("en"), r.Name("es"), w.key, w.en, w.es)
		}
		for _, lang := range i18n.Languages {
			txt := r.Text[lang]
			if txt.Primary == "" || txt.Summary == "" || len(txt.Secondary) == 0 {
				t.Errorf("%s (%s): missing primary, summary or secondary responsibilities", r.Key, lang)
			}
		}
		if r.Key != "scribe" && (len(r.Text["en"].OtherNames) == 0 || len(r.Text["es"].OtherNames) == 0) {
			t.Errorf("%s: the source article gives other names; the catalog has none", r.Key)
		}
	}
}

func TestLookupTakesKeysAndAliasesCaseInsensitively(t *testing.T) {
	c := DefaultCatalog()
	cases := map[string]string{
		"ic": "incident_manager", "IM": "incident_manager", "Commander": "incident_manager",
		"incident_commander": "incident_manager", "TL": "tech_lead", "tech": "tech_lead",
		"comms": "communications_manager", "cm": "communications_manager",
		"support": "customer_support_lead", "csl": "customer_support_lead",
		"sme": "subject_matter_expert", "expert": "subject_matter_expert",
		"social": "social_media_lead", "scribe": "scribe", "doc": "scribe",
		"pm": "problem_manager", "problem": "problem_manager", "RCA": "problem_manager",
		" tech_lead ": "tech_lead",
	}
	for in, want := range cases {
		r, err := c.Lookup(in)
		if err != nil || r.Key != want {
			t.Errorf("Lookup(%q) = %q, %v; want %q", in, r.Key, err, want)
		}
	}
}

func TestUnknownRoleListsTheValidOnes(t *testing.T) {
	_, err := DefaultCatalog().Lookup("captain")
	var ie *InvalidError
	if !errors.As(err, &ie) {
		t.Fatalf("Lookup(captain) error = %v, want *InvalidError", err)
	}
	msg := err.Error()
	for _, want := range []string{`"captain"`, "incident_manager", "tech_lead (tl, tech)", "problem_manager"} {
		if !strings.Contains(msg, want) {
			t.Errorf("error %q does not mention %q", msg, want)
		}
	}
}

func TestParseCatalogRejectsDuplicateNames(t *testing.T) {
	_, err := ParseCatalog([]byte(`
[[role]]
key = "incident_manager"
aliases = ["x"]
[role.text.en]
name = "IM"
[[role]]
key = "other"
aliases = ["x"]
[role.text.en]
name = "Other"
`))
	if err == nil || !strings.Contains(err.Error(), `"x"`) {
		t.Fatalf("duplicate alias accepted: %v", err)
	}
}

func TestParseRoleRef(t *testing.T) {
	c := DefaultCatalog()
	r, err := ParseRoleRef(c, "TL/database")
	if err != nil || r != ref("tech_lead", "database") {
		t.Fatalf("ParseRoleRef(TL/database) = %v, %v", r, err)
	}
	if got := r.Label(c, "en"); got != "Tech lead · database" {
		t.Errorf("label = %q", got)
	}
	if got := r.Label(c, "es"); got != "Responsable técnico · database" {
		t.Errorf("Spanish label = %q", got)
	}
	if _, err := ParseRoleRef(c, "ic/east"); err == nil {
		t.Error("the incident manager role accepted a workstream")
	}
	if _, err := ParseRoleRef(c, "nope/x"); err == nil || !strings.Contains(err.Error(), `"nope/x"`) {
		t.Errorf("unknown role: %v", err)
	}
}

func TestWithOverrides(t *testing.T) {
	c, err := DefaultCatalog().WithOverrides([]Role{
		{Key: "scribe", Text: map[i18n.Lang]RoleText{"en": {Name: "Note taker"}}},
		{Key: "security_lead", Aliases: []string{"sec"}, Text: map[i18n.Lang]RoleText{"en": {Name: "Security lead", Primary: "Owns containment."}}},
	}, map[Severity]string{Sev1: "all hands: revenue is stopped"})
	if err != nil {
		t.Fatal(err)
	}
	scribe, _ := c.Role("scribe")
	if scribe.Name("en") != "Note taker" || scribe.Name("es") != "Documentalista" || scribe.In("en").Primary == "" {
		t.Errorf("renamed scribe: %+v", scribe)
	}
	if r, err := c.Lookup("SEC"); err != nil || r.Key != "security_lead" || c.Position("security_lead") != 8 {
		t.Errorf("added role: %v %v", r.Key, err)
	}
	if c.SeverityDefinition(Sev1) != "all hands: revenue is stopped" || c.SeverityDefinition(Sev2) != Sev2.Definition() {
		t.Error("severity definitions")
	}
	if orig, _ := DefaultCatalog().Role("scribe"); orig.Name("en") != "Scribe" {
		t.Error("the overrides changed the built-in catalog")
	}
	if _, err := DefaultCatalog().WithOverrides([]Role{{Key: "x", Aliases: []string{"tl"}, Text: map[i18n.Lang]RoleText{"en": {Name: "X"}}}}, nil); err == nil {
		t.Error("an alias already taken was accepted")
	}
}
