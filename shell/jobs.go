package shell

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"syscall"

	"golang.org/x/sys/unix"

	"github.com/zinebox/zinebox/shell/interactive"
)

// job is a pipeline the shell keeps track of: a background command
// (`cmd &`), or, with job control (set -m), a foreground one that was
// stopped (Ctrl-Z). With job control every job is one process group,
// whose id is the pid of its first process; without it the processes
// stay in the shell's group and pgid is 0.
type job struct {
	id       int
	pid      int // the last process: $!, and what `wait` reports
	pgid     int // 0: no process group of its own
	cmd      string
	procs    []*proc
	done     bool // every process has ended
	stopped  bool // some process is stopped (and none still runs)
	status   int  // $? of the job once done
	seq      int  // when it last became the current job: for %+ and %-
	notified bool // its present state was reported
	tmodes   *unix.Termios
}

// proc is one process of a job, as wait4 last reported it.
type proc struct {
	pid     int
	cmd     string
	running bool
	ws      unix.WaitStatus
}

// newJob makes a job (not yet in the table) of the processes pids.
func newJob(pgid int, pids []int, cmds []string, cmd string) *job {
	j := &job{pgid: pgid, cmd: cmd}
	for i, pid := range pids {
		if pid > 0 {
			j.procs = append(j.procs, &proc{pid: pid, cmd: cmds[i], running: true})
			j.pid = pid
		}
	}
	return j
}

// update recomputes done/stopped/status from the processes' states.
func (j *job) update() {
	running, stopped := false, false
	for _, p := range j.procs {
		if p.running {
			running = true
		} else if p.ws.Stopped() {
			stopped = true
		}
	}
	j.stopped = stopped && !running
	j.done = !running && !stopped
	if j.done && len(j.procs) > 0 {
		j.status = waitStatus(j.procs[len(j.procs)-1].ws)
	}
}

// setProc records a wait4 report for pid if it is one of j's processes.
func (j *job) setProc(pid int, ws unix.WaitStatus) bool {
	for _, p := range j.procs {
		if p.pid == pid {
			p.ws = ws
			p.running = ws.Continued()
			wasDone, wasStopped := j.done, j.stopped
			j.update()
			if j.done != wasDone || j.stopped != wasStopped {
				j.notified = false
			}
			return true
		}
	}
	return false
}

// addJob puts a background command in the table; an interactive shell
// says "[1] 12345".
func (s *Shell) addJob(pid int, cmd string) {
	cmd = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(cmd), "&"))
	pgid := 0
	if s.jobControl() {
		pgid = pid
	}
	s.startedJob(newJob(pgid, []int{pid}, []string{cmd}, cmd))
}

// startedJob puts a background job in the table; an interactive shell
// says "[1] 12345" (the pid of its last process).
func (s *Shell) startedJob(j *job) {
	s.insertJob(j)
	if s.opts.interactive {
		writeAll(2, []byte(interactive.FormatJobStarted(j.id, j.pid)))
	}
}

// insertJob gives j the next job number (one more than the highest in
// use, as bash does) and makes it the current job.
func (s *Shell) insertJob(j *job) {
	id := 1
	for _, x := range s.jobs {
		if x.id >= id {
			id = x.id + 1
		}
	}
	j.id = id
	s.jobSeq++
	j.seq = s.jobSeq
	s.jobs = append(s.jobs, j)
}

// jobDone records how a reaped child ended if it is a job's process.
func (s *Shell) jobDone(pid int, ws unix.WaitStatus) {
	for _, j := range s.jobs {
		if j.setProc(pid, ws) {
			return
		}
	}
}

func (s *Shell) findJob(pid int) *job {
	for _, j := range s.jobs {
		if j.pid == pid {
			return j
		}
	}
	return nil
}

func (s *Shell) removeJob(j *job) {
	if j.done {
		if s.reaped == nil {
			s.reaped = map[int]int{}
		}
		s.reaped[j.pid] = j.status
	}
	for i, x := range s.jobs {
		if x == j {
			s.jobs = append(s.jobs[:i], s.jobs[i+1:]...)
			return
		}
	}
}

// rankedJobs orders the jobs as bash chooses its current (%+) and
// previous (%-) jobs: stopped jobs first, then the most recent.
func (s *Shell) rankedJobs() []*job {
	r := append([]*job(nil), s.jobs...)
	sort.SliceStable(r, func(a, b int) bool {
		if r[a].stopped != r[b].stopped {
			return r[a].stopped
		}
		return r[a].seq > r[b].seq
	})
	return r
}

