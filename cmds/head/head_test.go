package head

import (
	"testing"

	"github.com/zinebox/zinebox/pkg/applet/applettest"
)

func TestLikeGNU(t *testing.T) {
	dir := applettest.Fixtures(t)
	c := func(name string, stdin string, args ...string) applettest.Case {
		return applettest.Case{Name: name, Args: args, Stdin: stdin}
	}
	cases := []applettest.Case{
		c("default", "", "lines"),
		c("n3", "", "-n", "3", "lines"),
		c("n attached", "", "-n3", "lines"),
		c("long", "", "--lines=4", "lines"),
		c("long separate", "", "--lines", "4", "lines"),
		c("n0", "", "-n", "0", "lines"),
		c("n big", "", "-n", "1000", "lines"),
		c("all but 3", "", "-n", "-3", "lines"),
		c("all but 100", "", "-n", "-100", "lines"),
		c("all but 0", "", "-n", "-0", "noeol"),
		c("bytes", "", "-c", "7", "lines"),
		c("bytes suffix", "", "-c", "1k", "long"),
		c("bytes suffix b", "", "-c", "1b", "long"),
		c("bytes suffix KiB", "", "-c", "1KiB", "long"),
		c("bytes suffix kB", "", "-c", "2kB", "long"),
		c("all but bytes", "", "-c", "-5", "lines"),
		c("obsolete -5", "", "-5", "lines"),
		c("obsolete -2c", "", "-2c", "lines"),
		c("obsolete -3v", "", "-3v", "lines"),
		c("several files", "", "-n", "2", "lines", "noeol", "empty"),
		c("quiet", "", "-q", "-n", "1", "lines", "noeol"),
		c("verbose", "", "-v", "-n", "1", "lines"),
		c("stdin", "a\nb\nc\n", "-n", "2"),
		c("stdin named", "a\nb\nc\n", "-n", "1", "-", "lines"),
		c("stdin all but", "a\nb\nc", "-n", "-1"),
		c("zero terminated", "", "-z", "-n", "2", "nul"),
		c("noeol", "", "noeol"),
		c("missing", "", "lines", "nope", "noeol"),
		c("directory", "", "sub", "lines"),
		c("bad count", "", "-n", "x", "lines"),
		c("bad bytes", "", "-c", "1x", "lines"),
		c("too large", "", "-n", "99999999999999999999999", "lines"),
		c("bad option", "", "-y"),
		c("missing arg", "", "-n"),
		c("missing long arg", "", "--lines"),
		c("long with arg not allowed", "", "--quiet=1"),
	}
	applettest.Compare(t, &Applet, "head", dir, cases)
}
