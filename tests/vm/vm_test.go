package vmtest

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestVM boots the teaching VM once and checks, subtest by subtest, what
// issue 9 promises a learner: a prompt, root, the file system's modes,
// init and the shell in ps, orphans reaped by init, su, and `exit`
// powering the machine off. Ctrl-C has a boot of its own (TestCtrlC).
func TestVM(t *testing.T) {
	vm := Boot(t)

	t.Run("prompt", func(t *testing.T) {
		tr := vm.Transcript()
		if !strings.Contains(tr, "Welcome to zinebox") {
			t.Errorf("no motd before the first prompt")
		}
		if !PromptRE.MatchString(strings.TrimRight(tr, "\r\n")) && !strings.HasSuffix(strings.TrimSpace(tr), "#") {
			t.Errorf("transcript does not end with a prompt: %q", lastBytes(tr, 80))
		}
		out := vm.MustRun("echo $USER $HOME $PATH; pwd", 0)
		if want := "root /root /usr/local/bin:/bin:/sbin:/usr/bin:/usr/sbin\n/root\n"; out != want {
			t.Errorf("environment: got %q, want %q", out, want)
		}
	})

	t.Run("status", func(t *testing.T) {
		if _, status, err := vm.Run("false"); err != nil || status != 1 {
			t.Errorf("false: status %d, %v", status, err)
		}
		if out, status, err := vm.Run("echo a; echo b >&2; (exit 42)"); err != nil || status != 42 || out != "a\nb\n" {
			t.Errorf("got %q, %d, %v", out, status, err)
		}
	})

	t.Run("id", func(t *testing.T) {
		RequireApplets(t, "id")
		if out := vm.MustRun("id", 0); out != "uid=0(root) gid=0(root) groups=0(root)\n" {
			t.Errorf("id: %q", out)
		}
	})

	t.Run("ls -l /", func(t *testing.T) {
		RequireApplets(t, "ls")
		out := vm.MustRun("ls -l /", 0)
		want := map[string]string{
			"bin": "drwxr-xr-x", "dev": "drwxr-xr-x", "etc": "drwxr-xr-x", "proc": "dr-xr-xr-x",
			"root": "drwx------", "tmp": "drwxrwxrwt", "init": "lrwxrwxrwx",
		}
		for _, line := range strings.Split(out, "\n") {
			f := strings.Fields(line)
			if len(f) < 9 {
				continue
			}
			name := f[8]
			if mode, ok := want[name]; ok {
				if f[0] != mode {
					t.Errorf("/%s: mode %s, want %s", name, f[0], mode)
				}
				delete(want, name)
			}
		}
		for name := range want {
			t.Errorf("ls -l / does not show %s:\n%s", name, out)
		}
		// The root itself must not be world-writable (cpio's "." entry).
		if out := vm.MustRun("ls -ld /", 0); !strings.HasPrefix(out, "drwxr-xr-x ") {
			t.Errorf("ls -ld /: %q", out)
		}
	})

	t.Run("mounts", func(t *testing.T) {
		out := vm.MustRun("cat /proc/mounts", 0)
		for _, m := range []string{"proc /proc proc", "sysfs /sys sysfs", "devtmpfs /dev devtmpfs",
			"devpts /dev/pts devpts", "tmpfs /tmp tmpfs", "tmpfs /run tmpfs"} {
			if !strings.Contains(out, m+" ") {
				t.Errorf("/proc/mounts has no %q:\n%s", m, out)
			}
		}
		// lo is up (IFF_UP|IFF_LOOPBACK) for TCP over localhost.
		if out := vm.MustRun("cat /sys/class/net/lo/flags", 0); out != "0x9\n" {
			t.Errorf("lo flags: %q", out)
		}
		if out := vm.MustRun("cat /proc/sys/kernel/hostname", 0); out != "zinebox\n" {
			t.Errorf("hostname: %q", out)
		}
	})

	t.Run("ps shows init and sh", func(t *testing.T) {
		RequireApplets(t, "ps")
		out := vm.MustRun("ps -e", 0)
		if !regexp.MustCompile(`(?m)^\s*1 .*\binit$`).MatchString(out) {
			t.Errorf("ps -e: no init as PID 1:\n%s", out)
		}
		if !regexp.MustCompile(`(?m)^\s*\d+ ttyS0 .*\bsh$`).MatchString(out) {
			t.Errorf("ps -e: no sh on ttyS0:\n%s", out)
		}
	})

	t.Run("orphans are reaped", func(t *testing.T) {
		RequireApplets(t, "sleep", "cat")
		// The subshell exits at once; its 200 children become init's.
		// 200 Go processes under TCG: a minute or more on a busy machine.
		if _, status, err := vm.RunTimeout(`(i=0; while [ $i -lt 200 ]; do sleep 0.1 & i=$((i+1)); done)`, 5*time.Minute); err != nil || status != 0 {
			t.Fatalf("starting 200 orphans: status %d, %v", status, err)
		}
		vm.MustRun("sleep 2", 0)
		// Field 3 of /proc/PID/stat is the state; Z is a zombie.
		out := vm.MustRun(`cat /proc/[0-9]*/stat 2>/dev/null`, 0)
		zombies := 0
		procs := 0
		for _, line := range strings.Split(out, "\n") {
			_, rest, ok := strings.Cut(line, ") ")
			if !ok {
				continue
			}
			procs++
			if strings.HasPrefix(rest, "Z") {
				zombies++
			}
		}
		if procs == 0 {
			t.Fatalf("no process read from /proc:\n%s", out)
		}
		if zombies > 0 {
			t.Errorf("%d zombies after 200 orphans ended:\n%s", zombies, out)
		}
		if HasApplet(t, "ps") {
			if out := vm.MustRun("ps -e -o stat", 0); strings.Contains(out, "Z") {
				t.Errorf("ps shows zombies:\n%s", out)
			}
		}
	})

	t.Run("su learner", func(t *testing.T) {
		out := vm.MustRun(`su learner -c 'echo $USER $HOME; cd; pwd'`, 0)
		if out != "learner /home/learner\n/home/learner\n" {
			t.Errorf("su learner: %q", out)
		}
		// su - gives a login shell: a clean environment, the home directory,
		// and /etc/profile's PATH.
		out = vm.MustRun(`su - learner -c 'echo $USER $HOME $PATH; pwd'`, 0)
		if out != "learner /home/learner /usr/local/bin:/bin:/sbin:/usr/bin:/usr/sbin\n/home/learner\n" {
			t.Errorf("su - learner: %q", out)
		}
		// learner may not write in root's home.
		if _, status, err := vm.Run(`su learner -c 'echo x > /root/x'`); err != nil || status == 0 {
			t.Errorf("learner wrote to /root: status %d, %v", status, err)
		}
	})

	t.Run("exit powers off", func(t *testing.T) {
		if err := vm.SendLine("exit"); err != nil {
			t.Fatal(err)
		}
		code, err := vm.Wait(DefaultBootTimeout)
		if err != nil {
			t.Fatal(err)
		}
		if code != 0 {
			t.Errorf("QEMU exit status %d after exit, want 0", code)
		}
		if !strings.Contains(vm.Transcript(), "reboot: Power down") {
			t.Errorf("no power-down message from the kernel")
		}
	})
}

