package shell

import (
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"time"

	"golang.org/x/sys/unix"
)

// Job control (set -m) in an interactive shell, as bash does it:
//
//   - the shell is the leader of its own process group and owns the
//     terminal (tcsetpgrp) while it reads a command;
//   - every pipeline is a new process group; a foreground one gets the
//     terminal in the child, before execve (SysProcAttr.Foreground), so
//     Ctrl-C, Ctrl-\ and Ctrl-Z reach the job and not the shell;
//   - the shell waits with WUNTRACED: a stopped job goes to the job table
//     and the shell takes the terminal back;
//   - fg gives the terminal to a job and sends it SIGCONT; bg only sends
//     SIGCONT.
//
// The shell catches SIGTSTP, SIGTTIN and SIGTTOU (and drops them) rather
// than ignoring them: a signal a Go program ignores stays ignored in the
// processes it execs, and a `sleep` that ignores SIGTSTP cannot be
// stopped. SIGTTOU is ignored only for the moment of a tcsetpgrp from
// the background, where the kernel would otherwise send it.

// jobControl reports whether job control is on: set -m in the
// top-level interactive shell that owns a terminal.
func (s *Shell) jobControl() bool { return s.opts.monitor && s.ttyFD > 0 }

// initJobControl sets up job control on the terminal: fd 0, or, as dash
// does for `sh -i < file`, /dev/tty. A shell started in the background
// waits, stopped by SIGTTIN, until it is put in the foreground, as bash
// does. Without a terminal, job control is turned off, and said so.
func (s *Shell) initJobControl(ctx string) {
	s.triedTTY = true
	tty, err := -1, error(nil)
	if isatty(0) {
		tty, err = unix.FcntlInt(0, unix.F_DUPFD_CLOEXEC, 10)
	} else if fd, oerr := unix.Open("/dev/tty", unix.O_RDWR|unix.O_CLOEXEC, 0); oerr == nil {
		tty, err = unix.FcntlInt(uintptr(fd), unix.F_DUPFD_CLOEXEC, 10)
		unix.Close(fd)
	} else {
		err = oerr
	}
	if err != nil {
		s.errorf("%scan't access tty; job control turned off", ctx)
		s.opts.monitor = false
		return
	}
	// One SIGTTIN at a time, then wait for the SIGCONT of fg or bg: the
	// stop takes effect on another thread of the runtime a moment later,
	// and a SIGTTIN sent meanwhile could stop the shell again right
	// after fg continued it.
	cont := make(chan os.Signal, 1)
	signal.Notify(cont, unix.SIGCONT)
	for {
		fg, err := unix.IoctlGetInt(tty, unix.TIOCGPGRP)
		if err != nil {
			// no controlling terminal (a serial console opened without
			// TIOCSCTTY): no job control
			signal.Stop(cont)
			unix.Close(tty)
			s.errorf("%scan't access tty; job control turned off", ctx)
			s.opts.monitor = false
			return
		}
		if fg == unix.Getpgrp() {
			break
		}
		unix.Kill(0, unix.SIGTTIN)
		select {
		case <-cont:
		case <-time.After(time.Second):
			// not stopped: the kernel drops SIGTTIN for an orphaned
			// process group; look again, and ask again
		}
	}
	signal.Stop(cont)
	s.jcSig = make(chan os.Signal, 8)
	signal.Notify(s.jcSig, unix.SIGTSTP, unix.SIGTTIN, unix.SIGTTOU)
	go func(c chan os.Signal) {
		for range c {
		}
	}(s.jcSig)
	s.ttyFD = tty
	s.origPgid = unix.Getpgrp()
	if s.origPgid != os.Getpid() {
		// EPERM for a session leader, which already leads its group
		unix.Setpgid(0, 0)
	}
	s.shellPgid = unix.Getpgrp()
	s.setForeground(s.shellPgid)
	s.tmodes, _ = unix.IoctlGetTermios(tty, unix.TCGETS)
}

