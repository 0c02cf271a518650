package store

import (
	"bytes"
	"os"

	"github.com/warroom/warroom/model"
)

// LoadKinds reads the incident at path with only the timeline entries
// need names (model.CommsKinds, say): everything else whole, the entries
// of those kinds in their order. On a long timeline it costs a scan of the
// file rather than decoding it: what a command that prints a summary of a
// few kinds needs.
func LoadKinds(path string, need model.TimelineNeed) (model.State, error) {
	if need.All {
		return Load(path)
	}
	f, info, err := openIncident(resolve(path), os.O_RDONLY)
	if err != nil {
		return model.State{}, named(err, path)
	}
	defer f.Close()
	v, ok, err := readHead(resolve(path), f, info)
	if err != nil {
		return model.State{}, err
	}
	if ok {
		es, ok, err := readKinds(resolve(path), f, v, need)
		if err != nil {
			return model.State{}, err
		}
		if ok {
			s := v.state
			s.Timeline = es
			return s, nil
		}
	}
	data, err := readRange(f, 0, info.Size())
	if err != nil {
		return model.State{}, err
	}
	s, err := Decode(path, data)
	s.Timeline = need.Filter(s.Timeline)
	return s, err
}

// readKinds reads the entries of the kinds need names from a clean file
// whose head v has read: it finds them by their kind line, without
// decoding the others. ok is false if the checkpoint does not match its
// sum (then read the file whole).
//
// The checkpoint's entries of summaryKinds come from the head cache when
// it holds them for this checkpoint (readHead has matched the checkpoint
// against its sum), and else they are picked and kept there.
func readKinds(path string, f *os.File, v headView, need model.TimelineNeed) ([]model.Entry, bool, error) {
	// The commits' entries: their bytes are in v already.
	var regions []span
	for _, c := range v.tail.commits {
		regions = append(regions, span{c.body - v.ckpt, c.sum - v.ckpt})
	}
	tail, ok := pickAndDecode(v.after, regions, need)
	if !ok {
		return nil, false, nil
	}
	if summaryKinds.Covers(need) {
		if kinds, cached := loadCache(path).summary(v.seal, v.ckptSum); cached {
			return joined(need.Filter(kinds), tail), true, nil
		}
	}
	data, err := readRange(f, 0, v.ckptSum)
	if err != nil {
		return nil, false, err
	}
	if int64(len(data)) < v.ckptSum || sealOf(data) != v.seal {
		return nil, false, nil
	}
	region := []span{{v.head, v.ckptSum}}
	if !summaryKinds.Covers(need) {
		es, ok := pickAndDecode(data, region, need)
		return joined(es, tail), ok, nil
	}
	kinds, ok := pickAndDecode(data, region, summaryKinds)
	if !ok {
		return nil, false, nil
	}
	if v.ckptSum >= 16*cacheFrom.Load() { // picking from a smaller file costs little
		keepSummary(path, v.seal, v.ckptSum, kinds, v.info.Mode().Perm())
	}
	return joined(need.Filter(kinds), tail), true, nil
}

// joined is a followed by b, in a slice of its own.
func joined(a, b []model.Entry) []model.Entry {
	if len(b) == 0 {
		return a
	}
	return append(append(make([]model.Entry, 0, len(a)+len(b)), a...), b...)
}

// pickAndDecode decodes the entries of the kinds need names in regions of
// data; ok is false if what was picked does not decode as entries.
func pickAndDecode(data []byte, regions []span, need model.TimelineNeed) ([]model.Entry, bool) {
	var picked bytes.Buffer
	for _, r := range regions {
		pickKinds(&picked, data, r, need)
	}
	if picked.Len() == 0 {
		return nil, true
	}
	d, err := decodePart(picked.Bytes())
	if err != nil || !d.Changed.empty() || !d.changed.empty() {
		return nil, false
	}
	return d.Timeline, true
}

// pickKinds copies to out the entries in region r of data whose kind need
// names. Entries are as warroom writes them: a [[timeline]] line, then one
// key a line, its kind among them.
func pickKinds(out *bytes.Buffer, data []byte, r span, need model.TimelineNeed) {
	const key = "\nkind = \""
	region := data[r.from:r.to]
	for pos := 0; ; {
		i := bytes.Index(region[pos:], []byte(key))
		if i < 0 {
			return
		}
		at := pos + i + len(key)
		q := bytes.IndexByte(region[at:], '"')
		if q < 0 {
			return
		}
		kind := model.Kind(region[at : at+q])
		pos = at + q
		if !need.Has(kind) {
			continue
		}
		start := bytes.LastIndex(region[:at], []byte("\n[[timeline]]\n")) + 1
		if start == 0 && !bytes.HasPrefix(region, timelineHeader) {
			continue
		}
		end := len(region)
		if j := bytes.Index(region[pos:], []byte("\n[[timeline]]\n")); j >= 0 {
			end = pos + j + 1
		}
		if out.Len() > 0 {
			out.WriteByte('\n')
		}
		out.Write(bytes.TrimRight(region[start:end], "\n"))
		out.WriteByte('\n')
		pos = end - 1
	}
}
