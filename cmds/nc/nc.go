// Package nc implements nc(1), the "netcat" of the zine's sockets pages: it
// connects standard input and output to a socket, TCP on the loopback or a
// unix domain socket (stream or datagram), as client or listener, and can
// pass an open file descriptor over a unix socket (SCM_RIGHTS).
//
// Its flags and messages follow OpenBSD netcat (Debian's netcat-openbsd)
// for what they share: -l, -U, -u, -N, -q, -v, -z. --send-fd and --recv-fd
// are ours.
//
// It makes its system calls itself through golang.org/x/sys/unix (socket,
// connect, bind, listen, accept4, read, write, sendto, recvfrom, sendmsg,
// recvmsg, shutdown; see sock.go), not through Go's net package: what
// strace shows of it is what the zine's sockets pages describe, and the
// binary is half a megabyte smaller. Host names are looked up as the C
// library does, in /etc/hosts and then by asking the name servers of
// /etc/resolv.conf (package inet).
package nc

import (
	_ "embed"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"time"

	"github.com/zinebox/zinebox/cmds/sleep"
	"github.com/zinebox/zinebox/pkg/applet"
	"github.com/zinebox/zinebox/pkg/errno"
	"github.com/zinebox/zinebox/pkg/getopt"
	"github.com/zinebox/zinebox/pkg/inet"
	"github.com/zinebox/zinebox/pkg/stdio"
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
	var files inet.Files // the system's /etc/hosts, /etc/services, /etc/resolv.conf
	t, err := parseTarget(files, o, r.Operands)
	if err != nil {
		return io.UsageError(1, "%s", err)
	}
	if (o.sendFD != "" || o.recvFD) && !o.unix {
		return io.UsageError(1, "--send-fd and --recv-fd need -U")
	}
	var conn *sock
	switch {
	case o.unix && o.listen:
		conn, err = listenUnix(io, o, t)
	case o.unix:
		conn, err = dialUnix(io, o, t)
	case o.listen:
		conn, err = listenInet(io, o, t, files)
	default:
		conn, err = dialInet(io, o, t, files)
	}
	if err != nil {
		if err != errReported {
			io.Errorf("%s", err)
		}
		return 1
	}
	defer conn.Close()
	switch {
	case o.zero:
		return 0
	case o.sendFD != "":
		return sendFD(io, conn, o.sendFD)
	case o.recvFD:
		return recvFD(io, conn)
	}
	return relay(io, o, conn)
}

// target is what the operands name: a unix socket path, or a host, a port
// and a protocol.
type target struct {
	path  string // -U: as given, for messages
	host  string
	port  int
	proto string // "tcp" or "udp"
}

// parseTarget checks the operands, in OpenBSD netcat's words.
func parseTarget(files inet.Files, o options, operands []string) (target, error) {
	if o.unix {
		switch len(operands) {
		case 1:
			return target{path: operands[0]}, nil
		case 2:
			return target{}, errors.New("cannot use port with -U")
		}
		return target{}, errors.New("-U takes one PATH")
	}
	t := target{proto: "tcp"}
	if o.dgram {
		t.proto = "udp"
	}
	var port string
	switch {
	case len(operands) == 0 && !o.listen:
		return t, errors.New("missing HOST and PORT")
	case o.listen && len(operands) == 1: // nc -l PORT
		t.host, port = "127.0.0.1", operands[0]
	case len(operands) < 2:
		return t, errors.New("missing port number")
	case len(operands) == 2:
		t.host, port = operands[0], operands[1]
	default:
		return t, fmt.Errorf("extra operand '%s'", operands[2])
	}
	n, err := strconv.ParseInt(port, 10, 32)
	switch {
	case err == nil && n < 1:
		return t, fmt.Errorf("port number too small: %s", port)
	case err == nil && n > 65535, errors.Is(err, strconv.ErrRange) && port[0] != '-':
		return t, fmt.Errorf("port number too large: %s", port)
	case err == nil:
		t.port = int(n)
	default:
		// A service name from /etc/services, as getservbyname(3) knows it.
		p, ok := files.ServicePort(port, t.proto)
		if !ok {
			return t, fmt.Errorf("port number invalid: %s", port)
		}
		t.port = p
	}
	return t, nil
}

// errReported: the failure has been told already. (A constant: nothing
// to build at start-up.)
const errReported = reported("reported")

type reported string

func (r reported) Error() string { return string(r) }

// hostAndIP names a host in messages as netcat does: "localhost
// (127.0.0.1)", or just the address when that is what was given.
func hostAndIP(host string, ip []byte) string {
	if addr := inet.Format(ip); addr != host {
		return host + " (" + addr + ")"
	}
	return host
}

func sockType(o options) int {
	if o.dgram {
		return unix.SOCK_DGRAM
	}
	return unix.SOCK_STREAM
}

