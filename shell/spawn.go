package shell

import (
	"os/signal"
	"strconv"
	"strings"
	"syscall"

	"golang.org/x/sys/unix"

	zsig "github.com/zinebox/zinebox/pkg/signal"
)

// spawnOpts say how to start a child process.
type spawnOpts struct {
	// pgid: -1 stays in the shell's process group; 0 makes the child the
	// leader of a new group; >0 joins that group. Only an interactive
	// shell (set -m) makes groups.
	pgid int
	// foreground: the new group gets the terminal (job control, issue 8:
	// tcsetpgrp goes here, through SysProcAttr.Foreground/Ctty).
	foreground bool
	// ignoreIntQuit: a non-interactive shell's `cmd &` ignores SIGINT
	// and SIGQUIT, as POSIX asks.
	ignoreIntQuit bool
	// extraFD is passed to the child at the same number (a subshell's
	// state).
	extraFD int
}

// spawn is the one place where the shell starts a process: fork/exec of
// path with argv and env, the child's fds 0-9 being the shell's fds 0-9
// at this moment (the caller has dup2'd pipes and redirections onto them).
// syscall.ForkExec uses clone(CLONE_VM|CLONE_VFORK) and runs no Go code in
// the child between fork and exec. Signal handlers the shell installed are
// reset to the default by execve; only signals the shell ignores stay
// ignored, which is what POSIX wants for `trap ” SIG`.
func (s *Shell) spawn(path string, argv, env []string, o spawnOpts) (int, error) {
	var files [3]uintptr
	for i := range files {
		if _, err := unix.FcntlInt(uintptr(i), unix.F_GETFD, 0); err != nil {
			files[i] = ^uintptr(0) // closed in the child too
		} else {
			files[i] = uintptr(i)
		}
	}
	sys := &syscall.SysProcAttr{}
	if o.pgid >= 0 && s.jobControl() {
		sys.Setpgid = true
		sys.Pgid = o.pgid
		if o.foreground {
			// tcsetpgrp in the child, before execve, with its signals
			// still blocked: the job owns the terminal from its first
			// instruction, and Ctrl-C typed at once reaches it
			sys.Foreground = true
			sys.Ctty = s.ttyFD
		}
	}
	if o.extraFD > 0 {
		unix.FcntlInt(uintptr(o.extraFD), unix.F_SETFD, 0)
		defer unix.FcntlInt(uintptr(o.extraFD), unix.F_SETFD, unix.FD_CLOEXEC)
	}
	if o.ignoreIntQuit {
		// The child inherits SIG_IGN; there is no other way to give it to
		// a child of a Go program, which cannot run code after fork.
		var wasIgnored [2]bool
		sigs := [2]syscall.Signal{syscall.SIGINT, syscall.SIGQUIT}
		for i, sig := range sigs {
			wasIgnored[i] = signal.Ignored(sig)
			if !wasIgnored[i] {
				signal.Ignore(sig)
			}
		}
		defer func() {
			for i, sig := range sigs {
				if !wasIgnored[i] {
					s.restoreSignal(sig)
				}
			}
		}()
	}
	attr := &syscall.ProcAttr{Env: env, Files: files[:], Sys: sys}
	return syscall.ForkExec(path, argv, attr)
}

// waitPid waits for a child and returns its status as $? shows it:
// the exit code, or 128+N for death by signal N.
func (s *Shell) waitPid(pid int) int {
	for {
		var ws unix.WaitStatus
		got, err := unix.Wait4(pid, &ws, 0, nil)
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return 127
		}
		if got == pid {
			st := waitStatus(ws)
			s.signalsDue = true
			s.jobDone(pid, ws)
			if ws.Signaled() {
				s.lastSig, s.lastCore = ws.Signal(), ws.CoreDump()
			}
			return st
		}
	}
}

// waitFG waits for a foreground command and, as dash does, says on
// standard error how it died if a signal other than SIGINT or SIGPIPE
// killed it.
func (s *Shell) waitFG(pid int) int {
	s.lastSig = 0
	st := s.waitPid(pid)
	s.reportDeath()
	return st
}

func (s *Shell) reportDeath() {
	sig := s.lastSig
	s.lastSig = 0
	if sig == 0 || sig == syscall.SIGINT || sig == syscall.SIGPIPE {
		return
	}
	msg := zsig.Description(sig)
	if s.lastCore {
		msg += " (core dumped)"
	}
	writeAll(2, []byte(msg+"\n"))
}

func waitStatus(ws unix.WaitStatus) int {
	switch {
	case ws.Exited():
		return ws.ExitStatus()
	case ws.Signaled():
		return 128 + int(ws.Signal())
	case ws.Stopped():
		return 128 + int(ws.StopSignal())
	}
	return 0
}

// lookPath finds a command in PATH like dash: the first executable
// regular file; remembered in the hash table.
func (s *Shell) lookPath(name string) (string, bool) {
	if p, ok := s.hash[name]; ok {
		return p, true
	}
	path, _ := s.getVar("PATH")
	return s.searchPath(name, path, true)
}