// endJobControl is what an exiting shell does: stopped jobs get SIGHUP
// and SIGCONT (they would stay stopped for ever), and the terminal goes
// back to the process group it belonged to at start.
func (s *Shell) endJobControl() {
	if !s.jobControl() {
		return
	}
	for _, j := range s.jobs {
		if j.stopped && j.pgid > 0 {
			unix.Kill(-j.pgid, unix.SIGHUP)
			unix.Kill(-j.pgid, unix.SIGCONT)
		}
	}
	if s.origPgid != s.shellPgid {
		s.setForeground(s.origPgid)
		unix.Setpgid(0, s.origPgid)
	}
}

// setForeground makes pgid the terminal's foreground process group.
// From the background the kernel sends SIGTTOU for this unless it is
// ignored or blocked: it is ignored just for the call.
func (s *Shell) setForeground(pgid int) {
	signal.Ignore(unix.SIGTTOU)
	for unix.IoctlSetPointerInt(s.ttyFD, unix.TIOCSPGRP, pgid) == unix.EINTR {
	}
	signal.Notify(s.jcSig, unix.SIGTTOU)
}

// saveTermios records the terminal settings the shell's commands start
// with (called before a prompt is read and before a foreground job).
func (s *Shell) saveTermios() {
	if s.jobControl() {
		if t, err := unix.IoctlGetTermios(s.ttyFD, unix.TCGETS); err == nil {
			s.tmodes = t
		}
	}
}

// waitForeground waits for a foreground job until it ends or stops, and
// then takes the terminal back. A stopped job joins the job table and is
// reported as bash does ("[1]+  Stopped  sleep 100"); a job killed by
// SIGINT gets a newline after the ^C the terminal echoed. It returns the
// processes' statuses.
func (s *Shell) waitForeground(j *job) []int {
	for !j.done && !j.stopped {
		var ws unix.WaitStatus
		got, err := unix.Wait4(-j.pgid, &ws, unix.WUNTRACED, nil)
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			for _, p := range j.procs {
				if p.running {
					p.running, p.ws = false, unix.WaitStatus(127<<8)
				}
			}
			j.update()
			break
		}
		s.signalsDue = true
		if !j.setProc(got, ws) {
			s.jobDone(got, ws)
			continue
		}
		if ws.Stopped() && !j.stopped && !j.done {
			// a process that joined the group after the Ctrl-Z (the
			// last one of a pipeline still starting) did not get the
			// signal: pass it on, or the job would never stop entirely
			unix.Kill(-j.pgid, ws.StopSignal())
		}
	}
	s.setForeground(s.shellPgid)
	signaled := false
	statuses := make([]int, len(j.procs))
	s.lastSig = 0
	for i, p := range j.procs {
		statuses[i] = waitStatus(p.ws)
		if p.ws.Signaled() {
			signaled = true
			if sig := p.ws.Signal(); s.lastSig == 0 && sig != syscall.SIGPIPE {
				s.lastSig, s.lastCore = sig, p.ws.CoreDump()
			}
		}
	}
	if j.stopped {
		j.tmodes, _ = unix.IoctlGetTermios(s.ttyFD, unix.TCGETS)
	}
	if (j.stopped || signaled) && s.tmodes != nil {
		// a job stopped or killed in raw mode (vi) leaves the terminal so
		unix.IoctlSetTermios(s.ttyFD, unix.TCSETSW, s.tmodes)
	}
	if j.stopped {
		if j.id == 0 {
			s.insertJob(j)
		} else {
			s.jobSeq++
			j.seq = s.jobSeq
		}
		j.notified = true
		writeAll(2, []byte("\n"+s.formatJob(j, false)))
		s.lastSig = 0
	} else if s.lastSig == syscall.SIGINT {
		writeAll(2, []byte("\n"))
		if s.opts.interactive && s.ctl == ctlNone {
			s.ctl = ctlInterrupt
		}
	}
	if j.done && j.id != 0 {
		s.removeJob(j)
	}
	s.reportDeath()
	return statuses
}

