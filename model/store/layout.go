package store

import (
	"bytes"
	"fmt"
	"hash/crc32"
)

// The file as bytes (see "The file" in the README):
//
//	# header comments
//	schema = 2
//	[checkpoint]                bytes, counts        ┐
//	[incident] … [[followups]]  the head             │ the checkpoint: written
//	[[timeline]] … [[timeline]]                      │ whole by an atomic rewrite
//	sum = "1a2b3c4d"                                 ┘
//	                            (blank line)         ┐
//	[[changed.tasks]] …         records it changed   │ a commit: one append,
//	[[timeline]] …              entries it wrote     │ one write and one fsync
//	sum = "5e6f7a8b"                                 ┘
//	…                           more commits
//
// A sum line closes the checkpoint and every commit: the CRC-32C of the
// bytes from the start of the checkpoint or commit up to the sum line. What
// follows the last sum line was not written whole and is never data.

// sumLineLen is the length of a sum line with its newline.
const sumLineLen = len(`sum = "1a2b3c4d"`) + 1

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// sealOf is the sum of b, as it is written in a sum line.
func sealOf(b []byte) string { return formatSeal(crc32.Checksum(b, castagnoli)) }

// formatSeal writes a CRC-32C as a sum line has it.
func formatSeal(crc uint32) string { return fmt.Sprintf("%08x", crc) }

// sumLine is the sum line closing b.
func sumLine(b []byte) []byte { return []byte(`sum = "` + sealOf(b) + "\"\n") }

// parseSum reads the value of a sum line, given without its newline.
func parseSum(line []byte) (string, bool) {
	if len(line) != sumLineLen-1 || !bytes.HasPrefix(line, []byte(`sum = "`)) || line[len(line)-1] != '"' {
		return "", false
	}
	v := line[len(`sum = "`) : len(line)-1]
	for _, c := range v {
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return "", false
		}
	}
	return string(v), true
}

// timelineHeader opens every entry.
var timelineHeader = []byte("[[timeline]]\n")

// lineIndex returns the offset of the first line of b, at or after from,
// that starts with prefix, or -1.
func lineIndex(b []byte, prefix []byte, from int) int {
	if from == 0 && bytes.HasPrefix(b, prefix) {
		return 0
	}
	if from > 0 {
		from-- // the newline ending the line before
	}
	i := bytes.Index(b[from:], append([]byte{'\n'}, prefix...))
	if i < 0 {
		return -1
	}
	return from + i + 1
}

// commit is one commit in the file, by offsets into it.
type commit struct {
	start int64 // its first byte
	body  int64 // its first [[timeline]] line: the records it changed come before
	sum   int64 // its sum line
	end   int64 // just after its sum line
	seal  string
}

// restKind says what follows the last sum line.
type restKind int

const (
	restNone    restKind = iota // nothing: the file ends with a sum line
	restComment                 // blank and comment lines only
	restTorn                    // anything else: a write cut short, or a hand edit not accepted
)

// tailScan is what follows a checkpoint: its commits, where the whole ones
// end, and what comes after them.
type tailScan struct {
	commits []commit
	end     int64 // end of the last whole commit, or of the checkpoint
	rest    restKind
	// bad names the first commit whose sum does not match what it
	// closes: the file was changed after it was written.
	bad *commit
}

// scanTail reads the commits in b, which starts at file offset base, just
// after a checkpoint or a commit.
func scanTail(b []byte, base int64) tailScan {
	out := tailScan{end: base}
	pos := 0
	for pos < len(b) {
		i := bytes.Index(b[pos:], []byte("\nsum = \""))
		if i < 0 {
			break
		}
		ls := pos + i + 1
		nl := bytes.IndexByte(b[ls:], '\n')
		if nl < 0 {
			break // the sum line itself is cut short
		}
		le := ls + nl
		c := commit{start: base + int64(pos), sum: base + int64(ls), end: base + int64(le+1)}
		seal, ok := parseSum(b[ls:le])
		if !ok || seal != sealOf(b[pos:ls]) {
			if onlyBlank(b[le+1:]) && (!ok || bytes.IndexByte(b[pos:le], 0) >= 0) {
				// The last write was damaged: zeros a crash left, or no
				// sum line of warroom's. The rest from pos is torn.
				break
			}
			// A whole sum line that does not match what it closes: the
			// commit was changed after it was written, the last one as
			// much as any other.
			c.seal = seal
			out.bad = &c
			return out
		}
		c.seal = seal
		c.body = c.sum
		if j := lineIndex(b[pos:ls], timelineHeader, 0); j >= 0 {
			c.body = c.start + int64(j)
		}
		out.commits = append(out.commits, c)
		out.end = c.end
		pos = le + 1
	}
	out.rest = classifyRest(b[pos:])
	return out
}

