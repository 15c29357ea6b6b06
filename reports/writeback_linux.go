package reports

import (
	"os"

	"golang.org/x/sys/unix"
)

// startWriteback asks the kernel to start writing a range of f to disk without waiting for
// it (sync_file_range, SYNC_FILE_RANGE_WRITE). Only a hint: the fsync at the end is what
// makes the report durable, so a failure here changes nothing but speed.
func startWriteback(f *os.File, off, n int64) {
	_ = unix.SyncFileRange(int(f.Fd()), off, n, unix.SYNC_FILE_RANGE_WRITE)
}
