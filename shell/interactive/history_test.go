package interactive

import (
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// bashHistory runs lines (which print nothing) and then last in bash with
// history on, and returns the output. HISTFILE=/dev/null keeps the
// user's history out.
func bashHistory(t *testing.T, lines []string, last string) (string, bool) {
	t.Helper()
	bash, err := exec.LookPath("bash")
	if err != nil {
		return "", false
	}
	script := "set -o history\n" + strings.Join(lines, "\n") + "\n" + last + "\n"
	cmd := exec.Command(bash, "--norc", "--noprofile", "-c", script)
	cmd.Env = []string{"HISTFILE=/dev/null", "PATH=/usr/bin:/bin", "LC_ALL=C"}
	out, _ := cmd.CombinedOutput()
	return string(out), true
}

var histLines = []string{": a", `: "b  c"`, "true c", "true d"}

func TestFormatHistoryAgainstBash(t *testing.T) {
	for _, tc := range []struct {
		arg string
		n   int
	}{{"", -1}, {" 2", 2}, {" 0", 0}, {" 100", 100}} {
		want, ok := bashHistory(t, histLines, "history"+tc.arg)
		if !ok {
			t.Skip("no bash")
		}
		entries := append(append([]string(nil), histLines...), "history"+tc.arg)
		if got := FormatHistory(entries, 1, tc.n); got != want {
			t.Errorf("history%s:\n%q\nbash:\n%q", tc.arg, got, want)
		}
	}
}

// Numbers go on after HISTSIZE drops entries, and start again after
// history -c, as bash's.
func TestHistoryNumbersAgainstBash(t *testing.T) {
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash")
	}
	script := "set -o history\n: a\n: b\n: c\n: d\nhistory\nhistory -c\n: e\nhistory\n"
	cmd := exec.Command(bash, "--norc", "--noprofile", "-c", script)
	cmd.Env = []string{"HISTFILE=/dev/null", "HISTSIZE=3", "PATH=/usr/bin:/bin", "LC_ALL=C"}
	want, _ := cmd.CombinedOutput()
	in, _ := os.Open(os.DevNull)
	defer in.Close()
	e := New(in, in, Options{HistorySize: 3})
	var got strings.Builder
	for _, l := range []string{": a", ": b", ": c", ": d", "history", "history -c", ": e", "history"} {
		e.AppendHistory(l)
		switch l {
		case "history":
			got.WriteString(FormatHistory(e.History(), e.HistoryBase(), -1))
		case "history -c":
			e.ClearHistory()
		}
	}
	if got.String() != string(want) {
		t.Errorf("got\n%s\nbash\n%s", got.String(), want)
	}
}

func TestFcListAgainstBash(t *testing.T) {
	for _, tc := range []struct {
		args          string
		first, last   string
		noNum, revers bool
	}{
		{args: ""},
		{args: "2 1", first: "2", last: "1"},
		{args: "-100", first: "-100"},
		{args: "2 100", first: "2", last: "100"},
		{args: "-r 1 2", first: "1", last: "2", revers: true},
		{args: "-n -1", first: "-1", noNum: true},
		{args: "-nr", noNum: true, revers: true},
		{args: "1 -1", first: "1", last: "-1"},
		{args: "-3 -2", first: "-3", last: "-2"},
		{args: "tr", first: "tr"},
		{args: ": tr", first: ":", last: "tr"},
		{args: "0", first: "0"},
		{args: "e x", first: "e", last: "x"},
	} {
		want, ok := bashHistory(t, histLines, "fc -l "+tc.args)
		if !ok {
			t.Skip("no bash")
		}
		got, err := FcList(histLines, 1, tc.first, tc.last, tc.noNum, tc.revers)
		if err != nil {
			bash, _ := exec.LookPath("bash") // bash names itself by its $0
			got = bash + ": line 6: fc: " + err.Error() + "\n"
		}
		if got != want {
			t.Errorf("fc -l %s:\n%q\nbash:\n%q", tc.args, got, want)
		}
	}
}

