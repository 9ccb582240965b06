package stat

import (
	"strings"
	"testing"

	"github.com/zinebox/zinebox/pkg/applet/applettest"
	"github.com/zinebox/zinebox/pkg/fixture"
)

// allFiles names every kind of file in the fixture.
var allFiles = []string{"f", "exec", "none", "all", "suid", "suidnox", "sgid", "sgidnox", "sticky",
	"stickynox", "ugs", "ugsnox", "a b", "it's", "é", "new\nline", "-dash", "d", "tmp", "tmpnox",
	"sgiddir", "empty", "link", "dangling", "linkdir", "hardlink", "fifo", "sock", "null", "blk",
	"old", "future", "d/sub/deep/leaf"}

// TestAgainstGNU runs ours and GNU stat on one tree (stat changes
// nothing, and inode numbers and change times differ between trees).
func TestAgainstGNU(t *testing.T) {
	dir := t.TempDir()
	fixture.Build(t, dir)
	fixture.Prime(t, dir)
	everything := "%a|%A|%b|%B|%d|%D|%f|%F|%g|%G|%h|%i|%n|%N|%o|%s|%r|%R|%Hr|%Lr|%t|%T|%Hd|%Ld|%u|%U|%w|%W|%x|%X|%y|%Y|%z|%Z|%m"
	cases := [][]string{
		{}, {"nofile"}, {"f", "nofile", "d"}, {"-L", "link", "dangling", "linkdir"}, {"-t", "f", "null", "link"},
		{"-c", everything}, {"-L", "-c", everything}, {"--printf", everything + `\n\t\x41\101\\\q%%\n`},
		{"-c", "%10s|%-10s|%010s|%+5s|% 5s|%.3s|%-8.3A|%#a|%#f|%#x|%.3Y|%.Y|%.12Z|%.0X|%15.3Y|%05.2W|%4h|%q|%|%5"},
		{"-c", "%l|%%|%Hq|%H|x%"}, {"-c", ""},
		// C printf rules: a zero with precision 0 has no digits, %#o starts
		// with one 0, 0x comes before the precision's zeros; %% takes no
		// flags, width or precision.
		{"-c", "%#a|%#.0a|%.0a|%#.5a|%+.0s|%+s|% s|%#.8f|%#10.8f|%.0g|%5.0u|%#.0D|%.0h|%-+6s|"},
		{"-c", "[%.1%]"}, {"--printf", "[%5%]"},
		// %N with modifiers: unquoted, and GNU's reconversion of its
		// format for a link's target (a stray "s" after some flags).
		{"-c", "[%5N|%-N|%0N|%.3N|%-05N|%0.2N|% #N|%-0N|%5.2N|%I5N|%-12N]"},
		{"-f", "-c", "%+a|% d|%+b|%+c|%+s|%+f|%#t|%#.0i|%#08t|%+S|%+l", "/proc", "/sys"}, {"--printf", "%n"}, {"-c", "%N", "--printf", "[%n]\n"},
		{"--printf", "%n\n", "-c", "%N"}, {"-c"}, {"--cached=never", "f"}, {"--cached=x", "f"}, {"-x"},
		// File systems: the free counts of a disk move while tests run, so
		// full reports only of /proc and /sys.
		{"-f", "/proc", "/sys", "nofile"}, {"-ft", "/proc"}, {"-f", "-c", "%n|%i|%l|%s|%S|%t|%T|%b|%c|%q|%5l|%-6T|", ".", "/proc", "/dev/shm"},
		{"-f", "--printf", "[%T]\\n", "/sys", "/"},
	}
	var runs []fixture.Case
	for _, c := range cases {
		args := c
		if len(c) > 0 && (c[0] == "-c" || c[0] == "-L" || c[0] == "--printf") && len(c) != 1 {
			args = append(append(append([]string{}, c...), "--"), allFiles...)
		}
		runs = append(runs, fixture.Case{Args: args})
	}
	for _, tzone := range []string{"UTC", "Asia/Kolkata", "America/New_York", "EST5EDT,M3.2.0,M11.1.0", "right/Europe/Paris", "Foo/Bar"} {
		runs = append(runs, fixture.Case{Args: append([]string{"--"}, allFiles...), Env: []string{"TZ=" + tzone}})
	}
	for _, style := range []string{"literal", "locale", "shell-escape", "shell-escape-always", "bogus"} {
		runs = append(runs, fixture.Case{Args: []string{"-c", "%N", "a b", "it's", "é", "new\nline", "link"}, Env: []string{"QUOTING_STYLE=" + style}})
		runs = append(runs, fixture.Case{Args: []string{"link", "it's"}, Env: []string{"QUOTING_STYLE=" + style}})
	}
	for _, c := range runs {
		t.Run(strings.Join(c.Args, " "), func(t *testing.T) {
			env := append([]string{"LC_ALL=C"}, c.Env...)
			want := applettest.RunTool(t, "stat", dir, "", env, c.Args...)
			got := applettest.Run(&Applet, dir, "", env, c.Args...)
			if got != want {
				t.Errorf("stat %q:\n%s", c.Args, fixture.Diff(got, want))
			}
		})
	}
}
