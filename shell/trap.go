package shell

import (
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"

	zsig "github.com/zinebox/zinebox/pkg/signal"
)

// Traps: a trapped signal is delivered by Go's os/signal to a channel;
// the shell looks at the channel between commands and runs the action
// then, as POSIX says ("traps run between commands"). An ignored signal
// (trap '' SIG) is really SIG_IGN, so children inherit it.

// goIgnores lists the signals whose default action kills a process but
// which the Go runtime catches and drops when nobody asked for them
// ("other signals will be caught but no action will be taken"). A shell
// must die of them like dash: `kill -USR1 $$`.
var goIgnores = [...]syscall.Signal{syscall.SIGUSR1, syscall.SIGUSR2, syscall.SIGALRM, syscall.SIGVTALRM,
	syscall.SIGXCPU, syscall.SIGXFSZ, syscall.SIGIO, syscall.SIGPWR, syscall.SIGPIPE}

// defaultSignals gives those signals their kernel default action.
func defaultSignals() {
	for _, sig := range goIgnores {
		setDefault(sig)
	}
}

// setDefault makes sig SIG_DFL in the kernel (see signal.SetDefault).
func setDefault(sig syscall.Signal) { zsig.SetDefault(sig) }

func goIgnored(sig syscall.Signal) bool {
	for _, g := range goIgnores {
		if g == sig {
			return true
		}
	}
	return false
}

// restoreSignal puts a signal back to what the shell's trap table says.
func (s *Shell) restoreSignal(sig syscall.Signal) {
	t := s.traps[sig]
	switch {
	case s.ignored[sig]:
		signal.Ignore(sig)
	case t == nil:
		signal.Reset(sig)
		if sig == syncSentinel {
			s.syncCh = nil // Reset dropped its registration too
		}
		if goIgnored(sig) {
			setDefault(sig)
		}
	case *t == "":
		signal.Ignore(sig)
	default:
		if s.sigCh == nil {
			s.sigCh = make(chan os.Signal, 32)
		}
		signal.Notify(s.sigCh, sig)
	}
}

// runPendingTraps runs the actions of trapped signals that arrived.
func (s *Shell) runPendingTraps() {
	if s.interruptPending() {
		s.takeInterrupt()
	}
	if s.sigCh == nil || s.inTrap {
		return
	}
	if s.signalsDue {
		s.syncSignals()
	}
	for {
		select {
		case sg := <-s.sigCh:
			sig := sg.(syscall.Signal)
			if t := s.traps[sig]; t != nil && *t != "" {
				s.runTrap(*t)
			}
		default:
			return
		}
	}
}

// syncSentinel is the signal syncSignals sends itself: SIGRTMAX, which no
// program of ours uses and which the Go runtime leaves to os/signal.
const syncSentinel = syscall.Signal(64)

// syncSignals returns once every signal that reached the process before
// the call is in s.sigCh. os/signal forwards signals from a goroutine,
// so when wait4 returns, a SIGINT that the child sent to its process group
// (`kill -INT 0`) may not be in the channel yet, and the trap would run a
// command late or never. The shell sends itself a sentinel and waits for
// it: the kernel delivers pending standard signals before real-time ones,
// and the runtime hands signals to os/signal in ascending order, so the
// earlier signals are through when the sentinel is. Only shells with
// traps pay for it, once after each command that ran a process.
func (s *Shell) syncSignals() {
	s.signalsDue = false
	if s.sigCh == nil || s.traps[syncSentinel] != nil {
		return
	}
	if s.syncCh == nil {
		s.syncCh = make(chan os.Signal, 1)
		signal.Notify(s.syncCh, syncSentinel)
	}
	// a sentinel of an earlier call that came after its timeout would
	// end this wait at once
	for drained := false; !drained; {
		select {
		case <-s.syncCh:
		default:
			drained = true
		}
	}
	if syscall.Kill(os.Getpid(), syncSentinel) != nil {
		return
	}
	select {
	case <-s.syncCh:
	case <-afterMillis(5000): // never hang the shell on it (a loaded machine is slow)
	}
}

// runTrap runs a trap action; $? is kept across it.
func (s *Shell) runTrap(action string) {
	status := s.status
	s.inTrap = true
	ctl := s.ctl
	s.ctl = ctlNone
	s.evalString(action, "trap")
	s.inTrap = false
	if s.ctl != ctlNone {
		return // `return N` or `break` in the action: its status stands
	}
	s.ctl = ctl
	s.status = status
}