func TestHistoryFileAndSize(t *testing.T) {
	vars := map[string]string{}
	lookup := func(k string) (string, bool) { v, ok := vars[k]; return v, ok }
	if got := HistoryFile(lookup); got != "" {
		t.Errorf("no HOME: %q", got)
	}
	vars["HOME"] = "/home/ann"
	if got := HistoryFile(lookup); got != "/home/ann/.zinebox_history" {
		t.Errorf("default: %q", got)
	}
	vars["HISTFILE"] = ""
	if got := HistoryFile(lookup); got != "" {
		t.Errorf("empty HISTFILE: %q", got)
	}
	vars["HISTFILE"] = "/tmp/h"
	if got := HistoryFile(lookup); got != "/tmp/h" {
		t.Errorf("HISTFILE: %q", got)
	}
	for in, want := range map[string]int{"": 500, "x": 500, "10": 10, "0": 0, "-5": -1} {
		vars["HISTSIZE"] = in
		if got := HistorySize(lookup); got != want {
			t.Errorf("HISTSIZE=%q: %d, want %d", in, got, want)
		}
	}
	delete(vars, "HISTSIZE")
	if got := HistorySize(lookup); got != 500 {
		t.Errorf("unset HISTSIZE: %d", got)
	}
}

func TestHistoryLoadSave(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "hist")
	if err := os.WriteFile(path, []byte("#1700000000\nls -l\n\necho one\n#not a stamp\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	in, _ := os.Open(os.DevNull)
	defer in.Close()
	e := New(in, in, Options{HistorySize: 3})
	if err := e.LoadHistory(filepath.Join(dir, "missing")); err != nil {
		t.Errorf("missing file: %v", err)
	}
	if err := e.LoadHistory(path); err != nil {
		t.Fatal(err)
	}
	if want := []string{"ls -l", "echo one", "#not a stamp"}; !reflect.DeepEqual(e.History(), want) {
		t.Errorf("loaded %q, want %q", e.History(), want)
	}
	e.AppendHistory("   ")
	e.AppendHistory("date\n")
	if want := []string{"echo one", "#not a stamp", "date"}; !reflect.DeepEqual(e.History(), want) {
		t.Errorf("after append (HISTSIZE 3) %q, want %q", e.History(), want)
	}
	out := filepath.Join(dir, "saved")
	if err := e.SaveHistory(out); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != "echo one\n#not a stamp\ndate\n" {
		t.Errorf("saved %q", b)
	}
	if st, _ := os.Stat(out); st.Mode().Perm() != 0o600 {
		t.Errorf("history file mode %v, want 0600", st.Mode().Perm())
	}
	e.SetHistorySize(0)
	if len(e.History()) != 0 {
		t.Errorf("HISTSIZE=0 kept %q", e.History())
	}
	e.AppendHistory("x")
	if len(e.History()) != 0 {
		t.Errorf("HISTSIZE=0 appended %q", e.History())
	}
	e.SetHistorySize(-1)
	for i := 0; i < 600; i++ {
		e.AppendHistory("y")
	}
	if len(e.History()) != 600 {
		t.Errorf("unlimited history kept %d", len(e.History()))
	}
}

// Reader feeds a parser: lines with newlines, a prompt per line, the
// editor's end of input at the end.
func TestReader(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	w.WriteString("for i in 1 2\ndo echo $i; done\n")
	w.Close()
	out, err := os.CreateTemp(t.TempDir(), "prompts")
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	n := 0
	rd := New(r, out, Options{}).Reader(func() string { n++; return "> " })
	var got []byte
	buf := make([]byte, 5) // smaller than a line: Read must keep the rest
	for {
		k, err := rd.Read(buf)
		got = append(got, buf[:k]...)
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if string(got) != "for i in 1 2\ndo echo $i; done\n" || n != 3 {
		t.Errorf("read %q with %d prompts", got, n)
	}
}

// Source gives the shell lines with their newline and keeps the history
// file current after every command.
func TestSource(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	w.WriteString("echo a\n\nls\n")
	w.Close()
	out, err := os.CreateTemp(t.TempDir(), "prompts")
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	file := filepath.Join(t.TempDir(), "hist")
	src := &Source{Editor: New(r, out, Options{}), File: file}
	var lines []string
	for {
		l, err := src.ReadLine("$ ")
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, l)
		if l == "echo a\n" {
			if b, _ := os.ReadFile(file); string(b) != "echo a\n" {
				t.Errorf("history file after the first line: %q", b)
			}
		}
	}
	if want := []string{"echo a\n", "\n", "ls\n"}; !reflect.DeepEqual(lines, want) {
		t.Errorf("lines %q, want %q", lines, want)
	}
	if b, _ := os.ReadFile(file); string(b) != "echo a\nls\n" {
		t.Errorf("history file %q", b)
	}
}
