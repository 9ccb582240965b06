package inet

import (
	"strings"

	"golang.org/x/sys/unix"

	"github.com/zinebox/zinebox/pkg/sysfile"
)

// Error is a failed lookup, in getaddrinfo(3)'s words. (A string type, so
// that the errors are constants: nothing to build at start-up.)
type Error string

func (e Error) Error() string { return string(e) }

// The two ways a lookup fails (gai_strerror of EAI_NONAME and EAI_AGAIN).
const (
	ErrNoName = Error("Name or service not known")
	ErrAgain  = Error("Temporary failure in name resolution")
)

// Resolve returns the addresses of host as getaddrinfo(3) finds them with
// "hosts: files dns" in nsswitch.conf: a numeric address is itself, then
// /etc/hosts (LookupHost), then the name servers of /etc/resolv.conf. The
// teaching machine has neither name servers nor a network to reach them;
// on a real one, `strace nc deb.debian.org 80` shows the question go out in
// one UDP datagram and the answer come back in another.
func (f Files) Resolve(host string) ([][]byte, error) {
	if addrs := f.LookupHost(host); len(addrs) > 0 {
		return addrs, nil
	}
	if host == "" || len(host) > 253 {
		return nil, ErrNoName
	}
	return f.lookupDNS(host)
}

func (f Files) resolvConf() string {
	if f.ResolvConf == "" {
		return "/etc/resolv.conf"
	}
	return f.ResolvConf
}

// nameservers reads the "nameserver" lines of resolv.conf(5). Without any,
// the C library asks the local machine (127.0.0.1).
func (f Files) nameservers() [][]byte {
	var servers [][]byte
	data, _ := sysfile.ReadFile(f.resolvConf())
	for line := range strings.Lines(string(data)) {
		fields := strings.Fields(line)
		if len(fields) >= 2 && fields[0] == "nameserver" {
			if ip, ok := ParseIP(fields[1]); ok {
				servers = append(servers, ip)
			}
		}
	}
	if len(servers) == 0 {
		servers = append(servers, []byte{127, 0, 0, 1})
	}
	return servers
}

// DNS record types and the one class that matters.
const (
	typeA    = 1
	typeAAAA = 28
	classIN  = 1
)

// lookupDNS asks each name server in turn, as the C library's stub
// resolver does: an A question (IPv4) and an AAAA question (IPv6) in a
// UDP datagram each, 5 seconds for the answers, two rounds. A server that
// says the name does not exist (NXDOMAIN) is believed at once.
func (f Files) lookupDNS(host string) ([][]byte, error) {
	name := strings.TrimSuffix(host, ".")
	for range 2 {
		for _, server := range f.nameservers() {
			addrs, err := f.ask(server, name)
			if err == nil || err == ErrNoName {
				return addrs, err
			}
		}
	}
	return nil, ErrAgain
}

// ask sends both questions to one server and collects both answers.
func (f Files) ask(server []byte, name string) ([][]byte, error) {
	fd, err := unix.Socket(Family(server), unix.SOCK_DGRAM|unix.SOCK_CLOEXEC, 0)
	if err != nil {
		return nil, ErrAgain
	}
	defer unix.Close(fd)
	port := 53
	if f.dnsPort != 0 {
		port = f.dnsPort
	}
	// connect(2) makes the kernel drop datagrams from anyone else, and
	// turns an ICMP "port unreachable" into ECONNREFUSED on the next recv.
	if err := unix.Connect(fd, Sockaddr(server, port)); err != nil {
		return nil, ErrAgain
	}
	var id [2]byte
	if _, err := unix.Getrandom(id[:], 0); err != nil {
		return nil, ErrAgain
	}
	first := uint16(id[0])<<8 | uint16(id[1])
	ids := [2]uint16{first, first ^ 1}
	for i, qtype := range [2]uint16{typeA, typeAAAA} {
		q, ok := question(ids[i], name, qtype)
		if !ok {
			return nil, ErrNoName
		}
		if err := unix.Send(fd, q, 0); err != nil {
			return nil, ErrAgain
		}
	}
	var v4, v6 [][]byte
	answered := [2]bool{}
	buf := make([]byte, 1232) // EDNS's safe size; without EDNS, 512
	for !answered[0] || !answered[1] {
		pfd := []unix.PollFd{{Fd: int32(fd), Events: unix.POLLIN}}
		n, err := unix.Poll(pfd, 5000)
		if err == unix.EINTR {
			continue
		}
		if err != nil || n == 0 {
			return nil, ErrAgain // no answer in time
		}
		n, err = unix.Read(fd, buf) // connected: only the server's datagrams
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return nil, ErrAgain
		}
		a, err := parseAnswer(buf[:n], ids)
		switch {
		case err == errIgnore:
			continue
		case err != nil:
			return nil, err
		}
		answered[a.which] = true
		v4 = append(v4, a.v4...)
		v6 = append(v6, a.v6...)
	}
	if len(v4)+len(v6) == 0 {
		return nil, ErrNoName // the name exists, without an address
	}
	return append(v4, v6...), nil
}

