// Package kill implements kill(1): send a signal to processes, or list
// signal names.
//
// procps-ng's kill is the model: the same options (-s, -SIG, -NUM, -l
// [SIG], -L, -q) and the same output and messages ("kill: (999999): No such
// process"). Deviations, on purpose:
//   - -n NUM is accepted, as util-linux kill and bash's builtin accept it.
//   - `kill -9 -PGID` signals the process group PGID. procps-ng 4.0.2
//     misreads that command line: `kill -9 -999999` calls kill(-9, SIGKILL),
//     signalling process group 9, and exits 0 (seen under strace with the
//     call injected away). We do what the user meant, as util-linux does.
//   - `kill -s NAME` with an unknown NAME is an error, not a silent SIGTERM.
//   - -l NUM also names real-time signals (RTMIN+3) like bash.
package kill

import (
	_ "embed"
	"fmt"
	"strconv"
	"strings"
	"syscall"
	"unsafe"

	"github.com/zinebox/zinebox/pkg/applet"
	"github.com/zinebox/zinebox/pkg/errno"
	"github.com/zinebox/zinebox/pkg/getopt"
	"github.com/zinebox/zinebox/pkg/signal"
	"golang.org/x/sys/unix"
)

//go:embed kill.1
var manPage string

var Applet = applet.Applet{
	Name:    "kill",
	Summary: "send a signal to a process",
	Man:     &manPage,
	Main:    run,
}

// spec documents the options for --help; the command line itself is parsed
// by hand because -SIGNAL, -NUM and negative PIDs are not getopt material.
var spec = getopt.Spec{
	Prog:  "kill",
	Usage: []string{"[options] <pid> [...]"},
	Summary: "Send a signal to every <pid> listed (a negative <pid> names a process group).\n" +
		"The default signal is TERM.",
	Options: []getopt.Option{
		{Short: 's', Long: "signal", Arg: getopt.RequiredArg, ArgName: "SIGNAL", Help: "specify the signal to be sent (also -SIGNAL, -n NUM)"},
		{Short: 'q', Long: "queue", Arg: getopt.RequiredArg, ArgName: "VALUE", Help: "integer value to be sent with the signal (sigqueue)"},
		{Short: 'l', Long: "list", Arg: getopt.OptionalArg, ArgName: "SIGNAL", Help: "list all signal names, or convert one to a name"},
		{Short: 'L', Long: "table", Help: "list all signal names in a nice table"},
	},
}

// numberOfSignals is how many signals procps lists with -l and -L: the
// standard ones, 1 to 31.
const numberOfSignals = 31

type options struct {
	sig      syscall.Signal
	queue    bool
	value    int
	operands []string
}

func run(io *applet.IO, args []string) int {
	if len(args) == 0 {
		return usage(io)
	}
	o := options{sig: syscall.SIGTERM}
	sigChosen := false
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			o.operands = append(o.operands, args[i+1:]...)
			break
		}
		if len(a) < 2 || a[0] != '-' {
			o.operands = append(o.operands, a)
			continue
		}
		// A negative number once the signal is known is a process group.
		if sigChosen && isNumber(a[1:]) {
			o.operands = append(o.operands, a)
			continue
		}
		// optArg returns the argument of an option that takes one: attached
		// (-sKILL, --signal=KILL) or the next word.
		optArg := func(attached string, has bool) (string, bool) {
			if has {
				return attached, true
			}
			if i+1 < len(args) {
				i++
				return args[i], true
			}
			return "", false
		}
		name, val, hasVal := a, "", false
		if strings.HasPrefix(a, "--") {
			name, val, hasVal = strings.Cut(a, "=")
		} else if len(a) > 2 && strings.ContainsRune("snqlL", rune(a[1])) && !signalWord(a[1:], sigChosen) {
			name, val, hasVal = a[:2], a[2:], true
		}
		switch name {
		case "-h", "--help":
			io.Stdout.WriteString(spec.Help())
			return io.Finish(0)
		case "-V", "--version":
			fmt.Fprintf(io.Stdout, "kill (zinebox) %s\n", applet.Version)
			return io.Finish(0)
		case "-l", "--list":
			if !hasVal && i+1 < len(args) && !strings.HasPrefix(args[i+1], "-") {
				val, hasVal = args[i+1], true
			}
			if hasVal {
				if s, ok := convert(val); ok {
					io.Stdout.WriteString(s + "\n")
				} else {
					io.Errorf("unknown signal name %s", val)
				}
			} else {
				listSignals(io)
			}
			return io.Finish(0)
		case "-L", "--table":
			tableSignals(io)
			return io.Finish(0)
		case "-s", "--signal", "-n":
			v, ok := optArg(val, hasVal)
			if !ok {
				return invalid(io, name)
			}
			s, ok := parseSignal(v)
			if !ok {
				io.Errorf("unknown signal name %s", v)
				return 1
			}
			o.sig, sigChosen = s, true
		case "-q", "--queue":
			v, ok := optArg(val, hasVal)
			if !ok {
				return invalid(io, name)
			}
			n, err := strconv.Atoi(v)
			if err != nil {
				io.Errorf("must be an integer value to be passed with the signal.: '%s'", v)
				return 1
			}
			o.queue, o.value = true, n
		default:
			s, ok := parseSignal(a[1:])
			if !ok || sigChosen {
				return invalid(io, a)
			}
			o.sig, sigChosen = s, true
		}
	}
	if len(o.operands) == 0 {
		return usage(io)
	}
	status := 0
	for _, op := range o.operands {
		pid, err := strconv.Atoi(op)
		if err != nil {
			io.Errorf("failed to parse argument: '%s'", op)
			return 1
		}
		if err := send(pid, o); err != nil {
			io.Errorf("(%d): %s", pid, errno.Message(err))
			status = 1
		}
	}
	return status
}

