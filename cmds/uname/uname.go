// Package uname implements uname(1): print system information, from the
// uname(2) system call (the kernel's utsname: sysname, nodename, release,
// version, machine).
//
// As GNU coreutils on Linux: -p and -i print "unknown" (the kernel does not
// say), -o prints "GNU/Linux", and -a leaves out -p and -i when unknown.
package uname

import (
	_ "embed"
	"strings"

	"github.com/zinebox/zinebox/pkg/applet"
	"github.com/zinebox/zinebox/pkg/getopt"
	"golang.org/x/sys/unix"
)

//go:embed uname.1
var manPage string

var Applet = applet.Applet{
	Name:    "uname",
	Summary: "print system information",
	Man:     &manPage,
	Main:    run,
}

var spec = getopt.Spec{
	Prog:    "uname",
	Usage:   []string{"[OPTION]..."},
	Summary: "Print certain system information.  With no OPTION, same as -s.",
	Options: []getopt.Option{
		{Short: 'a', Long: "all", Help: "print all information, in the following order,\n  except omit -p and -i if unknown:"},
		{Short: 's', Long: "kernel-name", Help: "print the kernel name"},
		{Short: 'n', Long: "nodename", Help: "print the network node hostname"},
		{Short: 'r', Long: "kernel-release", Help: "print the kernel release"},
		{Short: 'v', Long: "kernel-version", Help: "print the kernel version"},
		{Short: 'm', Long: "machine", Help: "print the machine hardware name"},
		{Short: 'p', Long: "processor", Help: "print the processor type (non-portable)"},
		{Short: 'i', Long: "hardware-platform", Help: "print the hardware platform (non-portable)"},
		{Short: 'o', Long: "operating-system", Help: "print the operating system"},
	},
}

const (
	fSysname = 1 << iota
	fNodename
	fRelease
	fVersion
	fMachine
	fProcessor
	fPlatform
	fOS
)

func cstr(b []byte) string {
	if i := strings.IndexByte(string(b), 0); i >= 0 {
		return string(b[:i])
	}
	return string(b)
}

func run(io *applet.IO, args []string) int {
	r, done, st := io.Parse(&spec, args, 1)
	if done {
		return st
	}
	if len(r.Operands) > 0 {
		return io.UsageError(1, "extra operand '%s'", r.Operands[0])
	}
	flags, all := 0, false
	for _, o := range r.Opts {
		switch o.Key {
		case "all":
			all = true
			flags |= fSysname | fNodename | fRelease | fVersion | fMachine | fOS
		case "kernel-name":
			flags |= fSysname
		case "nodename":
			flags |= fNodename
		case "kernel-release":
			flags |= fRelease
		case "kernel-version":
			flags |= fVersion
		case "machine":
			flags |= fMachine
		case "processor":
			flags |= fProcessor
		case "hardware-platform":
			flags |= fPlatform
		case "operating-system":
			flags |= fOS
		}
	}
	if flags == 0 {
		flags = fSysname
	}
	var u unix.Utsname
	if err := unix.Uname(&u); err != nil {
		io.Errorf("cannot get system name")
		return 1
	}
	var out []string
	add := func(f int, v string) {
		if flags&f != 0 {
			out = append(out, v)
		}
	}
	add(fSysname, cstr(u.Sysname[:]))
	add(fNodename, cstr(u.Nodename[:]))
	add(fRelease, cstr(u.Release[:]))
	add(fVersion, cstr(u.Version[:]))
	add(fMachine, cstr(u.Machine[:]))
	// GNU: -a means every field, and every field that is unknown is
	// left out, even when -p or -i was also given.
	if !all {
		add(fProcessor, "unknown")
		add(fPlatform, "unknown")
	}
	add(fOS, "GNU/Linux")
	io.Stdout.WriteString(strings.Join(out, " ") + "\n")
	return 0
}
