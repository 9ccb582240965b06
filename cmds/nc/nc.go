// Package nc implements nc(1), the "netcat" of the zine's sockets pages: it
// connects standard input and output to a socket, TCP on the loopback or a
// unix domain socket (stream or datagram), as client or listener, and can
// pass an open file descriptor over a unix socket (SCM_RIGHTS).
//
// Its flags follow OpenBSD netcat (Debian's netcat-openbsd) for what they
// share: -l, -U, -u, -N, -q, -v, -z. --send-fd and --recv-fd are ours.
package nc

import (
	_ "embed"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"strconv"
	"sync"
	"time"

	"github.com/zinebox/zinebox/cmds/sleep"
	"github.com/zinebox/zinebox/pkg/applet"
	"github.com/zinebox/zinebox/pkg/errno"
	"github.com/zinebox/zinebox/pkg/getopt"
	"golang.org/x/sys/unix"
)

//go:embed nc.1
var manPage string

var Applet = applet.Applet{
	Name:    "nc",
	Summary: "connect standard input and output to a TCP or unix domain socket",
	Man:     &manPage,
	Main:    run,
}

var spec = getopt.Spec{
	Prog:  "nc",
	Usage: []string{"[-dlNuvz] [-q SECONDS] HOST PORT", "[-dlNuv] -U PATH", "-U PATH --send-fd FILE", "-l -U PATH --recv-fd"},
	Summary: `Connect standard input and output to a socket: a TCP connection to HOST
PORT, or with -U the unix domain socket PATH. With -l, listen and serve
one connection instead.`,
	Options: []getopt.Option{
		{Short: 'l', Long: "listen", Help: "listen for one incoming connection"},
		{Short: 'U', Long: "unix", Help: "use a unix domain socket (PATH instead of HOST PORT)"},
		{Short: 'u', Long: "udp", Help: "datagrams: UDP, or SOCK_DGRAM with -U"},
		{Short: 'd', Long: "no-stdin", Help: "do not read standard input (for a listener in the background)"},
		{Short: 'N', Long: "shutdown", Help: "shut the socket down for writing at end of input"},
		{Short: 'q', Long: "quit", Arg: getopt.RequiredArg, ArgName: "SECONDS", Help: "after end of input, wait SECONDS, then quit"},
		{Short: 'v', Long: "verbose", Help: "say what happens on standard error"},
		{Short: 'z', Long: "zero", Help: "only check that a listener is there; send nothing"},
		{Long: "send-fd", Arg: getopt.RequiredArg, ArgName: "FILE", Help: "open FILE and send its descriptor (SCM_RIGHTS)"},
		{Long: "recv-fd", Help: "receive a descriptor and copy what it reads to stdout"},
	},
}

type options struct {
	listen, unix, dgram, shutdown, verbose, zero, recvFD, noStdin bool
	quit                                                          float64 // -1: never quit on our own
	sendFD                                                        string
}

func run(io *applet.IO, args []string) int {
	r, done, status := io.Parse(&spec, args, 1)
	if done {
		return status
	}
	o := options{quit: -1}
	for _, opt := range r.Opts {
		switch opt.Key {
		case "listen":
			o.listen = true
		case "unix":
			o.unix = true
		case "udp":
			o.dgram = true
		case "shutdown":
			o.shutdown = true
		case "verbose":
			o.verbose = true
		case "zero":
			o.zero = true
		case "recv-fd":
			o.recvFD = true
		case "no-stdin":
			o.noStdin = true
		case "send-fd":
			o.sendFD = opt.Value
		case "quit":
			q, err := sleep.ParseInterval(opt.Value)
			if err != nil {
				io.Errorf("invalid -q time '%s'", opt.Value)
				return 1
			}
			o.quit = q
		}
	}
	network, address, err := target(o, r.Operands)
	if err != nil {
		return io.UsageError(1, "%s", err)
	}
	if o.unix {
		address = io.Path(address)
	}
	if (o.sendFD != "" || o.recvFD) && network != "unix" && network != "unixgram" {
		return io.UsageError(1, "--send-fd and --recv-fd need -U")
	}
	conn, err := connect(io, o, network, address)
	if err != nil {
		io.Errorf("%s", err)
		return 1
	}
	defer conn.Close()
	switch {
	case o.zero:
		return 0
	case o.sendFD != "":
		return sendFD(io, conn.(*net.UnixConn), o.sendFD)
	case o.recvFD:
		return recvFD(io, conn.(*net.UnixConn))
	}
	return relay(io, o, conn)
}

