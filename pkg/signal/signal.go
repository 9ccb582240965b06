// Package signal names Linux signals the way the tools a user knows do:
// numbers and names as procps kill(1) and bash print them, descriptions as
// glibc's strsignal(3) words them, and the default action from signal(7).
//
// It is shared by the kill applet, the shell's kill builtin and trap, ps and
// strace, so that every tool spells a signal the same way. Everything lives in
// static arrays indexed by signal number: nothing is built at program start.
// Die (die.go) ends a process by a signal, as timeout and strace do when
// their command died of one.
//
// Real-time signals follow glibc rather than the kernel: glibc keeps kernel
// signals 32 and 33 for its threads, so SIGRTMIN as programs see it is 34 and
// SIGRTMAX is 64; strsignal(37) is "Real-time signal 3" and bash calls 37
// RTMIN+3 and 63 RTMAX-1.
package signal

import (
	"strconv"
	"strings"
	"syscall"
)

// Real-time signal bounds as glibc reports them to programs (SIGRTMIN,
// SIGRTMAX). Kernel signals 32 and 33 exist but glibc reserves them.
const (
	RTMin syscall.Signal = 34
	RTMax syscall.Signal = 64
)

// Action is what the kernel does with a signal whose disposition is
// SIG_DFL (signal(7) "Standard signals").
type Action int

const (
	Term Action = iota // terminate the process
	Core               // terminate and dump core
	Ign                // ignore the signal
	Stop               // stop the process
	Cont               // continue the process if it is stopped
)

// String returns the action's name as signal(7) writes it: "Term", "Core"...
func (a Action) String() string {
	switch a {
	case Term:
		return "Term"
	case Core:
		return "Core"
	case Ign:
		return "Ign"
	case Stop:
		return "Stop"
	case Cont:
		return "Cont"
	}
	return "Action(" + strconv.Itoa(int(a)) + ")"
}

// info is one standard signal: its procps name, glibc's strsignal text and
// its default action.
type info struct {
	name   string
	desc   string
	action Action
}

// standard is indexed by signal number (x86-64, arm64 and most Linux
// architectures share these numbers). Names are those procps `kill -l`
// prints, so 29 is POLL (bash says IO; both are accepted by Parse).
var standard = [...]info{
	1:  {"HUP", "Hangup", Term},
	2:  {"INT", "Interrupt", Term},
	3:  {"QUIT", "Quit", Core},
	4:  {"ILL", "Illegal instruction", Core},
	5:  {"TRAP", "Trace/breakpoint trap", Core},
	6:  {"ABRT", "Aborted", Core},
	7:  {"BUS", "Bus error", Core},
	8:  {"FPE", "Floating point exception", Core},
	9:  {"KILL", "Killed", Term},
	10: {"USR1", "User defined signal 1", Term},
	11: {"SEGV", "Segmentation fault", Core},
	12: {"USR2", "User defined signal 2", Term},
	13: {"PIPE", "Broken pipe", Term},
	14: {"ALRM", "Alarm clock", Term},
	15: {"TERM", "Terminated", Term},
	16: {"STKFLT", "Stack fault", Term},
	17: {"CHLD", "Child exited", Ign},
	18: {"CONT", "Continued", Cont},
	19: {"STOP", "Stopped (signal)", Stop},
	20: {"TSTP", "Stopped", Stop},
	21: {"TTIN", "Stopped (tty input)", Stop},
	22: {"TTOU", "Stopped (tty output)", Stop},
	23: {"URG", "Urgent I/O condition", Ign},
	24: {"XCPU", "CPU time limit exceeded", Core},
	25: {"XFSZ", "File size limit exceeded", Core},
	26: {"VTALRM", "Virtual timer expired", Term},
	27: {"PROF", "Profiling timer expired", Term},
	28: {"WINCH", "Window changed", Ign},
	29: {"POLL", "I/O possible", Term},
	30: {"PWR", "Power failure", Term},
	31: {"SYS", "Bad system call", Core},
}

// aliases are the other names procps and bash accept for standard signals.
var aliases = [...]struct {
	name string
	sig  syscall.Signal
}{
	{"IOT", 6},
	{"CLD", 17},
	{"IO", 29},
	{"UNUSED", 31},
	{"EXIT", 0}, // bash's trap pseudo-signal; procps kill also takes it as 0
	{"NULL", 0}, // procps kill: the "null signal" that only checks the target
}

