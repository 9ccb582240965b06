package strace

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unsafe"

	"github.com/zinebox/zinebox/pkg/inet"
)

// sockaddrTests are internet addresses as a program passes them to
// connect(2), with what strace writes for them.
var sockaddrTests = []struct {
	addr string
	port int
	want string
}{
	{"127.0.0.1", 8080, `{sa_family=AF_INET, sin_port=htons(8080), sin_addr=inet_addr("127.0.0.1")}`},
	{"192.0.2.255", 9, `{sa_family=AF_INET, sin_port=htons(9), sin_addr=inet_addr("192.0.2.255")}`},
	{"::1", 1, `{sa_family=AF_INET6, sin6_port=htons(1), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "::1", &sin6_addr), sin6_scope_id=0}`},
	{"::ffff:127.0.0.1", 443, `{sa_family=AF_INET6, sin6_port=htons(443), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "::ffff:127.0.0.1", &sin6_addr), sin6_scope_id=0}`},
	{"2001:db8:0:0:1:0:0:1", 53, `{sa_family=AF_INET6, sin6_port=htons(53), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "2001:db8::1:0:0:1", &sin6_addr), sin6_scope_id=0}`},
	{"2001:db8:1:2:3:4:5:6", 65535, `{sa_family=AF_INET6, sin6_port=htons(65535), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "2001:db8:1:2:3:4:5:6", &sin6_addr), sin6_scope_id=0}`},
	{"::", 7, `{sa_family=AF_INET6, sin6_port=htons(7), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "::", &sin6_addr), sin6_scope_id=0}`},
}

// rawSockaddr lays out a sockaddr_in or sockaddr_in6 as the kernel reads it.
func rawSockaddr(ip []byte, port int) []byte {
	if len(ip) == 4 {
		b := []byte{2, 0, byte(port >> 8), byte(port), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}
		copy(b[4:], ip)
		return b
	}
	b := make([]byte, 28)
	b[0], b[1], b[2], b[3] = 10, 0, byte(port>>8), byte(port)
	copy(b[8:], ip)
	return b
}

// TestSockaddr decodes each address out of this process's own memory, as
// the tracer reads a tracee's.
func TestSockaddr(t *testing.T) {
	var tr Tracer
	for _, tt := range sockaddrTests {
		ip, ok := inet.ParseIP(tt.addr)
		if !ok {
			t.Fatalf("bad test address %s", tt.addr)
		}
		b := rawSockaddr(ip, tt.port)
		got := tr.sockaddr(os.Getpid(), uint64(uintptr(unsafe.Pointer(&b[0]))), len(b))
		if got != tt.want {
			t.Errorf("%s port %d:\n got %s\nwant %s", tt.addr, tt.port, got, tt.want)
		}
	}
}

// TestSockaddrLikeStrace has the real strace show the same addresses,
// given to connect(2) by a Python program, and checks our table against it.
func TestSockaddrLikeStrace(t *testing.T) {
	straceBin, err1 := exec.LookPath("strace")
	python, err2 := exec.LookPath("python3")
	if err1 != nil || err2 != nil {
		t.Skip("strace or python3 not installed")
	}
	var prog strings.Builder
	prog.WriteString("import socket\n")
	for _, tt := range sockaddrTests {
		fam := "AF_INET"
		if strings.Contains(tt.addr, ":") {
			fam = "AF_INET6"
		}
		prog.WriteString("s = socket.socket(socket.")
		prog.WriteString(fam + ", socket.SOCK_DGRAM)\ntry: s.connect(('" + tt.addr + "', ")
		prog.WriteString(strconv.Itoa(tt.port) + "))\nexcept OSError: pass\ns.close()\n")
	}
	out := filepath.Join(t.TempDir(), "trace")
	cmd := exec.Command(straceBin, "-o", out, "-e", "trace=connect", python, "-c", prog.String())
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Skipf("strace cannot trace here: %v %s", err, msg)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile(`connect\(\d+, (\{sa_family=AF_INET6?, .*\}), \d+\)`)
	var seen []string
	for _, m := range re.FindAllStringSubmatch(string(data), -1) {
		seen = append(seen, m[1])
	}
	if len(seen) != len(sockaddrTests) {
		t.Fatalf("strace showed %d connects, want %d:\n%s", len(seen), len(sockaddrTests), data)
	}
	for i, tt := range sockaddrTests {
		if seen[i] != tt.want {
			t.Errorf("%s: strace writes\n %s\nour table says\n %s", tt.addr, seen[i], tt.want)
		}
	}
}
