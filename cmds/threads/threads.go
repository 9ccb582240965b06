// Package threads implements threads(1), a demonstration of threads: it
// starts N operating-system threads that each sleep in a system call, names
// them, prints their thread IDs and waits, so that `ps -T`, `ps -L` and
// /proc/PID/task show a process with several threads sharing one PID.
package threads

import (
	_ "embed"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/zinebox/zinebox/cmds/sleep"
	"github.com/zinebox/zinebox/pkg/applet"
	"github.com/zinebox/zinebox/pkg/getopt"
	"golang.org/x/sys/unix"
)

//go:embed threads.1
var manPage string

var Applet = applet.Applet{
	Name:    "threads",
	Summary: "start threads that sleep, to look at them in ps and /proc",
	Man:     &manPage,
	Main:    run,
}

var spec = getopt.Spec{
	Prog:    "threads",
	Usage:   []string{"[-t DURATION] [N]"},
	Summary: "Start N threads (default 4) that sleep, print their thread IDs, and wait\nuntil killed (or for DURATION).",
	Options: []getopt.Option{
		{Short: 't', Long: "time", Arg: getopt.RequiredArg, ArgName: "DURATION", Help: "exit after DURATION (suffixes s, m, h, d)"},
	},
}

// maxThreads keeps a typo from exhausting the machine's thread limit.
const maxThreads = 1000

func run(io *applet.IO, args []string) int {
	r, done, status := io.Parse(&spec, args, 1)
	if done {
		return status
	}
	duration := -1.0
	if v, ok := r.Last("time"); ok {
		d, err := sleep.ParseInterval(v)
		if err != nil {
			io.Errorf("invalid time interval '%s'", v)
			return 1
		}
		duration = d
	}
	n := 4
	if len(r.Operands) > 1 {
		return io.UsageError(1, "extra operand '%s'", r.Operands[1])
	}
	if len(r.Operands) == 1 {
		v, err := strconv.Atoi(r.Operands[0])
		if err != nil || v < 1 || v > maxThreads {
			io.Errorf("invalid number of threads '%s' (1 to %d)", r.Operands[0], maxThreads)
			return 1
		}
		n = v
	}
	tids := make(chan int)
	for i := 1; i <= n; i++ {
		go sleeper(i, tids)
	}
	var list []string
	for range n {
		list = append(list, strconv.Itoa(<-tids))
	}
	pid := unix.Getpid()
	fmt.Fprintf(io.Stdout, "process %d started %d sleeping threads: %s\n", pid, n, strings.Join(list, " "))
	fmt.Fprintf(io.Stdout, "the Go runtime runs a few threads of its own; all of them: ls /proc/%d/task, ps -T -p %d\n", pid, pid)
	if err := io.Stdout.Flush(); err != nil {
		return io.WriteFailed(err)
	}
	if duration < 0 {
		select {} // until a signal ends us
	}
	sleep.Sleep(duration)
	return 0
}

// sleeper pins itself to an OS thread, names the thread "sleeper-I" (the
// comm that ps -T shows), reports its thread ID and sleeps in nanosleep(2)
// for ever. A goroutine blocked in a system call keeps its thread.
func sleeper(i int, tids chan<- int) {
	runtime.LockOSThread()
	if unix.Gettid() == unix.Getpid() {
		// The main thread: its comm is the process's name, which ps shows
		// as the command, so naming it would rename "threads" itself.
		// Keep it, so that no sleeper lands on it again, and start this
		// sleeper over on another thread.
		go sleeper(i, tids)
		select {}
	}
	// Writing /proc/thread-self/comm is prctl(PR_SET_NAME) through /proc.
	os.WriteFile("/proc/thread-self/comm", []byte("sleeper-"+strconv.Itoa(i)), 0)
	tids <- unix.Gettid()
	for {
		ts := unix.NsecToTimespec(int64(24 * time.Hour))
		unix.Nanosleep(&ts, nil)
	}
}
