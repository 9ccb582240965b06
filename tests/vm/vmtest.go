// Package vmtest drives the zinebox teaching VM (or a local `zinebox sh -i`)
// from Go tests, the way a person at its terminal would: type a line, wait
// for what comes back.
//
// Boot builds a stripped zinebox, packs it with `zinebox initramfs`, fetches
// Debian's kernel with initramfs/fetch-kernel.sh, starts QEMU on a
// pseudo-terminal through github.com/google/goexpect and waits for the
// shell's prompt:
//
//	func TestHello(t *testing.T) {
//		vm := vmtest.Boot(t, vmtest.Add("/usr/bin/strace"))
//		out, status, err := vm.Run("echo hello")
//		if err != nil || status != 0 || out != "hello\n" {
//			t.Fatalf("echo hello: %q, %d, %v", out, status, err)
//		}
//		vm.Poweroff()
//	}
//
// Shell gives the same API over `zinebox sh -i` in a local pty, and RunOnce
// boots with zinebox.run= and returns the command's exit status as QEMU
// reports it through isa-debug-exit.
//
// Boots are slow without KVM (2 to 20 s on a loaded 2-core machine), so
// tests share one VM across subtests where they can, and every timeout is
// generous. On failure the whole console transcript goes to the test log
// and to a file under build/vmtest/.
package vmtest

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	expect "github.com/google/goexpect"
)

// Defaults; each can be changed with an Option.
const (
	DefaultBootTimeout = 180 * time.Second // boots took 75 s under TCG with a load average of 36
	DefaultTimeout     = 60 * time.Second  // one command
	DefaultMemory      = 256               // MiB; 64 hangs, 96 boots
)

// KernelArgs is the kernel command line every boot starts with, as
// initramfs/run-vm.sh's. no_timer_check: on a loaded host, TCG can be so
// slow that the kernel's check of the IO-APIC timer fails and it panics
// ("IO-APIC + timer doesn't work!") a moment into the boot; VMs skip it.
const KernelArgs = "console=ttyS0 quiet panic=-1 no_timer_check"

// PromptRE matches a shell prompt at the very end of the output so far:
// "# " or "$ ", perhaps followed by a line editor's terminal controls (erase
// to end of line, carriage return, cursor moves).
var PromptRE = regexp.MustCompile(`[#$] (?:\x1b\[[0-9;?]*[A-Za-z]|\r)*$`)

// Option changes how a VM or shell is started.
type Option func(*config)

type config struct {
	memory      int
	appendArgs  []string
	add         []string
	bootTimeout time.Duration
	timeout     time.Duration
	image       string
	kernel      string
	env         []string
	program     []string
	home        string
	overlay     []string
	qemuArgs    []string
}

// Memory sets the VM's memory in MiB.
func Memory(mib int) Option { return func(c *config) { c.memory = mib } }

// Append adds arguments to the kernel command line ("zinebox.user=learner").
func Append(args ...string) Option {
	return func(c *config) { c.appendArgs = append(c.appendArgs, args...) }
}

// Add copies host programs into the image with their libraries (--add).
func Add(paths ...string) Option { return func(c *config) { c.add = append(c.add, paths...) } }

// Overlay copies the host directory tree dir over the image's root
// (--overlay).
func Overlay(dir string) Option { return func(c *config) { c.overlay = append(c.overlay, dir) } }

// QEMUArgs adds arguments to QEMU's command line (devices, -nic ...).
func QEMUArgs(args ...string) Option {
	return func(c *config) { c.qemuArgs = append(c.qemuArgs, args...) }
}

// BootTimeout bounds the wait for the first prompt.
func BootTimeout(d time.Duration) Option { return func(c *config) { c.bootTimeout = d } }

// Timeout is the default bound of Run and ExpectPrompt.
func Timeout(d time.Duration) Option { return func(c *config) { c.timeout = d } }

// Image boots a ready image instead of building one.
func Image(path string) Option { return func(c *config) { c.image = path } }

// Kernel boots this kernel (an ELF vmlinux or a bzImage) instead of the one
// fetch-kernel.sh provides; ZINEBOX_KERNEL does the same for every test.
func Kernel(path string) Option { return func(c *config) { c.kernel = path } }

// Env adds environment variables for a local shell (Shell only).
func Env(kv ...string) Option { return func(c *config) { c.env = append(c.env, kv...) } }

// Program makes Shell start argv (another shell, such as
// "bash", "--norc", "--noprofile", "-i") instead of `zinebox sh -i`, to
// run the same script against it.
func Program(argv ...string) Option { return func(c *config) { c.program = argv } }

