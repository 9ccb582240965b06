package basename

import (
	"testing"

	"github.com/zinebox/zinebox/pkg/fixture"
)

func TestAgainstGNU(t *testing.T) {
	fixture.Compare(t, &Applet, "basename", fixture.NoTimes, fixture.Args(
		[]string{}, []string{"a", "b", "c"}, []string{"-a"}, []string{"-s", ".c"},
		[]string{"/"}, []string{"//"}, []string{"///a//"}, []string{"a/b.c", ".c"},
		[]string{"a/.c", ".c"}, []string{"-z", "a/b"}, []string{"-a", "a/b", "c/d/"},
		[]string{"-s", ".c", "a.c", "b.c", "/x/.c"}, []string{"--suffix=.c", "x.c"},
		[]string{""}, []string{"", ""}, []string{"/usr/bin/sort"}, []string{"include/stdio.h", ".h"},
		[]string{"-az", "x/y", "é/new\nline"}, []string{"--", "-a"}, []string{"-q"},
		[]string{"a/b/", "b"}, []string{"/", "/"}, []string{"-s", "", "x/y"},
	))
}
