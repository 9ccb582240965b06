// Package initcmd implements init(8), the teaching VM's first process.
//
// The kernel runs /init from the initramfs as process 1 with /dev/console
// as its standard streams and nothing mounted. init makes the machine
// usable (mounts /proc, /sys, /dev, /dev/pts, /tmp, /run; sets the host
// name), starts one login shell on the serial terminal, and then does the
// two jobs only PID 1 has: it adopts and reaps every orphaned process (a
// process whose parent died is re-parented to PID 1; until someone calls
// wait on it, it stays a zombie), and it turns the machine off. When the
// login shell exits, or poweroff, reboot or halt signal it (busybox's
// signals: SIGUSR2, SIGTERM, SIGUSR1), init ends every process, syncs and
// calls reboot(2).
//
// init never returns: if PID 1 exits, the kernel panics.
package initcmd

import (
	_ "embed"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/zinebox/zinebox/pkg/applet"
	"github.com/zinebox/zinebox/pkg/errno"
	"github.com/zinebox/zinebox/pkg/getopt"
	"github.com/zinebox/zinebox/pkg/inet"
	"github.com/zinebox/zinebox/pkg/userdb"
	"golang.org/x/sys/unix"
)

//go:embed init.8
var manPage string

// Applet is init.
var Applet = applet.Applet{
	Name:    "init",
	Summary: "the VM's first process: mount, run the login shell, reap orphans, power off",
	Section: "8",
	Man:     &manPage,
	Main:    run,
}

var spec = getopt.Spec{
	Prog:  "init",
	Usage: []string{""},
	Summary: "Run as process 1 by the kernel: mount /proc, /sys, /dev, /dev/pts, /tmp and /run,\n" +
		"start a login shell on the console, reap orphaned processes, and power the\n" +
		"machine off when the shell exits. Read from the kernel command line:\n" +
		"zinebox.shell=PROG, zinebox.user=NAME, zinebox.run=\"CMD\", zinebox.modules=A,B,\n" +
		"zinebox.ip=ADDR/PREFIX, zinebox.size=COLSxROWS, TERM=, console=, quiet.",
}

// isaDebugExitPort is the I/O port of QEMU's isa-debug-exit device as
// `make vm` configures it (-device isa-debug-exit,iobase=0xf4): writing a
// byte N there makes QEMU exit with status (N<<1)|1, which is how a
// zinebox.run= boot reports its command's exit status to the host.
const isaDebugExitPort = 0xf4

func run(io *applet.IO, args []string) int {
	if _, done, status := io.Parse(&spec, args, 1); done {
		return status
	}
	if unix.Getpid() != 1 {
		io.Errorf("must be run as process 1 (the kernel starts it as /init)")
		return 1
	}
	m := &machine{io: io}
	m.main() // never returns
	return 0
}

// machine is init's state: what it was told and the one child it watches.
type machine struct {
	io       *applet.IO
	cmd      Cmdline
	shellPID int
}

func (m *machine) say(format string, args ...any) {
	if !m.cmd.Quiet {
		fmt.Fprintf(m.io.Stderr, "init: "+format+"\n", args...)
	}
}

func (m *machine) warn(format string, args ...any) {
	fmt.Fprintf(m.io.Stderr, "init: "+format+"\n", args...)
}

func (m *machine) main() {
	// Ask for the signals before anything can send them: a child that
	// dies before Notify would otherwise go unnoticed until the next one.
	sigs := make(chan os.Signal, 16)
	signal.Notify(sigs, unix.SIGCHLD, unix.SIGUSR1, unix.SIGUSR2, unix.SIGTERM, unix.SIGINT)
	// Ctrl-Alt-Del becomes SIGINT to init instead of an immediate reboot.
	unix.Reboot(unix.LINUX_REBOOT_CMD_CAD_OFF)

	m.mountAll()
	cmdline, _ := os.ReadFile("/proc/cmdline")
	m.cmd = ParseCmdline(string(cmdline))
	m.setHostname()
	m.installSetuidDemo()
	if err := linkUp("lo"); err != nil {
		m.warn("cannot bring up lo: %s", errno.Message(err))
	}
	m.loadModules()
	if m.cmd.IP != "" {
		// The driver may register eth0 a moment after its module loaded.
		err := configureIP("eth0", m.cmd.IP)
		for i := 0; i < 20 && errors.Is(err, unix.ENODEV); i++ {
			time.Sleep(100 * time.Millisecond)
			err = configureIP("eth0", m.cmd.IP)
		}
		if err != nil {
			m.warn("cannot configure eth0 as %s: %s", m.cmd.IP, errno.Message(err))
		}
	}
	active, _ := os.ReadFile("/sys/class/tty/console/active")
	tty := consoleDevice(m.cmd, string(active))

	if motd, err := os.ReadFile("/etc/motd"); err == nil && !m.cmd.HasRun {
		os.Stdout.Write(motd)
	}
	pid, err := m.startShell(tty)
	if err != nil {
		m.warn("%v", err)
		m.shutdown(unix.LINUX_REBOOT_CMD_POWER_OFF, 127)
	}
	m.shellPID = pid

	for s := range sigs {
		switch s {
		case unix.SIGCHLD:
			if status, done := m.reap(); done {
				m.shutdown(unix.LINUX_REBOOT_CMD_POWER_OFF, status)
			}
		case unix.SIGUSR2:
			m.shutdown(unix.LINUX_REBOOT_CMD_POWER_OFF, -1)
		case unix.SIGTERM, unix.SIGINT:
			m.shutdown(unix.LINUX_REBOOT_CMD_RESTART, -1)
		case unix.SIGUSR1:
			m.shutdown(unix.LINUX_REBOOT_CMD_HALT, -1)
		}
	}
}

