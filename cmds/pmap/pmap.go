// Package pmap implements pmap(1): report the memory map of a process,
// from /proc/PID/maps and /proc/PID/smaps (the zine's virtual memory,
// shared libraries and mmap pages).
//
// procps-ng 4's formats: the default (address, size, mode, mapping), -x
// (with resident and dirty kB from smaps), -d (offset and device), -q, -p.
// Like procps, [heap], [vdso] and the other pseudo-paths show as "[ anon ]",
// except [stack]; a process that cannot be read makes the exit status 42.
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
	failed := false
	for _, op := range r.Operands {
		pid, err := strconv.Atoi(strings.TrimPrefix(op, "/proc/"))
		if err != nil || pid <= 0 {
			io.Errorf("invalid process id: %s", op)
			failed = true
			continue
		}
		var maps []proc.Mapping
		if extended {
			maps, err = proc.Smaps(pid)
		} else {
			maps, err = proc.Maps(pid)
		}
		argv, err2 := proc.Cmdline(pid)
		if err != nil || err2 != nil {
			failed = true
			continue // procps says nothing about a vanished or foreign process
		}
		cmd := strings.Join(argv, " ")
		if len(argv) == 0 {
			if st, err := proc.ReadStat(pid, 0); err == nil {
				cmd = "[" + st.Comm + "]"
			}
		}
		fmt.Fprintf(io.Stdout, "%d:   %s\n", pid, cmd)
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
	if failed {
		return io.Finish(42)
	}
	return io.Finish(0)
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
