package interactive

import (
	"fmt"
	"strings"
	"syscall"

	"golang.org/x/sys/unix"

	"github.com/zinebox/zinebox/pkg/signal"
)

// statusWidth is the width of the status column in bash's job lines.
const statusWidth = 24

// JobProc is one process of a job as the shell last saw it.
type JobProc struct {
	Pid     int
	Running bool            // neither stopped nor finished
	Status  unix.WaitStatus // from wait4 with WUNTRACED, when not Running
	Command string          // this process's part of the pipeline: "sleep 1"
}

// Job is what a job line shows.
type Job struct {
	ID    int       // job number, from 1
	Mark  byte      // '+' current job, '-' previous, ' ' others
	Procs []JobProc // the pipeline, in order
}

// FormatJobStarted is what an interactive shell prints when it puts a
// job in the background: "[1] 12345" (the pid of the last process).
func FormatJobStarted(id, pid int) string { return fmt.Sprintf("[%d] %d\n", id, pid) }

// FormatJob is a job line as `jobs`, the Ctrl-Z notice and the notice of
// finished background jobs print it:
//
//	[1]+  Stopped                 sleep 100
//	[2]-  Running                 sleep 1 | cat &
//	[3]   Done                    sleep 1
//
// A job is Stopped if any of its processes is, Running (with " &") if
// any runs, else it shows how its last process ended. Bash starts the
// Ctrl-Z and `kill -STOP` notices with an empty line: print "\n" first.
func FormatJob(j Job) string {
	if len(j.Procs) == 0 {
		return ""
	}
	cmds := make([]string, len(j.Procs))
	for i, p := range j.Procs {
		cmds[i] = p.Command
	}
	var state string
	var core bool
	stopped, running := -1, false
	for i, p := range j.Procs {
		running = running || p.Running
		if !p.Running && p.Status.Stopped() && stopped < 0 {
			stopped = i
		}
	}
	cmd := strings.Join(cmds, " | ")
	switch {
	case stopped >= 0:
		state = "Stopped"
	case running:
		state = "Running"
		cmd += " &"
	default:
		state, core = JobState(false, j.Procs[len(j.Procs)-1].Status, false)
	}
	return fmt.Sprintf("[%d]%c  %s%s\n", j.ID, markOf(j.Mark), pad(state, core), cmd)
}

// FormatJobLong is `jobs -l`: the pid and state of every process, the
// first on the job's line, the others below it, prefixed by "| ".
//
// As bash, a process whose state is the one of the process above it shows
// no state, only blanks (two fewer than the state's column: bash's way).
func FormatJobLong(j Job) string {
	var b strings.Builder
	prev, prevCore := "", false
	for i, p := range j.Procs {
		state, core := JobState(p.Running, p.Status, true)
		field := pad(state, core)
		if i > 0 && state == prev && core == prevCore {
			field = strings.Repeat(" ", statusWidth-2)
		}
		prev, prevCore = state, core
		cmd := p.Command
		if i > 0 {
			cmd = "| " + cmd
		}
		if i == len(j.Procs)-1 && p.Running {
			cmd += " &"
		}
		if i == 0 {
			fmt.Fprintf(&b, "[%d]%c %5d %s%s\n", j.ID, markOf(j.Mark), p.Pid, pad(state, core), cmd)
		} else {
			fmt.Fprintf(&b, "     %5d %s%s\n", p.Pid, field, cmd)
		}
	}
	return b.String()
}

func markOf(m byte) byte {
	if m == 0 {
		return ' '
	}
	return m
}

func pad(state string, core bool) string {
	s := state + strings.Repeat(" ", max(1, statusWidth-len(state)))
	if core {
		s += "(core dumped) "
	}
	return s
}

// JobState names a process state as bash does: "Running", "Done", "Exit 3",
// "Stopped", a killing signal's description ("Terminated", "Killed"), and
// whether a core was dumped. long is the `jobs -l` form, where a stop
// names its signal ("Stopped (signal)" for SIGSTOP, "Stopped (tty
// input)" for SIGTTIN).
func JobState(running bool, ws unix.WaitStatus, long bool) (state string, core bool) {
	switch {
	case running:
		return "Running", false
	case ws.Stopped():
		if long {
			return signal.Description(syscall.Signal(ws.StopSignal())), false
		}
		return "Stopped", false
	case ws.Signaled():
		return signal.Description(syscall.Signal(ws.Signal())), ws.CoreDump()
	case ws.ExitStatus() != 0:
		return fmt.Sprintf("Exit %d", ws.ExitStatus()), false
	}
	return "Done", false
}
