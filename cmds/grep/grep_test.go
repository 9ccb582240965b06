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
	applettest.Compare(t, &Applet, "grep", dir, []applettest.Case{
		gnuCase("simple", "apple", "a"),
		gnuCase("two files", "e", "a", "b"),
		gnuCase("no match", "zzz", "a"),
		gnuCase("ignore case", "-i", "apple", "a"),
		gnuCase("invert", "-v", "a", "a"),
		gnuCase("count", "-c", "a", "a", "b"),
		gnuCase("count one", "-c", "p", "a"),
		gnuCase("line numbers", "-n", "e", "a"),
		gnuCase("files with", "-l", "apple", "a", "b", "noeol"),
		gnuCase("files without", "-L", "apple", "a", "b"),
		gnuCase("only", "-o", "p[a-z]*", "a"),
		gnuCase("quiet match", "-q", "apple", "a"),
		gnuCase("quiet no match", "-q", "zzz", "a"),
		gnuCase("bre group", `\(an\)\{2\}`, "a"),
		gnuCase("bre literal parens", "(x)", "a"),
		gnuCase("bre literal plus", "a+b", "a"),
		gnuCase("bre plus op", `a\+`, "a"),
		gnuCase("ere", "-E", "(an){2}|che", "a"),
		gnuCase("ere plus", "-E", "p+", "a"),
		gnuCase("fixed", "-F", "a+b", "a"),
		gnuCase("fixed dot", "-F", ".", "a"),
		gnuCase("anchors", "^a", "a"),
		gnuCase("end anchor", "e$", "a"),
		gnuCase("star at start", "*", "a"),
		gnuCase("word", "-w", "foo", "words"),
		gnuCase("line", "-x", "foo", "words"),
		gnuCase("patterns -e", "-e", "one", "-e", "four", "b"),
		gnuCase("patterns file", "-f", "pats", "a"),
		gnuCase("newline patterns", "one\nfour", "b"),
		gnuCase("missing file", "apple", "nope", "a"),
		gnuCase("missing silent", "-s", "apple", "nope", "a"),
		gnuCase("quiet with missing", "-q", "apple", "nope", "a"),
		gnuCase("directory", "apple", "d"),
		gnuCase("recursive", "-r", "apple", "d"),
		gnuCase("max count", "-m", "1", "p", "a"),
		gnuCase("with filename", "-H", "one", "b"),
		gnuCase("no filename", "-h", "e", "a", "b"),
		gnuCase("empty file", "x", "empty"),
		gnuCase("noeol", "apple", "noeol"),
		gnuCase("binary", "apple", "nul"),
		gnuCase("binary text", "-a", "apple", "nul"),
		gnuCase("brackets", "[[:upper:]]", "a"),
		gnuCase("bracket with paren", "[(]x", "a"),
		gnuCase("no pattern"),
		gnuCase("bad option", "--nope", "x"),
		gnuCase("obsolete y", "-y", "APPLE", "a"),
		gnuCase("dot star", "-c", ".*", "a"),
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
	applettest.Compare(t, &Applet, "grep", dir, []applettest.Case{
		gnuCase("no operand", "-r", "root"),
		gnuCase("dot", "-r", "root", "."),
		gnuCase("one directory", "-r", "root", "d"),
		gnuCase("trailing slash", "-r", "root", "d/"),
		gnuCase("one file", "-r", "root", "alpha"),
		gnuCase("a file and a directory", "-r", "root", "zeta", "other"),
		gnuCase("linked file on the command line", "-r", "root", "link"),
		gnuCase("linked directory on the command line", "-r", "root", "dlink"),
		gnuCase("dangling on the command line", "-r", "root", "dangling"),
		gnuCase("dereference", "-R", "root"),
		gnuCase("dereference dot", "-R", "root", "."),
		gnuCase("dereference quietly", "-Rs", "root", "d"),
		gnuCase("no names", "-rh", "root", "."),
		gnuCase("names for one file", "-rH", "root", "alpha"),
		gnuCase("count", "-rc", "root", "d"),
		gnuCase("files with matches", "-rl", "root"),
		gnuCase("files without", "-rL", "root"),
		gnuCase("no match", "-r", "nothing"),
		gnuCase("missing operand", "-r", "root", "nonexist"),
		gnuCase("include", "-r", "--include=*a", "root", "."),
		gnuCase("exclude", "-r", "--exclude=a*", "root", "."),
		gnuCase("exclude a directory", "-r", "--exclude-dir=d", "root", "."),
		gnuCase("exclude the directory named", "-r", "--exclude-dir=d", "root", "d"),
		gnuCase("exclude dot", "-r", "--exclude-dir=.", "root", "."),
		gnuCase("exclude with no operand", "-r", "--exclude-dir=d*", "root"),
		gnuCase("a trailing slash is not excluded", "-r", "--exclude-dir=d", "root", "d/"),
		gnuCase("exclude a followed link", "-R", "--exclude-dir=dlink", "root", "."),
		gnuCase("include on the command line", "--include=*a", "root", "alpha", "zeta", "mid"),
		gnuCase("exclude a name suffix", "--exclude=x", "root", "d/x", "alpha"),
		gnuCase("a path is not a base name", "-r", "--exclude=d/x", "root", "."),
		gnuCase("the last match wins", "-r", "--exclude=*", "--include=z*", "root", "."),
		gnuCase("the last match wins, excluding", "-r", "--include=z*", "--exclude=*", "root", "."),
		gnuCase("include matching nothing", "-r", "--include=*.none", "root", "."),
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
	applettest.Compare(t, &Applet, "grep", dir, []applettest.Case{
		gnuCase("after", "-A1", "5", "n1"),
		gnuCase("before", "-B2", "-n", "1", "n1"),
		gnuCase("context", "-C1", "-e", "3", "-e", "9", "n1"),
		gnuCase("overlapping groups", "-C2", "-e", "3", "-e", "6", "n1"),
		gnuCase("adjacent without context", "-A0", "-e", "3", "-e", "4", "n1"),
		gnuCase("separator with -A0", "-A0", "-e", "3", "-e", "7", "n1"),
		gnuCase("own separator", "--group-separator=XX", "-A0", "-e", "3", "-e", "7", "n1"),
		gnuCase("empty separator", "-B1", "--group-separator=", "-e", "3", "-e", "7", "n1"),
		gnuCase("no separator", "--no-group-separator", "-A0", "-e", "3", "-e", "7", "n1"),
		gnuCase("separator between files", "-A1", "-n", "5", "n1", "n2"),
		gnuCase("no names", "-h", "-C1", "5", "n1", "n2"),
		gnuCase("A wins over C", "-C1", "-A0", "5", "n1"),
		gnuCase("before the first line", "-B3", "3", "n1"),
		gnuCase("huge context", "-A99999999999999999999", "11", "n1"),
		gnuCase("max count then context", "-m1", "-A3", "-n", "a", "ab"),
		gnuCase("max count two", "-m2", "-A1", "-n", "a", "ab"),
		gnuCase("inverted", "-B1", "-v", "a", "ab"),
		gnuCase("only matching", "-o", "-C1", "1", "n1"),
		gnuCase("only matching offsets", "-A1", "-o", "-b", "a", "ab"),
		gnuCase("byte offsets", "-n", "-B1", "-b", "a", "ab"),
		gnuCase("count ignores context", "-c", "-A3", "5", "n1"),
		gnuCase("names with NUL", "-Z", "-A1", "-H", "a", "ab"),
		gnuCase("files with NUL", "-lZ", "7", "n1", "n2"),
		gnuCase("files without NUL", "-LZ", "7", "n1", "n2", "ab"),
		gnuCase("count with NUL", "-cZ", "7", "n1", "n2"),
		gnuCase("line buffered", "--line-buffered", "-n", "2", "n1"),
		gnuCase("bad length", "-A", "1", "-B", "x", "a", "ab"),
		gnuCase("negative length", "-C", "-1", "a", "ab"),
		gnuCase("binary", "a", "bin"),
		gnuCase("binary with context", "-A1", "a", "bin"),
		gnuCase("binary as text", "-a", "-A1", "a", "bin"),
	})
}

// gnuCase is a case run through both our grep and GNU grep.
func gnuCase(name string, args ...string) applettest.Case {
	return applettest.Case{Name: name, Args: args}
}
