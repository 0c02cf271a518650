package i18n

import (
	"sync"
	"sync/atomic"
)

// Table is one package's translations into one language, keyed by the
// English format.
type Table struct {
	Name     string // the package that says these messages
	Lang     Lang
	Messages map[string]string
}

// registry holds the tables registered while packages are loaded, and
// the same tables merged into one map per language for lookups. Only
// Register writes it, from package initialisation.
var registry struct {
	mu     sync.Mutex
	tables []Table
	merged atomic.Pointer[map[Lang]map[string]string] // nil until the first lookup after a Register
}

// Register adds a package's translations into l. Call it from a package
// variable's initialiser (var _ = i18n.Register(...)), so that every table
// is in place before anything is said.
func Register(name string, l Lang, messages map[string]string) struct{} {
	registry.mu.Lock()
	defer registry.mu.Unlock()
	registry.tables = append(registry.tables, Table{Name: name, Lang: l, Messages: messages})
	registry.merged.Store(nil)
	return struct{}{}
}

// Tables returns every table registered, in the order registered.
func Tables() []Table {
	registry.mu.Lock()
	defer registry.mu.Unlock()
	return append([]Table(nil), registry.tables...)
}

// lookup finds msg's translation into l. The first table that translates
// a message wins; i18ntest.CheckTables keeps tables from disagreeing.
func lookup(l Lang, msg string) (string, bool) {
	merged := registry.merged.Load()
	if merged == nil {
		merged = merge()
	}
	tr, ok := (*merged)[l][msg]
	return tr, ok
}

// merge builds the lookup maps from the tables registered.
func merge() *map[Lang]map[string]string {
	registry.mu.Lock()
	defer registry.mu.Unlock()
	if m := registry.merged.Load(); m != nil {
		return m
	}
	out := map[Lang]map[string]string{}
	for _, t := range registry.tables {
		m := out[t.Lang]
		if m == nil {
			m = map[string]string{}
			out[t.Lang] = m
		}
		for en, tr := range t.Messages {
			if _, dup := m[en]; !dup {
				m[en] = tr
			}
		}
	}
	registry.merged.Store(&out)
	return &out
}
