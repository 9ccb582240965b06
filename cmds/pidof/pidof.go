// Package pidof implements pidof(8): print the process IDs of running
// programs, named as a user names them ("sshd", "/usr/sbin/sshd").
//
// sysvinit's pidof is the model: a process matches NAME when NAME is its
// argv[0], the base name of its argv[0], its 15-byte command name, or the
// path of its executable; with -x, a script run as "sh script" matches the
// script's name too. IDs are printed highest first, separated by spaces.
package pidof

import (
	_ "embed"
	"slices"

	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/zinebox/zinebox/pkg/applet"
	"github.com/zinebox/zinebox/pkg/getopt"
	"github.com/zinebox/zinebox/pkg/proc"
)

//go:embed pidof.8
var manPage string

var Applet = applet.Applet{
	Name:    "pidof",
	Section: "8",
	Summary: "find the process ID of a running program",
	Man:     &manPage,
	Main:    run,
}

var spec = getopt.Spec{
	Prog:  "pidof",
	Usage: []string{"[-s] [-c] [-n] [-x] [-z] [-o OMITPID[,OMITPID...]] [-d SEP] PROGRAM..."},
	Options: []getopt.Option{
		{Short: 's', Help: "single shot: return only one process ID"},
		{Short: 'c', Help: "only processes with the same root directory"},
		{Short: 'n', Help: "avoid stat(2) of binaries on network file systems"},
		{Short: 'q', Help: "quiet: print nothing, only set the exit status"},
		{Short: 'x', Help: "also match scripts run by an interpreter"},
		{Short: 'z', Help: "also match zombie processes"},
		{Short: 'o', Arg: getopt.RequiredArg, ArgName: "PID", Help: "omit this process ID (%PPID: our parent)"},
		{Short: 'd', Arg: getopt.RequiredArg, ArgName: "SEP", Help: "separate IDs with SEP instead of a space"},
	},
}

func run(io *applet.IO, args []string) int {
	r, done, st := io.Parse(&spec, args, 1)
	if done {
		return st
	}
	single, scripts, quiet, zombies, sep := false, false, false, false, " "
	omit := map[int]bool{os.Getpid(): true}
	for _, o := range r.Opts {
		switch o.Key {
		case "s":
			single = true
		case "x":
			scripts = true
		case "q":
			quiet = true
		case "z":
			zombies = true
		case "d":
			sep = o.Value
		case "o":
			for _, f := range strings.Split(o.Value, ",") {
				if f == "%PPID" {
					omit[os.Getppid()] = true
				} else if n, err := strconv.Atoi(f); err == nil {
					omit[n] = true
				} else {
					io.Errorf("illegal omit pid value (%s)!", f)
					return 1
				}
			}
		}
	}
	pids, err := proc.Pids()
	if err != nil {
		io.Errorf("%s", err)
		return 1
	}
	var found []int
	for _, name := range r.Operands {
		for i := len(pids) - 1; i >= 0; i-- {
			pid := pids[i]
			if omit[pid] || slices.Contains(found, pid) {
				continue
			}
			if matches(pid, name, scripts, zombies) {
				found = append(found, pid)
				if single {
					break
				}
			}
		}
	}
	if len(found) == 0 {
		return 1
	}
	if !quiet {
		for i, p := range found {
			if i > 0 {
				io.Stdout.WriteString(sep)
			}
			io.Stdout.WriteString(strconv.Itoa(p))
		}
		io.Stdout.WriteString("\n")
	}
	return io.Finish(0)
}

// matches says whether process pid runs program name.
func matches(pid int, name string, scripts, zombies bool) bool {
	st, err := proc.ReadStat(pid, 0)
	if err != nil || (st.State == 'Z' && !zombies) {
		return false
	}
	argv, _ := proc.Cmdline(pid)
	if len(argv) == 0 {
		return false // kernel threads have no program
	}
	base := filepath.Base(name)
	if strings.Contains(name, "/") {
		// A path names a file: any process whose executable is that
		// file (same device and inode, symbolic links followed) runs it.
		if want, err := os.Stat(name); err == nil {
			if exe, err := os.Stat("/proc/" + strconv.Itoa(pid) + "/exe"); err == nil && os.SameFile(want, exe) {
				return true
			}
		}
		if argv[0] == name {
			return true
		}
	} else {
		if argv[0] == name || filepath.Base(argv[0]) == base {
			return true
		}
		if st.Comm == name || (len(name) > 15 && st.Comm == name[:15]) && filepath.Base(argv[0]) == "" {
			return true
		}
		if exe, err := proc.Exe(pid); err == nil && filepath.Base(exe) == base && st.Comm == truncate(base) {
			return true
		}
	}
	if scripts && len(argv) > 1 {
		script := argv[1]
		if script == name || filepath.Base(script) == base && !strings.Contains(name, "/") {
			return st.Comm == truncate(filepath.Base(script))
		}
	}
	return false
}

func truncate(s string) string {
	if len(s) > 15 {
		return s[:15]
	}
	return s
}
