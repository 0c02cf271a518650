package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/i18n"
	"github.com/warroom/warroom/model/safetext"
	"github.com/warroom/warroom/model/sample"
	"github.com/warroom/warroom/model/store"
)

// maxDemoIncidents bounds demo --incidents.
const maxDemoIncidents = 1000

// writeHistory writes n incidents of the sample history to --dir, or to a
// new temporary folder, one file each, never over an existing file.
func (a *app) writeHistory(n int) error {
	dir := a.dirFlag
	if dir == "" {
		d, err := os.MkdirTemp("", "warroom-history-")
		if err != nil {
			return fmt.Errorf("demo: %w", err)
		}
		dir = d
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		return failf("%s: cannot make the folder: %s", safetext.Line(dir), unwrapPath(err))
	}
	hs, err := sample.History(a.catalog, time.Now().UTC().Truncate(time.Second), model.RandomIDs{}, n)
	if err != nil {
		return err
	}
	for _, s := range hs {
		path := filepath.Join(dir, strings.ToLower(s.Incident.ID)+".toml")
		if _, err := os.Lstat(path); !errors.Is(err, fs.ErrNotExist) {
			return &model.ConflictError{Reason: i18n.M("%s already exists; demo writes only new files: choose another --dir", path)}
		}
		data, err := store.Encode(s)
		if err != nil {
			return err
		}
		if err := store.WriteAtomic(path, data, 0o644); err != nil {
			return err
		}
	}
	a.say("wrote a history of %d incidents to %s; warroom incidents --dir %s lists them\n", n, safetext.Line(dir), safetext.Line(dir))
	return nil
}
