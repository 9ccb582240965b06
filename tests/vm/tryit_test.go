package vmtest

import (
	"encoding/json"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/zinebox/zinebox/pkg/manpages"
)

// tryItRun is what one TRY IT command printed in the VM, as
// ZINEBOX_TRYIT_LOG records it.
type tryItRun struct {
	Page, Line, Output string
	Seen, Status       int // Seen: earlier runs of the same line on the page
}

// seen counts the runs of each line of a page, to tell apart a line a
// page has twice (fifo(7) runs mkfifo twice, the second time failing).
type seen map[string]int

func (s seen) next(page, line string) (string, int) {
	k := page + "\x00" + line
	s[k]++
	return k, s[k] - 1
}

// TestTryIt types every command of every teaching page's TRY IT section
// into one booted VM, page by page, in the order a reader would, and
// checks what each printed and its exit status against the checks the page
// carries after the line (roff comments, see manpages.Command). A command
// may fail on purpose (`man nosuchpage`, `cat` of a file learner may not
// read): its page says which status. pkg/manpages checks, without a VM,
// that each line names an applet or a builtin and has a check. A
// background command in a page must send its output to a file: text
// printed while the prompt is drawn is a race for a reader and for this
// test alike.
//
// ZINEBOX_TRYIT_LOG=FILE writes every command's output and status to FILE
// (JSON), and ZINEBOX_TRYIT_REPLAY=FILE checks the pages' current checks
// against such a file without booting: the way to write checks for a page.
func TestTryIt(t *testing.T) {
	pages, err := manpages.TryIts()
	if err != nil {
		t.Fatal(err)
	}
	if replay := os.Getenv("ZINEBOX_TRYIT_REPLAY"); replay != "" {
		replayTryIt(t, pages, replay)
		return
	}
	// The image `make vm` builds carries strace (a dynamic program for
	// shlibs(7)) and an ld.so.cache of its libraries, which ldconfig -p
	// lists.
	var add []string
	if _, err := os.Stat("/usr/bin/strace"); err == nil {
		add = append(add, "/usr/bin/strace")
	}
	vm := Boot(t, Add(add...))
	// A reader leaves man's pager with q; the test reads the page whole.
	vm.MustRun("export MANPAGER=cat PAGER=cat", 0)
	var log []tryItRun
	counts := seen{}
	for _, p := range pages {
		t.Run(p.Page, func(t *testing.T) {
			vm.MustRun("cd /tmp", 0)
			for _, cmd := range p.Commands {
				out, status, err := vm.RunTimeout(cmd.Line, 90*time.Second)
				if err != nil {
					t.Fatalf("%q: %v", cmd.Line, err)
				}
				_, n := counts.next(p.Page, cmd.Line)
				log = append(log, tryItRun{p.Page, cmd.Line, out, n, status})
				if strings.HasSuffix(cmd.Line, "&") {
					// A reader types the next line a moment later; a
					// background listener gets that moment to listen.
					time.Sleep(time.Second)
				}
				checkTryIt(t, cmd, out, status)
			}
			vm.Run("kill %1 %2 %3 2>/dev/null; wait")
		})
	}
	if path := os.Getenv("ZINEBOX_TRYIT_LOG"); path != "" {
		data, _ := json.MarshalIndent(log, "", "  ")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Error(err)
		}
	}
}

// checkTryIt checks one command's output and status against its page.
func checkTryIt(t *testing.T, cmd manpages.Command, out string, status int) {
	t.Helper()
	for _, bad := range []string{"not found", "panic:", "goroutine ", "Syntax error"} {
		if strings.Contains(out, bad) {
			t.Errorf("%q printed %q:\n%s", cmd.Line, bad, out)
		}
	}
	if status != cmd.Status {
		t.Errorf("%q: status %d, the page wants %d\n%s", cmd.Line, status, cmd.Status, out)
	}
	if len(cmd.Want) == 0 {
		t.Errorf("%q: the page has no check for it", cmd.Line)
	}
	for _, re := range cmd.Want {
		if !regexp.MustCompile("(?m)" + re).MatchString(out) {
			t.Errorf("%q: output does not match %s:\n%s", cmd.Line, re, out)
		}
	}
	for _, re := range cmd.WantNot {
		if regexp.MustCompile("(?m)" + re).MatchString(out) {
			t.Errorf("%q: output matches %s:\n%s", cmd.Line, re, out)
		}
	}
}

// replayTryIt checks the pages against a log of an earlier run.
func replayTryIt(t *testing.T, pages []manpages.TryIt, path string) {
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var log []tryItRun
	if err := json.Unmarshal(data, &log); err != nil {
		t.Fatal(err)
	}
	type key struct {
		k string
		n int
	}
	runs := map[key]tryItRun{}
	for _, r := range log {
		runs[key{r.Page + "\x00" + r.Line, r.Seen}] = r
	}
	counts := seen{}
	for _, p := range pages {
		t.Run(p.Page, func(t *testing.T) {
			for _, cmd := range p.Commands {
				k, n := counts.next(p.Page, cmd.Line)
				r, ok := runs[key{k, n}]
				if !ok {
					t.Errorf("%q: not in %s", cmd.Line, path)
					continue
				}
				checkTryIt(t, cmd, r.Output, r.Status)
			}
		})
	}
}