// TestPoweroffReboot boots for each of the applets that ask init to stop
// the machine; with -no-reboot both end QEMU.
func TestPoweroffReboot(t *testing.T) {
	for _, tc := range []struct{ cmd, kernelSays string }{
		{"poweroff", "reboot: Power down"},
		{"reboot", "reboot: Restarting system"},
	} {
		t.Run(tc.cmd, func(t *testing.T) {
			vm := Boot(t)
			if err := vm.SendLine(tc.cmd); err != nil {
				t.Fatal(err)
			}
			code, err := vm.Wait(DefaultBootTimeout)
			if err != nil {
				t.Fatal(err)
			}
			if code != 0 {
				t.Errorf("QEMU exit status %d, want 0", code)
			}
			if !strings.Contains(vm.Transcript(), tc.kernelSays) {
				t.Errorf("the kernel did not say %q", tc.kernelSays)
			}
		})
	}
}

// TestRunOnce checks zinebox.run=: the command runs, the machine powers
// off, and QEMU's exit status carries the command's.
func TestRunOnce(t *testing.T) {
	status, tr := RunOnce(t, "echo one-shot; exit 7")
	if status != 7 {
		t.Errorf("status %d, want 7\n%s", status, tr)
	}
	if !strings.Contains(tr, "one-shot\r\n") && !strings.Contains(tr, "one-shot\n") {
		t.Errorf("command output missing:\n%s", tr)
	}
	if strings.Contains(tr, "Welcome to zinebox") {
		t.Errorf("a one-shot boot printed the motd")
	}
}

// TestLearner boots straight into the unprivileged user.
func TestLearner(t *testing.T) {
	vm := Boot(t, Append("zinebox.user=learner"))
	if out := vm.MustRun("echo $USER $HOME; pwd; cat /proc/self/status", 0); !strings.HasPrefix(out, "learner /home/learner\n/home/learner\n") ||
		!regexp.MustCompile(`(?m)^Uid:\s+1000\s+1000\s+1000\s+1000$`).MatchString(out) {
		t.Errorf("learner's shell: %q", out)
	}
	if _, status, err := vm.Run("poweroff"); err != nil || status != 1 {
		t.Errorf("poweroff as learner: status %d, %v (want 1: only root may signal init)", status, err)
	}
}

// TestNet boots as `make vm NET=1` does: init loads the virtio network
// driver's modules in dependency order and configures eth0.
func TestNet(t *testing.T) {
	RequireApplets(t, "cat")
	mods := filepath.Join(KernelDir(t), "modules")
	overlay := t.TempDir()
	if err := os.MkdirAll(filepath.Join(overlay, "lib/modules"), 0o755); err != nil {
		t.Fatal(err)
	}
	order := []string{"failover", "net_failover", "virtio_ring", "virtio", "virtio_pci_legacy_dev", "virtio_pci_modern_dev", "virtio_pci", "virtio_net"}
	for _, m := range order {
		data, err := os.ReadFile(filepath.Join(mods, m+".ko"))
		if err != nil {
			t.Skipf("kernel module %s: %v", m, err)
		}
		if err := os.WriteFile(filepath.Join(overlay, "lib/modules", m+".ko"), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	vm := Boot(t, Overlay(overlay), QEMUArgs("-nic", "user,model=virtio-net-pci"),
		Append("zinebox.modules="+strings.Join(order, ","), "zinebox.ip=10.0.2.15/24"))
	if strings.Contains(vm.Transcript(), "init: cannot") {
		t.Errorf("init reported an error:\n%s", vm.Transcript())
	}
	// flags: IFF_UP|IFF_BROADCAST|IFF_MULTICAST (operstate follows a moment later).
	out := vm.MustRun("cat /sys/class/net/eth0/flags /proc/net/route /proc/modules", 0)
	for _, want := range []string{"0x1003\n", "eth0\t0002000A\t00000000\t0001\t", "virtio_net "} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in:\n%s", want, out)
		}
	}
}
