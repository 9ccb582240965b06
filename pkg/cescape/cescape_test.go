package cescape

import "testing"

func TestControl(t *testing.T) {
	want := map[byte]byte{'a': 7, 'b': 8, 'e': 27, 'f': 12, 'n': 10, 'r': 13, 't': 9, 'v': 11}
	for c := range 256 {
		got, ok := Control(byte(c))
		w, wok := want[byte(c)]
		if got != w || ok != wok {
			t.Errorf("Control(%q) = %d, %v; want %d, %v", byte(c), got, ok, w, wok)
		}
	}
}

func TestNumber(t *testing.T) {
	for _, tc := range []struct {
		s             string
		max, base     int
		value, digits int
	}{
		{"101", 3, 8, 0o101, 3}, {"1019", 3, 8, 0o101, 3}, {"18", 3, 8, 1, 1}, {"8", 3, 8, 0, 0},
		{"7777", 3, 8, 0o777, 3}, {"", 3, 8, 0, 0}, {"fF", 2, 16, 255, 2}, {"aBc", 2, 16, 0xab, 2},
		{"g", 2, 16, 0, 0}, {"9z", 2, 16, 9, 1},
	} {
		v, n := Number(tc.s, tc.max, tc.base)
		if v != tc.value || n != tc.digits {
			t.Errorf("Number(%q, %d, %d) = %d, %d; want %d, %d", tc.s, tc.max, tc.base, v, n, tc.value, tc.digits)
		}
	}
}
