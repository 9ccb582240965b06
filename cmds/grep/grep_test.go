package grep

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zinebox/zinebox/pkg/applet/applettest"
)

func TestLikeGNU(t *testing.T) {
	dir := applettest.Files(t, map[string]string{
		"a":     "apple\nbanana\ncherry pie\nApple Pie\n(x)\na+b\nend.\n",
		"b":     "one\ntwo three\nfour\n",
		"d/c":   "deep apple\n",
		"pats":  "ban\nche\n",
		"nul":   "text\x00apple\n",
		"empty": "",
		"noeol": "last apple",
		"words": "foo foobar barfoo foo_bar\nfoo\n",
	})
	c := func(name string, args ...string) applettest.Case { return applettest.Case{Name: name, Args: args} }
	applettest.Compare(t, &Applet, "grep", dir, []applettest.Case{
		c("simple", "apple", "a"),
		c("two files", "e", "a", "b"),
		c("no match", "zzz", "a"),
		c("ignore case", "-i", "apple", "a"),
		c("invert", "-v", "a", "a"),
		c("count", "-c", "a", "a", "b"),
		c("count one", "-c", "p", "a"),
		c("line numbers", "-n", "e", "a"),
		c("files with", "-l", "apple", "a", "b", "noeol"),
		c("files without", "-L", "apple", "a", "b"),
		c("only", "-o", "p[a-z]*", "a"),
		c("quiet match", "-q", "apple", "a"),
		c("quiet no match", "-q", "zzz", "a"),
		c("bre group", `\(an\)\{2\}`, "a"),
		c("bre literal parens", "(x)", "a"),
		c("bre literal plus", "a+b", "a"),
		c("bre plus op", `a\+`, "a"),
		c("ere", "-E", "(an){2}|che", "a"),
		c("ere plus", "-E", "p+", "a"),
		c("fixed", "-F", "a+b", "a"),
		c("fixed dot", "-F", ".", "a"),
		c("anchors", "^a", "a"),
		c("end anchor", "e$", "a"),
		c("star at start", "*", "a"),
		c("word", "-w", "foo", "words"),
		c("line", "-x", "foo", "words"),
		c("patterns -e", "-e", "one", "-e", "four", "b"),
		c("patterns file", "-f", "pats", "a"),
		c("newline patterns", "one\nfour", "b"),
		c("missing file", "apple", "nope", "a"),
		c("missing silent", "-s", "apple", "nope", "a"),
		c("quiet with missing", "-q", "apple", "nope", "a"),
		c("directory", "apple", "d"),
		c("recursive", "-r", "apple", "d"),
		c("max count", "-m", "1", "p", "a"),
		c("with filename", "-H", "one", "b"),
		c("no filename", "-h", "e", "a", "b"),
		c("empty file", "x", "empty"),
		c("noeol", "apple", "noeol"),
		c("binary", "apple", "nul"),
		c("binary text", "-a", "apple", "nul"),
		c("brackets", "[[:upper:]]", "a"),
		c("bracket with paren", "[(]x", "a"),
		c("no pattern"),
		c("bad option", "--nope", "x"),
		c("obsolete y", "-y", "APPLE", "a"),
		c("dot star", "-c", ".*", "a"),
	})
}

func TestStdin(t *testing.T) {
	applettest.Compare(t, &Applet, "grep", t.TempDir(), []applettest.Case{
		{Name: "stdin", Args: []string{"b"}, Stdin: "a\nb\nc\n"},
		{Name: "stdin count", Args: []string{"-c", "x"}, Stdin: "x\nx\n"},
		{Name: "stdin named", Args: []string{"-H", "b"}, Stdin: "b\n"},
	})
}

