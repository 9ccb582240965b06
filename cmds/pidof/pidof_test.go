package pidof

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/zinebox/zinebox/pkg/applet/applettest"
)

// Children run a program under a name nothing else uses, directly and as
// a script, and both pidofs are asked about them.
func TestAgainstSysvinit(t *testing.T) {
	sleep, err := exec.LookPath("sleep")
	if err != nil {
		t.Skip("no sleep")
	}
	dir := t.TempDir()
	// A copy, not a link: pidof matches a path through /proc/PID/exe,
	// which for a link is /usr/bin/sleep, shared with every sleep that
	// other tests start and stop meanwhile.
	prog := filepath.Join(dir, "zbpidofsleeper")
	data, err := os.ReadFile(sleep)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(prog, data, 0o755); err != nil {
		t.Fatal(err)
	}
	script := filepath.Join(dir, "zbscript.sh")
	os.WriteFile(script, []byte("#!/bin/sh\nexec 2>/dev/null\nwhile :; do sleep 1; done\n"), 0o755)
	var pids []string
	for _, argv := range [][]string{{prog, "60"}, {prog, "61"}, {"sh", script}} {
		cmd := exec.Command(argv[0], argv[1:]...)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
		pids = append(pids, strconv.Itoa(cmd.Process.Pid))
	}
	for _, p := range pids[:2] {
		for i := 0; i < 2000; i++ {
			if b, _ := os.ReadFile("/proc/" + p + "/comm"); string(b) == "zbpidofsleeper\n" {
				break
			}
			time.Sleep(time.Millisecond)
		}
	}
	time.Sleep(50 * time.Millisecond) // let sh open the script
	for _, args := range [][]string{
		{"zbpidofsleeper"}, {prog}, {"-s", "zbpidofsleeper"}, {"-o", pids[1], "zbpidofsleeper"},
		{"-d", ",", "zbpidofsleeper"}, {"nosuchprogram"}, {"zbscript.sh"}, {"-x", "zbscript.sh"},
		{"-q", "zbpidofsleeper"}, {"zbpidofsleeper", "nosuch"},
	} {
		want := applettest.RunTool(t, "pidof", "", "", nil, args...)
		got := applettest.Run(&Applet, "", "", nil, args...)
		if got != want {
			t.Errorf("pidof %q:\n got %+v\nwant %+v", args, got, want)
		}
	}
}
