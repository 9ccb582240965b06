package shell

import (
	"fmt"
	"strconv"
	"strings"
	"syscall"

	"golang.org/x/sys/unix"
)

// job is a background command (`cmd &`). Job control proper (process
// groups as jobs, stop/continue, the terminal) is issue 8; this keeps
// what `wait` and `jobs` need.
type job struct {
	id     int
	pid    int
	cmd    string
	done   bool
	status int
}

func (s *Shell) addJob(pid int, cmd string) {
	id := 1
	for _, j := range s.jobs {
		if j.id >= id {
			id = j.id + 1
		}
	}
	s.jobs = append(s.jobs, &job{id: id, pid: pid, cmd: strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(cmd), "&"))})
	if s.opts.interactive {
		writeAll(2, []byte(fmt.Sprintf("[%d] %d\n", id, pid)))
	}
}

// jobDone records the status of a reaped child if it is a job.
func (s *Shell) jobDone(pid, status int) {
	for _, j := range s.jobs {
		if j.pid == pid {
			j.done, j.status = true, status
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

// waitBuiltin is wait(1): wait for the given pids (or %jobs), or for all
// background jobs. A trapped signal interrupts it with status 128+N.
func (s *Shell) waitBuiltin(args []string) int {
	if len(args) > 0 && args[0] == "--" {
		args = args[1:]
	}
	if len(args) == 0 {
		for _, j := range append([]*job(nil), s.jobs...) {
			if !j.done {
				if st, intr := s.waitInterruptible(j.pid); intr {
					return st
				}
			}
			s.removeJob(j)
		}
		return 0
	}
	status := 0
	for _, a := range args {
		var j *job
		if strings.HasPrefix(a, "%") {
			j = s.jobSpec(a)
			if j == nil {
				s.errorf("wait: No such job: %s", a)
				status = 2
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
		if !j.done {
			st, intr := s.waitInterruptible(j.pid)
			if intr {
				return st
			}
		}
		status = j.status
		s.removeJob(j)
	}
	return status
}

// waitInterruptible waits for pid, polling so that a trapped signal can
// interrupt the wait as POSIX requires.
func (s *Shell) waitInterruptible(pid int) (int, bool) {
	if s.sigCh == nil {
		return s.waitPid(pid), false
	}
	for {
		var ws unix.WaitStatus
		got, err := unix.Wait4(pid, &ws, unix.WNOHANG, nil)
		if err != nil && err != unix.EINTR {
			return 127, false
		}
		if got == pid {
			st := waitStatus(ws)
			s.jobDone(pid, st)
			return st, false
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

// jobSpec resolves %N, %%, %+, %-, %string.
func (s *Shell) jobSpec(spec string) *job {
	if len(s.jobs) == 0 {
		return nil
	}
	t := spec[1:]
	switch t {
	case "", "%", "+":
		return s.jobs[len(s.jobs)-1]
	case "-":
		if len(s.jobs) > 1 {
			return s.jobs[len(s.jobs)-2]
		}
		return s.jobs[len(s.jobs)-1]
	}
	if n, err := strconv.Atoi(t); err == nil {
		for _, j := range s.jobs {
			if j.id == n {
				return j
			}
		}
		return nil
	}
	for _, j := range s.jobs {
		if strings.HasPrefix(j.cmd, t) {
			return j
		}
	}
	return nil
}

// reapJobs collects finished background jobs without blocking.
func (s *Shell) reapJobs() {
	for _, j := range s.jobs {
		if j.done {
			continue
		}
		var ws unix.WaitStatus
		if got, _ := unix.Wait4(j.pid, &ws, unix.WNOHANG, nil); got == j.pid {
			j.done, j.status = true, waitStatus(ws)
		}
	}
}

func (s *Shell) jobsBuiltin(args []string) int {
	s.reapJobs()
	pidsOnly := len(args) > 0 && args[0] == "-p"
	long := len(args) > 0 && args[0] == "-l"
	var b strings.Builder
	for i, j := range s.jobs {
		if pidsOnly {
			fmt.Fprintf(&b, "%d\n", j.pid)
			continue
		}
		mark := " "
		if i == len(s.jobs)-1 {
			mark = "+"
		} else if i == len(s.jobs)-2 {
			mark = "-"
		}
		state := "Running"
		if j.done {
			state = "Done"
			if j.status != 0 {
				state = fmt.Sprintf("Done(%d)", j.status)
			}
		}
		if long {
			fmt.Fprintf(&b, "[%d]%s %d %-22s%s\n", j.id, mark, j.pid, state, j.cmd)
		} else {
			fmt.Fprintf(&b, "[%d]%s %-24s%s\n", j.id, mark, state, j.cmd)
		}
	}
	var keep []*job
	for _, j := range s.jobs {
		if !j.done {
			keep = append(keep, j)
		}
	}
	s.jobs = keep
	s.out(b.String())
	return 0
}