// maxSignal is the highest signal number Linux has (_NSIG - 1).
const maxSignal = 64

// List returns every signal number, 1 to 64 in order (32 and 33 included:
// the kernel has them even though glibc keeps them to itself).
func List() []syscall.Signal {
	l := make([]syscall.Signal, maxSignal)
	for i := range l {
		l[i] = syscall.Signal(i + 1)
	}
	return l
}

// Name returns the signal's name without the SIG prefix: "HUP", "RTMIN",
// "RTMIN+3", "RTMAX-1", "RTMAX" (real-time signals are named as bash names
// them: RTMIN+1..RTMIN+15, then RTMAX-14..RTMAX). Signal 0 is "EXIT", the
// name bash's trap and kill -l give it. A number without a name (32, 33, or
// out of range) is returned in decimal, which Parse accepts back.
func Name(sig syscall.Signal) string {
	switch {
	case sig == 0:
		return "EXIT"
	case sig > 0 && int(sig) < len(standard):
		return standard[sig].name
	case sig == RTMin:
		return "RTMIN"
	case sig == RTMax:
		return "RTMAX"
	case sig > RTMin && sig <= RTMin+15:
		return "RTMIN+" + strconv.Itoa(int(sig-RTMin))
	case sig > RTMin+15 && sig < RTMax:
		return "RTMAX-" + strconv.Itoa(int(RTMax-sig))
	}
	return strconv.Itoa(int(sig))
}

// Description returns glibc's strsignal(3) text: "Hangup", "Killed",
// "Real-time signal 3" (counted from SIGRTMIN), "Unknown signal 32".
func Description(sig syscall.Signal) string {
	switch {
	case sig > 0 && int(sig) < len(standard):
		return standard[sig].desc
	case sig >= RTMin && sig <= RTMax:
		return "Real-time signal " + strconv.Itoa(int(sig-RTMin))
	}
	return "Unknown signal " + strconv.Itoa(int(sig))
}

// DefaultAction returns what SIG_DFL does for sig. Real-time signals (and
// anything unknown) terminate the process.
func DefaultAction(sig syscall.Signal) Action {
	if sig > 0 && int(sig) < len(standard) {
		return standard[sig].action
	}
	return Term
}

// Parse turns a signal as a user writes it into its number: a name with or
// without "SIG" in any case ("HUP", "SIGhup"), an alias (IOT, CLD, IO, POLL,
// EXIT and NULL for 0), a real-time name (RTMIN, RTMIN+3, RTMAX-1, RTMAX), or
// a decimal number from 0 to 64. It reports false for anything else.
func Parse(s string) (syscall.Signal, bool) {
	if s == "" {
		return 0, false
	}
	if isDigits(s) {
		n, err := strconv.Atoi(s)
		if err != nil || n > maxSignal {
			return 0, false
		}
		return syscall.Signal(n), true
	}
	name := s
	if len(name) > 3 && strings.EqualFold(name[:3], "SIG") {
		name = name[3:]
	}
	for i := 1; i < len(standard); i++ {
		if strings.EqualFold(name, standard[i].name) {
			return syscall.Signal(i), true
		}
	}
	for _, a := range aliases {
		if strings.EqualFold(name, a.name) {
			return a.sig, true
		}
	}
	return parseRT(name)
}

// parseRT parses RTMIN, RTMAX, RTMIN+N and RTMAX-N (N may be 0), staying
// within SIGRTMIN..SIGRTMAX.
func parseRT(name string) (syscall.Signal, bool) {
	if len(name) < 5 {
		return 0, false
	}
	var base syscall.Signal
	var sign byte
	switch strings.ToUpper(name[:5]) {
	case "RTMIN":
		base, sign = RTMin, '+'
	case "RTMAX":
		base, sign = RTMax, '-'
	default:
		return 0, false
	}
	rest := name[5:]
	if rest == "" {
		return base, true
	}
	if rest[0] != sign || !isDigits(rest[1:]) {
		return 0, false
	}
	n, err := strconv.Atoi(rest[1:])
	if err != nil || n > int(RTMax-RTMin) {
		return 0, false
	}
	if sign == '+' {
		return base + syscall.Signal(n), true
	}
	return base - syscall.Signal(n), true
}

// isDigits reports whether s is a non-empty run of ASCII digits.
func isDigits(s string) bool {
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
