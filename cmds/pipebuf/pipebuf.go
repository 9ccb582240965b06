// Package pipebuf implements pipebuf(1), a demonstration of the pipe
// buffer: it makes a pipe, writes into it without ever reading, and counts
// the bytes the kernel takes before a write would block. On Linux that is
// the pipe's capacity, 65536 bytes (16 pages) unless changed with
// fcntl(F_SETPIPE_SZ): a writer that gets that far ahead of its reader
// sleeps in write(2) until the reader catches up.
package pipebuf

import (
	_ "embed"
	"fmt"
	"strconv"

	"github.com/zinebox/zinebox/pkg/applet"
	"github.com/zinebox/zinebox/pkg/errno"
	"github.com/zinebox/zinebox/pkg/getopt"
	"golang.org/x/sys/unix"
)

//go:embed pipebuf.1
var manPage string

var Applet = applet.Applet{
	Name:    "pipebuf",
	Summary: "fill a pipe until it is full and count the bytes",
	Man:     &manPage,
	Main:    run,
}

var spec = getopt.Spec{
	Prog:    "pipebuf",
	Usage:   []string{"[-c CHUNK] [-s SIZE]"},
	Summary: "Make a pipe, write to it without reading until write(2) would block,\nand print how many bytes it held.",
	Options: []getopt.Option{
		{Short: 'c', Long: "chunk", Arg: getopt.RequiredArg, ArgName: "CHUNK", Help: "bytes per write(2) (default 1)"},
		{Short: 's', Long: "size", Arg: getopt.RequiredArg, ArgName: "SIZE", Help: "ask for a pipe capacity of SIZE bytes first\n  (fcntl F_SETPIPE_SZ; rounded up to pages)"},
	},
}

func run(io *applet.IO, args []string) int {
	r, done, status := io.Parse(&spec, args, 1)
	if done {
		return status
	}
	chunk, size := 1, 0
	for _, o := range r.Opts {
		v, err := strconv.Atoi(o.Value)
		if err != nil || v <= 0 {
			io.Errorf("invalid %s: '%s'", o.Key, o.Value)
			return 1
		}
		if o.Key == "chunk" {
			chunk = v
		} else {
			size = v
		}
	}
	if len(r.Operands) > 0 {
		return io.UsageError(1, "extra operand '%s'", r.Operands[0])
	}
	var fds [2]int
	if err := unix.Pipe2(fds[:], unix.O_NONBLOCK|unix.O_CLOEXEC); err != nil {
		io.Errorf("pipe: %s", errno.Message(err))
		return 1
	}
	defer unix.Close(fds[0])
	defer unix.Close(fds[1])
	if size > 0 {
		if _, err := unix.FcntlInt(uintptr(fds[1]), unix.F_SETPIPE_SZ, size); err != nil {
			io.Errorf("fcntl F_SETPIPE_SZ %d: %s", size, errno.Message(err))
			return 1
		}
	}
	capacity, err := unix.FcntlInt(uintptr(fds[1]), unix.F_GETPIPE_SZ, 0)
	if err != nil {
		io.Errorf("fcntl F_GETPIPE_SZ: %s", errno.Message(err))
		return 1
	}
	buf := make([]byte, chunk)
	total, writes := 0, 0
	for {
		n, err := unix.Write(fds[1], buf)
		if n > 0 {
			total += n
			writes++
		}
		if err == unix.EAGAIN {
			break
		}
		if err != nil {
			io.Errorf("write: %s", errno.Message(err))
			return 1
		}
	}
	fmt.Fprintf(io.Stdout, "pipe capacity (fcntl F_GETPIPE_SZ): %d bytes\n", capacity)
	fmt.Fprintf(io.Stdout, "wrote %d bytes in %d writes of up to %d bytes before write(2) would block (EAGAIN)\n", total, writes, chunk)
	return 0
}
