//go:build !linux

package reports

import "os"

// startWriteback is a hint only Linux takes (writeback_linux.go).
func startWriteback(*os.File, int64, int64) {}
