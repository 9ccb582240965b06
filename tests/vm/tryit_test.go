package vmtest

import (
	"strings"
	"testing"
	"time"

	"github.com/zinebox/zinebox/pkg/manpages"
)

// TestTryIt types every command of every teaching page's TRY IT section
// into one booted VM, page by page, in the order a reader would. A command
// may fail on purpose (`man nosuchpage`, `cat` of a file learner may not
// read), but none may be missing, crash, or hang: the pages must not drift
// from what the VM does. pkg/manpages checks, without a VM, that each
// names an applet or a builtin. A background command in a page must send
// its output to a file: text printed while the prompt is drawn is a race
// for a reader and for this test alike.
func TestTryIt(t *testing.T) {
	pages, err := manpages.TryIts()
	if err != nil {
		t.Fatal(err)
	}
	vm := Boot(t, Add("/usr/bin/strace"))
	// A reader leaves man's pager with q; the test reads the page whole.
	vm.MustRun("export MANPAGER=cat PAGER=cat", 0)
	for _, p := range pages {
		t.Run(p.Page, func(t *testing.T) {
			vm.MustRun("cd /tmp", 0)
			for _, cmd := range p.Commands {
				out, status, err := vm.RunTimeout(cmd, 90*time.Second)
				if err != nil {
					t.Fatalf("%q: %v", cmd, err)
				}
				if strings.HasSuffix(cmd, "&") {
					// A reader types the next line a moment later; a
					// background listener gets that moment to listen.
					time.Sleep(time.Second)
				}
				for _, bad := range []string{"not found", "applet not found", "panic:", "goroutine ", "Syntax error"} {
					if strings.Contains(out, bad) {
						t.Errorf("%q printed %q:\n%s", cmd, bad, out)
					}
				}
				// Deaths by signal are part of the lessons (129 for SIGHUP, 141
				// for SIGPIPE); "cannot run" and "not found" never are.
				if status == 126 || status == 127 {
					t.Errorf("%q: status %d\n%s", cmd, status, out)
				}
			}
			vm.Run("kill %1 %2 %3 2>/dev/null; wait")
		})
	}
}
