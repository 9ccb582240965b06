package nc

import (
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/zinebox/zinebox/pkg/applet/applettest"
)

// waitFor polls until path exists (a listener has bound its socket).
func waitFor(t *testing.T, path string) {
	t.Helper()
	for range 500 {
		if _, err := os.Lstat(path); err == nil {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("%s never appeared", path)
}

func TestUnixStream(t *testing.T) {
	dir := t.TempDir()
	sock := filepath.Join(dir, "mysock.sock")
	served := make(chan applettest.Result)
	go func() { served <- applettest.Run(&Applet, dir, "", nil, "-l", "-U", "mysock.sock") }()
	waitFor(t, sock)
	client := applettest.Run(&Applet, dir, "hello over a unix socket\n", nil, "-N", "-U", "mysock.sock")
	server := <-served
	if client.Status != 0 || server.Status != 0 || server.Stdout != "hello over a unix socket\n" {
		t.Errorf("client %+v, server %+v", client, server)
	}
	st, err := os.Lstat(sock)
	if err != nil || st.Mode()&os.ModeSocket == 0 {
		t.Errorf("socket file after the conversation: %v, %v", st, err)
	}
}

func TestTCPClient(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	got := make(chan string)
	go func() {
		c, err := l.Accept()
		if err != nil {
			got <- err.Error()
			return
		}
		c.Write([]byte("from server\n"))
		data, _ := io.ReadAll(c)
		c.Close()
		got <- string(data)
	}()
	_, port, _ := net.SplitHostPort(l.Addr().String())
	r := applettest.Run(&Applet, "", "from client\n", nil, "-N", "127.0.0.1", port)
	if s := <-got; s != "from client\n" {
		t.Errorf("server got %q", s)
	}
	if r.Status != 0 || r.Stdout != "from server\n" {
		t.Errorf("client: %+v", r)
	}
}

func TestTCPListener(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	_, port, _ := net.SplitHostPort(l.Addr().String())
	l.Close()
	served := make(chan applettest.Result)
	go func() { served <- applettest.Run(&Applet, "", "reply\n", nil, "-l", "-N", port) }()
	var c net.Conn
	for range 500 {
		if c, err = net.Dial("tcp", "127.0.0.1:"+port); err == nil {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	if c == nil {
		t.Fatal(err)
	}
	c.Write([]byte("question\n"))
	c.(*net.TCPConn).CloseWrite()
	answer, _ := io.ReadAll(c)
	c.Close()
	r := <-served
	if r.Stdout != "question\n" || string(answer) != "reply\n" || r.Status != 0 {
		t.Errorf("listener %+v, answer %q", r, answer)
	}
}

// TestPassDescriptor sends an open file over a unix socket; the receiver
// reads the file through the descriptor it was given.
func TestPassDescriptor(t *testing.T) {
	dir := t.TempDir()
	secret := filepath.Join(dir, "secret.txt")
	os.WriteFile(secret, []byte("the contents\n"), 0o600)
	served := make(chan applettest.Result)
	go func() { served <- applettest.Run(&Applet, dir, "", nil, "-l", "-U", "fd.sock", "--recv-fd") }()
	waitFor(t, filepath.Join(dir, "fd.sock"))
	sent := applettest.Run(&Applet, dir, "", nil, "-U", "fd.sock", "--send-fd", "secret.txt")
	got := <-served
	if sent.Status != 0 || got.Status != 0 || got.Stdout != "the contents\n" {
		t.Fatalf("sender %+v, receiver %+v", sent, got)
	}
	if want := "-> " + secret + " "; !strings.Contains(got.Stderr, want) {
		t.Errorf("receiver did not show where the descriptor points: %q", got.Stderr)
	}
}

func TestErrors(t *testing.T) {
	dir := t.TempDir()
	tests := [][]string{
		{"-U", "nosuch.sock"},
		{"-U"},
		{"127.0.0.1"},
		{"127.0.0.1", "notaport"},
		{"--recv-fd", "127.0.0.1", "1"},
		{"-U", "x", "y"},
	}
	for _, args := range tests {
		if r := applettest.Run(&Applet, dir, "", nil, args...); r.Status == 0 || r.Stderr == "" {
			t.Errorf("nc %q: %+v", args, r)
		}
	}
}

// TestNoStdin: a listener with -d does not send its standard input (in
// the shell, a background listener would otherwise eat the terminal).
func TestNoStdin(t *testing.T) {
	dir := t.TempDir()
	served := make(chan applettest.Result)
	go func() {
		served <- applettest.Run(&Applet, dir, "must not be sent\n", nil, "-d", "-l", "-U", "d.sock")
	}()
	waitFor(t, filepath.Join(dir, "d.sock"))
	client := applettest.Run(&Applet, dir, "hello\n", nil, "-N", "-U", "d.sock")
	server := <-served
	if server.Stdout != "hello\n" || client.Stdout != "" || client.Status != 0 || server.Status != 0 {
		t.Errorf("client %+v, server %+v", client, server)
	}
}