// setuidDemo is where the permissions lesson finds a setuid-root program:
// a copy of zinebox that, started setuid, runs nothing but uids(1).
const setuidDemo = "/usr/local/bin/uids"

// installSetuidDemo copies the running binary to setuidDemo with mode 4755.
// A copy, because the set-user-ID bit belongs to an inode and every applet
// link in /bin shares /bin/zinebox's; the multicall main refuses to run
// any other applet setuid, so linking the copy as "sh" gives no root shell.
func (m *machine) installSetuidDemo() {
	err := os.MkdirAll("/usr/local/bin", 0o755)
	if err == nil {
		err = copyFile("/proc/self/exe", setuidDemo+".new")
	}
	if err == nil {
		err = os.Chmod(setuidDemo+".new", os.ModeSetuid|0o755)
	}
	if err == nil {
		// Appear whole or not at all: nobody may run a half-written copy.
		err = os.Rename(setuidDemo+".new", setuidDemo)
	}
	if err != nil {
		m.warn("cannot install %s: %s", setuidDemo, errno.Message(err))
	}
}

// copyFile copies src to a new file dst inside the kernel (sendfile(2)).
func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o700)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// mountAll mounts the kernel's virtual file systems. A failure is reported
// and the boot goes on: a shell without /proc is still a shell.
func (m *machine) mountAll() {
	for _, mt := range []struct {
		fstype, target, data string
		flags                uintptr
	}{
		{"proc", "/proc", "", unix.MS_NOSUID | unix.MS_NODEV | unix.MS_NOEXEC},
		{"sysfs", "/sys", "", unix.MS_NOSUID | unix.MS_NODEV | unix.MS_NOEXEC},
		// devtmpfs: the kernel itself creates a node for every device it
		// knows (ttyS0, null, zero, random, ptmx, ...).
		{"devtmpfs", "/dev", "mode=0755", unix.MS_NOSUID},
		// devpts: where a pseudo-terminal's slave appears (/dev/pts/0)
		// when a program opens /dev/ptmx. Group tty (5), as on Debian.
		{"devpts", "/dev/pts", "gid=5,mode=0620,ptmxmode=0666", unix.MS_NOSUID | unix.MS_NOEXEC},
		{"tmpfs", "/dev/shm", "mode=1777", unix.MS_NOSUID | unix.MS_NODEV},
		{"tmpfs", "/tmp", "mode=1777", unix.MS_NOSUID | unix.MS_NODEV},
		{"tmpfs", "/run", "mode=0755", unix.MS_NOSUID | unix.MS_NODEV},
	} {
		if err := os.MkdirAll(mt.target, 0o755); err != nil {
			m.warn("cannot create %s: %s", mt.target, errno.Message(err))
			continue
		}
		err := unix.Mount(mt.fstype, mt.target, mt.fstype, mt.flags, mt.data)
		if err != nil && err != unix.EBUSY {
			m.warn("cannot mount %s on %s: %s", mt.fstype, mt.target, errno.Message(err))
		}
	}
	// What udev would add on a full system: /dev/fd and the three
	// standard streams as links into /proc/self/fd.
	for name, target := range map[string]string{
		"/dev/fd": "/proc/self/fd", "/dev/stdin": "/proc/self/fd/0",
		"/dev/stdout": "/proc/self/fd/1", "/dev/stderr": "/proc/self/fd/2",
	} {
		os.Symlink(target, name)
	}
}

func (m *machine) setHostname() {
	data, err := os.ReadFile("/etc/hostname")
	if err != nil {
		return
	}
	if name := strings.TrimSpace(string(data)); name != "" {
		if err := unix.Sethostname([]byte(name)); err != nil {
			m.warn("cannot set host name: %s", errno.Message(err))
		}
	}
}