// TestRecursiveLikeGNU walks a tree with subdirectories, symbolic links
// to a file, to a directory, to nowhere and back up (a loop): names as
// GNU grep shows them (none for a lone file, no "./" with no operand, no
// doubled slash), its directory order, what -r skips and -R follows.
func TestRecursiveLikeGNU(t *testing.T) {
	dir := applettest.Files(t, map[string]string{
		"zeta":    "root\n",
		"alpha":   "root\nroot too\n",
		"mid":     "none\n",
		"d/x":     "root\n",
		"d/a":     "root\n",
		"d/e/f":   "deep root\n",
		"other/y": "root\n",
	})
	for link, target := range map[string]string{"link": "alpha", "dlink": "d", "dangling": "nowhere", "d/e/up": "../.."} {
		if err := os.Symlink(target, filepath.Join(dir, link)); err != nil {
			t.Fatal(err)
		}
	}
	c := func(name string, args ...string) applettest.Case { return applettest.Case{Name: name, Args: args} }
	applettest.Compare(t, &Applet, "grep", dir, []applettest.Case{
		c("no operand", "-r", "root"),
		c("dot", "-r", "root", "."),
		c("one directory", "-r", "root", "d"),
		c("trailing slash", "-r", "root", "d/"),
		c("one file", "-r", "root", "alpha"),
		c("a file and a directory", "-r", "root", "zeta", "other"),
		c("linked file on the command line", "-r", "root", "link"),
		c("linked directory on the command line", "-r", "root", "dlink"),
		c("dangling on the command line", "-r", "root", "dangling"),
		c("dereference", "-R", "root"),
		c("dereference dot", "-R", "root", "."),
		c("dereference quietly", "-Rs", "root", "d"),
		c("no names", "-rh", "root", "."),
		c("names for one file", "-rH", "root", "alpha"),
		c("count", "-rc", "root", "d"),
		c("files with matches", "-rl", "root"),
		c("files without", "-rL", "root"),
		c("no match", "-r", "nothing"),
		c("missing operand", "-r", "root", "nonexist"),
		c("include", "-r", "--include=*a", "root", "."),
		c("exclude", "-r", "--exclude=a*", "root", "."),
		c("exclude a directory", "-r", "--exclude-dir=d", "root", "."),
		c("exclude the directory named", "-r", "--exclude-dir=d", "root", "d"),
		c("exclude dot", "-r", "--exclude-dir=.", "root", "."),
		c("exclude with no operand", "-r", "--exclude-dir=d*", "root"),
		c("a trailing slash is not excluded", "-r", "--exclude-dir=d", "root", "d/"),
		c("exclude a followed link", "-R", "--exclude-dir=dlink", "root", "."),
		c("include on the command line", "--include=*a", "root", "alpha", "zeta", "mid"),
		c("exclude a name suffix", "--exclude=x", "root", "d/x", "alpha"),
		c("a path is not a base name", "-r", "--exclude=d/x", "root", "."),
		c("the last match wins", "-r", "--exclude=*", "--include=z*", "root", "."),
		c("the last match wins, excluding", "-r", "--include=z*", "--exclude=*", "root", "."),
		c("include matching nothing", "-r", "--include=*.none", "root", "."),
	})
}

// TestContextLikeGNU: -A, -B and -C with GNU grep's group separators
// (between files too, and with -o, where context lines are not shown but
// still join groups), -m's trailing context, -b and -Z prefixes, and
// what a binary file shows.
func TestContextLikeGNU(t *testing.T) {
	nums := func(from, to int) string {
		var b strings.Builder
		for i := from; i <= to; i++ {
			fmt.Fprintf(&b, "%d\n", i)
		}
		return b.String()
	}
	dir := applettest.Files(t, map[string]string{
		"n1":  nums(1, 12),
		"n2":  nums(5, 9),
		"ab":  "a\nb\na\nc\na\n",
		"bin": "a\nb\x00\n",
	})
	c := func(name string, args ...string) applettest.Case { return applettest.Case{Name: name, Args: args} }
	applettest.Compare(t, &Applet, "grep", dir, []applettest.Case{
		c("after", "-A1", "5", "n1"),
		c("before", "-B2", "-n", "1", "n1"),
		c("context", "-C1", "-e", "3", "-e", "9", "n1"),
		c("overlapping groups", "-C2", "-e", "3", "-e", "6", "n1"),
		c("adjacent without context", "-A0", "-e", "3", "-e", "4", "n1"),
		c("separator with -A0", "-A0", "-e", "3", "-e", "7", "n1"),
		c("own separator", "--group-separator=XX", "-A0", "-e", "3", "-e", "7", "n1"),
		c("empty separator", "-B1", "--group-separator=", "-e", "3", "-e", "7", "n1"),
		c("no separator", "--no-group-separator", "-A0", "-e", "3", "-e", "7", "n1"),
		c("separator between files", "-A1", "-n", "5", "n1", "n2"),
		c("no names", "-h", "-C1", "5", "n1", "n2"),
		c("A wins over C", "-C1", "-A0", "5", "n1"),
		c("before the first line", "-B3", "3", "n1"),
		c("huge context", "-A99999999999999999999", "11", "n1"),
		c("max count then context", "-m1", "-A3", "-n", "a", "ab"),
		c("max count two", "-m2", "-A1", "-n", "a", "ab"),
		c("inverted", "-B1", "-v", "a", "ab"),
		c("only matching", "-o", "-C1", "1", "n1"),
		c("only matching offsets", "-A1", "-o", "-b", "a", "ab"),
		c("byte offsets", "-n", "-B1", "-b", "a", "ab"),
		c("count ignores context", "-c", "-A3", "5", "n1"),
		c("names with NUL", "-Z", "-A1", "-H", "a", "ab"),
		c("files with NUL", "-lZ", "7", "n1", "n2"),
		c("files without NUL", "-LZ", "7", "n1", "n2", "ab"),
		c("count with NUL", "-cZ", "7", "n1", "n2"),
		c("line buffered", "--line-buffered", "-n", "2", "n1"),
		c("bad length", "-A", "1", "-B", "x", "a", "ab"),
		c("negative length", "-C", "-1", "a", "ab"),
		c("binary", "a", "bin"),
		c("binary with context", "-A1", "a", "bin"),
		c("binary as text", "-a", "-A1", "a", "bin"),
	})
}
