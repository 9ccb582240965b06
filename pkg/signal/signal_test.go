package signal

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

// parseTable is what users type and what it means; the same inputs are fed
// to bash and procps below where they accept them.
var parseTable = []struct {
	in   string
	want syscall.Signal
	ok   bool
}{
	{"HUP", 1, true},
	{"SIGHUP", 1, true},
	{"hup", 1, true},
	{"SigHup", 1, true},
	{"1", 1, true},
	{"9", 9, true},
	{"0", 0, true},
	{"64", 64, true},
	{"65", 0, false},
	{"KILL", 9, true},
	{"sigkill", 9, true},
	{"IOT", 6, true},
	{"CLD", 17, true},
	{"IO", 29, true},
	{"POLL", 29, true},
	{"SIGPOLL", 29, true},
	{"EXIT", 0, true},
	{"NULL", 0, true},
	{"RTMIN", 34, true},
	{"SIGRTMIN", 34, true},
	{"RTMIN+3", 37, true},
	{"rtmin+0", 34, true},
	{"RTMIN+30", 64, true},
	{"RTMIN+31", 0, false},
	{"RTMAX", 64, true},
	{"RTMAX-1", 63, true},
	{"SIGRTMAX-14", 50, true},
	{"RTMAX+1", 0, false},
	{"RTMIN-1", 0, false},
	{"RTMIN+", 0, false},
	{"RTMIN+x", 0, false},
	{"SIG", 0, false},
	{"", 0, false},
	{"FOO", 0, false},
	{"-9", 0, false},
	{"+9", 0, false},
	{" 9", 0, false},
	{"99999999999999999999", 0, false},
}

