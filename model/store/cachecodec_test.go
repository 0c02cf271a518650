package store

import (
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/warroom/warroom/model"
)

// fill sets every field of v, recursively, to a value of its own: the
// n-th string field to "s<n>", numbers to n, times to n seconds after a
// fixed time, in UTC.
func fill(v reflect.Value, n *int) {
	switch v.Kind() {
	case reflect.Struct:
		if v.Type() == reflect.TypeFor[time.Time]() {
			*n++
			v.Set(reflect.ValueOf(time.Date(2026, 1, 1, 0, 0, *n, *n*1000, time.UTC)))
			return
		}
		for i := range v.NumField() {
			fill(v.Field(i), n)
		}
	case reflect.Slice:
		s := reflect.MakeSlice(v.Type(), 2, 2)
		for i := range 2 {
			fill(s.Index(i), n)
		}
		v.Set(s)
	case reflect.String:
		*n++
		v.SetString(fmt.Sprintf("s%d", *n))
	case reflect.Int, reflect.Int64, reflect.Int32:
		*n++
		v.SetInt(int64(*n))
	case reflect.Uint32, reflect.Uint64:
		*n++
		v.SetUint(uint64(*n))
	case reflect.Bool:
		v.SetBool(true)
	default:
		panic(fmt.Sprintf("fill: a field of kind %s; teach the cache codec and this test about it", v.Kind()))
	}
}

// TestCacheCodecCoversEveryField: every field of the incident's head
// survives the head cache. It fails when a field is added to the model
// and not to the cache's codec (cachecodec.go), which would lose it.
func TestCacheCodecCoversEveryField(t *testing.T) {
	var s model.State
	n := 0
	fill(reflect.ValueOf(&s).Elem(), &n)
	kinds := s.Timeline
	s.Timeline = nil
	c := headCache{Head: [32]byte{1, 2, 3}, HeadLen: 1234, At: 99, Seal: "0badf00d", State: s,
		KindsSeal: "1234abcd", KindsEnd: 777, Kinds: kinds}
	data, err := c.encode()
	if err != nil {
		t.Fatal(err)
	}
	back, err := decodeCache(data)
	if err != nil {
		t.Fatal(err)
	}
	if back.Head != c.Head || back.HeadLen != c.HeadLen || back.At != c.At || back.Seal != c.Seal || !reflect.DeepEqual(back.State, c.State) {
		t.Fatalf("the head cache loses fields:\nwrote %+v\nread  %+v", c.State, back.State)
	}
	if _, ok := back.summary("1234abcd", 778); ok {
		t.Error("entries of another checkpoint's end")
	}
	if got, ok := back.summary("1234abcd", 777); !ok || !reflect.DeepEqual(got, kinds) {
		t.Fatalf("the cache loses entry fields:\nwrote %+v\nread  %+v", kinds, got)
	}
	// Nil and empty sections read back as they were: merges compare them.
	s.Tasks, s.People = nil, []model.Person{}
	c.State = s
	data, _ = c.encode()
	if back, err := decodeCache(data); err != nil || back.State.Tasks != nil || back.State.People == nil {
		t.Errorf("nil and empty sections: %v", err)
	}
	// Cut anywhere, it is not a cache (or, cut in its entries, it has
	// none).
	for i := 0; i < len(data); i += 7 {
		c, err := decodeCache(data[:i])
		if err != nil {
			continue
		}
		if _, ok := c.summary("1234abcd", 777); ok {
			t.Fatalf("a cache cut at %d read whole", i)
		}
	}
}

// TestCacheCodecMatchesTOML: a head read from TOML and through the cache
// is the same, times included.
func TestCacheCodecMatchesTOML(t *testing.T) {
	src := "schema = 2\n[incident]\nid = \"I\"\ndeclared = 2026-11-25T14:09:30.123Z\n[[tasks]]\nid = \"t\"\ncreated = 2026-11-25T14:09:30Z\nupdated = 2026-11-25T14:09:31.000000001Z\n[tasks.clock]\nstate = \"2026-11-25T14:09:30.000Z.0001@r\"\n"
	var s model.State
	if _, err := toml.Decode(src, &s); err != nil {
		t.Fatal(err)
	}
	data, err := headCache{State: s}.encode()
	if err != nil {
		t.Fatal(err)
	}
	back, err := decodeCache(data)
	if err != nil || !reflect.DeepEqual(back.State, s) {
		t.Fatalf("through the cache: %+v, %v; want %+v", back, err, s)
	}
	// A time with an offset is not cached: it would come back in UTC.
	s.Incident.Declared = s.Incident.Declared.In(time.FixedZone("CET", 3600))
	if _, err := (headCache{State: s}).encode(); err == nil {
		t.Error("a time with an offset was cached")
	}
}