// target turns the operands into a network and an address for package net.
func target(o options, operands []string) (network, address string, err error) {
	if o.unix {
		if len(operands) != 1 {
			return "", "", errors.New("-U takes one PATH")
		}
		if o.dgram {
			return "unixgram", operands[0], nil
		}
		return "unix", operands[0], nil
	}
	network = "tcp"
	if o.dgram {
		network = "udp"
	}
	switch {
	case o.listen && len(operands) == 1: // nc -l PORT
		return network, net.JoinHostPort("127.0.0.1", operands[0]), nil
	case len(operands) == 2:
		if _, err := strconv.ParseUint(operands[1], 10, 16); err != nil {
			return "", "", fmt.Errorf("port number invalid: %s", operands[1])
		}
		return network, net.JoinHostPort(operands[0], operands[1]), nil
	}
	return "", "", errors.New("missing HOST and PORT")
}

// connect dials, or listens and accepts one connection.
func connect(io *applet.IO, o options, network, address string) (net.Conn, error) {
	if !o.listen {
		c, err := net.Dial(network, address)
		if err != nil {
			return nil, fmt.Errorf("%s: %s", address, errno.Message(err))
		}
		if o.verbose {
			fmt.Fprintf(io.Stderr, "Connection to %s (%s) succeeded!\n", address, network)
		}
		return c, nil
	}
	switch network {
	case "udp":
		c, err := net.ListenPacket(network, address)
		if err != nil {
			return nil, fmt.Errorf("%s: %s", address, errno.Message(err))
		}
		return &packetConn{UDPConn: c.(*net.UDPConn)}, nil
	case "unixgram":
		c, err := net.ListenUnixgram(network, &net.UnixAddr{Name: address, Net: network})
		if err != nil {
			return nil, fmt.Errorf("%s: %s", address, errno.Message(err))
		}
		return c, nil // a datagram socket file is never unlinked by Go
	}
	l, err := net.Listen(network, address)
	if err != nil {
		return nil, fmt.Errorf("%s: %s", address, errno.Message(err))
	}
	if ul, ok := l.(*net.UnixListener); ok {
		// Leave the socket file behind, as netcat does, so that
		// `ls -l` and `file` can show it afterwards.
		ul.SetUnlinkOnClose(false)
	}
	defer l.Close()
	if o.verbose {
		fmt.Fprintf(io.Stderr, "Listening on %s (%s)\n", address, network)
	}
	c, err := l.Accept()
	if err != nil {
		return nil, fmt.Errorf("accept: %s", errno.Message(err))
	}
	if o.verbose {
		fmt.Fprintf(io.Stderr, "Connection received on %s\n", c.RemoteAddr())
	}
	return c, nil
}

// packetConn answers a UDP listener's peer: it reads from anyone and
// writes back to whoever spoke last.
type packetConn struct {
	*net.UDPConn
	mu   sync.Mutex
	peer *net.UDPAddr
}

func (p *packetConn) Read(b []byte) (int, error) {
	n, addr, err := p.ReadFromUDP(b)
	if err == nil {
		p.mu.Lock()
		p.peer = addr
		p.mu.Unlock()
	}
	return n, err
}