// dialInet connects to each address of the host in turn until one
// answers, reporting each refusal.
func dialInet(io *applet.IO, o options, t target, files inet.Files) (*sock, error) {
	addrs, err := files.Resolve(t.host)
	if err != nil {
		return nil, fmt.Errorf("getaddrinfo for host \"%s\" port %d: %s", t.host, t.port, err)
	}
	for _, ip := range addrs {
		fd, err := newSocket(inet.Family(ip), sockType(o))
		if err == nil {
			err = connectFD(fd, inet.Sockaddr(ip, t.port))
			if err != nil {
				unix.Close(fd)
			}
		}
		if err != nil {
			io.Errorf("connect to %s port %d (%s) failed: %s", hostAndIP(t.host, ip), t.port, t.proto, errno.Message(err))
			continue
		}
		if o.verbose && o.dgram && !udpProbe(fd) {
			unix.Close(fd) // nobody there: OpenBSD netcat says nothing
			continue
		}
		if o.verbose {
			service := files.ServiceName(t.port, t.proto)
			if service == "" {
				service = "*"
			}
			fmt.Fprintf(io.Stderr, "Connection to %s %d port [%s/%s] succeeded!\n", hostAndIP(t.host, ip), t.port, t.proto, service)
		}
		return newSock(fd, !o.dgram)
	}
	return nil, errReported
}

// udpProbe is how OpenBSD netcat decides, for -v, whether a UDP port
// "succeeded": UDP has no handshake, so it sends one-byte "X" datagrams,
// pausing a second before each of the last three, and the port is closed
// if the kernel answers a write with ECONNREFUSED (an ICMP port
// unreachable came back for an earlier one). The peer receives the Xs.
func udpProbe(fd int) bool {
	for i := range 5 {
		if i >= 2 {
			time.Sleep(time.Second)
		}
		if _, err := unix.Write(fd, []byte("X")); err != nil {
			return false
		}
	}
	return true
}

// listenInet binds the host's first address and, for TCP, waits for one
// connection; a UDP listener answers whoever sent the last datagram.
func listenInet(io *applet.IO, o options, t target, files inet.Files) (*sock, error) {
	addrs, err := files.Resolve(t.host)
	if err != nil {
		return nil, fmt.Errorf("getaddrinfo: %s", err)
	}
	ip := addrs[0]
	fd, err := newSocket(inet.Family(ip), sockType(o))
	if err != nil {
		return nil, errors.New(errno.Message(err))
	}
	if !o.dgram {
		// A new listener may take the port at once, even while the last
		// conversation on it lingers in TIME_WAIT.
		unix.SetsockoptInt(fd, unix.SOL_SOCKET, unix.SO_REUSEADDR, 1)
	}
	if err := unix.Bind(fd, inet.Sockaddr(ip, t.port)); err != nil {
		unix.Close(fd)
		return nil, errors.New(errno.Message(err))
	}
	where := files.HostName(ip) + " " + strconv.Itoa(t.port)
	if o.dgram {
		if o.verbose {
			fmt.Fprintf(io.Stderr, "Bound on %s\n", where)
		}
		s, err := newSock(fd, false)
		if err != nil {
			return nil, err
		}
		s.reply = true
		if o.verbose {
			s.onPeer = func(sa unix.Sockaddr) {
				ip, port, _ := inet.FromSockaddr(sa)
				fmt.Fprintf(io.Stderr, "Connection received on %s %d\n", files.HostName(ip), port)
			}
		}
		return s, nil
	}
	if o.verbose {
		fmt.Fprintf(io.Stderr, "Listening on %s\n", where)
	}
	nfd, peer, err := listenAccept(fd)
	if err != nil {
		return nil, err
	}
	if o.verbose {
		ip, port, _ := inet.FromSockaddr(peer)
		fmt.Fprintf(io.Stderr, "Connection received on %s %d\n", files.HostName(ip), port)
	}
	return newSock(nfd, true)
}

// listenAccept calls listen(2) on the bound socket fd, waits for one
// connection, and closes the listening socket: nc serves one client.
func listenAccept(fd int) (int, unix.Sockaddr, error) {
	defer unix.Close(fd)
	if err := unix.Listen(fd, 1); err != nil {
		return -1, nil, fmt.Errorf("listen: %s", errno.Message(err))
	}
	nfd, peer, err := acceptFD(fd)
	if err != nil {
		return -1, nil, fmt.Errorf("accept: %s", errno.Message(err))
	}
	return nfd, peer, nil
}

// dialUnix connects to the unix domain socket at the path.
func dialUnix(io *applet.IO, o options, t target) (*sock, error) {
	fd, err := newSocket(unix.AF_UNIX, sockType(o))
	if err != nil {
		return nil, errors.New(errno.Message(err))
	}
	if err := connectFD(fd, &unix.SockaddrUnix{Name: io.Path(t.path)}); err != nil {
		unix.Close(fd)
		return nil, fmt.Errorf("%s: %s", t.path, errno.Message(err))
	}
	return newSock(fd, !o.dgram)
}

