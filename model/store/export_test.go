package store

import (
	"time"

	"github.com/warroom/warroom/model"
)

// NewWriterWait is NewWriter with each save attempt bounded by wait rather
// than LockWait, so that tests need not wait 15 s for a held lock.
func NewWriterWait(path string, catalog *model.Catalog, wait time.Duration) *Writer {
	return newWriter(path, catalog, wait)
}
