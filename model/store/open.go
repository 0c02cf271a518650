package store

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"syscall"
)

// MaxFileSize is the largest incident file warroom reads: 256 MiB, over a
// million timeline entries. A larger file is refused with a clear error
// before any of it is read, rather than read into memory.
const MaxFileSize = 256 << 20

// openIncident opens the incident file at path for reading (and writing,
// with flag os.O_RDWR). It follows symbolic links, and refuses at once,
// without waiting, anything but a regular file of at most MaxFileSize: a
// FIFO (opened without blocking, so a FIFO nobody writes to cannot hang a
// process that holds the lock), a device such as /dev/zero, a directory.
func openIncident(path string, flag int) (*os.File, fs.FileInfo, error) {
	f, err := os.OpenFile(path, flag|syscall.O_NONBLOCK|syscall.O_CLOEXEC, 0)
	if err != nil {
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return nil, nil, &MissingError{Path: path}
		case errors.Is(err, syscall.EISDIR):
			return nil, nil, &NotRegularError{Path: path, What: "a directory"}
		case errors.Is(err, syscall.ENXIO):
			return nil, nil, &NotRegularError{Path: path, What: "a FIFO or socket"}
		}
		return nil, nil, fmt.Errorf("read incident: %w", err)
	}
	info, err := f.Stat()
	if err != nil {
		_ = f.Close()
		return nil, nil, fmt.Errorf("read incident: %w", err)
	}
	if err := checkRegular(path, info); err != nil {
		_ = f.Close()
		return nil, nil, err
	}
	return f, info, nil
}

// checkRegular refuses anything but a regular file of at most MaxFileSize.
func checkRegular(path string, info fs.FileInfo) error {
	m := info.Mode()
	switch {
	case m.IsRegular():
	case m.IsDir():
		return &NotRegularError{Path: path, What: "a directory"}
	case m&fs.ModeNamedPipe != 0:
		return &NotRegularError{Path: path, What: "a FIFO"}
	case m&fs.ModeSocket != 0:
		return &NotRegularError{Path: path, What: "a socket"}
	case m&fs.ModeDevice != 0:
		return &NotRegularError{Path: path, What: "a device"}
	default:
		return &NotRegularError{Path: path, What: "not a regular file"}
	}
	if info.Size() > MaxFileSize {
		return &TooLargeError{Path: path, Size: info.Size()}
	}
	return nil
}

// ReadFile reads the whole file at path, as every reader of an incident
// does: it follows symbolic links, and refuses at once, before reading,
// anything but a regular file of at most MaxFileSize (a *NotRegularError
// for a FIFO, a device such as /dev/zero or a directory; a
// *TooLargeError), or a file that is not there (a *MissingError). Errors
// name path as given. It suits a file read from elsewhere, such as the
// versions git hands a merge driver.
func ReadFile(path string) ([]byte, error) {
	data, _, err := readIncident(resolve(path))
	if err != nil {
		return nil, named(err, path)
	}
	return data, nil
}

// readIncident reads the whole incident file at path, checked as
// openIncident checks it.
func readIncident(path string) ([]byte, fs.FileInfo, error) {
	f, info, err := openIncident(path, os.O_RDONLY)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	data, err := readRange(f, 0, info.Size())
	if err != nil {
		return nil, nil, err
	}
	return data, info, nil
}

// readRange reads the bytes of f in [from, to). A file that shrank while
// being read gives what was there.
func readRange(f *os.File, from, to int64) ([]byte, error) {
	if to <= from {
		return nil, nil
	}
	buf := make([]byte, to-from)
	n, err := f.ReadAt(buf, from)
	if err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("read incident: %w", err)
	}
	return buf[:n], nil
}

// fileID tells one file from another: a save renames a new file over the
// old one, an append keeps it.
type fileID struct{ dev, ino uint64 }

func idOf(info fs.FileInfo) fileID {
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		return fileID{dev: uint64(st.Dev), ino: uint64(st.Ino)} //nolint:unconvert // types differ by platform
	}
	return fileID{}
}

// asMissing is errors.As for a *MissingError.
func asMissing(err error, target **MissingError) bool { return errors.As(err, target) }

// named makes the errors of openIncident name path, the name a caller
// gave, rather than the file a symbolic link led to.
func named(err error, path string) error {
	var me *MissingError
	var nr *NotRegularError
	var tl *TooLargeError
	switch {
	case errors.As(err, &me):
		me.Path = path
	case errors.As(err, &nr):
		nr.Path = path
	case errors.As(err, &tl):
		tl.Path = path
	}
	return err
}
