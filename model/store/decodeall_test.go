package store_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"reflect"
	"testing"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/store"
)

// TestDecodeAllTakesEveryByte: a whole file reads as Decode reads it,
// changes appended included; text after the last sum line, which Decode
// leaves out, is data to DecodeAll, as to Accept; a newer schema and a
// mistake are refused.
func TestDecodeAllTakesEveryByte(t *testing.T) {
	path := writeState(t, smallState(t))
	for _, text := range []string{"first", "second"} {
		if _, err := store.Update(context.Background(), path, false, appendLog("bob", text)); err != nil {
			t.Fatal(err)
		}
	}
	data := readFile(t, path)
	want, err := store.Decode(path, data)
	if err != nil {
		t.Fatal(err)
	}
	got, err := store.DecodeAll(path, data)
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("a whole file: %v, or not as Decode reads it", err)
	}

	byHand := append(append([]byte(nil), data...), "\n[[timeline]]\nid = \"ehand\"\nat = 2026-11-25T23:50:00Z\nby = \"dana\"\nkind = \"note\"\ntext = \"added by hand\"\n"...)
	if s, _ := store.Decode(path, byHand); len(s.Timeline) != len(want.Timeline) {
		t.Fatalf("Decode read %d entries of a file with one added by hand, want %d", len(s.Timeline), len(want.Timeline))
	}
	got, err = store.DecodeAll(path, byHand)
	if err != nil || len(got.Timeline) != len(want.Timeline)+1 || got.Timeline[len(got.Timeline)-1].Text != "added by hand" {
		t.Errorf("DecodeAll of a file with an entry added by hand: %v", err)
	}

	var se *store.SchemaError
	newer := bytes.Replace(data, []byte(fmt.Sprintf("schema = %d\n", model.Schema)), []byte("schema = 99\n"), 1)
	if _, err := store.DecodeAll(path, newer); !errors.As(err, &se) || bytes.Equal(newer, data) {
		t.Errorf("a newer schema: %v", err)
	}
	var fe *store.FileError
	if _, err := store.DecodeAll(path, append(append([]byte(nil), data...), "[[timeline]\n"...)); !errors.As(err, &fe) || fe.Line == 0 {
		t.Errorf("a mistake: %v, want its line", err)
	}
	if _, err := store.DecodeAll(path, []byte("[package]\nname = \"x\"\n")); err == nil {
		t.Error("a TOML file that is no incident was read")
	}
}
