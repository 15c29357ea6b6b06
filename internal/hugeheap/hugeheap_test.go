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
		{"a quarter of a container's limit", System{THPMode: madvise, RAM: 16 * gb, MemoryLimit: 1 * gb}, LargeReservation, gb / 4},
		{"the start in a small container", System{THPMode: madvise, RAM: 16 * gb, MemoryLimit: 256 << 20}, StartReservation, StartReservation},
		{"the start on a small machine", System{THPMode: madvise, RAM: 2 * gb}, StartReservation, StartReservation},
		{"too small a machine", System{THPMode: madvise, RAM: 200 << 20}, StartReservation, 0},
		{"too small a container", System{THPMode: madvise, RAM: 16 * gb, MemoryLimit: 200 << 20}, StartReservation, 0},
		{"huge pages always on", System{THPMode: "[always] madvise never", RAM: 16 * gb}, StartReservation, 0},
		{"huge pages off", System{THPMode: "always madvise [never]", RAM: 16 * gb}, StartReservation, 0},
		{"huge pages off for the process", System{THPMode: madvise, THPDisabled: true, RAM: 16 * gb}, StartReservation, 0},
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

func TestContainerLimit(t *testing.T) {
	for _, tt := range []struct {
		v2, v1 string
		want   uint64
	}{
		{"1073741824\n", "", 1 << 30},
		{"max\n", "", 0},
		{"", "536870912\n", 512 << 20},
		{"", "9223372036854771712\n", 0}, // v1's "no limit"
		{"", "", 0},
		{"garbage", "", 0},
	} {
		if got := ContainerLimit(tt.v2, tt.v1); got != tt.want {
			t.Errorf("ContainerLimit(%q, %q) = %d, want %d", tt.v2, tt.v1, got, tt.want)
		}
	}
}

func TestOff(t *testing.T) {
	for _, tt := range []struct {
		env map[string]string
		off bool
	}{
		{map[string]string{EnvSwitch: "off"}, true},
		{map[string]string{EnvSwitch: ""}, false},
		{map[string]string{EnvSwitch: "on"}, false},
		{map[string]string{EnvSwitch: "OFF"}, false},
		{map[string]string{"GODEBUG": "disablethp=1"}, true},
		{map[string]string{"GODEBUG": "gctrace=1, disablethp=1"}, true},
		{map[string]string{"GODEBUG": "disablethp=1,disablethp=0"}, false},
		{map[string]string{"GODEBUG": "disablethp=0"}, false},
		{map[string]string{"GODEBUG": "xdisablethp=1"}, false},
	} {
		if got := Off(func(k string) string { return tt.env[k] }); got != tt.off {
			t.Errorf("%v: Off = %v", tt.env, got)
		}
	}
	if Off(nil) {
		t.Error("no environment turned huge pages off")
	}
}
