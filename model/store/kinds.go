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
		es, ok, err := readKinds(f, v, need)
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
func readKinds(f *os.File, v headView, need model.TimelineNeed) ([]model.Entry, bool, error) {
	data, err := readRange(f, 0, v.tail.end)
	if err != nil {
		return nil, false, err
	}
	if int64(len(data)) < v.tail.end || sealOf(data[:v.ckptSum]) != v.seal {
		return nil, false, nil
	}
	regions := []span{{v.head, v.ckptSum}}
	for _, c := range v.tail.commits {
		regions = append(regions, span{c.body, c.sum})
	}
	var picked bytes.Buffer
	for _, r := range regions {
		pickKinds(&picked, data, r, need)
	}
	if picked.Len() == 0 {
		return nil, true, nil
	}
	d, err := decodePart(picked.Bytes())
	if err != nil || !d.Changed.empty() {
		return nil, false, nil
	}
	return d.Timeline, true, nil
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
