package inet

import (
	"bytes"
	"encoding/hex"
	"os/exec"
	"strings"
	"testing"
)

// v6Tests pairs text that inet_pton(AF_INET6) accepts with what
// inet_ntop(AF_INET6) writes back for it (checked against glibc through
// Python below).
var v6Tests = []struct{ in, out string }{
	{"::", "::"},
	{"::1", "::1"},
	{"::2", "::2"},
	{"1::", "1::"},
	{"0:0:0:0:0:0:0:1", "::1"},
	{"2001:DB8::0001", "2001:db8::1"},
	{"2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"},    // the first of two equal runs
	{"1:0:0:2:0:0:0:3", "1:0:0:2::3"},                // the longer run
	{"0:0:1:0:0:1:0:0", "::1:0:0:1:0:0"},             // a run at the start
	{"1:2:3:4:5:6:7::", "1:2:3:4:5:6:7:0"},           // one zero group stays
	{"1:0:2:0:3:0:4:0", "1:0:2:0:3:0:4:0"},           // no run of two
	{"1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8"},           // no zeros at all
	{"fe80::1:ff:fe00:abcd", "fe80::1:ff:fe00:abcd"}, // link-local
	{"::ffff:192.0.2.1", "::ffff:192.0.2.1"},         // IPv4-mapped
	{"::ffff:c000:0201", "::ffff:192.0.2.1"},         // the same, in hex
	{"::ffff", "::ffff"},                             // not mapped: too short
	{"::ffff:0", "::255.255.0.0"},                    // IPv4-compatible
	{"::1.2.3.4", "::1.2.3.4"},                       // IPv4-compatible
	{"::0.1.0.0", "::0.1.0.0"},
	{"::0.0.1.0", "::100"}, // a run of seven: not compatible
	{"::ffff:0:1.2.3.4", "::ffff:0:102:304"},
	{"::fffe:1.2.3.4", "::fffe:102:304"},
	{"64:ff9b::1.2.3.4", "64:ff9b::102:304"},
	{"1:2:3:4:5:6:1.2.3.4", "1:2:3:4:5:6:102:304"},
	{"ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"},
}

// v6Bad is text inet_pton(AF_INET6) rejects.
var v6Bad = []string{
	"", ":", ":::", "1:::2", "::1::", "1::2::3", ":1::", "1::2:", "1:2",
	"1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9", "1::2:3:4:5:6:7:8", "::1:2:3:4:5:6:7:8",
	"12345::", "g::", "1.2.3.4", "::1.2.3", "::1.2.3.4.5", "::01.2.3.4",
	"::256.0.0.1", "1.2.3.4::", "::1.2.3.4:1", "1:2:3:4:5:6:7:1.2.3.4",
	"fe80::1%lo", " ::1", "::1 ",
}

var v4Tests = []struct {
	in string
	ok bool
}{
	{"0.0.0.0", true}, {"127.0.0.1", true}, {"255.255.255.255", true},
	{"192.0.2.1", true}, {"256.0.0.1", false}, {"1.2.3", false},
	{"1.2.3.4.5", false}, {"01.2.3.4", false}, {"1.2.3.04", false},
	{"1..3.4", false}, {"1.2.3.", false}, {"", false}, {"a.b.c.d", false},
	{"1.2.3.4 ", false}, {"-1.2.3.4", false}, {"1.2.3.1000", false},
}

func TestIPv6RoundTrip(t *testing.T) {
	for _, tt := range v6Tests {
		ip, ok := ParseIPv6(tt.in)
		if !ok {
			t.Errorf("ParseIPv6(%q) failed", tt.in)
			continue
		}
		if got := FormatIPv6(ip); got != tt.out {
			t.Errorf("FormatIPv6(%q) = %q, want %q", tt.in, got, tt.out)
		}
		if got := Format(ip); got != tt.out {
			t.Errorf("Format(%q) = %q, want %q", tt.in, got, tt.out)
		}
	}
	for _, s := range v6Bad {
		if ip, ok := ParseIPv6(s); ok {
			t.Errorf("ParseIPv6(%q) = %x, want failure", s, ip)
		}
	}
}