// Home makes Shell start in dir, which is also $HOME, instead of a fresh
// temporary directory: two shells in turn share their history file.
func Home(dir string) Option { return func(c *config) { c.home = dir } }

func newConfig(opts []Option) *config {
	c := &config{memory: DefaultMemory, bootTimeout: DefaultBootTimeout, timeout: DefaultTimeout}
	for _, o := range opts {
		o(c)
	}
	return c
}

// VM is a running VM (or local shell) and its terminal.
type VM struct {
	t       testing.TB
	cfg     *config
	exp     *expect.GExpect
	done    <-chan error
	log     *transcript
	name    string
	seq     int
	exited  bool
	exitErr error
}

// Boot starts the VM and waits for its first prompt. It skips the test when
// QEMU is not installed (unless ZINEBOX_VM_REQUIRED=1, as `make test` sets)
// or when the binary has no sh applet yet. The VM is killed when the test
// ends.
func Boot(t testing.TB, opts ...Option) *VM {
	t.Helper()
	vm := Start(t, opts...)
	if _, err := vm.ExpectPrompt(vm.cfg.bootTimeout); err != nil {
		t.Fatalf("vmtest: no shell prompt after %v: %v", vm.cfg.bootTimeout, err)
	}
	return vm
}

// Start starts the VM without waiting for anything: for boots that run a
// command and power off, or tests of the boot itself.
func Start(t testing.TB, opts ...Option) *VM {
	t.Helper()
	cfg := newConfig(opts)
	RequireApplets(t, "sh")
	qemu := requireQEMU(t)
	image := cfg.image
	if image == "" {
		image = buildImage(t, cfg.add, cfg.overlay)
	}
	kernel := cfg.kernel
	if kernel == "" {
		kernel = os.Getenv("ZINEBOX_KERNEL")
	}
	if kernel == "" {
		kernel = FetchKernel(t)
	}
	args := []string{qemu}
	if os.Getenv("ZINEBOX_KVM") == "1" {
		args = append(args, "-accel", "kvm")
	}
	nic := []string{"-nic", "none"}
	for _, a := range cfg.qemuArgs {
		if a == "-nic" || a == "-netdev" {
			nic = nil
		}
	}
	args = append(args, nic...)
	args = append(args, cfg.qemuArgs...)
	args = append(args,
		"-m", strconv.Itoa(cfg.memory), "-no-reboot",
		"-display", "none", "-serial", "mon:stdio",
		"-device", "isa-debug-exit,iobase=0xf4,iosize=0x04",
		"-kernel", kernel, "-initrd", image,
		"-append", strings.Join(append(strings.Fields(KernelArgs), cfg.appendArgs...), " "))
	return spawn(t, cfg, "vm", args, nil)
}

// Shell starts `zinebox sh -i` on a local pseudo-terminal in a fresh
// temporary working directory, which is also $HOME, and waits for its
// prompt. PS1 is "$ ". Program runs another shell instead, Home
// chooses the directory.
func Shell(t testing.TB, opts ...Option) *VM {
	t.Helper()
	cfg := newConfig(opts)
	RequireApplets(t, "sh")
	bin := Binary(t)
	dir := cfg.home
	if dir == "" {
		dir = t.TempDir()
	}
	prog := cfg.program
	if prog == nil {
		prog = []string{bin, "sh", "-i"}
	}
	// goexpect makes its pty raw; a person's terminal is not: stty sane
	// gives the shell the usual line discipline (ISIG for Ctrl-C, ECHO,
	// ICRNL, ONLCR) before it starts.
	args := append([]string{"/bin/sh", "-c", `cd "$1" && shift && stty sane cols 80 rows 24 2>/dev/null; exec "$@"`, "sh", dir}, prog...)
	env := append([]string{"PATH=" + filepath.Dir(bin) + ":/usr/bin:/bin", "HOME=" + dir, "TERM=vt100", "PS1=$ ", "ENV=", "LC_ALL=C"}, cfg.env...)
	name := "shell"
	if cfg.program != nil {
		name = filepath.Base(cfg.program[0])
	}
	vm := spawn(t, cfg, name, args, env)
	if _, err := vm.ExpectPrompt(cfg.bootTimeout); err != nil {
		t.Fatalf("vmtest: no shell prompt: %v", err)
	}
	return vm
}

