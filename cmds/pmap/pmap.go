// Package pmap implements pmap(1): report the memory map of a process,
// from /proc/PID/maps and /proc/PID/smaps (the zine's virtual memory,
// shared libraries and mmap pages).
//
// procps-ng 4's formats: the default (address, size, mode, mapping), -x
// (with resident and dirty kB from smaps), -d (offset and device), -q, -p.
// Like procps, [heap], [vdso] and the other pseudo-paths show as "[ anon ]",
// except [stack]. Exit status as procps: 42 if a process was missing, |1 if
// one could not be read.
package pmap

import (
	_ "embed"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/zinebox/zinebox/pkg/applet"
	"github.com/zinebox/zinebox/pkg/getopt"
	"github.com/zinebox/zinebox/pkg/proc"
)

//go:embed pmap.1
var manPage string

var Applet = applet.Applet{
	Name:    "pmap",
	Summary: "report memory map of a process",
	Man:     &manPage,
	Main:    run,
}

var spec = getopt.Spec{
	Prog:  "pmap",
	Usage: []string{"[options] PID [PID ...]"},
	Options: []getopt.Option{
		{Short: 'x', Long: "extended", Help: "show details"},
		{Short: 'd', Long: "device", Help: "show the device format"},
		{Short: 'q', Long: "quiet", Help: "do not display header and footer"},
		{Short: 'p', Long: "show-path", Help: "show path in the mapping"},
	},
}

func run(io *applet.IO, args []string) int {
	r, done, st := io.Parse(&spec, args, 1)
	if done {
		return st
	}
	if len(r.Operands) == 0 {
		fmt.Fprint(io.Stderr, spec.Help())
		return 1
	}
	extended, device := r.Has("extended"), r.Has("device")
	quiet, showPath := r.Has("quiet"), r.Has("show-path")
	if extended && device {
		io.Errorf("options -d, -x, -X are mutually exclusive")
		return 1
	}
	// Every operand must be a process id before anything is printed; a
	// bad one gets procps's answer, the usage text and status 1.
	pids := make([]int, len(r.Operands))
	for i, op := range r.Operands {
		pid, err := strconv.Atoi(strings.TrimPrefix(op, "/proc/"))
		if err != nil || pid <= 0 {
			fmt.Fprint(io.Stderr, spec.Help())
			return 1
		}
		pids[i] = pid
	}
	// procps's exit status: 42 when a process was not there (never
	// existed, or exited), or'ed with 1 when one could not be read (its
	// header line is printed, then nothing: /proc/PID/maps needs the
	// right to ptrace the process).
	missing, unreadable := false, false
	for _, pid := range pids {
		argv, err := proc.Cmdline(pid)
		if err != nil {
			if proc.Gone(err) {
				missing = true
			} else {
				unreadable = true
			}
			continue
		}
		cmd := strings.Join(argv, " ")
		if len(argv) == 0 {
			if st, err := proc.ReadStat(pid, 0); err == nil {
				cmd = "[" + st.Comm + "]"
			}
		}
		var maps []proc.Mapping
		if extended {
			maps, err = proc.Smaps(pid)
		} else {
			maps, err = proc.Maps(pid)
		}
		if err != nil && proc.Gone(err) {
			missing = true // exited since we read its command line
			continue
		}
		fmt.Fprintf(io.Stdout, "%d:   %s\n", pid, cmd)
		if err != nil {
			unreadable = true
			continue
		}
		name := func(m proc.Mapping) string {
			switch {
			case m.Path == "[stack]":
				return "  [ stack ]"
			case m.Path == "" || strings.HasPrefix(m.Path, "["):
				return "  [ anon ]"
			case showPath:
				return m.Path
			}
			return filepath.Base(m.Path)
		}
		var total, rss, dirty, writable, shared uint64
		switch {
		case extended:
			if !quiet {
				io.Stdout.WriteString("Address           Kbytes     RSS   Dirty Mode  Mapping\n")
			}
			for _, m := range maps {
				size := (m.End - m.Start) / 1024
				d := uint64(m.SharedDirty + m.PrivateDirty)
				total, rss, dirty = total+size, rss+uint64(m.Rss), dirty+d
				fmt.Fprintf(io.Stdout, "%016x %7d %7d %7d %s %s\n", m.Start, size, m.Rss, d, mode(m), name(m))
			}
			if !quiet {
				io.Stdout.WriteString("---------------- ------- ------- ------- \n")
				fmt.Fprintf(io.Stdout, "total kB %15d %7d %7d\n", total, rss, dirty)
			}
		case device:
			if !quiet {
				io.Stdout.WriteString("Address           Kbytes Mode  Offset           Device    Mapping\n")
			}
			for _, m := range maps {
				size := (m.End - m.Start) / 1024
				total += size
				if m.Perms[3] == 's' {
					shared += size
				} else if m.Perms[1] == 'w' {
					writable += size
				}
				major, minor, _ := strings.Cut(m.Dev, ":")
				maj, _ := strconv.ParseUint(major, 16, 32)
				min, _ := strconv.ParseUint(minor, 16, 32)
				fmt.Fprintf(io.Stdout, "%016x %7d %s %016x %03x:%05x %s\n", m.Start, size, mode(m), m.Offset, maj, min, name(m))
			}
			if !quiet {
				fmt.Fprintf(io.Stdout, "mapped: %dK    writeable/private: %dK    shared: %dK\n", total, writable, shared)
			}
		default:
			for _, m := range maps {
				size := (m.End - m.Start) / 1024
				total += size
				fmt.Fprintf(io.Stdout, "%016x %6dK %s %s\n", m.Start, size, mode(m), name(m))
			}
			if !quiet {
				fmt.Fprintf(io.Stdout, " total %16dK\n", total)
			}
		}
	}
	status := 0
	if missing {
		status = 42
	}
	if unreadable {
		status |= 1
	}
	return io.Finish(status)
}

// mode is procps's five-letter mode: r, w, x, s for a shared mapping, and
// a fifth column (swap reservation) always '-'.
func mode(m proc.Mapping) string {
	s := []byte(m.Perms[:3])
	if m.Perms[3] == 's' {
		s = append(s, 's')
	} else {
		s = append(s, '-')
	}
	return string(append(s, '-'))
}