// signalWord reports whether w (an argument without its dash) is a signal
// name that starts like an option letter: procps reads -sigkill, -stop and
// -quit as SIGKILL, SIGSTOP and SIGQUIT, not as -s igkill or -q uit.
func signalWord(w string, sigChosen bool) bool {
	if sigChosen || isDigits(w) {
		return false
	}
	_, ok := signal.Parse(w)
	return ok
}

// parseSignal is signal.Parse plus what procps passes on to kill(2)
// unchanged: any other number, which the kernel then refuses with EINVAL.
func parseSignal(s string) (syscall.Signal, bool) {
	if sig, ok := signal.Parse(s); ok {
		return sig, true
	}
	if isDigits(s) {
		n, err := strconv.Atoi(s)
		if err == nil && n < 128 {
			return syscall.Signal(n), true
		}
	}
	return 0, false
}

// send delivers the signal, with a value when -q asked for sigqueue(3).
func send(pid int, o options) error {
	if !o.queue {
		return unix.Kill(pid, o.sig)
	}
	// sigqueue(3) is rt_sigqueueinfo(2) with a siginfo_t glibc fills in:
	// si_code SI_QUEUE, our pid and uid, and the value.
	var info struct {
		signo, errno, code int32
		_                  int32
		pid, uid           uint32
		value              uint64
		_                  [96]byte
	}
	info.signo = int32(o.sig)
	info.code = -1 // SI_QUEUE
	info.pid = uint32(unix.Getpid())
	info.uid = uint32(unix.Getuid())
	info.value = uint64(o.value)
	_, _, e := unix.Syscall(unix.SYS_RT_SIGQUEUEINFO, uintptr(pid), uintptr(o.sig), uintptr(unsafe.Pointer(&info)))
	if e != 0 {
		return e
	}
	return nil
}

// convert answers -l ARG: a number gives its name, a name its number.
// Like procps, only the standard signals are known here; unlike procps,
// real-time numbers and names (bash's RTMIN+3) are known too.
func convert(arg string) (string, bool) {
	if isDigits(arg) {
		n, err := strconv.Atoi(arg)
		if err != nil || n < 1 || n > 64 || n == 32 || n == 33 {
			return "", false
		}
		return signal.Name(syscall.Signal(n)), true
	}
	s, ok := signal.Parse(arg)
	if !ok || s == 0 || isDigits(strings.TrimPrefix(strings.ToUpper(arg), "SIG")) {
		return "", false
	}
	return strconv.Itoa(int(s)), true
}

// listSignals prints the names of signals 1..31 separated by spaces,
// starting a new line once a line passes 73 columns, as procps does.
func listSignals(io *applet.IO) {
	pos := 0
	for i := 1; i <= numberOfSignals; i++ {
		if i > 1 {
			if pos > 73 {
				io.Stdout.WriteString("\n")
				pos = 0
			} else {
				io.Stdout.WriteString(" ")
				pos++
			}
		}
		name := signal.Name(syscall.Signal(i))
		io.Stdout.WriteString(name)
		pos += len(name)
	}
	io.Stdout.WriteString("\n")
}

// tableSignals prints procps's -L table: "NN NAME" in 11-column cells,
// seven to a line (the last line keeps its trailing padding).
func tableSignals(io *applet.IO) {
	for i := 1; i <= numberOfSignals; i++ {
		cell := fmt.Sprintf("%2d %s", i, signal.Name(syscall.Signal(i)))
		io.Stdout.WriteString(cell)
		if i%7 != 0 {
			io.Stdout.WriteString(strings.Repeat(" ", max(0, 11-len(cell))))
		} else {
			io.Stdout.WriteString("\n")
		}
	}
	if (numberOfSignals+1)%7 != 0 {
		io.Stdout.WriteString("\n")
	}
}

func invalid(io *applet.IO, opt string) int {
	c := strings.TrimLeft(opt, "-")
	if c == "" {
		c = opt
	}
	io.Errorf("invalid argument %c", []rune(c)[0])
	fmt.Fprint(io.Stderr, spec.Help())
	return 1
}

func usage(io *applet.IO) int {
	fmt.Fprint(io.Stderr, spec.Help())
	return 1
}

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

// isNumber reports whether s is a decimal number (a pid or pgid operand).
func isNumber(s string) bool { return isDigits(s) }
