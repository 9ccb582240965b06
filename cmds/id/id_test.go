package id

import (
	"bufio"
	"os"
	"strings"
	"testing"

	"github.com/zinebox/zinebox/pkg/applet/applettest"
)

// TestAgainstGNU compares with GNU id for this process and for the users
// of this machine's /etc/passwd (both read the same files).
func TestAgainstGNU(t *testing.T) {
	cases := [][]string{
		{}, {"-u"}, {"-g"}, {"-G"}, {"-un"}, {"-gn"}, {"-Gn"}, {"-ur"}, {"-gr"}, {"-Gr"}, {"-Gz"}, {"-unz"},
		{"-n"}, {"-r"}, {"-z"}, {"-u", "-g"}, {"-a"}, {"-Z"}, {"nosuch"}, {"0"}, {"99999"}, {"root", "nosuch", "0"},
		{"-x"}, {"-nG", "root"}, {"-u", "--", "-1"},
	}
	if f, err := os.Open("/etc/passwd"); err == nil {
		s := bufio.NewScanner(f)
		for s.Scan() {
			if name, _, ok := strings.Cut(s.Text(), ":"); ok && name != "" {
				cases = append(cases, []string{name}, []string{"-Gn", name}, []string{"-gn", name}, []string{"-G", name})
			}
		}
		f.Close()
	}
	for _, args := range cases {
		env := []string{"LC_ALL=C"}
		got := applettest.Run(&Applet, "", "", env, args...)
		want := applettest.RunTool(t, "id", "", "", env, args...)
		if got != want {
			t.Errorf("id %q:\n ours: %+v\n  GNU: %+v", args, got, want)
		}
	}
}
