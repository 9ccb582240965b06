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
	prog := filepath.Join(dir, "zbpidofsleeper")
	os.Symlink(sleep, prog)
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
