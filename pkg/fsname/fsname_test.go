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

func TestLastComponentConcat(t *testing.T) {
	for _, tc := range [][2]string{
		{"a/b", "b"}, {"a/b/", "b/"}, {"a//b//", "b//"}, {"b", "b"}, {"/", "/"}, {"//", "//"}, {"/x", "x"}, {"", ""},
	} {
		if got := LastComponent(tc[0]); got != tc[1] {
			t.Errorf("LastComponent(%q) = %q, want %q", tc[0], got, tc[1])
		}
	}
	for _, tc := range [][3]string{
		{"d", "x", "d/x"}, {"d/", "x", "d/x"}, {"/", "x", "/x"}, {"d", "/x", "d//x"}, {"", "x", "/x"},
	} {
		if got := Concat(tc[0], tc[1]); got != tc[2] {
			t.Errorf("Concat(%q, %q) = %q, want %q", tc[0], tc[1], got, tc[2])
		}
	}
}

func TestDirName(t *testing.T) {
	for in, want := range map[string]string{
		"x": ".", "x/": ".", "x//": ".", "./x": ".", "a/b": "a", "a//b/": "a", "/x": "/", "//x": "/",
		"/": "/", "//": "/", "": ".", "a/b/c": "a/b", "/a/b": "/a",
	} {
		if got := DirName(in); got != want {
			t.Errorf("DirName(%q) = %q, want %q", in, got, want)
		}
	}
}