// loadModules loads the zinebox.modules= kernel modules with
// finit_module(2), in the order given: a module's dependencies must come
// before it (there is no modules.dep in the image to work it out).
func (m *machine) loadModules() {
	for _, name := range m.cmd.Modules {
		path := "/lib/modules/" + name + ".ko"
		fd, err := unix.Open(path, unix.O_RDONLY|unix.O_CLOEXEC, 0)
		if err != nil {
			m.warn("cannot open %s: %s", path, errno.Message(err))
			continue
		}
		err = unix.FinitModule(fd, "", 0)
		unix.Close(fd)
		if err != nil && err != unix.EEXIST {
			m.warn("cannot load module %s: %s", name, errno.Message(err))
			continue
		}
		m.say("loaded module %s", name)
	}
}

// configureIP gives interface name the IPv4 address and prefix of cidr
// ("10.0.2.15/24", QEMU's user network) and brings it up, as
// `ip addr add` and `ip link set up` would.
func configureIP(name, cidr string) error {
	ip, mask, ok := parseCIDR4(cidr)
	if !ok {
		return fmt.Errorf("not an IPv4 address/prefix: %q", cidr)
	}
	fd, err := unix.Socket(unix.AF_INET, unix.SOCK_DGRAM|unix.SOCK_CLOEXEC, 0)
	if err != nil {
		return err
	}
	defer unix.Close(fd)
	for _, set := range []struct {
		req  uint
		addr []byte
	}{{unix.SIOCSIFADDR, ip}, {unix.SIOCSIFNETMASK, mask}} {
		ifr, err := unix.NewIfreq(name)
		if err != nil {
			return err
		}
		if err := ifr.SetInet4Addr(set.addr); err != nil {
			return err
		}
		if err := unix.IoctlIfreq(fd, set.req, ifr); err != nil {
			return err
		}
	}
	return linkUp(name)
}

// parseCIDR4 splits "a.b.c.d/n" into the address and the netmask of a
// prefix of n bits (0 to 32): 10.0.2.15/24 gives 10.0.2.15 and
// 255.255.255.0.
func parseCIDR4(cidr string) (ip, mask []byte, ok bool) {
	addr, bits, found := strings.Cut(cidr, "/")
	if !found {
		return nil, nil, false
	}
	ip, ok = inet.ParseIPv4(addr)
	n, err := strconv.Atoi(bits)
	if !ok || err != nil || n < 0 || n > 32 || bits[0] < '0' || bits[0] > '9' {
		return nil, nil, false
	}
	m := ^uint32(0) << (32 - n) // a shift by 32 leaves 0: prefix /0
	return ip, []byte{byte(m >> 24), byte(m >> 16), byte(m >> 8), byte(m)}, true
}

// linkUp sets the IFF_UP flag of network interface name, as `ip link set
// lo up` does. The kernel then gives lo its 127.0.0.1, so that programs in
// the VM can talk TCP to each other over localhost.
func linkUp(name string) error {
	fd, err := unix.Socket(unix.AF_INET, unix.SOCK_DGRAM|unix.SOCK_CLOEXEC, 0)
	if err != nil {
		return err
	}
	defer unix.Close(fd)
	ifr, err := unix.NewIfreq(name)
	if err != nil {
		return err
	}
	if err := unix.IoctlIfreq(fd, unix.SIOCGIFFLAGS, ifr); err != nil {
		return err
	}
	ifr.SetUint16(ifr.Uint16() | unix.IFF_UP)
	return unix.IoctlIfreq(fd, unix.SIOCSIFFLAGS, ifr)
}