func TestIPv4(t *testing.T) {
	for _, tt := range v4Tests {
		ip, ok := ParseIPv4(tt.in)
		if ok != tt.ok {
			t.Errorf("ParseIPv4(%q) ok=%v, want %v", tt.in, ok, tt.ok)
			continue
		}
		if ok && FormatIPv4(ip) != tt.in {
			t.Errorf("FormatIPv4(ParseIPv4(%q)) = %q", tt.in, FormatIPv4(ip))
		}
	}
	if ip, ok := ParseIP("10.1.2.3"); !ok || len(ip) != 4 {
		t.Errorf("ParseIP of IPv4 gave %v %v", ip, ok)
	}
	if ip, ok := ParseIP("::1"); !ok || len(ip) != 16 {
		t.Errorf("ParseIP of IPv6 gave %v %v", ip, ok)
	}
}

// TestAgainstGlibc runs every table entry through glibc's inet_pton and
// inet_ntop (Python's socket module calls them) and compares: parse
// success, the sixteen bytes, and the text written back.
func TestAgainstGlibc(t *testing.T) {
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not installed")
	}
	var inputs []string
	for _, tt := range v6Tests {
		inputs = append(inputs, "6 "+tt.in)
	}
	for _, s := range v6Bad {
		inputs = append(inputs, "6 "+s)
	}
	// Every pattern of zero and non-zero groups, to exercise the choice of
	// the run to compress and the IPv4 forms.
	for mask := range 256 {
		var ip [16]byte
		for g := range 8 {
			if mask&(1<<g) != 0 {
				ip[2*g], ip[2*g+1] = byte(g), 0x0f
				if g == 5 && mask&(1<<4) == 0 {
					ip[2*g], ip[2*g+1] = 0xff, 0xff
				}
			}
		}
		inputs = append(inputs, "x "+hex.EncodeToString(ip[:]))
	}
	for _, tt := range v4Tests {
		inputs = append(inputs, "4 "+tt.in)
	}
	const script = `
import socket, sys
for line in sys.stdin.read().split("\n")[:-1]:
    kind, text = line[0], line[2:]
    try:
        if kind == "x":
            b = bytes.fromhex(text)
        else:
            b = socket.inet_pton(socket.AF_INET6 if kind == "6" else socket.AF_INET, text)
        fam = socket.AF_INET if len(b) == 4 else socket.AF_INET6
        print(b.hex(), socket.inet_ntop(fam, b))
    except OSError:
        print("-")
`
	cmd := exec.Command(python, "-c", script)
	cmd.Stdin = strings.NewReader(strings.Join(inputs, "\n") + "\n")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("python3: %v", err)
	}
	answers := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	if len(answers) != len(inputs) {
		t.Fatalf("python3 answered %d lines for %d inputs", len(answers), len(inputs))
	}
	for i, in := range inputs {
		kind, text := in[0], in[2:]
		var ip []byte
		ok := true
		switch kind {
		case 'x':
			ip, _ = hex.DecodeString(text)
		case '6':
			ip, ok = ParseIPv6(text)
		case '4':
			ip, ok = ParseIPv4(text)
		}
		want := answers[i]
		if want == "-" {
			if ok {
				t.Errorf("%q: glibc rejects it, we parsed %x", text, ip)
			}
			continue
		}
		if !ok {
			t.Errorf("%q: glibc parses it (%s), we do not", text, want)
			continue
		}
		wantHex, wantText, _ := strings.Cut(want, " ")
		if hex.EncodeToString(ip) != wantHex {
			t.Errorf("%q: bytes %x, glibc %s", text, ip, wantHex)
		}
		if got := Format(ip); got != wantText {
			t.Errorf("%x: we write %q, glibc %q", ip, got, wantText)
		}
	}
}

func TestSockaddr(t *testing.T) {
	for _, s := range []string{"127.0.0.1", "::1", "::ffff:10.0.0.1"} {
		ip, _ := ParseIP(s)
		sa := Sockaddr(ip, 8080)
		back, port, ok := FromSockaddr(sa)
		if !ok || port != 8080 || !bytes.Equal(back, ip) {
			t.Errorf("%s: sockaddr %#v gave back %x %d %v", s, sa, back, port, ok)
		}
		if want := map[int]int{4: 2, 16: 10}[len(ip)]; Family(ip) != want {
			t.Errorf("%s: family %d, want %d", s, Family(ip), want)
		}
	}
}

