package mkfifo

import (
	"testing"

	"github.com/zinebox/zinebox/pkg/fixture"
)

func TestAgainstGNU(t *testing.T) {
	fixture.Compare(t, &Applet, "mkfifo", fixture.NoTimes, fixture.Args(
		[]string{},
		[]string{"-m"},
		[]string{"-m", "644"},
		[]string{"-m", "q", "p"},
		[]string{"p"},
		[]string{"-m", "755", "p"},
		[]string{"-m", "0", "p"},
		[]string{"-m", "u+s", "p"},
		[]string{"-m", "=t", "p"},
		[]string{"-m", "a=rwx", "p"},
		[]string{"-m", "+x", "p"},
		[]string{"-m", "go-r", "p"},
		[]string{"--mode=600", "secret"},
		[]string{"p1", "f", "p2", "d/p3", "nodir/p4", "fifo", "dangling", "d"},
		[]string{"-Z", "p"},
		[]string{"--context=x", "p"},
		[]string{"--", "-p", "a b", "new\nline"},
		[]string{"-x", "p"},
		[]string{"p/", "linkdir/p", "dangling/"},
		[]string{"/proc/sys/zz", "p"},
	))
}
