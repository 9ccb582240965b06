package ln

import (
	"testing"

	"github.com/zinebox/zinebox/pkg/fixture"
)

func TestAgainstGNU(t *testing.T) {
	var cases []fixture.Case
	for _, args := range [][]string{
		{}, {"-s"}, {"nofile", "x"}, {"-s", "nofile", "x"}, {"-v", "f", "h"}, {"-sv", "f", "h"},
		{"-sv", "../f", "d"}, {"f", "exec"}, {"-s", "f", "exec"}, {"-f", "f", "exec"}, {"-sfv", "f", "exec"},
		{"-f", "f", "f"}, {"-f", "f", "hardlink"}, {"-sf", "f", "f"}, {"d", "dd"}, {"-T", "f", "d"},
		{"-T", "f", "exec", "h"}, {"f", "exec", "h"}, {"f", "exec", "old"}, {"-v", "f", "exec", "d"},
		{"-sv", "f", "linkdir"}, {"-snf", "f", "linkdir"}, {"-snfv", "f", "linkdir"}, {"-sTfv", "f", "linkdir"},
		{"-nfv", "f", "linkdir"}, {"-t", "d", "f", "exec"}, {"-vt", "nodir", "f"}, {"-vt", "f", "exec"},
		{"-sv", "x", "d/"}, {"-s", "f", "nodir/x"}, {"-fv", "f", "d"}, {"-sfv", "f", "d"},
		{"-srv", "f", "d/sub/rel"}, {"-srv", "d/sub/x.sh", "up"}, {"-srv", "linkdir/file", "d/sub/r2"},
		{"-L", "dangling", "h"}, {"-P", "dangling", "h"}, {"dangling", "h"}, {"-Lv", "link", "h"},
		{"-bv", "f", "exec"}, {"-sv", "", "x"}, {"f", ""}, {"--backup=numbered", "-fv", "f", "exec"},
		{"--backup=nil", "-fv", "f", "exec"}, {"--backup=bogus", "f", "exec"}, {"--backup=n", "f", "exec"},
		{"-S", ".bak", "-bv", "f", "exec"}, {"-S", ".bak", "-fv", "f", "exec"},
		{"-s", "f"}, {"-sv", "a/b"}, {"-v", "d/file"}, {"-sv", "x/y/"}, {"-r", "f", "x"},
		{"-t", "d", "-T", "f"}, {"-T", "f"}, {"-dv", "d", "dd"}, {"-sfv", "f", "empty"}, {"-sfTv", "f", "empty"},
		{"-sv", "a b", "it's"}, {"-sv", "new\nline", "é"}, {"-x"}, {"-t", "d", "-t", "e", "f"},
		{"f", "/proc/sys/zz"}, {"-s", "f", "/proc/sys/zz"},
		// Replacing with -f never loses the data: "ln -Lf link f" when f
		// has another name; "ln -sf link link" replaces the link, "ln -sf
		// f f" refuses.
		{"-Lf", "link", "f"}, {"-Lf", "link", "hardlink"}, {"-f", "hardlink", "f"}, {"-sf", "link", "link"},
		{"-sfv", "f", "link"}, {"-sf", "dangling", "dangling"}, {"-sfn", "linkdir", "linkdir"},
		// Destinations ending in / that name a file.
		{"-sf", "f", "exec/"}, {"-f", "f", "link/"}, {"-b", "f", "exec/"}, {"-s", "f", "exec/"}, {"-sfn", "f", "linkdir/"},
	} {
		cases = append(cases, fixture.Case{Args: args})
	}
	for _, args := range [][]string{{"-i", "f", "exec"}, {"-si", "f", "exec"}, {"-sif", "f", "exec"},
		{"-fi", "f", "exec"}, {"-i", "f", "h"}, {"-iv", "f", "exec", "old", "d"}} {
		for _, answers := range []string{"y\ny\n", "n\nn\n", ""} {
			cases = append(cases, fixture.Case{Args: args, Stdin: answers})
		}
	}
	fixture.Compare(t, &Applet, "ln", fixture.NoTimes, cases)
}