func (p *packetConn) Write(b []byte) (int, error) {
	p.mu.Lock()
	addr := p.peer
	p.mu.Unlock()
	if addr == nil {
		return 0, errors.New("no peer has sent anything yet")
	}
	return p.WriteToUDP(b, addr)
}

// relay copies standard input to the socket and the socket to standard
// output until the peer is done.
func relay(io *applet.IO, o options, conn net.Conn) int {
	received := make(chan error, 1)
	go func() {
		_, err := io.Stdout.ReadFrom(conn)
		io.Stdout.Flush()
		received <- err
	}()
	if o.noStdin {
		return finish(io, <-received)
	}
	sent := make(chan error, 1)
	go func() {
		_, err := copyTo(conn, io.Stdin)
		sent <- err
	}()
	select {
	case err := <-received:
		return finish(io, err)
	case err := <-sent:
		if err != nil {
			io.Errorf("write: %s", errno.Message(err))
			return 1
		}
		if o.shutdown || o.quit >= 0 {
			if cw, ok := conn.(interface{ CloseWrite() error }); ok {
				cw.CloseWrite()
			}
		}
		if o.quit >= 0 {
			select {
			case err := <-received:
				return finish(io, err)
			case <-time.After(time.Duration(o.quit * float64(time.Second))):
				return 0
			}
		}
		return finish(io, <-received)
	}
}

func copyTo(w io.Writer, r io.Reader) (int64, error) {
	buf := make([]byte, 64<<10)
	var total int64
	for {
		n, rerr := r.Read(buf)
		if n > 0 {
			if _, err := w.Write(buf[:n]); err != nil {
				return total, err
			}
			total += int64(n)
		}
		if rerr == io.EOF {
			return total, nil
		}
		if rerr != nil {
			return total, rerr
		}
	}
}

func finish(io *applet.IO, err error) int {
	if err != nil && !errors.Is(err, net.ErrClosed) {
		return io.WriteFailed(err)
	}
	return 0
}

// sendFD opens path and passes the open descriptor to the peer in an
// SCM_RIGHTS control message: the receiver gets its own descriptor for the
// same open file, offset and all, even if it could not open the path.
func sendFD(io *applet.IO, conn *net.UnixConn, path string) int {
	f, err := os.Open(io.Path(path))
	if err != nil {
		return io.PathError(path, err)
	}
	defer f.Close()
	rights := unix.UnixRights(int(f.Fd()))
	if _, _, err := conn.WriteMsgUnix([]byte(path), rights, nil); err != nil {
		io.Errorf("sendmsg: %s", errno.Message(err))
		return 1
	}
	fmt.Fprintf(io.Stderr, "sent descriptor %d (%s)\n", f.Fd(), path)
	return 0
}

// recvFD receives one descriptor, shows where it points through /proc, and
// copies what can be read from it to standard output.
func recvFD(io *applet.IO, conn *net.UnixConn) int {
	buf := make([]byte, 4096)
	oob := make([]byte, unix.CmsgSpace(4))
	n, oobn, _, _, err := conn.ReadMsgUnix(buf, oob)
	if err != nil {
		io.Errorf("recvmsg: %s", errno.Message(err))
		return 1
	}
	msgs, err := unix.ParseSocketControlMessage(oob[:oobn])
	if err != nil || len(msgs) == 0 {
		io.Errorf("no descriptor received")
		return 1
	}
	fds, err := unix.ParseUnixRights(&msgs[0])
	if err != nil || len(fds) == 0 {
		io.Errorf("no descriptor received")
		return 1
	}
	f := os.NewFile(uintptr(fds[0]), string(buf[:n]))
	defer f.Close()
	target, _ := os.Readlink("/proc/self/fd/" + strconv.Itoa(fds[0]))
	fmt.Fprintf(io.Stderr, "received descriptor %d -> %s (the sender named it %q)\n", fds[0], target, buf[:n])
	if _, err := io.Stdout.ReadFrom(f); err != nil {
		return io.WriteFailed(err)
	}
	return 0
}
