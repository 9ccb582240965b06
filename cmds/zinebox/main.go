// Command zinebox is the multicall binary: one program that is every applet.
//
// Like busybox, it picks the applet from the name it was run as
// (argv[0], so a link named ls runs ls) or, when run as itself, from its
// first argument (`zinebox ls -l`).
//
// The go:debug lines switch off the Go runtime's container-aware GOMAXPROCS
// (Go 1.25): it reads /proc/self/cgroup and mountinfo at every start and
// keeps two cgroup files open on fds 3 and 4, which would show up in the
// zine's `ls -l /proc/self/fd` and cost start-up time. A teaching tool's
// descriptors must be only the ones its code opened.
//
//go:debug containermaxprocs=0
//go:debug updatemaxprocs=0
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"unsafe"

	"github.com/zinebox/zinebox/pkg/applet"
	"github.com/zinebox/zinebox/pkg/errno"
	"golang.org/x/sys/unix"
)

func main() {
	os.Exit(run(os.Args))
}

func run(argv []string) int {
	if setuid() {
		return runSetuid(argv)
	}
	if a := fromArgv0(argv[0]); a != nil {
		setComm(a.Name)
		return applet.RunProcess(a, strings.TrimPrefix(argv[0], "-"), argv[1:], applets)
	}
	if len(argv) < 2 {
		usage(os.Stderr)
		return 1
	}
	switch argv[1] {
	case "--help", "-h":
		usage(os.Stdout)
		return 0
	case "--version":
		fmt.Printf("zinebox %s\n", applet.Version)
		return 0
	case "--list":
		return list(argv[2:])
	case "--install":
		return install(argv[2:])
	}
	a := lookup(argv[1])
	if a == nil {
		fmt.Fprintf(os.Stderr, "zinebox: applet not found: %s\n", argv[1])
		return 127
	}
	setComm(a.Name)
	return applet.RunProcess(a, a.Name, argv[2:], applets)
}

// setComm names the process after the applet in /proc/PID/comm, which ps,
// top and pgrep show. The kernel takes the name from the file that was
// executed: "exe" when the shell runs an applet as /proc/self/exe,
// "zinebox" for `zinebox ls`. prctl(PR_SET_NAME) costs one system call.
func setComm(name string) {
	if p, err := unix.BytePtrFromString(name); err == nil {
		unix.Prctl(unix.PR_SET_NAME, uintptr(unsafe.Pointer(p)), 0, 0, 0)
	}
}

// setuidApplet is the one applet a setuid copy of the binary will run.
const setuidApplet = "uids"

// setuid reports whether the process runs with privileges its user does
// not have: a setuid or setgid executable.
func setuid() bool {
	return os.Getuid() != os.Geteuid() || os.Getgid() != os.Getegid()
}

// runSetuid runs only the uids demonstration. A setuid-root copy of a
// multicall binary is a root shell for anyone who links it as "sh"; the
// teaching VM has such a copy to show what setuid does, so it must refuse
// everything else, however it is named.
func runSetuid(argv []string) int {
	a := fromArgv0(argv[0])
	if a == nil || a.Name != setuidApplet {
		fmt.Fprintf(os.Stderr, "zinebox: running setuid or setgid: only %s may run this way\n", setuidApplet)
		return 126
	}
	return applet.RunProcess(a, a.Name, argv[1:], applets)
}

// lookup finds an applet by name in the sorted registry.
func lookup(name string) *applet.Applet {
	for _, a := range applets {
		if a.Name == name {
			return a
		}
	}
	return nil
}

// fromArgv0 picks the applet that argv0 names. A login shell's argv[0]
// starts with '-' ("-sh"), which is dropped. When the basename is not an
// applet, the symlink chain is followed one link at a time and each
// basename tried, so that mytool -> ls -> zinebox runs ls.
func fromArgv0(argv0 string) *applet.Applet {
	name := strings.TrimPrefix(filepath.Base(argv0), "-")
	if a := lookup(name); a != nil {
		return a
	}
	path := argv0
	if !strings.Contains(path, "/") {
		return nil // found through PATH: we cannot follow what we cannot see
	}
	for range 40 { // ELOOP's limit, near enough
		target, err := os.Readlink(path)
		if err != nil {
			return nil
		}
		if !filepath.IsAbs(target) {
			target = filepath.Join(filepath.Dir(path), target)
		}
		if a := lookup(filepath.Base(target)); a != nil {
			return a
		}
		path = target
	}
	return nil
}

func usage(w *os.File) {
	fmt.Fprintf(w, `zinebox %s: a small Unix userland and shell for learning how Linux works.

Usage: zinebox APPLET [ARGUMENTS]...
   or: APPLET [ARGUMENTS]...         (through a link named APPLET)
   or: zinebox --list                (the applets, one a line)
   or: zinebox --install [-s] DIR    (a link in DIR for every applet; -s: symbolic)

Each applet answers --help, and `+"`man APPLET`"+` shows its manual.
`, applet.Version)
}

func list(args []string) int {
	if len(args) > 0 {
		fmt.Fprintf(os.Stderr, "zinebox: --list takes no arguments\n")
		return 1
	}
	var b strings.Builder
	for _, a := range applets {
		b.WriteString(a.Name + "\n")
	}
	if _, err := os.Stdout.WriteString(b.String()); err != nil {
		return 1
	}
	return 0
}

// install makes DIR/NAME for every applet: hard links by default (as
// busybox --install does), symbolic links with -s. Existing files are left
// alone and reported, so a mistaken DIR of /usr/bin cannot replace the
// system's tools.
func install(args []string) int {
	symbolic := false
	if len(args) > 0 && args[0] == "-s" {
		symbolic, args = true, args[1:]
	}
	if len(args) != 1 {
		fmt.Fprintf(os.Stderr, "zinebox: usage: zinebox --install [-s] DIR\n")
		return 1
	}
	dir := args[0]
	self, err := os.Executable()
	if err != nil {
		fmt.Fprintf(os.Stderr, "zinebox: cannot find own executable: %v\n", err)
		return 1
	}
	status := 0
	for _, a := range applets {
		link := filepath.Join(dir, a.Name)
		if symbolic {
			err = os.Symlink(self, link)
		} else {
			err = os.Link(self, link)
		}
		if err != nil {
			fmt.Fprintf(os.Stderr, "zinebox: cannot create link '%s': %s\n", link, errno.Message(err))
			status = 1
		}
	}
	return status
}
