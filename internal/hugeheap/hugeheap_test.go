package hugeheap

import "testing"

func TestAllows(t *testing.T) {
	const madvise, gb = "always [madvise] never\n", uint64(1 << 30)
	tests := []struct {
		name string
		sys  System
		ask  uint64
		want uint64
	}{
		{"a large machine", System{THPMode: madvise, Overcommit: "0\n", RAM: 16 * gb}, LargeReservation, LargeReservation},
		{"unknown memory", System{THPMode: madvise, Overcommit: "1"}, LargeReservation, LargeReservation},
		{"a quarter of a small machine", System{THPMode: madvise, RAM: 2 * gb}, LargeReservation, gb / 2},
		{"the start on a small machine", System{THPMode: madvise, RAM: 2 * gb}, StartReservation, StartReservation},
		{"too small a machine", System{THPMode: madvise, RAM: 200 << 20}, StartReservation, 0},
		{"huge pages always on", System{THPMode: "[always] madvise never", RAM: 16 * gb}, StartReservation, 0},
		{"huge pages off", System{THPMode: "always madvise [never]", RAM: 16 * gb}, StartReservation, 0},
		{"no huge pages in the kernel", System{RAM: 16 * gb}, StartReservation, 0},
		{"strict overcommit", System{THPMode: madvise, Overcommit: "2\n", RAM: 16 * gb}, StartReservation, 0},
		{"address space limited", System{THPMode: madvise, AddressSpaceLimited: true, RAM: 16 * gb}, StartReservation, 0},
	}
	for _, tt := range tests {
		if got := tt.sys.Allows(tt.ask); got != tt.want {
			t.Errorf("%s: Allows(%d) = %d, want %d", tt.name, tt.ask, got, tt.want)
		}
	}
}

func TestOff(t *testing.T) {
	for _, tt := range []struct {
		value string
		off   bool
	}{{"off", true}, {"", false}, {"on", false}, {"OFF", false}} {
		if got := Off(func(k string) string {
			if k == EnvSwitch {
				return tt.value
			}
			return ""
		}); got != tt.off {
			t.Errorf("%s=%q: Off = %v", EnvSwitch, tt.value, got)
		}
	}
	if Off(nil) {
		t.Error("no environment turned huge pages off")
	}
}
