package store

import (
	"encoding/binary"
	"hash/crc32"
	"io/fs"
	"os"
	"syscall"
)

// A checkpoint is sealed by its sum line, but checking the sum costs a
// read of the whole checkpoint: tens of megabytes on a long incident, more
// than the rest of an append. So a reader that checked it remembers, in
// the head cache, the file it checked: which file (device and inode), its
// size and its time, where its checkpoint ends and its sum. While the
// file is still exactly so, its checkpoint is not read again. warroom
// never writes a checkpoint in place (a new one is a new file), and an
// edit in place changes the file's time; an append by warroom, which keeps
// the checkpoint, says so in the cache right after its write. Like the
// rest of the cache, the record is derived: a record that does not match
// the file, or that does not read, means only that the checkpoint is
// checked again.

// sealedFrom: a checkpoint shorter than this (1 MiB) is checked at every
// read, which costs well under a millisecond; no cache is kept for it.
const sealedFrom = 1 << 20

// sealRecord says that the checkpoint of one file matched its sum, when
// the file was as the record says.
type sealRecord struct {
	Dev, Ino uint64
	Size     int64
	ModTime  int64  // nanoseconds since 1970
	Ckpt     int64  // the end of the checkpoint
	Seal     string // its sum
}

// sealRecordLen is the length of a record in the cache file: six fields
// of eight bytes and a CRC-32C of them. It has a fixed place, right after
// cacheMagic, so that an append rewrites it in place.
const sealRecordLen = 6*8 + 4

// recordOf is the record of a file as info describes it, whose checkpoint
// ends at ckpt and is sealed by seal.
func recordOf(info fs.FileInfo, ckpt int64, seal string) sealRecord {
	id := idOf(info)
	return sealRecord{Dev: id.dev, Ino: id.ino, Size: info.Size(), ModTime: info.ModTime().UnixNano(), Ckpt: ckpt, Seal: seal}
}

// holds reports whether r is the record of a file as info describes it,
// whose checkpoint ends at ckpt and says it is sealed by seal.
func (r sealRecord) holds(info fs.FileInfo, ckpt int64, seal string) bool {
	return r.Ckpt > 0 && idOf(info) != fileID{} && r == recordOf(info, ckpt, seal)
}

// bytes encodes r; a record with no checkpoint encodes as zeros.
func (r sealRecord) bytes() []byte {
	b := make([]byte, 0, sealRecordLen)
	if r.Ckpt <= 0 || len(r.Seal) != 8 {
		return b[:sealRecordLen]
	}
	b = binary.LittleEndian.AppendUint64(b, r.Dev)
	b = binary.LittleEndian.AppendUint64(b, r.Ino)
	b = binary.LittleEndian.AppendUint64(b, uint64(r.Size))
	b = binary.LittleEndian.AppendUint64(b, uint64(r.ModTime))
	b = binary.LittleEndian.AppendUint64(b, uint64(r.Ckpt))
	b = append(b, r.Seal...)
	return binary.LittleEndian.AppendUint32(b, crc32.Checksum(b, castagnoli))
}

// readRecord decodes a record; one that does not check is no record.
func readRecord(b []byte) sealRecord {
	if len(b) != sealRecordLen || binary.LittleEndian.Uint32(b[sealRecordLen-4:]) != crc32.Checksum(b[:sealRecordLen-4], castagnoli) {
		return sealRecord{}
	}
	u := func(i int) uint64 { return binary.LittleEndian.Uint64(b[8*i:]) }
	return sealRecord{Dev: u(0), Ino: u(1), Size: int64(u(2)), ModTime: int64(u(3)), Ckpt: int64(u(4)), Seal: string(b[40:48])}
}

// keepSealed rewrites, in place, the record in the cache of the file at
// path: best effort, and only in a cache there already (keepHead writes
// one). A record cut short by a crash does not check, and is no record.
func keepSealed(path string, r sealRecord) {
	f, err := os.OpenFile(CachePath(path), os.O_RDWR|syscall.O_NOFOLLOW|syscall.O_NONBLOCK|syscall.O_CLOEXEC, 0)
	if err != nil {
		return
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil || !info.Mode().IsRegular() || info.Size() < int64(len(cacheMagic)+sealRecordLen) {
		return
	}
	magic := make([]byte, len(cacheMagic))
	if _, err := f.ReadAt(magic, 0); err != nil || string(magic) != cacheMagic {
		return
	}
	_, _ = f.WriteAt(r.bytes(), int64(len(cacheMagic)))
}

// checkSealed reports whether the first ckptSum bytes of f, of which
// prefix holds the first, match seal, the sum on the line that follows
// them.
func checkSealed(f *os.File, prefix []byte, ckptSum int64, seal string) (bool, error) {
	have := min(int64(len(prefix)), ckptSum)
	crc := crc32.Checksum(prefix[:have], castagnoli)
	buf := make([]byte, min(ckptSum-have, 1<<20))
	for at := have; at < ckptSum; {
		n, err := f.ReadAt(buf[:min(int64(len(buf)), ckptSum-at)], at)
		crc = crc32.Update(crc, castagnoli, buf[:n])
		at += int64(n)
		if err != nil && at < ckptSum {
			return false, err
		}
	}
	return formatSeal(crc) == seal, nil
}