// mark is the + or - that `jobs` shows after a job's number.
func (s *Shell) mark(j *job) byte {
	r := s.rankedJobs()
	switch {
	case len(r) > 0 && r[0] == j:
		return '+'
	case len(r) > 1 && r[1] == j:
		return '-'
	}
	return ' '
}

// waitBuiltin is wait(1): wait for the given pids (or %jobs), or for all
// background jobs. A trapped signal interrupts it with status 128+N.
func (s *Shell) waitBuiltin(args []string) int {
	if len(args) > 0 && args[0] == "--" {
		args = args[1:]
	}
	if len(args) == 0 {
		for _, j := range append([]*job(nil), s.jobs...) {
			for !j.done && !j.stopped {
				if st, intr := s.waitJobProcs(j); intr {
					return st
				}
			}
			if j.done {
				s.removeJob(j)
			}
		}
		return 0
	}
	status := 0
	for _, a := range args {
		var j *job
		if strings.HasPrefix(a, "%") {
			j = s.jobSpec(a)
			if j == nil {
				if !s.ambiguousJob("wait", a) {
					s.errorf("wait: No such job: %s", a)
				}
				status = 2 // dash's status
				continue
			}
		} else {
			pid, err := strconv.Atoi(a)
			if err != nil || pid <= 0 {
				s.errorf("wait: Illegal number: %s", a)
				return 2
			}
			j = s.findJob(pid)
			if j == nil {
				if st, ok := s.reaped[pid]; ok {
					status = st
				} else {
					status = 127
				}
				continue
			}
		}
		for !j.done && !j.stopped {
			if st, intr := s.waitJobProcs(j); intr {
				return st
			}
		}
		if j.stopped {
			status = 128 + int(syscall.SIGTSTP)
			continue
		}
		status = j.status
		s.removeJob(j)
	}
	return status
}

// waitJobProcs waits for the next process of j that is still running.
func (s *Shell) waitJobProcs(j *job) (int, bool) {
	for _, p := range j.procs {
		if p.running {
			st, intr := s.waitInterruptible(p.pid)
			if intr {
				return st, true
			}
			return st, false
		}
	}
	j.update()
	return j.status, false
}

// waitInterruptible waits for pid, polling so that a trapped signal can
// interrupt the wait as POSIX requires.
func (s *Shell) waitInterruptible(pid int) (int, bool) {
	flags := 0
	if s.jobControl() {
		flags = unix.WUNTRACED
	}
	if s.sigCh == nil && s.intr == nil {
		for {
			var ws unix.WaitStatus
			got, err := unix.Wait4(pid, &ws, flags, nil)
			if err == unix.EINTR {
				continue
			}
			if err != nil {
				s.jobDone(pid, unix.WaitStatus(127<<8))
				return 127, false
			}
			if got == pid {
				s.jobDone(pid, ws)
				return waitStatus(ws), false
			}
		}
	}
	for {
		var ws unix.WaitStatus
		got, err := unix.Wait4(pid, &ws, unix.WNOHANG|flags, nil)
		if err != nil && err != unix.EINTR {
			s.jobDone(pid, unix.WaitStatus(127<<8))
			return 127, false
		}
		if got == pid {
			s.jobDone(pid, ws)
			return waitStatus(ws), false
		}
		if s.interruptPending() {
			s.takeInterrupt() // Ctrl-C while an interactive shell waits
			if s.ctl == ctlInterrupt {
				return 130, true
			}
		}
		select {
		case sg := <-s.sigCh:
			sig := sg.(syscall.Signal)
			if t := s.traps[sig]; t != nil && *t != "" {
				s.runTrap(*t)
			}
			return 128 + int(sig), true
		default:
		}
		unix.Nanosleep(&unix.Timespec{Nsec: 2e6}, nil)
	}
}

// jobSpec resolves %N, %%, %+, %-, %string (a command starting with
// string) and %?string (a command containing it).
func (s *Shell) jobSpec(spec string) *job {
	if len(s.jobs) == 0 {
		return nil
	}
	r := s.rankedJobs()
	t := strings.TrimPrefix(spec, "%")
	switch t {
	case "", "%", "+":
		return r[0]
	case "-":
		if len(r) > 1 {
			return r[1]
		}
		return r[0]
	}
	if n, err := strconv.Atoi(t); err == nil {
		for _, j := range s.jobs {
			if j.id == n {
				return j
			}
		}
		return nil
	}
	var found *job
	for _, j := range r {
		var match bool
		if sub, ok := strings.CutPrefix(t, "?"); ok {
			match = strings.Contains(j.cmd, sub)
		} else {
			match = strings.HasPrefix(j.cmd, t)
		}
		if match {
			if found != nil {
				return nil // ambiguous
			}
			found = j
		}
	}
	return found
}

