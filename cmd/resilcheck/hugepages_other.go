//go:build !linux

package main

// Transparent huge pages are Linux's; elsewhere the heap is left as the runtime lays it out.
func reserveHugePages(heapPlan) {}

func addressSpaceLimited() bool { return true }

func installedMemory() uint64 { return 0 }
