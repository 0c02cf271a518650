package store

import (
	"bytes"
	"testing"
	"time"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/sample"
)

// TestLongTimelinesEncodeInPartsAsAWhole: a timeline long enough to be
// encoded in parts on several cores gives the very bytes of encoding it
// in one go, at part boundaries and around them.
func TestLongTimelinesEncodeInPartsAsAWhole(t *testing.T) {
	end := time.Date(2026, 11, 25, 20, 0, 0, 0, time.UTC)
	s, err := sample.Large(model.DefaultCatalog(), end, &model.SeqIDs{}, 3*encodePart+17, 50)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []int{2*encodePart - 1, 2 * encodePart, 2*encodePart + 1, len(s.Timeline)} {
		es := s.Timeline[:n]
		whole, err := encodeTimeline(es)
		if err != nil {
			t.Fatal(err)
		}
		parts, err := encodeEntries(es)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(whole, parts.text) {
			i := 0
			for i < min(len(whole), len(parts.text)) && whole[i] == parts.text[i] {
				i++
			}
			t.Fatalf("%d entries: the parts differ from the whole at byte %d: %q vs %q", n, i,
				whole[max(0, i-40):min(len(whole), i+40)], parts.text[max(0, i-40):min(len(parts.text), i+40)])
		}
	}
}