// listenUnix creates the socket file at the path (bind(2)) and waits for
// one connection, or with -u reads the datagrams sent to it. The file
// stays afterwards, as with netcat, so that `ls -l` and `file` can show
// it; bind fails if the path exists.
func listenUnix(io *applet.IO, o options, t target) (*sock, error) {
	fd, err := newSocket(unix.AF_UNIX, sockType(o))
	if err != nil {
		return nil, errors.New(errno.Message(err))
	}
	if err := unix.Bind(fd, &unix.SockaddrUnix{Name: io.Path(t.path)}); err != nil {
		unix.Close(fd)
		return nil, fmt.Errorf("%s: %s", t.path, errno.Message(err))
	}
	if o.verbose {
		fmt.Fprintf(io.Stderr, "Bound on %s\n", t.path)
	}
	if o.dgram {
		s, err := newSock(fd, false)
		if err != nil {
			return nil, err
		}
		s.reply = true
		return s, nil
	}
	if o.verbose {
		fmt.Fprintf(io.Stderr, "Listening on %s\n", t.path)
	}
	nfd, _, err := listenAccept(fd)
	if err != nil {
		return nil, err
	}
	if o.verbose {
		fmt.Fprintf(io.Stderr, "Connection received on %s\n", t.path)
	}
	return newSock(nfd, true)
}

// relay copies standard input to the socket and the socket to standard
// output, both at once, until both directions are done, as netcat does:
// the peer's end of file does not cut short what we are still sending,
// nor does ours cut short its answer. At the end of standard input, -N
// (and -q) shut the socket down for writing so that the peer reads end of
// file; -q then waits that long for the peer at most.
func relay(io *applet.IO, o options, conn *sock) int {
	received := make(chan error, 1)
	go func() {
		_, err := io.Stdout.ReadFrom(conn)
		io.Stdout.Flush()
		received <- err
	}()
	var sent chan error // nil once standard input is done, or with -d
	if !o.noStdin {
		sent = make(chan error, 1)
		go func() {
			_, err := copyTo(conn, io.Stdin, conn.stream)
			sent <- err
		}()
	}
	var quit <-chan time.Time
	for sent != nil || received != nil {
		select {
		case err := <-received:
			if !conn.stream && refused(err) {
				// The kernel's answer to a datagram sent to a UDP port
				// where nobody listens (ICMP port unreachable) arrives as
				// ECONNREFUSED on the next read. OpenBSD netcat takes it
				// as the end, silently and with status 0.
				return 0
			}
			if status := finish(io, err); status != 0 {
				return status
			}
			received = nil
		case err := <-sent:
			if err != nil {
				io.Errorf("write: %s", errno.Message(err))
				return 1
			}
			sent = nil
			if (o.shutdown || o.quit >= 0) && conn.stream {
				conn.shutdown(unix.SHUT_WR) // the peer reads end of file
			}
			if o.quit >= 0 {
				quit = time.After(time.Duration(o.quit * float64(time.Second)))
			}
		case <-quit:
			return 0
		}
	}
	return 0
}

// copyTo copies r to the socket w. A stream takes large chunks; a
// datagram carries at most one chunk, so they stay well under UDP's
// 65,507-byte limit (16 KiB, netcat's buffer).
func copyTo(w io.Writer, r io.Reader, stream bool) (int64, error) {
	size := 64 << 10
	if !stream {
		size = 16 << 10
	}
	buf := make([]byte, size)
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

// refused reports whether err is a socket read that failed with
// ECONNREFUSED.
func refused(err error) bool {
	var rerr *stdio.ReadError
	return errors.As(err, &rerr) && errors.Is(rerr.Err, unix.ECONNREFUSED)
}

// finish turns the end of the socket-to-stdout copy into a status: a
// failed read of the socket (a reset connection, or ECONNREFUSED for a UDP
// datagram nobody took) is not a write error of standard output.
func finish(io *applet.IO, err error) int {
	var rerr *stdio.ReadError
	switch {
	case err == nil || errors.Is(err, os.ErrClosed):
		return 0
	case errors.As(err, &rerr):
		io.Errorf("read: %s", errno.Message(rerr.Err))
		return 1
	}
	return io.WriteFailed(err)
}

// sendFD opens path and passes the open descriptor to the peer in an
// SCM_RIGHTS control message: the receiver gets its own descriptor for the
// same open file, offset and all, even if it could not open the path.
func sendFD(io *applet.IO, conn *sock, path string) int {
	f, err := os.Open(io.Path(path))
	if err != nil {
		return io.PathError(path, err)
	}
	defer f.Close()
	rights := unix.UnixRights(int(f.Fd()))
	if err := conn.sendmsg([]byte(path), rights); err != nil {
		io.Errorf("sendmsg: %s", errno.Message(err))
		return 1
	}
	fmt.Fprintf(io.Stderr, "sent descriptor %d (%s)\n", f.Fd(), path)
	return 0
}

// recvFD receives one descriptor, shows where it points through /proc, and
// copies what can be read from it to standard output.
func recvFD(io *applet.IO, conn *sock) int {
	buf := make([]byte, 4096)
	oob := make([]byte, unix.CmsgSpace(4))
	n, oobn, err := conn.recvmsg(buf, oob)
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
