package model

import (
	"errors"
	"testing"

	"github.com/warroom/warroom/model/i18n"
)

func TestParseWord(t *testing.T) {
	type fruit string
	fruits := []fruit{"apple", "pear", "blood_orange"}
	for _, c := range []struct {
		in   string
		want fruit
		err  string // the English error, when the word is refused
	}{
		{in: "apple", want: "apple"},
		{in: "PEAR", want: "pear"},
		{in: "  Blood_Orange\t", want: "blood_orange"},
		{in: "plum", err: `unknown fruit "plum"; valid: apple, pear, blood_orange`},
		{in: "blood orange", err: `unknown fruit "blood orange"; valid: apple, pear, blood_orange`},
		{in: "  ", err: `unknown fruit "  "; valid: apple, pear, blood_orange`},
		{in: "", err: `no fruit given; valid: apple, pear, blood_orange`},
	} {
		got, err := ParseWord("fruit", c.in, fruits)
		switch {
		case c.err == "" && (err != nil || got != c.want):
			t.Errorf("%q: got %q, %v; want %q", c.in, got, err, c.want)
		case c.err != "" && (err == nil || err.Error() != c.err || got != ""):
			t.Errorf("%q: got %q, %v; want the error %q", c.in, got, err, c.err)
		case c.err != "":
			var ie *InvalidError
			if !errors.As(err, &ie) || ie.Value != c.in || len(ie.Valid) != len(fruits) {
				t.Errorf("%q: %#v is not an InvalidError that keeps what was typed and lists the fruits", c.in, err)
			}
		}
	}
}

// The parsers built on ParseWord keep their words and their errors, in
// English and in Spanish.
func TestWordParsers(t *testing.T) {
	if a, err := ParseAudience(" Internal "); err != nil || a != AudienceInternal {
		t.Errorf("ParseAudience: %q, %v", a, err)
	}
	if c, err := ParseChannel("CALLS"); err != nil || c != ChannelCalls {
		t.Errorf("ParseChannel: %q, %v", c, err)
	}
	for _, c := range []struct {
		err    error
		en, es string
	}{
		{second(ParseAudience("press")), `unknown audience "press"; valid: external, internal, executive, social`,
			`público: valor desconocido "press"; valores válidos: external, internal, executive, social`},
		{second(ParseChannel("fax")), `unknown channel "fax"; valid: tickets, calls, social`,
			`canal: valor desconocido "fax"; valores válidos: tickets, calls, social`},
		{second(ParseStatus("asleep")), `unknown status "asleep"; valid: investigating, identified, monitoring, resolved, closed`,
			`estado desconocido: "asleep"; valores válidos: investigating, identified, monitoring, resolved, closed`},
		{second(ParseLogKind(" Handoff")), `unknown kind " Handoff"; valid: note, decision, action, theory, followup; "handoff" entries are written by warroom itself`,
			`tipo de entrada desconocido: " Handoff"; valores válidos: note, decision, action, theory, followup; las entradas de tipo "handoff" las escribe warroom por su cuenta`},
	} {
		if got := c.err.Error(); got != c.en {
			t.Errorf("English:\n got %s\nwant %s", got, c.en)
		}
		if got := Explain(c.err, i18n.Spanish); got != c.es {
			t.Errorf("Spanish:\n got %s\nwant %s", got, c.es)
		}
	}
}

func second[T any](_ T, err error) error { return err }

// Every role key the code names is a role of the built-in catalog.
func TestRoleKeyConstantsAreInTheCatalog(t *testing.T) {
	c := DefaultCatalog()
	for _, k := range []string{IncidentManager, TechLead, CommunicationsManager, CustomerSupportLead,
		SubjectMatterExpert, SocialMediaLead, Scribe, ProblemManager} {
		if _, ok := c.Role(k); !ok {
			t.Errorf("%s is not a role of the built-in catalog", k)
		}
	}
}

// An entry keeps an update's audience and a customer report's channel in
// one field of the file; each is read only for the kinds that hold it.
func TestEntryAudienceAndChannel(t *testing.T) {
	for _, c := range []struct {
		e   Entry
		aud Audience
		ch  Channel
	}{
		{Entry{Kind: KindComms, Channel: "external"}, AudienceExternal, ""},
		{Entry{Kind: KindCommsDraft, Channel: "social"}, AudienceSocial, ""},
		{Entry{Kind: KindCommsRejected, Channel: "executive"}, AudienceExecutive, ""},
		{Entry{Kind: KindCustomers, Channel: "social"}, "", ChannelSocial},
		{Entry{Kind: KindCustomerReport, Channel: "calls"}, "", ChannelCalls},
		{Entry{Kind: KindSocialPost, Channel: "social"}, "", ChannelSocial},
		{Entry{Kind: KindNote, Channel: "external"}, "", ""},
	} {
		if got := c.e.Audience(); got != c.aud {
			t.Errorf("%s: audience %q, want %q", c.e.Kind, got, c.aud)
		}
		if got := c.e.CustomerChannel(); got != c.ch {
			t.Errorf("%s: channel %q, want %q", c.e.Kind, got, c.ch)
		}
	}
}
