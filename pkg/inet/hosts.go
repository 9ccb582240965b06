package inet

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/zinebox/zinebox/pkg/sysfile"
)

// Files names the databases a lookup reads; the zero value means the
// system's, /etc/hosts, /etc/services and /etc/resolv.conf. (Tests point
// them elsewhere.) What is imitated is glibc with "files dns" for hosts and
// "files" for services in nsswitch.conf.
type Files struct {
	Hosts      string
	Services   string
	ResolvConf string

	dnsPort int // the name servers' port, if not 53 (tests)
}

func (f Files) hosts() string {
	if f.Hosts == "" {
		return "/etc/hosts"
	}
	return f.Hosts
}

func (f Files) services() string {
	if f.Services == "" {
		return "/etc/services"
	}
	return f.Services
}

// LookupHost returns the addresses of host: the address itself when host
// is numeric, else every address /etc/hosts gives the name (or an alias),
// in the order of the file, names compared without regard to case. When
// the file does not know "localhost" (the teaching machine has no
// /etc/hosts), it is 127.0.0.1, as systemd's resolver and RFC 6761 make it.
// An empty result means the name is unknown.
func (f Files) LookupHost(host string) [][]byte {
	if ip, ok := ParseIP(host); ok {
		return [][]byte{ip}
	}
	var addrs [][]byte
	eachHost(f.hosts(), func(ip []byte, names []string) bool {
		for _, n := range names {
			if strings.EqualFold(n, host) {
				addrs = append(addrs, ip)
				break
			}
		}
		return true
	})
	if len(addrs) == 0 && strings.EqualFold(strings.TrimSuffix(host, "."), "localhost") {
		addrs = append(addrs, []byte{127, 0, 0, 1})
	}
	return addrs
}

// HostName returns the first name /etc/hosts gives address ip, or ip in
// numeric form when it has none: what getnameinfo(3) answers from the
// files alone.
func (f Files) HostName(ip []byte) string {
	name := ""
	eachHost(f.hosts(), func(addr []byte, names []string) bool {
		if bytes.Equal(addr, ip) {
			name = names[0]
			return false
		}
		return true
	})
	if name == "" {
		return Format(ip)
	}
	return name
}

// eachHost calls fn with each well-formed line of the hosts file at path
// until fn returns false. A missing file is an empty one.
func eachHost(path string, fn func(ip []byte, names []string) bool) {
	eachRecord(path, func(fields []string) bool {
		ip, ok := ParseIP(fields[0])
		if !ok {
			return true // e.g. a scoped fe80::1%eth0
		}
		return fn(ip, fields[1:])
	})
}

// eachRecord calls fn with the fields of each line of the file at path
// that has at least two once its # comment is cut off, until fn returns
// false: the shape of /etc/hosts and /etc/services. A missing file is an
// empty one.
func eachRecord(path string, fn func(fields []string) bool) {
	data, err := sysfile.ReadFile(path)
	if err != nil {
		return
	}
	for line := range strings.Lines(string(data)) {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		fields := strings.Fields(line)
		if len(fields) >= 2 && !fn(fields) {
			return
		}
	}
}

// ServiceName returns the name /etc/services gives port for protocol
// ("tcp" or "udp"), or "" when there is none: getservbyport(3).
func (f Files) ServiceName(port int, protocol string) string {
	want := strconv.Itoa(port) + "/" + protocol
	name := ""
	f.eachService(func(fields []string) bool {
		if fields[1] == want {
			name = fields[0]
			return false
		}
		return true
	})
	return name
}

// ServicePort returns the port /etc/services gives the service name (or
// an alias) for protocol: getservbyname(3).
func (f Files) ServicePort(name, protocol string) (int, bool) {
	port := -1
	f.eachService(func(fields []string) bool {
		num, proto, ok := strings.Cut(fields[1], "/")
		if !ok || proto != protocol {
			return true
		}
		for i, n := range fields {
			if i != 1 && n == name {
				p, err := strconv.Atoi(num)
				if err == nil && p >= 0 && p <= 65535 {
					port = p
					return false
				}
			}
		}
		return true
	})
	return port, port >= 0
}

// eachService calls fn with the fields (name, port/protocol, aliases) of
// each line of the services file until fn returns false.
func (f Files) eachService(fn func(fields []string) bool) {
	eachRecord(f.services(), fn)
}