func TestLookupHost(t *testing.T) {
	f := Files{Hosts: "testdata/hosts", Services: "testdata/services"}
	tests := []struct {
		host string
		want []string
	}{
		{"localhost", []string{"127.0.0.1", "::1"}},
		{"LocalHost", []string{"127.0.0.1", "::1"}},
		{"zinebox", []string{"127.0.1.1"}},
		{"ip6-loopback", []string{"::1"}},
		{"web", []string{"192.0.2.10", "192.0.2.11"}},
		{"web.example.org", []string{"192.0.2.10"}},
		{"10.9.8.7", []string{"10.9.8.7"}},
		{"::ffff:1.2.3.4", []string{"::ffff:1.2.3.4"}},
		{"broken", nil},
		{"scoped", nil},
		{"nosuch", nil},
		{"10.0.0.1", []string{"10.0.0.1"}},
	}
	for _, tt := range tests {
		var got []string
		for _, ip := range f.LookupHost(tt.host) {
			got = append(got, Format(ip))
		}
		if strings.Join(got, ",") != strings.Join(tt.want, ",") {
			t.Errorf("LookupHost(%q) = %v, want %v", tt.host, got, tt.want)
		}
	}
	// Without a hosts file, localhost is still the loopback address.
	none := Files{Hosts: "testdata/no-such-file"}
	if got := none.LookupHost("localhost"); len(got) != 1 || Format(got[0]) != "127.0.0.1" {
		t.Errorf("localhost without /etc/hosts: %v", got)
	}
	if got := none.LookupHost("zinebox"); len(got) != 0 {
		t.Errorf("zinebox without /etc/hosts: %v", got)
	}
}

func TestHostName(t *testing.T) {
	f := Files{Hosts: "testdata/hosts"}
	tests := []struct{ ip, want string }{
		{"127.0.0.1", "localhost"},
		{"::1", "localhost"},
		{"192.0.2.11", "web"},
		{"192.0.2.10", "Web.Example.ORG"},
		{"192.0.2.99", "192.0.2.99"},
		{"2001:db8::5", "2001:db8::5"},
	}
	for _, tt := range tests {
		ip, _ := ParseIP(tt.ip)
		if got := f.HostName(ip); got != tt.want {
			t.Errorf("HostName(%s) = %q, want %q", tt.ip, got, tt.want)
		}
	}
}

func TestServiceName(t *testing.T) {
	f := Files{Services: "testdata/services"}
	tests := []struct {
		port  int
		proto string
		want  string
	}{
		{80, "tcp", "http"}, {80, "udp", ""}, {7, "udp", "echo"},
		{53, "udp", "domain"}, {53, "tcp", ""}, {1, "tcp", "tcpmux"}, {8080, "tcp", ""},
	}
	for _, tt := range tests {
		if got := f.ServiceName(tt.port, tt.proto); got != tt.want {
			t.Errorf("ServiceName(%d, %s) = %q, want %q", tt.port, tt.proto, got, tt.want)
		}
	}
	ports := []struct {
		name, proto string
		want        int
	}{
		{"http", "tcp", 80}, {"www", "tcp", 80}, {"http", "udp", -1}, {"echo", "udp", 7},
		{"domain", "udp", 53}, {"nosuch", "tcp", -1}, {"80", "tcp", -1}, {"tcp", "tcp", -1},
	}
	for _, tt := range ports {
		got, ok := f.ServicePort(tt.name, tt.proto)
		if ok != (tt.want >= 0) || (ok && got != tt.want) {
			t.Errorf("ServicePort(%s, %s) = %d %v, want %d", tt.name, tt.proto, got, ok, tt.want)
		}
	}
	if got := (Files{Services: "testdata/no-such-file"}).ServiceName(80, "tcp"); got != "" {
		t.Errorf("without /etc/services: %q", got)
	}
}
