package initcmd

import (
	"os"
	"reflect"
	"testing"

	"github.com/zinebox/zinebox/pkg/applet/applettest"
)

func TestParseCmdline(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Cmdline
	}{
		{"console=ttyS0 quiet panic=-1\n", Cmdline{Console: "ttyS0", Quiet: true}},
		{`console=tty0 console=ttyS0,115200n8 zinebox.run="ls -l /; echo done" TERM=xterm`,
			Cmdline{Console: "ttyS0", Run: "ls -l /; echo done", HasRun: true, Term: "xterm"}},
		{`zinebox.user=learner zinebox.shell="/bin/cat -n" console=/dev/ttyS1`,
			Cmdline{User: "learner", Shell: "/bin/cat -n", Console: "ttyS1"}},
		{`zinebox.run= zinebox.user=a zinebox.user=b`, Cmdline{HasRun: true, User: "b"}},
		{``, Cmdline{}},
		{`zinebox.size=120x40`, Cmdline{Cols: 120, Rows: 40}},
		{`zinebox.size=120 zinebox.size=0x5 zinebox.size=99999x1`, Cmdline{}},
		{`zinebox.modules=failover,,net_failover zinebox.ip=10.0.2.15/24`,
			Cmdline{Modules: []string{"failover", "net_failover"}, IP: "10.0.2.15/24"}},
	} {
		if got := ParseCmdline(tc.in); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("ParseCmdline(%q)\n got %+v\nwant %+v", tc.in, got, tc.want)
		}
	}
}

func TestConsoleDevice(t *testing.T) {
	for _, tc := range []struct {
		cmd    Cmdline
		active string
		want   string
	}{
		{Cmdline{Console: "ttyS1"}, "tty0 ttyS0\n", "/dev/ttyS1"},
		{Cmdline{}, "tty0 ttyS0\n", "/dev/ttyS0"},
		{Cmdline{}, "hvc0\n", "/dev/hvc0"},
		{Cmdline{}, "", "/dev/ttyS0"},
	} {
		if got := consoleDevice(tc.cmd, tc.active); got != tc.want {
			t.Errorf("consoleDevice(%+v, %q) = %q, want %q", tc.cmd, tc.active, got, tc.want)
		}
	}
}

// Run by anyone but the kernel, init refuses: it would mount over the
// host's /proc and power the machine off when its shell ends.
func TestNotPID1(t *testing.T) {
	r := applettest.Run(&Applet, "", "", nil)
	if r.Status != 1 || r.Stderr != "init: must be run as process 1 (the kernel starts it as /init)\n" {
		t.Errorf("init as PID %d: %d %q", os.Getpid(), r.Status, r.Stderr)
	}
}