// classifyRest says what trailing bytes that no sum line closes are.
func classifyRest(b []byte) restKind {
	if len(b) == 0 {
		return restNone
	}
	if bytes.IndexByte(b, 0) >= 0 || onlyBlank(b) {
		return restTorn
	}
	for _, line := range bytes.Split(b, []byte("\n")) {
		t := bytes.TrimLeft(line, " \t\r")
		if len(t) > 0 && t[0] != '#' {
			return restTorn
		}
	}
	return restComment
}

// onlyBlank reports whether b holds nothing but white space.
func onlyBlank(b []byte) bool { return len(bytes.TrimSpace(b)) == 0 }

// fileState is how far a file can be trusted.
type fileState int

const (
	// stateLegacy: no checkpoint table, as from earlier builds (schema 1)
	// or with an empty timeline: the whole file is data.
	stateLegacy fileState = iota
	// stateClean: the checkpoint and every commit match their sums.
	stateClean
	// stateEdited: a sum does not match what it closes: the file was
	// changed after warroom wrote it. Everything up to the last sum line
	// is data.
	stateEdited
	// stateShort: a checkpoint table but no sum line closing the
	// checkpoint: the file was cut short.
	stateShort
)

// layout is what a look at a whole file found.
type layout struct {
	size    int64
	head    int64 // the first [[timeline]] line; size when there is none
	state   fileState
	ckptSum int64 // the checkpoint's sum line
	ckpt    int64 // the end of the checkpoint
	seal    string
	tail    tailScan
	// dataEnd: what is data ends here (the rest is torn or comments).
	dataEnd int64
}

// analyze looks at a whole file. sealed says whether its head has a
// checkpoint table.
func analyze(data []byte, sealed bool) layout {
	size := int64(len(data))
	lay := layout{size: size, head: size, dataEnd: size}
	if h := lineIndex(data, timelineHeader, 0); h >= 0 {
		lay.head = int64(h)
	}
	if !sealed {
		return lay
	}
	s := lineIndex(data, []byte(`sum = "`), int(lay.head))
	if s < 0 {
		lay.state = stateShort
		return lay
	}
	nl := bytes.IndexByte(data[s:], '\n')
	if nl < 0 {
		lay.state = stateShort
		return lay
	}
	seal, ok := parseSum(data[s : s+nl])
	lay.ckptSum, lay.ckpt, lay.seal = int64(s), int64(s+nl+1), seal
	lay.tail = scanTail(data[lay.ckpt:], lay.ckpt)
	lay.dataEnd = lay.tail.end
	if !ok || seal != sealOf(data[:s]) || lay.tail.bad != nil {
		lay.state = stateEdited
		// Everything up to the last sum line is data.
		if last := lastSumEnd(data); last > lay.dataEnd {
			lay.dataEnd = last
		}
		lay.tail.rest = classifyRest(data[lay.dataEnd:])
		return lay
	}
	lay.state = stateClean
	return lay
}

// lastSumEnd is the end of the last line of data that is a sum line, or 0.
func lastSumEnd(data []byte) int64 {
	for end := len(data); end > 0; {
		i := bytes.LastIndex(data[:end], []byte("\nsum = \""))
		if i < 0 {
			return 0
		}
		ls := i + 1
		nl := bytes.IndexByte(data[ls:], '\n')
		if nl >= 0 {
			if _, ok := parseSum(data[ls : ls+nl]); ok {
				return int64(ls + nl + 1)
			}
		}
		end = i
	}
	return 0
}