func spawn(t testing.TB, cfg *config, name string, args, env []string) *VM {
	t.Helper()
	log := &transcript{}
	opts := []expect.Option{expect.PartialMatch(true), expect.Tee(log), expect.CheckDuration(50 * time.Millisecond)}
	if env != nil {
		opts = append(opts, expect.SetEnv(env))
	}
	// SpawnWithArgs, not Spawn: Spawn splits its command at spaces and
	// would cut the quoted kernel command line apart.
	exp, done, err := expect.SpawnWithArgs(args, cfg.timeout, opts...)
	if err != nil {
		t.Fatalf("vmtest: starting %s: %v", args[0], err)
	}
	vm := &VM{t: t, cfg: cfg, exp: exp, done: done, log: log, name: name}
	t.Cleanup(vm.cleanup)
	return vm
}

func (vm *VM) cleanup() {
	if !vm.exited {
		vm.exp.Close()
		select {
		case <-vm.done:
		case <-time.After(10 * time.Second):
		}
	}
	if vm.t.Failed() {
		vm.dumpTranscript()
	}
}

func (vm *VM) dumpTranscript() {
	text := vm.Transcript()
	const tail = 16 << 10
	shown := text
	if len(shown) > tail {
		shown = "...\n" + shown[len(shown)-tail:]
	}
	vm.t.Logf("console transcript (%s):\n%s", vm.name, shown)
	if root, err := RepoRoot(); err == nil {
		dir := filepath.Join(root, "build", "vmtest")
		os.MkdirAll(dir, 0o755)
		file := filepath.Join(dir, strings.NewReplacer("/", "_", " ", "_").Replace(vm.t.Name())+".log")
		if os.WriteFile(file, []byte(text), 0o644) == nil {
			vm.t.Logf("full transcript: %s", file)
		}
	}
}

// Transcript returns everything the console printed so far.
func (vm *VM) Transcript() string { return vm.log.String() }

// Send types s on the terminal as it is (add "\r" for Enter). On a VM,
// Ctrl-A goes through QEMU's monitor multiplexer (-serial mon:stdio), for
// which it is the escape key: Send doubles it, which QEMU passes on as one
// Ctrl-A.
func (vm *VM) Send(s string) error {
	if vm.name == "vm" {
		s = strings.ReplaceAll(s, "\x01", "\x01\x01")
	}
	return vm.exp.Send(s)
}

// SendLine types s and Enter.
func (vm *VM) SendLine(s string) error { return vm.Send(s + "\r") }

// Expect waits until re matches the output that has not yet been consumed,
// and returns that output up to the end of the match, and the submatches.
// Output after the match is kept for the next call.
func (vm *VM) Expect(re *regexp.Regexp, timeout time.Duration) (string, []string, error) {
	if timeout <= 0 {
		timeout = vm.cfg.timeout
	}
	out, match, err := vm.exp.Expect(re, timeout)
	if err != nil {
		return out, match, fmt.Errorf("waiting for %q: %w (last output: %q)", re, err, lastBytes(out, 200))
	}
	return out, match, nil
}

// ExpectPrompt waits for the shell's prompt (PromptRE).
func (vm *VM) ExpectPrompt(timeout time.Duration) (string, error) {
	out, _, err := vm.Expect(PromptRE, timeout)
	return out, err
}

// Interrupt types Ctrl-C: the terminal sends SIGINT to the foreground job.
func (vm *VM) Interrupt() error { return vm.exp.Send("\x03") }

// Run types cmd at the prompt and returns what it printed (without the
// echoed command line and with "\r" removed), its exit status ($?), and an
// error when the output's end or the next prompt did not come in time.
// It waits for the next prompt, so the terminal is ready for the next
// command. cmd must be one line; a trailing & runs it in the background.
//
// How: the line typed is `echo "__ZB""_B1__"; CMD; echo "__ZB""_E1__:$?"`.
// The terminal echoes the quotes; the shell prints the markers without
// them, so the markers in the output are never the echo's.
func (vm *VM) Run(cmd string) (string, int, error) {
	return vm.RunTimeout(cmd, vm.cfg.timeout)
}

