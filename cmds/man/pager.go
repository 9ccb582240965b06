package man

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"

	"golang.org/x/sys/unix"

	"github.com/zinebox/zinebox/pkg/pager"
	"github.com/zinebox/zinebox/pkg/roff"
)

// width returns the width to format for: MANWIDTH, COLUMNS, the terminal's
// width, else 80, as man-db decides it.
func (m *man) width(tty bool) int {
	for _, v := range []string{"MANWIDTH", "COLUMNS"} {
		if n, err := strconv.Atoi(m.io.Getenv(v)); err == nil && n > 0 {
			return n
		}
	}
	if tty {
		if ws, err := unix.IoctlGetWinsize(int(os.Stdout.Fd()), unix.TIOCGWINSZ); err == nil && ws.Col > 0 {
			return int(ws.Col)
		}
	}
	return 80
}

// page shows lines on the terminal: through -P, $MANPAGER or $PAGER when
// one is set and can be found, else through the built-in pager.
func (m *man) page(lines []roff.Line, style roff.Style, p *page) int {
	io := m.io
	if err := io.Stdout.Flush(); err != nil {
		return io.WriteFailed(err)
	}
	cmdline := m.o.pager
	if cmdline == "" {
		cmdline = io.Getenv("MANPAGER")
	}
	if cmdline == "" {
		cmdline = io.Getenv("PAGER")
	}
	if f := strings.Fields(cmdline); len(f) > 0 {
		if _, err := exec.LookPath(f[0]); err == nil {
			var buf bytes.Buffer
			roff.Write(&buf, lines, style)
			cmd := exec.Command("/bin/sh", "-c", cmdline)
			cmd.Stdin = &buf
			cmd.Stdout, cmd.Stderr = os.Stdout, io.Stderr
			cmd.Env = io.Env
			if _, ok := io.LookupEnv("LESS"); !ok {
				cmd.Env = append(append([]string(nil), io.Env...), "LESS=-R")
			}
			cmd.Run()
			return exitOK
		}
	}
	title := fmt.Sprintf("Manual page %s(%s)", p.name, p.sec)
	if p.name == "" {
		title = "Manual page " + p.path
	}
	if err := pager.Run(pager.Slice(lines), title); err != nil {
		// no usable terminal: print the page
		if err := roff.Write(io.Stdout, lines, roff.Plain); err != nil {
			return io.WriteFailed(err)
		}
	}
	return exitOK
}
