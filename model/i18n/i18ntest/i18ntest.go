// Package i18ntest helps tests find messages that have no translation:
// it reads a package's Go source for the string literals handed to the
// translating functions, so that a message added in English and never
// translated fails a test instead of showing up in English on a Spanish
// screen. (A test that looks for English on a rendered screen only knows
// the messages that have a translation.)
//
// It reads source files only; it is meant for tests.
package i18ntest

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/warroom/warroom/model/i18n"
)

// Spec says where messages are in the source.
type Spec struct {
	// Calls maps the last name of a called function or method ("t" for
	// o.t(...), "M" for i18n.M(...), "Word" for i18n.Word(...)) to the
	// position of its message argument, or -1 for every argument.
	Calls map[string]int
	// Fields lists struct fields whose literal values are messages
	// ("What" in &InvalidError{What: "role"}).
	Fields []string
}

// Literal is a message found in the source.
type Literal struct {
	Pos  string // file:line
	Text string
}

func (l Literal) String() string { return fmt.Sprintf("%s: %q", l.Pos, l.Text) }

// Literals returns the messages in the non-test .go files of dir: string
// literals with at least one letter, where spec says messages are.
func Literals(dir string, spec Spec) ([]Literal, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return nil, err
	}
	fields := map[string]bool{}
	for _, f := range spec.Fields {
		fields[f] = true
	}
	fset := token.NewFileSet()
	var out []Literal
	add := func(e ast.Expr) {
		lit, ok := e.(*ast.BasicLit)
		if !ok || lit.Kind != token.STRING {
			return
		}
		s, err := strconv.Unquote(lit.Value)
		if err != nil || !strings.ContainsFunc(s, unicode.IsLetter) {
			return
		}
		p := fset.Position(lit.Pos())
		out = append(out, Literal{Pos: fmt.Sprintf("%s:%d", filepath.Base(p.Filename), p.Line), Text: s})
	}
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			return nil, err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				var fn string
				switch x := n.Fun.(type) {
				case *ast.Ident:
					fn = x.Name
				case *ast.SelectorExpr:
					fn = x.Sel.Name
				}
				i, ok := spec.Calls[fn]
				switch {
				case !ok:
				case i < 0:
					for _, a := range n.Args {
						add(a)
					}
				case i < len(n.Args):
					add(n.Args[i])
				}
			case *ast.KeyValueExpr:
				if k, ok := n.Key.(*ast.Ident); ok && fields[k.Name] {
					add(n.Value)
				}
			}
			return true
		})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Pos < out[j].Pos })
	return out, nil
}

// Missing returns the literals that l has no translation for.
func Missing(lits []Literal, l i18n.Lang) []Literal {
	var out []Literal
	for _, lit := range lits {
		if !l.Has(lit.Text) {
			out = append(out, lit)
		}
	}
	return out
}

// CheckTables fails t for every pair of registered tables that translate
// the same English differently (only the first would ever be used), and
// for every translation that does not fill in the same %-verbs as its
// English. Call it from a package that loads every table: the command.
func CheckTables(t interface{ Errorf(string, ...any) }) {
	verb := regexp.MustCompile(`%(\[\d+\])?[-+# 0]*\d*(\.\d+)?[a-zA-Z%]`)
	index := regexp.MustCompile(`\[\d+\]`)
	verbs := func(s string) string {
		var out []string
		for _, v := range verb.FindAllString(s, -1) {
			out = append(out, index.ReplaceAllString(v, ""))
		}
		sort.Strings(out)
		return strings.Join(out, " ")
	}
	type seen struct{ table, text string }
	first := map[i18n.Lang]map[string]seen{}
	for _, table := range i18n.Tables() {
		if first[table.Lang] == nil {
			first[table.Lang] = map[string]seen{}
		}
		for en, tr := range table.Messages {
			if verbs(en) != verbs(tr) {
				t.Errorf("%s: %q has verbs [%s] but its translation %q has [%s]", table.Name, en, verbs(en), tr, verbs(tr))
			}
			if s, dup := first[table.Lang][en]; dup && s.text != tr {
				t.Errorf("%q is %q in %s but %q in %s", en, s.text, s.table, tr, table.Name)
			} else if !dup {
				first[table.Lang][en] = seen{table.Name, tr}
			}
		}
	}
}