// searchPath looks name up in the directories of path. A file found
// but not executable (or a directory) is remembered in s.denied, so the
// caller can say "Permission denied" (126) rather than "not found".
func (s *Shell) searchPath(name, path string, remember bool) (string, bool) {
	s.denied = false
	start := 0
	for i := 0; i <= len(path); i++ {
		if i < len(path) && path[i] != ':' {
			continue
		}
		dir := path[start:i]
		start = i + 1
		if dir == "" {
			dir = "."
		}
		p := dir + "/" + name
		var st unix.Stat_t
		if unix.Stat(p, &st) != nil {
			continue
		}
		if st.Mode&unix.S_IFMT != unix.S_IFREG || unix.Access(p, unix.X_OK) != nil {
			s.denied = true
			s.deniedDir = st.Mode&unix.S_IFMT == unix.S_IFDIR
			continue
		}
		if !remember {
			return p, true
		}
		if s.hash == nil {
			s.hash = map[string]string{}
		}
		s.hash[name] = p
		return p, true
	}
	return "", false
}

// lookPathWith is lookPath, or a search of a PATH given to this one
// command (`PATH=/x cmd`), which is not hashed.
func (s *Shell) lookPathWith(name, path string, override bool) (string, bool) {
	if override {
		return s.searchPath(name, path, false)
	}
	return s.lookPath(name)
}

// startExternal starts a command that is not a builtin or a function and
// returns its pid, or 0 and the status when it could not be started (the
// message is already printed).
//
// Applets win over PATH: a name without '/' that is one of zinebox's
// applets runs /proc/self/exe with argv[0] = the name (busybox's
// "prefer applets"). A name with '/' is always that file.
func (s *Shell) startExternal(args, extraEnv []string, o spawnOpts) (int, int) {
	name := args[0]
	var path string
	pathOverride, override := "", false
	for _, kv := range extraEnv {
		if v, ok := strings.CutPrefix(kv, "PATH="); ok {
			pathOverride, override = v, true
		}
	}
	if strings.IndexByte(name, '/') >= 0 {
		path = name
	} else if s.isApplet(name) {
		path = s.selfExe()
		if !override {
			s.lookPath(name) // `hash` lists what PATH has, as dash's would
		}
	} else if p, ok := s.lookPathWith(name, pathOverride, override); ok {
		path = p
	} else if s.denied {
		s.errorf("%s: Permission denied", name)
		if s.deniedDir {
			return 0, 127 // dash's status for a directory found in PATH
		}
		return 0, 126
	} else {
		s.errorf("%s: not found", name)
		return 0, 127
	}
	env := s.environ(extraEnv)
	if path == s.selfExe() {
		// Every zinebox program, not just a shell, re-ignores what we
		// ignore (applet.RunProcess reads the list).
		env = s.withIgnoreList(env)
	}
	pid, err := s.spawn(path, args, env, o)
	if err == nil {
		return pid, 0
	}
	switch err {
	case unix.ENOEXEC:
		if looksBinary(path) {
			s.errorf("%s: Exec format error", name)
			return 0, 126
		}
		// Not a binary: POSIX says run it as a shell script.
		argv := append([]string{"sh", path}, args[1:]...)
		pid, err = s.spawn(s.selfExe(), argv, env, o)
		if err == nil {
			return pid, 0
		}
	case unix.ENOENT:
		s.errorf("%s: not found", name)
		return 0, 127
	}
	s.errorf("%s: %s", name, errnoMsg(err))
	return 0, 126
}

// withIgnoreList adds ignoreEnv to a zinebox shell child's environment
// when the shell ignores signals.
func (s *Shell) withIgnoreList(env []string) []string {
	var list []string
	for sig := 1; sig <= maxSig; sig++ {
		if s.ignored[sig] || (s.traps[sig] != nil && *s.traps[sig] == "") {
			list = append(list, strconv.Itoa(sig))
		}
	}
	if len(list) == 0 {
		return env
	}
	return append(env[:len(env):len(env)], ignoreEnv+"="+strings.Join(list, ","))
}

// runExternal runs a command in the foreground and waits for it.
func (s *Shell) runExternal(args, extraEnv []string, _ bool) int {
	pid, status := s.startExternal(args, extraEnv, spawnOpts{pgid: 0, foreground: true})
	if pid == 0 {
		return status
	}
	if s.jobControl() {
		cmd := strings.Join(args, " ")
		if s.curStmt != nil && s.cur != nil {
			// the statement's text ends with its `;`, which is not part of
			// the job's command
			if t := strings.TrimRight(stmtText(s.cur, s.curStmt), " \t\n;"); t != "" {
				cmd = t
			}
		}
		return s.waitForeground(newJob(pid, []int{pid}, []string{cmd}, cmd))[0]
	}
	return s.waitFG(pid)
}
