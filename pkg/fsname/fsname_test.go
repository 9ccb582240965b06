package fsname

import "testing"

func TestJoin(t *testing.T) {
	for _, tc := range [][3]string{
		{"", "x/", "x/"}, {"/d", "x/", "/d/x/"}, {"/d/", "x/.", "/d/x/."}, {"/d", "/abs/", "/abs/"},
		{"/d", "", ""}, {"/d", "..", "/d/.."}, {"/", "x", "/x"},
	} {
		if got := Join(tc[0], tc[1]); got != tc[2] {
			t.Errorf("Join(%q, %q) = %q, want %q", tc[0], tc[1], got, tc[2])
		}
	}
}
