package i18n

import (
	"regexp"
	"sort"
	"strings"
	"testing"
)

// TestTablesAgree fails when two tables translate the same English
// differently: only the first table's translation would ever be used.
func TestTablesAgree(t *testing.T) {
	names := []string{"esModel", "esReport", "esTUI", "esCLI"}
	first := map[string]int{}
	for i, table := range spanish {
		for en, es := range table {
			j, dup := first[en]
			if !dup {
				first[en] = i
				continue
			}
			if other := spanish[j][en]; other != es {
				t.Errorf("%q is %q in %s but %q in %s", en, other, names[j], es, names[i])
			}
		}
	}
}

// TestTranslationsKeepTheirVerbs fails when a translation does not fill in
// the same arguments as its English format: the same %-verbs, in any order.
func TestTranslationsKeepTheirVerbs(t *testing.T) {
	verb := regexp.MustCompile(`%(\[\d+\])?[-+# 0]*\d*(\.\d+)?[a-zA-Z%]`)
	verbs := func(s string) string {
		var out []string
		for _, v := range verb.FindAllString(s, -1) {
			out = append(out, regexp.MustCompile(`\[\d+\]`).ReplaceAllString(v, ""))
		}
		sort.Strings(out)
		return strings.Join(out, " ")
	}
	for _, table := range spanish {
		for en, es := range table {
			if verbs(en) != verbs(es) {
				t.Errorf("%q has verbs [%s] but its Spanish %q has [%s]", en, verbs(en), es, verbs(es))
			}
		}
	}
}
