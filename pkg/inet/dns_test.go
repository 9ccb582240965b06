package inet

import (
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// fakeServer answers DNS questions on a loopback UDP port, from a table
// of names: A and AAAA records, a CNAME in front of web.test (so that
// the answers use compression pointers as real servers' do), NXDOMAIN for
// gone.test, SERVFAIL for broken.test. It returns the Files that use it.
func fakeServer(t *testing.T) Files {
	t.Helper()
	c, err := net.ListenPacket("udp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	go func() {
		buf := make([]byte, 512)
		for {
			n, from, err := c.ReadFrom(buf)
			if err != nil {
				return
			}
			if reply := fakeAnswer(buf[:n]); reply != nil {
				c.WriteTo(reply, from)
			}
		}
	}()
	conf := filepath.Join(t.TempDir(), "resolv.conf")
	os.WriteFile(conf, []byte("# test\nsearch example.org\nnameserver 127.0.0.1\n"), 0o644)
	return Files{Hosts: "testdata/hosts", ResolvConf: conf, dnsPort: c.LocalAddr().(*net.UDPAddr).Port}
}

func fakeAnswer(q []byte) []byte {
	if len(q) < 17 {
		return nil
	}
	var labels []string
	p := 12
	for p < len(q) && q[p] != 0 {
		l := int(q[p])
		labels = append(labels, string(q[p+1:p+1+l]))
		p += 1 + l
	}
	qend := p + 5
	qtype := int(q[p+1])<<8 | int(q[p+2])
	name := strings.ToLower(strings.Join(labels, ".")) // names are case-insensitive
	rcode := byte(0)
	var answers [][]byte
	rr := func(namePtr []byte, typ int, data []byte) []byte {
		r := append([]byte(nil), namePtr...)
		r = append(r, byte(typ>>8), byte(typ), 0, 1, 0, 0, 1, 0, byte(len(data)>>8), byte(len(data)))
		return append(r, data...)
	}
	ptr := []byte{0xc0, 12} // the name in the question
	switch name {
	case "web.test":
		// CNAME web.test -> real.test, then real.test's addresses, named
		// by a pointer to the CNAME's data.
		target := []byte("\x04real\x04test\x00")
		answers = append(answers, rr(ptr, 5, target))
		targetAt := byte(qend + 12) // after the CNAME record's fixed part
		if qtype == typeA {
			answers = append(answers, rr([]byte{0xc0, targetAt}, typeA, []byte{192, 0, 2, 1}))
			answers = append(answers, rr([]byte{0xc0, targetAt}, typeA, []byte{192, 0, 2, 2}))
		} else {
			ip, _ := ParseIPv6("2001:db8::1")
			answers = append(answers, rr([]byte{0xc0, targetAt}, typeAAAA, ip))
		}
	case "v4only.test":
		if qtype == typeA {
			answers = append(answers, rr(ptr, typeA, []byte{198, 51, 100, 7}))
		}
	case "txtonly.test":
		answers = append(answers, rr(ptr, 16, []byte("\x05hello")))
	case "broken.test":
		rcode = 2
	default:
		rcode = 3
	}
	m := []byte{q[0], q[1], 0x81, 0x80 | rcode, 0, 1, 0, byte(len(answers)), 0, 0, 0, 0}
	m = append(m, q[12:qend]...)
	for _, a := range answers {
		m = append(m, a...)
	}
	return m
}

func TestResolve(t *testing.T) {
	f := fakeServer(t)
	tests := []struct {
		host string
		want string
		err  error
	}{
		{"web.test", "192.0.2.1 192.0.2.2 2001:db8::1", nil},
		{"WEB.test.", "192.0.2.1 192.0.2.2 2001:db8::1", nil},
		{"v4only.test", "198.51.100.7", nil},
		{"txtonly.test", "", ErrNoName},
		{"gone.test", "", ErrNoName},
		{"broken.test", "", ErrAgain},
		{"web", "192.0.2.10 192.0.2.11", nil}, // /etc/hosts first
		{"localhost", "127.0.0.1 ::1", nil},
		{"192.0.2.200", "192.0.2.200", nil},
		{"bad..name", "", ErrNoName},
		{"", "", ErrNoName},
		{strings.Repeat("x", 64) + ".test", "", ErrNoName},
	}
	for _, tt := range tests {
		addrs, err := f.Resolve(tt.host)
		var got []string
		for _, ip := range addrs {
			got = append(got, Format(ip))
		}
		if strings.Join(got, " ") != tt.want || err != tt.err {
			t.Errorf("Resolve(%q) = %v, %v; want %s, %v", tt.host, got, err, tt.want, tt.err)
		}
	}
}

func TestParseAnswerDamaged(t *testing.T) {
	ids := [2]uint16{0x1234, 0x1235}
	q, _ := question(0x1234, "web.test", typeA)
	good := fakeAnswer(q)
	if a, err := parseAnswer(good, ids); err != nil || len(a.v4) != 2 {
		t.Fatalf("the whole answer: %+v %v", a, err)
	}
	// Every truncation of a good answer must fail cleanly, never panic.
	for n := range len(good) {
		if a, err := parseAnswer(good[:n], ids); err == nil && len(a.v4) == 2 {
			t.Errorf("truncated to %d bytes, still parsed whole", n)
		}
	}
	if _, err := parseAnswer(good, [2]uint16{1, 2}); err != errIgnore {
		t.Errorf("another id: %v", err)
	}
}

// TestResolveLikeGetaddrinfo compares with the C library, through
// Python's socket.getaddrinfo, for a name it can resolve here (skipped
// without network or name servers).
func TestResolveLikeGetaddrinfo(t *testing.T) {
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not installed")
	}
	for _, host := range []string{"deb.debian.org", "localhost"} {
		out, err := exec.Command(python, "-c", `import socket, sys
print(" ".join(sorted({a[4][0] for a in socket.getaddrinfo(sys.argv[1], 80, proto=socket.IPPROTO_TCP)})))`, host).Output()
		if err != nil {
			t.Logf("getaddrinfo(%s) failed here; skipped", host)
			continue
		}
		addrs, err := (Files{}).Resolve(host)
		var got []string
		for _, ip := range addrs {
			got = append(got, Format(ip))
		}
		slices.Sort(got)
		got = slices.Compact(got)
		if want := strings.TrimSpace(string(out)); strings.Join(got, " ") != want {
			t.Errorf("%s: we find %v (%v), getaddrinfo %s", host, got, err, want)
		}
	}
}
