//go:build !linux

package hugeheap

// Transparent huge pages are Linux's; elsewhere the heap is left as the runtime lays it out.
func reserve(uintptr, bool) {}

func addressSpaceLimited() bool { return true }

func installedMemory() uint64 { return 0 }
