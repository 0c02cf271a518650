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

// SetLimits sets, for one test, the size of file below which a change to
// records in place rewrites it, and the bounds of what may follow a
// checkpoint before the next change writes a new one. It returns what
// restores them. Tests that call it must not run in parallel.
func SetLimits(rewrite, tailMin, tailMax int64) (restore func()) {
	r, lo, hi := rewriteBelow.Load(), tailFloor.Load(), tailCeil.Load()
	rewriteBelow.Store(rewrite)
	tailFloor.Store(tailMin)
	tailCeil.Store(tailMax)
	return func() {
		rewriteBelow.Store(r)
		tailFloor.Store(lo)
		tailCeil.Store(hi)
	}
}

// CacheEvery makes every head cached, whatever its size, for one test; it
// returns what restores the threshold.
func CacheEvery() (restore func()) {
	n := cacheFrom.Load()
	cacheFrom.Store(0)
	return func() { cacheFrom.Store(n) }
}

// SharedCommits is how many first bytes DecodeShared reads once.
func SharedCommits(data ...[]byte) int { return sharedCommits(data) }
