package serve

import "testing"

// TestWindowSizesAreThoseOfATerminal: a client that asks for a window no
// terminal has (20000×20000, or negative) gets one the server can draw,
// since a screen is drawn whole at its size; real sizes pass as they are.
func TestWindowSizesAreThoseOfATerminal(t *testing.T) {
	for _, c := range []struct{ w, h, ww, wh int }{
		{120, 40, 120, 40}, {20000, 20000, maxWidth, maxHeight}, {-5, 30, 0, 30}, {1000, 500, 1000, 500},
	} {
		if got := windowSize(c.w, c.h); got.Width != c.ww || got.Height != c.wh {
			t.Errorf("%d×%d became %d×%d, want %d×%d", c.w, c.h, got.Width, got.Height, c.ww, c.wh)
		}
	}
}