// ambiguousJob reports, as bash does ("fg: sl: ambiguous job spec"), a
// %string or %?string spec that names more than one job, and says whether
// it did. jobSpec returns nil for such a spec, as for a missing job.
func (s *Shell) ambiguousJob(name, spec string) bool {
	t := strings.TrimPrefix(spec, "%")
	if t == "" || t == "%" || t == "+" || t == "-" {
		return false
	}
	if _, err := strconv.Atoi(t); err == nil {
		return false
	}
	n := 0
	for _, j := range s.jobs {
		if sub, ok := strings.CutPrefix(t, "?"); ok {
			if strings.Contains(j.cmd, sub) {
				n++
			}
		} else if strings.HasPrefix(j.cmd, t) {
			n++
		}
	}
	if n < 2 {
		return false
	}
	s.errorf("%s: %s: ambiguous job spec", name, t)
	return true
}

// reapJobs collects the state changes of background jobs without
// blocking: ended processes, and with job control stopped and continued
// ones.
func (s *Shell) reapJobs() {
	flags := unix.WNOHANG
	if s.jobControl() {
		flags |= unix.WUNTRACED | unix.WCONTINUED
	}
	for _, j := range s.jobs {
		for _, p := range j.procs {
			if !p.running && !p.ws.Stopped() {
				continue
			}
			for {
				var ws unix.WaitStatus
				got, err := unix.Wait4(p.pid, &ws, flags, nil)
				if err == unix.EINTR {
					continue
				}
				if err == unix.ECHILD {
					// reaped elsewhere: it is gone
					j.setProc(p.pid, unix.WaitStatus(0))
				} else if got == p.pid {
					j.setProc(p.pid, ws)
				}
				break
			}
		}
	}
}

// formatJob is the bash-style line for j ("[1]+  Stopped  sleep 100").
func (s *Shell) formatJob(j *job, long bool) string {
	ij := interactive.Job{ID: j.id, Mark: s.mark(j)}
	for _, p := range j.procs {
		ij.Procs = append(ij.Procs, interactive.JobProc{Pid: p.pid, Running: p.running, Status: p.ws, Command: p.cmd})
	}
	if long {
		return interactive.FormatJobLong(ij)
	}
	return interactive.FormatJob(ij)
}

// notifyJobs is what an interactive shell does before a prompt: report
// the background jobs that ended or stopped since the last report, and
// forget the ended ones.
func (s *Shell) notifyJobs() {
	if len(s.jobs) == 0 {
		return
	}
	s.reapJobs()
	var b strings.Builder
	var gone []*job
	for _, j := range s.jobs {
		if j.notified || (!j.done && !j.stopped) {
			continue
		}
		j.notified = true
		b.WriteString(s.formatJob(j, false))
		if j.done {
			gone = append(gone, j)
		}
	}
	for _, j := range gone {
		s.removeJob(j)
	}
	writeAll(2, []byte(b.String()))
}

func (s *Shell) jobsBuiltin(args []string) int {
	s.reapJobs()
	// bash: `exit` right after `jobs` leaves stopped jobs without asking
	if s.jobControl() {
		s.exitWarnNow = true
	}
	pidsOnly, long := false, false
	var specs []string
	for i, a := range args {
		if a == "--" {
			specs = args[i+1:]
			break
		}
		if len(a) > 1 && a[0] == '-' {
			for _, c := range a[1:] {
				switch c {
				case 'p':
					pidsOnly = true
				case 'l':
					long = true
				default:
					s.errorf("jobs: Illegal option -%c", c)
					return 2
				}
			}
			continue
		}
		specs = args[i:]
		break
	}
	list := s.jobs
	status := 0
	if len(specs) > 0 {
		list = nil
		for _, sp := range specs {
			if j := s.jobSpec(sp); j != nil {
				list = append(list, j)
			} else {
				s.ambiguousJob("jobs", sp) // and then "no such job", as bash
				s.errorf("jobs: %s: no such job", sp)
				status = 1
			}
		}
	}
	var b strings.Builder
	for _, j := range list {
		if pidsOnly {
			fmt.Fprintf(&b, "%d\n", j.procs[0].pid)
			continue
		}
		b.WriteString(s.formatJob(j, long))
		j.notified = true
	}
	var keep []*job
	for _, j := range s.jobs {
		if !j.done || !j.notified {
			keep = append(keep, j)
		} else {
			if s.reaped == nil {
				s.reaped = map[int]int{}
			}
			s.reaped[j.pid] = j.status
		}
	}
	s.jobs = keep
	s.out(b.String())
	return status
}