func TestParse(t *testing.T) {
	for _, tc := range parseTable {
		got, ok := Parse(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("Parse(%q) = %d, %v; want %d, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestNameDescriptionTable(t *testing.T) {
	for _, tc := range []struct {
		sig    syscall.Signal
		name   string
		desc   string
		action Action
	}{
		{0, "EXIT", "Unknown signal 0", Term},
		{1, "HUP", "Hangup", Term},
		{2, "INT", "Interrupt", Term},
		{3, "QUIT", "Quit", Core},
		{9, "KILL", "Killed", Term},
		{15, "TERM", "Terminated", Term},
		{17, "CHLD", "Child exited", Ign},
		{18, "CONT", "Continued", Cont},
		{19, "STOP", "Stopped (signal)", Stop},
		{20, "TSTP", "Stopped", Stop},
		{29, "POLL", "I/O possible", Term},
		{32, "32", "Unknown signal 32", Term},
		{34, "RTMIN", "Real-time signal 0", Term},
		{37, "RTMIN+3", "Real-time signal 3", Term},
		{49, "RTMIN+15", "Real-time signal 15", Term},
		{50, "RTMAX-14", "Real-time signal 16", Term},
		{63, "RTMAX-1", "Real-time signal 29", Term},
		{64, "RTMAX", "Real-time signal 30", Term},
		{65, "65", "Unknown signal 65", Term},
	} {
		if got := Name(tc.sig); got != tc.name {
			t.Errorf("Name(%d) = %q, want %q", tc.sig, got, tc.name)
		}
		if got := Description(tc.sig); got != tc.desc {
			t.Errorf("Description(%d) = %q, want %q", tc.sig, got, tc.desc)
		}
		if got := DefaultAction(tc.sig); got != tc.action {
			t.Errorf("DefaultAction(%d) = %v, want %v", tc.sig, got, tc.action)
		}
	}
}

// Every name round-trips through Parse.
func TestRoundTrip(t *testing.T) {
	l := List()
	if len(l) != 64 || l[0] != 1 || l[63] != 64 {
		t.Fatalf("List() = %v", l)
	}
	for _, s := range l {
		names := []string{Name(s), strings.ToLower(Name(s))}
		if !isDigits(Name(s)) {
			names = append(names, "SIG"+Name(s))
		}
		for _, n := range names {
			if got, ok := Parse(n); !ok || got != s {
				t.Errorf("Parse(%q) = %d, %v; want %d", n, got, ok, s)
			}
		}
	}
}

// procps kill -l prints the names of signals 1..31 in order; `kill -l N`
// converts each way.
func TestAgainstProcpsKill(t *testing.T) {
	kill := "/bin/kill"
	if out, err := exec.Command(kill, "-V").Output(); err != nil || !strings.Contains(string(out), "procps") {
		t.Skip("procps kill not installed")
	}
	out, err := exec.Command(kill, "-l").Output()
	if err != nil {
		t.Fatal(err)
	}
	names := strings.Fields(string(out))
	if len(names) != 31 {
		t.Fatalf("procps kill -l printed %d names: %q", len(names), names)
	}
	for i, n := range names {
		sig := syscall.Signal(i + 1)
		if Name(sig) != n {
			t.Errorf("Name(%d) = %q, procps says %q", sig, Name(sig), n)
		}
		num, err := exec.Command(kill, "-l", n).Output()
		if err != nil {
			t.Fatal(err)
		}
		if got, ok := Parse(n); !ok || strconv.Itoa(int(got)) != strings.TrimSpace(string(num)) {
			t.Errorf("Parse(%q) = %d, procps kill -l says %s", n, got, num)
		}
	}
}

// bash names the real-time signals; compare both directions: every number
// to its name, and every name in parseTable that bash accepts to its number.
func TestAgainstBash(t *testing.T) {
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("no bash")
	}
	bashKillL := func(arg string) (string, bool) {
		out, err := exec.Command("bash", "-c", "kill -l "+arg).Output()
		return strings.TrimSpace(string(out)), err == nil && len(out) > 0
	}
	for _, s := range List() {
		if s == 32 || s == 33 {
			continue // bash has no names for glibc's reserved signals
		}
		want, ok := bashKillL(strconv.Itoa(int(s)))
		if !ok {
			t.Fatalf("bash kill -l %d failed", s)
		}
		if s == 29 {
			want = "POLL" // bash calls it IO, procps POLL; we follow procps
		}
		if Name(s) != want {
			t.Errorf("Name(%d) = %q, bash says %q", s, Name(s), want)
		}
	}
	for _, tc := range parseTable {
		if isDigits(tc.in) || tc.in == "" || strings.ContainsAny(tc.in, " -+") && !strings.HasPrefix(strings.ToUpper(tc.in), "RT") && !strings.HasPrefix(strings.ToUpper(tc.in), "SIGRT") {
			continue
		}
		want, ok := bashKillL(tc.in)
		got, gotOK := Parse(tc.in)
		switch strings.TrimPrefix(strings.ToUpper(tc.in), "SIG") {
		case "EXIT", "NULL", "POLL", "IOT", "CLD":
			continue // procps names bash does not know, or knows differently
		}
		if ok != gotOK || ok && strconv.Itoa(int(got)) != want {
			t.Errorf("Parse(%q) = %d, %v; bash kill -l says %q, %v", tc.in, got, gotOK, want, ok)
		}
	}
}

// Descriptions are compared with glibc's strsignal through a small C
// program, when gcc is installed.
func TestAgainstStrsignal(t *testing.T) {
	if _, err := exec.LookPath("gcc"); err != nil {
		t.Skip("no gcc")
	}
	dir := t.TempDir()
	src := filepath.Join(dir, "s.c")
	prog := "#include <stdio.h>\n#include <string.h>\n#include <signal.h>\n" +
		"int main(void){for(int i=0;i<=65;i++)printf(\"%s\\n\",strsignal(i));" +
		"printf(\"%d %d\\n\",SIGRTMIN,SIGRTMAX);return 0;}\n"
	if err := os.WriteFile(src, []byte(prog), 0o644); err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(dir, "s")
	if out, err := exec.Command("gcc", "-o", bin, src).CombinedOutput(); err != nil {
		t.Fatalf("gcc: %v\n%s", err, out)
	}
	out, err := exec.Command(bin).Output()
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	for i := 0; i <= 65; i++ {
		if got := Description(syscall.Signal(i)); got != lines[i] {
			t.Errorf("Description(%d) = %q, strsignal says %q", i, got, lines[i])
		}
	}
	if want := strconv.Itoa(int(RTMin)) + " " + strconv.Itoa(int(RTMax)); lines[66] != want {
		t.Errorf("SIGRTMIN SIGRTMAX = %q, we say %q", lines[66], want)
	}
}
