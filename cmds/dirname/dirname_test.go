package dirname

import (
	"testing"

	"github.com/zinebox/zinebox/pkg/fixture"
)

func TestAgainstGNU(t *testing.T) {
	fixture.Compare(t, &Applet, "dirname", fixture.NoTimes, fixture.Args(
		[]string{}, []string{"/"}, []string{"//"}, []string{"//a"}, []string{"///a"},
		[]string{"a"}, []string{"a/"}, []string{"a/b"}, []string{"/a/b//"},
		[]string{"-z", "a/b", "c"}, []string{"./a"}, []string{"a//b//"}, []string{""},
		[]string{"/usr/bin/", "dir1/str", "stdio.h"}, []string{"a//b//c"}, []string{"--", "-z"},
		[]string{"-q"}, []string{"é/new\nline"}, []string{"//a//b"}, []string{".."}, []string{"../x"},
	))
}
