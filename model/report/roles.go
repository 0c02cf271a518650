package report

import (
	"fmt"
	"strings"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/i18n"
)

// Roles renders the role catalog: one line a role (position, name, names
// accepted on the command line, what it does) or, with long, every
// responsibility and other name too.
func Roles(roles []model.Role, o Options) string {
	c := o.catalog()
	t := table{}
	for _, r := range roles {
		txt := r.In(o.Lang)
		t.add(fmt.Sprint(c.Position(r.Key)+1), txt.Name, strings.Join(names(r), ", "), txt.Summary)
	}
	return t.String()
}

// RolesLong renders each role in full.
func RolesLong(roles []model.Role, o Options) string {
	c := o.catalog()
	var b strings.Builder
	for i, r := range roles {
		txt := r.In(o.Lang)
		if i > 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "%d  %s  (%s)\n", c.Position(r.Key)+1, txt.Name, strings.Join(names(r), ", "))
		for _, l := range []struct {
			lang i18n.Lang
			name string
		}{{i18n.English, "English"}, {i18n.Spanish, "Spanish"}} {
			lang, other := l.lang, l.name
			if lang != o.Lang && r.Text[lang].Name != "" && r.Text[lang].Name != txt.Name {
				fmt.Fprintf(&b, "   %s: %s\n", o.t(other), r.Text[lang].Name)
			}
		}
		b.WriteString("   " + o.t("Primary: %s", txt.Primary) + "\n")
		for _, s := range txt.Secondary {
			b.WriteString("   " + o.t("Also: %s", s) + "\n")
		}
		if len(txt.OtherNames) > 0 {
			b.WriteString("   " + o.t("Other names: %s", strings.Join(txt.OtherNames, "; ")) + "\n")
		}
	}
	return b.String()
}

// names lists a role's key and its aliases.
func names(r model.Role) []string {
	out := []string{r.Key}
	for _, a := range r.Aliases {
		if a != r.Key {
			out = append(out, a)
		}
	}
	return out
}
