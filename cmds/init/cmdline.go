package initcmd

import (
	"strconv"
	"strings"
)

// Cmdline is what init takes from the kernel command line (/proc/cmdline).
type Cmdline struct {
	Shell   string // zinebox.shell=: the program (and its arguments) to run instead of `sh -l`
	User    string // zinebox.user=: who the shell runs as ("root" by default)
	Run     string // zinebox.run=: a command for `sh -c`, after which the machine powers off
	HasRun  bool
	Term    string // TERM=
	Console string // the last console=, without its options: "ttyS0" of "ttyS0,115200n8"
	Quiet   bool   // quiet: init prints nothing but the motd and errors
	// Modules are kernel modules to load, in order, from
	// /lib/modules/NAME.ko (zinebox.modules=a,b,c).
	Modules []string
	IP      string // zinebox.ip=ADDR/PREFIX: the address of the first network card (eth0)
	// Rows and Cols are the terminal's size (zinebox.size=COLSxROWS, e.g.
	// 120x40): a serial line cannot tell, so make vm passes the host's.
	Rows, Cols uint16
}

// ParseCmdline splits the kernel command line as the kernel does:
// parameters separated by spaces, double quotes group a value with spaces
// (`zinebox.run="ls -l /"`) and are removed, the last of repeated
// parameters wins.
func ParseCmdline(s string) Cmdline {
	var c Cmdline
	for _, p := range splitParams(s) {
		name, value, _ := strings.Cut(p, "=")
		switch name {
		case "zinebox.shell":
			c.Shell = value
		case "zinebox.user":
			c.User = value
		case "zinebox.run":
			c.Run, c.HasRun = value, true
		case "TERM":
			c.Term = value
		case "console":
			dev, _, _ := strings.Cut(value, ",")
			c.Console = strings.TrimPrefix(dev, "/dev/")
		case "quiet":
			c.Quiet = true
		case "zinebox.modules":
			c.Modules = nil
			for _, m := range strings.Split(value, ",") {
				if m != "" {
					c.Modules = append(c.Modules, m)
				}
			}
		case "zinebox.ip":
			c.IP = value
		case "zinebox.size":
			cols, rows, _ := strings.Cut(value, "x")
			if x, y := atoi16(cols), atoi16(rows); x > 0 && y > 0 {
				c.Cols, c.Rows = x, y
			}
		}
	}
	return c
}

// splitParams splits at unquoted whitespace and drops the double quotes.
func splitParams(s string) []string {
	var out []string
	var cur strings.Builder
	inQuote, have := false, false
	for _, r := range s {
		switch {
		case r == '"':
			inQuote = !inQuote
			have = true
		case !inQuote && (r == ' ' || r == '\t' || r == '\n'):
			if have {
				out = append(out, cur.String())
				cur.Reset()
				have = false
			}
		default:
			cur.WriteRune(r)
			have = true
		}
	}
	if have {
		out = append(out, cur.String())
	}
	return out
}

// consoleDevice picks the terminal for the login shell: console= from the
// command line, else the last device /sys/class/tty/console/active names
// (the kernel lists every console there; the last one is /dev/console's),
// else ttyS0, the serial port QEMU's -serial connects.
func consoleDevice(c Cmdline, active string) string {
	if c.Console != "" {
		return "/dev/" + c.Console
	}
	if f := strings.Fields(active); len(f) > 0 {
		return "/dev/" + f[len(f)-1]
	}
	return "/dev/ttyS0"
}

// atoi16 parses a terminal dimension; 0 for anything else.
func atoi16(s string) uint16 {
	n, err := strconv.ParseUint(s, 10, 16)
	if err != nil {
		return 0
	}
	return uint16(n)
}
