package tr

import (
	"testing"

	"github.com/zinebox/zinebox/pkg/applet/applettest"
)

func TestLikeGNU(t *testing.T) {
	in := "Hello, World!\n\taaa  bbb\x00nul\x01\x7f\xff caf\xc3\xa9 123-456\n"
	c := func(name string, args ...string) applettest.Case {
		return applettest.Case{Name: name, Args: args, Stdin: in}
	}
	applettest.Compare(t, &Applet, "tr", t.TempDir(), []applettest.Case{
		c("upper", "a-z", "A-Z"),
		c("classes", "[:lower:]", "[:upper:]"),
		c("short set2", "a-z", "x"),
		c("truncate", "-t", "abcd", "xy"),
		c("delete", "-d", "lo"),
		c("delete class", "-d", "[:digit:]"),
		c("delete complement", "-cd", "[:alpha:]\\n"),
		c("squeeze", "-s", " a"),
		c("squeeze translate", "-s", "ab", "xy"),
		c("delete squeeze", "-ds", "l", "a"),
		c("nul to newline", "\\0", "\\n"),
		c("octal", "\\101-\\132", "a-z"),
		c("escapes", "\\t\\n", "TN"),
		c("complement translate", "-c", "a-zA-Z\\n", "_"),
		c("repeat", "a-e", "[x*2][y*]"),
		c("equiv", "[=a=]", "A"),
		c("missing", ""),
		c("one string", "abc"),
		c("extra delete", "-d", "a", "b"),
		c("too many", "a", "b", "c"),
		c("reverse range", "z-a", "x"),
		c("bad class", "[:nope:]", "x"),
		c("repeat in set1", "[a*2]", "x"),
		c("empty set2", "a", ""),
	})
}
