package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/sample"
	"github.com/warroom/warroom/model/store"
)

// BenchmarkIncidents200 runs `warroom incidents` on a folder of 200
// incidents of 1,000 entries (and 50 tasks) each, as the command line
// does; beside it, in the same run, its floor (reading the 200 files'
// bytes) and its peer (reading each whole, as a command on one incident
// that needs all of it does), to report the ratios of.
func BenchmarkIncidents200(b *testing.B) {
	s, err := sample.Large(model.DefaultCatalog(), time.Now().UTC(), &model.SeqIDs{}, 1000, 50)
	if err != nil {
		b.Fatal(err)
	}
	data, err := store.Encode(s)
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	for i := range 200 {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("inc-%03d.toml", i)), data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	env := func(k string) string { return map[string]string{"HOME": dir, "TZ": "UTC"}[k] }
	b.Run("incidents", func(b *testing.B) {
		for b.Loop() {
			var out, errOut bytes.Buffer
			if code := run([]string{"incidents", "--dir", dir}, strings.NewReader(""), &out, &errOut, env); code != 0 || strings.Count(out.String(), "\n") != 201 {
				b.Fatalf("exit %d: %s", code, errOut.String())
			}
		}
	})
	files, err := filepath.Glob(filepath.Join(dir, "*.toml"))
	if err != nil {
		b.Fatal(err)
	}
	b.Run("floor-read-bytes", func(b *testing.B) {
		for b.Loop() {
			for _, f := range files {
				if _, err := os.ReadFile(f); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	b.Run("peer-load-whole", func(b *testing.B) {
		for b.Loop() {
			for _, f := range files {
				if _, err := store.Load(f); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}