// RunTimeout is Run with its own timeout.
func (vm *VM) RunTimeout(cmd string, timeout time.Duration) (string, int, error) {
	vm.seq++
	begin := fmt.Sprintf("__ZB_B%d__", vm.seq)
	end := fmt.Sprintf("__ZB_E%d__", vm.seq)
	sep := ";"
	if c := strings.TrimSpace(cmd); strings.HasSuffix(c, "&") && !strings.HasSuffix(c, "&&") {
		sep = ""
	}
	line := fmt.Sprintf(`echo "__ZB""_B%d__"; %s%s echo "__ZB""_E%d__:$?"`, vm.seq, cmd, sep, vm.seq)
	if err := vm.SendLine(line); err != nil {
		return "", -1, err
	}
	endRE := regexp.MustCompile(regexp.QuoteMeta(end) + `:(\d+)\r?\n`)
	out, m, err := vm.Expect(endRE, timeout)
	if err != nil {
		return "", -1, fmt.Errorf("run %q: %w", cmd, err)
	}
	status, _ := strconv.Atoi(m[1])
	// The output is what lies between the begin marker's line and the end
	// marker (which follows the command's last byte directly).
	i := strings.LastIndex(out, begin)
	j := strings.LastIndex(out, end)
	if i < 0 || j < i {
		return "", status, fmt.Errorf("run %q: no begin marker in %q", cmd, out)
	}
	body := out[i+len(begin) : j]
	body = strings.TrimPrefix(strings.TrimPrefix(body, "\r"), "\r")
	body = strings.TrimPrefix(body, "\n")
	body = strings.ReplaceAll(body, "\r", "")
	if _, err := vm.ExpectPrompt(timeout); err != nil {
		return body, status, fmt.Errorf("run %q: %w", cmd, err)
	}
	return body, status, nil
}

// MustRun is Run that fails the test on a timeout or a status other than
// want.
func (vm *VM) MustRun(cmd string, want int) string {
	vm.t.Helper()
	out, status, err := vm.Run(cmd)
	if err != nil {
		vm.t.Fatalf("%v", err)
	}
	if status != want {
		vm.t.Fatalf("%s: exit status %d, want %d; output:\n%s", cmd, status, want, out)
	}
	return out
}

// Wait waits for the VM (QEMU) or shell process to end and returns its exit
// status.
func (vm *VM) Wait(timeout time.Duration) (int, error) {
	if !vm.exited {
		select {
		case err := <-vm.done:
			vm.exited, vm.exitErr = true, err
		case <-time.After(timeout):
			return -1, fmt.Errorf("vmtest: %s still running after %v", vm.name, timeout)
		}
	}
	var ee *exec.ExitError
	switch {
	case vm.exitErr == nil:
		return 0, nil
	case errors.As(vm.exitErr, &ee):
		return ee.ExitCode(), nil
	}
	return -1, vm.exitErr
}

// Poweroff types poweroff and waits for QEMU to exit; it returns QEMU's
// exit status (0 for a clean power-off). On a local shell it types exit
// instead: poweroff there would signal the host's init.
func (vm *VM) Poweroff() (int, error) {
	cmd := "poweroff"
	if vm.name != "vm" {
		cmd = "exit"
	}
	if err := vm.SendLine(cmd); err != nil {
		return -1, err
	}
	return vm.Wait(vm.cfg.bootTimeout)
}

// RunOnce boots with zinebox.run="cmd" (init runs `sh -c cmd` and powers
// off) and returns the command's exit status, decoded from QEMU's
// (status<<1)|1, and the console transcript. A QEMU status of 0 (power-off
// without a report) is returned as -1.
func RunOnce(t testing.TB, cmd string, opts ...Option) (int, string) {
	t.Helper()
	if strings.Contains(cmd, `"`) {
		t.Fatalf("vmtest.RunOnce: the kernel command line cannot quote %q", cmd)
	}
	opts = append(opts, Append(`zinebox.run="`+cmd+`"`))
	vm := Start(t, opts...)
	code, err := vm.Wait(vm.cfg.bootTimeout)
	if err != nil {
		t.Fatalf("vmtest.RunOnce(%q): %v", cmd, err)
	}
	if code&1 == 0 {
		return -1, vm.Transcript()
	}
	return code >> 1, vm.Transcript()
}

type transcript struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (l *transcript) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(p)
}

func (l *transcript) Close() error { return nil }

func (l *transcript) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}

func lastBytes(s string, n int) string {
	if len(s) > n {
		return s[len(s)-n:]
	}
	return s
}

// RepoRoot returns the zinebox repository's root directory: where this
// file's package was compiled from, or the first directory up from the
// working directory that has the module's go.mod.
func RepoRoot() (string, error) {
	if _, file, _, ok := runtime.Caller(0); ok && filepath.IsAbs(file) {
		root := filepath.Join(filepath.Dir(file), "..", "..")
		if isRepo(root) {
			return filepath.Clean(root), nil
		}
	}
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if isRepo(dir) {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("vmtest: not inside the zinebox repository")
		}
		dir = parent
	}
}

func isRepo(dir string) bool {
	data, err := os.ReadFile(filepath.Join(dir, "go.mod"))
	return err == nil && bytes.HasPrefix(data, []byte("module github.com/zinebox/zinebox\n"))
}
