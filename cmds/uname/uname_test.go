package uname

import (
	"testing"

	"github.com/zinebox/zinebox/pkg/applet/applettest"
)

func TestAgainstGNU(t *testing.T) {
	for _, args := range [][]string{
		{}, {"-a"}, {"--all"}, {"-s"}, {"-n"}, {"-r"}, {"-v"}, {"-m"}, {"-p"}, {"-i"}, {"-o"},
		{"-snrvmpio"}, {"-m", "-s"}, {"-ap"}, {"x"}, {"-x"}, {"--kernel-release"},
	} {
		want := applettest.RunTool(t, "uname", "", "", nil, args...)
		got := applettest.Run(&Applet, "", "", nil, args...)
		if got != want {
			t.Errorf("uname %q:\n got %+v\nwant %+v", args, got, want)
		}
	}
}