// startShell starts the login shell (or the zinebox.run= command) on tty
// as the user zinebox.user= names, and returns its pid.
//
// The shell gets a session of its own (setsid) with tty as its controlling
// terminal (TIOCSCTTY): only then does the terminal send SIGINT to the
// foreground job on Ctrl-C. /dev/console cannot serve: the kernel never
// makes it a controlling terminal by open(2), so a shell on it gets no
// job control and Ctrl-C would do nothing.
func (m *machine) startShell(tty string) (int, error) {
	name := m.cmd.User
	if name == "" {
		name = "root"
	}
	db := userdb.New("/etc")
	u, ok := db.LookupUser(name)
	if !ok {
		return 0, fmt.Errorf("unknown user '%s' in zinebox.user=", name)
	}
	shell := u.Shell
	if shell == "" {
		shell = "/bin/sh"
	}
	path, argv := shell, []string{filepath.Base(shell), "-l"}
	switch {
	case m.cmd.HasRun:
		path, argv = "/bin/sh", []string{"sh", "-c", m.cmd.Run}
	case m.cmd.Shell != "":
		argv = strings.Fields(m.cmd.Shell)
		path = argv[0]
	}
	term := m.cmd.Term
	if term == "" {
		term = "vt100"
	}
	env := []string{
		"HOME=" + u.Home, "USER=" + u.Name, "LOGNAME=" + u.Name, "SHELL=" + shell,
		"PATH=/usr/local/bin:/bin:/sbin:/usr/bin:/usr/sbin", "TERM=" + term,
	}

	fd, err := unix.Open(tty, unix.O_RDWR|unix.O_NOCTTY|unix.O_CLOEXEC, 0)
	if err != nil {
		return 0, fmt.Errorf("cannot open %s: %s", tty, errno.Message(err))
	}
	defer unix.Close(fd)
	// A serial line has no size: tell programs the host terminal's
	// (zinebox.size=), else 80x24 as a VT100's, so that ls columns and
	// line editing have a width.
	if ws, err := unix.IoctlGetWinsize(fd, unix.TIOCGWINSZ); err == nil && (ws.Col == 0 || m.cmd.Cols != 0) {
		size := unix.Winsize{Row: 24, Col: 80}
		if m.cmd.Cols != 0 {
			size = unix.Winsize{Row: m.cmd.Rows, Col: m.cmd.Cols}
		}
		unix.IoctlSetWinsize(fd, unix.TIOCSWINSZ, &size)
	}
	dir := u.Home
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		dir = "/"
	}
	sys := &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 0}
	if u.UID != 0 {
		groups := db.GroupsOf(u.Name, u.GID)
		sys.Credential = &syscall.Credential{Uid: u.UID, Gid: u.GID, Groups: groups}
	}
	m.say("starting %s as %s on %s", strings.Join(argv, " "), u.Name, tty)
	pid, err := syscall.ForkExec(path, argv, &syscall.ProcAttr{
		Dir:   dir,
		Env:   env,
		Files: []uintptr{uintptr(fd), uintptr(fd), uintptr(fd)},
		Sys:   sys,
	})
	if err != nil {
		return 0, fmt.Errorf("cannot run %s: %s", path, errno.Message(err))
	}
	return pid, nil
}

// reap collects every child that has ended: the login shell and every
// orphan the kernel handed to init. It reports the shell's exit status
// once the shell is among them.
func (m *machine) reap() (status int, shellDone bool) {
	for {
		var ws unix.WaitStatus
		pid, err := unix.Wait4(-1, &ws, unix.WNOHANG, nil)
		if err == unix.EINTR {
			continue
		}
		if err != nil || pid <= 0 {
			return status, shellDone
		}
		if pid == m.shellPID && m.shellPID != 0 {
			shellDone = true
			switch {
			case ws.Exited():
				status = ws.ExitStatus()
			case ws.Signaled():
				status = 128 + int(ws.Signal())
			}
		}
	}
}

// shutdown ends the machine as busybox's init does: SIGTERM to every
// process, a moment for them to exit, SIGKILL to the rest, sync, then
// reboot(2) with how. A status >= 0 is the zinebox.run= command's, handed
// to QEMU through isa-debug-exit first.
func (m *machine) shutdown(how int, status int) {
	signal.Ignore(unix.SIGCHLD, unix.SIGUSR1, unix.SIGUSR2, unix.SIGTERM, unix.SIGINT)
	unix.Sync()
	// kill(-1) reaches every process but init itself.
	if unix.Kill(-1, unix.SIGTERM) == nil {
		m.say("sent SIGTERM to all processes")
		waitAll(time.Second)
		if unix.Kill(-1, unix.SIGKILL) == nil {
			m.say("sent SIGKILL to all processes")
			waitAll(time.Second)
		}
	}
	unix.Sync()
	if m.cmd.HasRun && status >= 0 {
		if f, err := os.OpenFile("/dev/port", os.O_WRONLY, 0); err == nil {
			f.WriteAt([]byte{byte(status)}, isaDebugExitPort)
			f.Close()
		}
	}
	err := unix.Reboot(how)
	m.warn("reboot: %s", errno.Message(err))
	for {
		time.Sleep(time.Hour)
	}
}

// waitAll reaps children until none is left or d has passed.
func waitAll(d time.Duration) {
	deadline := time.Now().Add(d)
	for time.Now().Before(deadline) {
		var ws unix.WaitStatus
		pid, err := unix.Wait4(-1, &ws, unix.WNOHANG, nil)
		if err == unix.ECHILD {
			return
		}
		if pid <= 0 {
			time.Sleep(20 * time.Millisecond)
		}
	}
}