// question builds a DNS query message (RFC 1035 section 4): a 12-byte
// header with the id, "recursion desired" and one question, then the name
// as length-prefixed labels and the record type and class.
func question(id uint16, name string, qtype uint16) ([]byte, bool) {
	q := []byte{byte(id >> 8), byte(id), 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0}
	for label := range strings.SplitSeq(name, ".") {
		if label == "" || len(label) > 63 {
			return nil, false
		}
		q = append(q, byte(len(label)))
		q = append(q, label...)
	}
	q = append(q, 0, byte(qtype>>8), byte(qtype), 0, classIN)
	return q, true
}

type answer struct {
	which  int // 0 for the A question, 1 for AAAA
	v4, v6 [][]byte
}

// errIgnore: a datagram that answers none of our questions.
const errIgnore = Error("not ours")

// parseAnswer reads a response: the header (id, flags, counts), the
// question it repeats, then the answer records, keeping the addresses
// (records of type A, 4 bytes, and AAAA, 16 bytes; a CNAME on the way is
// skipped, its target's records follow it).
func parseAnswer(m []byte, ids [2]uint16) (answer, error) {
	var a answer
	if len(m) < 12 {
		return a, errIgnore
	}
	id := uint16(m[0])<<8 | uint16(m[1])
	switch {
	case id == ids[0]:
		a.which = 0
	case id == ids[1]:
		a.which = 1
	default:
		return a, errIgnore
	}
	if m[2]&0x80 == 0 { // not a response
		return a, errIgnore
	}
	switch m[3] & 0x0f { // RCODE
	case 0:
	case 3:
		return a, ErrNoName // NXDOMAIN
	default:
		return a, ErrAgain // SERVFAIL, REFUSED...
	}
	qd := int(m[4])<<8 | int(m[5])
	an := int(m[6])<<8 | int(m[7])
	p := 12
	for range qd {
		if p = skipName(m, p); p < 0 {
			return a, ErrAgain
		}
		p += 4
	}
	for range an {
		p = skipName(m, p)
		if p < 0 || p+10 > len(m) {
			return a, ErrAgain
		}
		typ := int(m[p])<<8 | int(m[p+1])
		class := int(m[p+2])<<8 | int(m[p+3])
		size := int(m[p+8])<<8 | int(m[p+9])
		p += 10
		if p+size > len(m) {
			return a, ErrAgain
		}
		data := m[p : p+size]
		switch {
		case class == classIN && typ == typeA && size == 4:
			a.v4 = append(a.v4, append([]byte(nil), data...))
		case class == classIN && typ == typeAAAA && size == 16:
			a.v6 = append(a.v6, append([]byte(nil), data...))
		}
		p += size
	}
	return a, nil
}

// skipName returns the index after the (possibly compressed) domain name
// at p, or -1 when the message ends first: labels are a length byte and
// that many bytes, up to a zero byte, or a 2-byte pointer (top bits 11)
// to the rest of the name elsewhere in the message.
func skipName(m []byte, p int) int {
	for p >= 0 && p < len(m) {
		switch l := int(m[p]); {
		case l == 0:
			return p + 1
		case l&0xc0 == 0xc0:
			if p+2 > len(m) {
				return -1
			}
			return p + 2
		default:
			p += 1 + l
		}
	}
	return -1
}
