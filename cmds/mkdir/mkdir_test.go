package mkdir

import (
	"testing"

	"github.com/zinebox/zinebox/pkg/fixture"
)

func TestAgainstGNU(t *testing.T) {
	fixture.Compare(t, &Applet, "mkdir", fixture.NoTimes, fixture.Args(
		[]string{},
		[]string{"new"},
		[]string{"d"},
		[]string{"f"},
		[]string{"-p", "d"},
		[]string{"-p", "f"},
		[]string{"-v", "e", "d", "e2"},
		[]string{"-pv", "x/y/z"},
		[]string{"-m", "777", "m"},
		[]string{"-m", "u+s", "m"},
		[]string{"-m", "g+s,o+t", "m"},
		[]string{"-m", "=t", "m"},
		[]string{"-m", "q", "m"},
		[]string{"-p", "-m", "700", "q/r"},
		[]string{"-p", "f/x"},
		[]string{"f/x"},
		[]string{"nodir/x"},
		[]string{"-v", "-p", "x/y/z2", "./x//w/", "x/../x/y/z3"},
		[]string{"-p", "/", "."},
		[]string{"-m", "1777", "-v", "-p", "n/n2"},
		[]string{"-pvm", "500", "mm/nn"},
		[]string{"-Z", "c1"},
		[]string{"--context=x", "c2"},
		[]string{"-m", "755", "sgiddir/a", "sgiddir/b"},
		[]string{"-m", "g-s", "sgiddir/a"},
		[]string{"-m", "u=rwx", "sgiddir/a"},
		[]string{"-m", "00755", "sgiddir/a"},
		[]string{"-m", "+w", "sgiddir/a"},
		[]string{"-p", "sgiddir/a/b/c"},
		[]string{"-v", "a b", "it's", "new\nline", "--", "-dash"},
		[]string{"-p", "dangling/x"},
		[]string{"-p", "linkdir/x"},
		[]string{"dangling"},
		[]string{"/proc/sys/zz"}, []string{"-p", "/proc/sys/zz/y"},
		[]string{"-v", "new dir's", "x\ty", "é"},
		[]string{"-pv", "new dir's/x\ty/é"},
	))
}
