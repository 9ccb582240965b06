package interactive

import (
	"os"
	"strconv"

	"golang.org/x/sys/unix"
)

// getTermios returns the terminal settings of fd, or an error when fd is
// not a terminal (ENOTTY): that is how the editor decides between editing
// and plain line reading.
func getTermios(fd int) (*unix.Termios, error) {
	return unix.IoctlGetTermios(fd, unix.TCGETS)
}

// setTermios applies t at once (TCSETS, not TCSETSF): a flush would throw
// away what the user typed ahead while the previous command ran.
func setTermios(fd int, t *unix.Termios) error {
	for {
		err := unix.IoctlSetTermios(fd, unix.TCSETS, t)
		if err != unix.EINTR {
			return err
		}
	}
}

// editMode derives the settings used while a line is edited from the
// user's cooked settings: no canonical mode and no echo (the editor
// draws), no ISIG so Ctrl-C, Ctrl-Z and Ctrl-\ arrive as bytes (the shell
// must survive them at the prompt), no IXON so Ctrl-S/Ctrl-Q and no ICRNL
// so Enter arrives as CR. Output processing (OPOST/ONLCR) stays on: the
// editor's "\r\n" is harmless and a concurrent background job's output
// keeps its line starts.
func editMode(cooked *unix.Termios) *unix.Termios {
	raw := *cooked
	raw.Iflag &^= unix.ICRNL | unix.INLCR | unix.IGNCR | unix.IXON | unix.ISTRIP
	raw.Lflag &^= unix.ICANON | unix.ECHO | unix.ISIG | unix.IEXTEN
	raw.Cflag |= unix.CS8
	raw.Cc[unix.VMIN] = 1
	raw.Cc[unix.VTIME] = 0
	return &raw
}

// TerminalWidth is the default width source: the window size of fd
// (TIOCGWINSZ), else $COLUMNS, else 80. A serial console usually reports
// 0 columns until someone runs `stty cols`, hence the fallbacks.
func TerminalWidth(fd int) int {
	if ws, err := unix.IoctlGetWinsize(fd, unix.TIOCGWINSZ); err == nil && ws.Col > 0 {
		return int(ws.Col)
	}
	if n, err := strconv.Atoi(os.Getenv("COLUMNS")); err == nil && n > 0 {
		return n
	}
	return 80
}

// readByte reads exactly one byte from fd, retrying after signals. Reading
// one byte at a time keeps whatever the user typed after Enter in the
// terminal's queue for the command that is about to run (as readline does).
// A command may leave the terminal non-blocking (O_NONBLOCK is shared by
// everything that has it open); like bash, we clear the flag rather than
// spin on EAGAIN.
func readByte(fd int) (byte, error) {
	var b [1]byte
	for {
		n, err := unix.Read(fd, b[:])
		if err == unix.EINTR {
			continue
		}
		if err == unix.EAGAIN {
			if err := unix.SetNonblock(fd, false); err != nil {
				return 0, err
			}
			continue
		}
		if err != nil {
			return 0, err
		}
		if n == 0 {
			return 0, errEOF
		}
		return b[0], nil
	}
}

// writeAll writes b to fd in full, retrying after signals.
func writeAll(fd int, b []byte) error {
	for len(b) > 0 {
		n, err := unix.Write(fd, b)
		if err == unix.EINTR || err == unix.EAGAIN {
			continue
		}
		if err != nil {
			return err
		}
		b = b[n:]
	}
	return nil
}

// TerminalHeight is like TerminalWidth for rows: TIOCGWINSZ, $LINES, 24.
func TerminalHeight(fd int) int {
	if ws, err := unix.IoctlGetWinsize(fd, unix.TIOCGWINSZ); err == nil && ws.Row > 0 {
		return int(ws.Row)
	}
	if n, err := strconv.Atoi(os.Getenv("LINES")); err == nil && n > 0 {
		return n
	}
	return 24
}