// runExitTrap runs the EXIT trap once, when the shell leaves.
func (s *Shell) runExitTrap(status int) (out int) {
	t := s.exitTrap
	if t == nil || *t == "" {
		return status
	}
	s.exitTrap = nil
	s.status = status
	out = status
	defer func() {
		if r := recover(); r != nil {
			e, ok := r.(exitStatus)
			if !ok {
				panic(r)
			}
			out = int(e)
		}
	}()
	s.ctl = ctlNone
	s.evalString(*t, "trap")
	return status
}

// trapBuiltin is trap(1): `trap [action] sig...`, `trap -p`, `trap`.
func (s *Shell) trapBuiltin(args []string) int {
	if len(args) > 0 && args[0] == "--" {
		args = args[1:]
	}
	if len(args) == 0 || (len(args) == 1 && args[0] == "-p") {
		s.printTraps(nil)
		return 0
	}
	if args[0] == "-p" {
		s.printTraps(args[1:])
		return 0
	}
	action := args[0]
	sigs := args[1:]
	reset := false
	if len(args) == 1 || isUnsigned(action) {
		// `trap 2` and `trap INT` alone reset, as POSIX allows
		sigs = args
		reset = true
	} else if action == "-" {
		reset = true
	}
	status := 0
	for _, name := range sigs {
		sig, ok := parseTrapSignal(name)
		if !ok {
			writeAll(2, []byte("trap: "+name+": bad trap\n"))
			status = 1
			continue
		}
		if sig == 0 {
			if reset {
				s.exitTrap = nil
			} else {
				a := action
				s.exitTrap = &a
			}
			continue
		}
		if s.ignored[sig] && !s.opts.interactive {
			continue // ignored at entry: POSIX says it stays so
		}
		if reset {
			s.traps[sig] = nil
		} else {
			a := action
			s.traps[sig] = &a
		}
		s.restoreSignal(sig)
	}
	return status
}

func isUnsigned(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// parseTrapSignal accepts EXIT, 0, names with or without SIG, numbers.
func parseTrapSignal(name string) (syscall.Signal, bool) {
	if name == "0" || strings.EqualFold(name, "EXIT") {
		return 0, true
	}
	sig, ok := zsig.Parse(name)
	if !ok || sig <= 0 || sig > maxSig || sig == syscall.SIGKILL || sig == syscall.SIGSTOP {
		if ok && (sig == syscall.SIGKILL || sig == syscall.SIGSTOP) {
			return sig, true // dash accepts them; the kernel will not
		}
		return 0, false
	}
	return sig, true
}

// printTraps prints traps as `trap -- 'action' NAME`, dash's format.
func (s *Shell) printTraps(names []string) {
	var b strings.Builder
	show := func(name string, t *string) {
		if t == nil {
			return
		}
		b.WriteString("trap -- " + shellQuote(*t) + " " + name + "\n")
	}
	if len(names) == 0 {
		show("EXIT", s.exitTrap)
		for sig := 1; sig <= maxSig; sig++ {
			show(zsig.Name(syscall.Signal(sig)), s.traps[sig])
		}
	} else {
		for _, n := range names {
			sig, ok := parseTrapSignal(n)
			if !ok {
				continue
			}
			if sig == 0 {
				show("EXIT", s.exitTrap)
			} else {
				show(zsig.Name(sig), s.traps[sig])
			}
		}
	}
	s.out(b.String())
}

// dieOfSignal ends the process by sig with the default action, so the
// parent sees a death by signal (status 128+N), as dash's child would.
func dieOfSignal(sig syscall.Signal) { zsig.Die(sig) }

// sigpipe handles EPIPE from a builtin's write: dash would have been
// killed by SIGPIPE, unless it ignores or traps it.
func (s *Shell) sigpipe() {
	if t := s.traps[syscall.SIGPIPE]; t != nil {
		return
	}
	dieOfSignal(syscall.SIGPIPE)
}

// noTraps reports whether no trap is set: a subshell may then replace
// itself with its last command.
func (s *Shell) noTraps() bool {
	if s.exitTrap != nil {
		return false
	}
	for _, t := range s.traps {
		if t != nil && *t != "" {
			return false
		}
	}
	return true
}

func sigName(sig syscall.Signal) string { return zsig.Name(sig) }

var _ = strconv.Itoa