// fgBuiltin is fg and bg.
func (s *Shell) fgBuiltin(name string, args []string) int {
	if !s.jobControl() {
		s.errorf("%s: No current job", name)
		return 2
	}
	s.reapJobs()
	if len(args) > 0 && args[0] == "--" {
		args = args[1:]
	}
	if len(args) == 0 {
		args = []string{"%+"}
	}
	status := 0
	for _, spec := range args {
		j := s.jobSpecArg(spec)
		if j == nil || j.done {
			what := spec
			if len(args) == 1 && (spec == "%+" || spec == "%%") {
				what = "current"
			}
			if j != nil || !s.ambiguousJob(name, spec) {
				s.errorf("%s: %s: no such job", name, what)
			}
			status = 1
			continue
		}
		if name == "fg" {
			s.out(j.cmd + "\n") // on stdout, as bash
			if j.tmodes != nil {
				unix.IoctlSetTermios(s.ttyFD, unix.TCSETSW, j.tmodes)
			}
			s.setForeground(j.pgid)
			s.continueJob(j)
			st := s.waitForeground(j)
			if len(st) == 0 {
				return 0
			}
			status = st[len(st)-1]
			if s.opts.pipefail {
				for _, x := range st {
					if x != 0 {
						status = x
					}
				}
			}
			return status
		}
		if !j.stopped {
			s.errorf("bg: job %d already in background", j.id)
			continue
		}
		s.continueJob(j)
		mark := s.mark(j)
		s.out("[" + strconv.Itoa(j.id) + "]" + string(mark) + " " + j.cmd + " &\n")
	}
	return status
}

// jobSpecArg is a job named by %spec or, as bash allows, by a number.
func (s *Shell) jobSpecArg(spec string) *job {
	if !strings.HasPrefix(spec, "%") {
		if n, err := strconv.Atoi(spec); err == nil {
			for _, j := range s.jobs {
				if j.id == n || j.pid == n {
					return j
				}
			}
			return nil
		}
		spec = "%" + spec
	}
	return s.jobSpec(spec)
}

// continueJob sends SIGCONT to a job and marks it running.
func (s *Shell) continueJob(j *job) {
	for _, p := range j.procs {
		if p.ws.Stopped() {
			p.running = true
		}
	}
	j.update()
	j.notified = true
	s.jobSeq++
	j.seq = s.jobSeq
	if j.pgid > 0 {
		unix.Kill(-j.pgid, unix.SIGCONT)
	} else {
		for _, p := range j.procs {
			unix.Kill(p.pid, unix.SIGCONT)
		}
	}
}

// disownBuiltin removes jobs from the table: the shell forgets them
// (and will not send them SIGHUP).
func (s *Shell) disownBuiltin(args []string) int {
	s.reapJobs()
	all, running := false, false
	var specs []string
	for i, a := range args {
		if len(a) > 1 && a[0] == '-' && a != "--" {
			for _, c := range a[1:] {
				switch c {
				case 'a':
					all = true
				case 'r':
					running = true
				case 'h':
				default:
					s.errorf("disown: Illegal option -%c", c)
					return 2
				}
			}
			continue
		}
		if a == "--" {
			i++
		}
		specs = args[i:]
		break
	}
	var drop []*job
	switch {
	case all || running:
		for _, j := range s.jobs {
			if all || (!j.stopped && !j.done) {
				drop = append(drop, j)
			}
		}
	case len(specs) == 0:
		j := s.jobSpec("%+")
		if j == nil {
			s.errorf("disown: current: no such job")
			return 1
		}
		drop = append(drop, j)
	default:
		for _, sp := range specs {
			j := s.jobSpecArg(sp)
			if j == nil {
				s.ambiguousJob("disown", sp) // and then "no such job", as bash
				s.errorf("disown: %s: no such job", sp)
				return 1
			}
			drop = append(drop, j)
		}
	}
	for _, j := range drop {
		for i, x := range s.jobs {
			if x == j {
				s.jobs = append(s.jobs[:i], s.jobs[i+1:]...)
				break
			}
		}
	}
	return 0
}

// stoppedJobsWarning implements bash's refusal to exit once when jobs
// are stopped: it reports whether the exit must not happen.
func (s *Shell) stoppedJobsWarning() bool {
	if !s.jobControl() || s.exitWarned {
		return false
	}
	s.reapJobs()
	for _, j := range s.jobs {
		if j.stopped {
			writeAll(2, []byte("There are stopped jobs.\n"))
			s.exitWarnNow = true
			return true
		}
	}
	return false
}
