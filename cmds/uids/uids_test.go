package uids

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"

	"github.com/zinebox/zinebox/pkg/applet/applettest"
)

// TestSameAsID: unprivileged, all three IDs are the ones id(1) reports.
func TestSameAsID(t *testing.T) {
	r := applettest.Run(&Applet, "", "", nil)
	id := func(args ...string) string {
		return strings.TrimSpace(applettest.RunTool(t, "id", "", "", nil, args...).Stdout)
	}
	uid := id("-u") + "(" + id("-un") + ")"
	gid := id("-g") + "(" + id("-gn") + ")"
	want := "real      uid=" + uid + " gid=" + gid + "\n" +
		"effective uid=" + uid + " gid=" + gid + "\n" +
		"saved     uid=" + uid + " gid=" + gid + "\n"
	if r.Status != 0 || r.Stdout != want {
		t.Errorf("got %d %q, want %q", r.Status, r.Stdout, want)
	}
}

func TestUsage(t *testing.T) {
	if r := applettest.Run(&Applet, "", "", nil, "x"); r.Status != 1 || !strings.Contains(r.Stderr, "extra operand 'x'") {
		t.Errorf("%+v", r)
	}
	if r := applettest.Run(&Applet, "", "", nil, "--help"); r.Status != 0 || !strings.HasPrefix(r.Stdout, "Usage: uids\n") {
		t.Errorf("%+v", r)
	}
}

// TestSetuid makes what the VM's init makes, a setuid-root copy of the
// binary, and runs it as nobody: the effective and saved uids become 0,
// the real one stays nobody's. Linked under another name, the copy refuses
// to run.
func TestSetuid(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root to make a setuid-root file")
	}
	dir := t.TempDir()
	// nobody must reach the copy: open the directories testing made.
	for _, d := range []string{filepath.Dir(dir), dir} {
		if err := os.Chmod(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	data, err := os.ReadFile(applettest.Binary(t))
	if err != nil {
		t.Fatal(err)
	}
	demo := filepath.Join(dir, "uids")
	if err := os.WriteFile(demo, data, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(demo, os.ModeSetuid|0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("uids", filepath.Join(dir, "sh")); err != nil {
		t.Fatal(err)
	}
	asNobody := func(name string, args ...string) (string, int) {
		cmd := exec.Command(filepath.Join(dir, name), args...)
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
		cmd.Env = []string{"PATH=/usr/bin:/bin"}
		out, _ := cmd.CombinedOutput()
		return string(out), cmd.ProcessState.ExitCode()
	}
	out, status := asNobody("uids")
	want := regexp.MustCompile(`^real      uid=65534(\(\w+\))? gid=65534(\(\w+\))?\n` +
		`effective uid=0\(root\) gid=65534(\(\w+\))?\n` +
		`saved     uid=0\(root\) gid=65534(\(\w+\))?\n` +
		`running setuid: the kernel checks permissions against the effective uid 0\(root\)\n$`)
	if status != 0 || !want.MatchString(out) {
		t.Errorf("setuid uids as nobody: status %d\n%s", status, out)
	}
	if out, status := asNobody("sh", "-c", "id"); status != 126 || !strings.Contains(out, "only uids may run this way") {
		t.Errorf("setuid copy run as sh: status %d %q, want 126 and a refusal", status, out)
	}
}
