// Package nohup implements nohup(1): run a command immune to hangups.
//
// As GNU nohup does: SIGHUP is set to SIG_IGN (an ignored signal stays
// ignored across execve, which is the whole trick), standard input coming
// from a terminal is replaced by /dev/null opened write-only (so reads fail
// instead of stopping the job), standard output going to a terminal is
// appended to nohup.out (mode 0600; $HOME/nohup.out if that fails), and
// standard error going to a terminal follows standard output. Then nohup
// execs the command: the command keeps nohup's pid.
// Exit status: 125 nohup failed, 126 command not executable, 127 not found.
package nohup

import (
	_ "embed"
	"errors"
	"os/exec"
	"os/signal"
	"path/filepath"
	"syscall"

	"github.com/zinebox/zinebox/pkg/applet"
	"github.com/zinebox/zinebox/pkg/errno"
	"github.com/zinebox/zinebox/pkg/execpath"
	"github.com/zinebox/zinebox/pkg/getopt"
	"github.com/zinebox/zinebox/pkg/quote"
	"golang.org/x/sys/unix"
)

//go:embed nohup.1
var manPage string

var Applet = applet.Applet{
	Name:    "nohup",
	Summary: "run a command immune to hangups, with output to a non-tty",
	Man:     &manPage,
	Main:    run,
}

var spec = getopt.Spec{
	Prog:          "nohup",
	Usage:         []string{"COMMAND [ARG]...", "OPTION"},
	Summary:       "Run COMMAND, ignoring hangup signals.",
	StopAtOperand: true,
	Footer: "If standard input is a terminal, redirect it from an unreadable file.\n" +
		"If standard output is a terminal, append output to 'nohup.out' if possible,\n" +
		"'$HOME/nohup.out' otherwise.\n" +
		"If standard error is a terminal, redirect it to standard output.\n" +
		"To save output to FILE, use 'nohup COMMAND > FILE'.",
}

func isTerminal(fd int) bool {
	_, err := unix.IoctlGetTermios(fd, unix.TCGETS)
	return err == nil
}

func run(io *applet.IO, args []string) int {
	failure := 125 // POSIX wants 127 for nohup's own failures
	if _, ok := io.LookupEnv("POSIXLY_CORRECT"); ok {
		failure = 127
	}
	r, done, st := io.Parse(&spec, args, failure)
	if done {
		return st
	}
	if len(r.Operands) == 0 {
		return io.UsageError(failure, "missing operand")
	}
	q := quote.ShellEscapeAlways.Quote
	ignoringInput := isTerminal(0)
	redirectingStdout := isTerminal(1)
	stdoutIsClosed := !redirectingStdout && errors.Is(fdErr(1), unix.EBADF)
	redirectingStderr := isTerminal(2)

	if ignoringInput {
		fd, err := unix.Open("/dev/null", unix.O_WRONLY|unix.O_CLOEXEC, 0)
		if err == nil {
			err = unix.Dup2(fd, 0)
			unix.Close(fd)
		}
		if err != nil {
			io.Errorf("failed to render standard input unusable: %s", errno.Message(err))
			return failure
		}
		if !redirectingStdout && !redirectingStderr {
			io.Errorf("ignoring input")
		}
	}
	outFd := -1
	if redirectingStdout || (redirectingStderr && stdoutIsClosed) {
		file := io.Path("nohup.out")
		shown := "nohup.out"
		old := unix.Umask(^0o600 & 0o777)
		fd, err := unix.Open(file, unix.O_WRONLY|unix.O_CREAT|unix.O_APPEND|unix.O_CLOEXEC, 0o600)
		var err2 error
		inHome := ""
		if err != nil {
			if home := io.Getenv("HOME"); home != "" {
				inHome = filepath.Join(home, "nohup.out")
				shown = inHome
				fd, err2 = unix.Open(inHome, unix.O_WRONLY|unix.O_CREAT|unix.O_APPEND|unix.O_CLOEXEC, 0o600)
			}
		}
		unix.Umask(old)
		if fd < 0 {
			// Both failures, as GNU nohup reports them.
			io.Errorf("failed to open %s: %s", q("nohup.out"), errno.Message(err))
			if inHome != "" {
				io.Errorf("failed to open %s: %s", q(inHome), errno.Message(err2))
			}
			return failure
		}
		if redirectingStdout {
			if err := unix.Dup2(fd, 1); err != nil {
				io.Errorf("failed to redirect standard output: %s", errno.Message(err))
				return failure
			}
		}
		outFd = fd
		if ignoringInput {
			io.Errorf("ignoring input and appending output to %s", q(shown))
		} else {
			io.Errorf("appending output to %s", q(shown))
		}
	}
	if redirectingStderr {
		target := 1
		if outFd >= 0 && !redirectingStdout {
			target = outFd
		}
		if !redirectingStdout {
			if ignoringInput {
				io.Errorf("ignoring input and redirecting stderr to stdout")
			} else {
				io.Errorf("redirecting stderr to stdout")
			}
		}
		if err := unix.Dup2(target, 2); err != nil {
			io.Errorf("failed to redirect standard error: %s", errno.Message(err))
			return failure
		}
	}
	if outFd >= 0 {
		unix.Close(outFd)
	}
	// Ignore SIGHUP for real (SIG_IGN in the kernel), so that it survives
	// execve: signal.Ignore does exactly that.
	signal.Ignore(syscall.SIGHUP)

	name := r.Operands[0]
	path, err := execpath.LookPath(name, io.Env)
	if err == nil {
		err = unix.Exec(path, r.Operands, io.Env)
	}
	status := 126
	if errors.Is(err, unix.ENOENT) || errors.Is(err, exec.ErrNotFound) {
		status = 127
		err = unix.ENOENT
	}
	io.Errorf("failed to run command %s: %s", q(name), errno.Message(err))
	return status
}

// fdErr reports whether fd is open (nil) or the fcntl error.
func fdErr(fd int) error {
	_, err := unix.FcntlInt(uintptr(fd), unix.F_GETFD, 0)
	return err
}
