package env

import (
	"testing"

	"github.com/zinebox/zinebox/pkg/applet/applettest"
)

// TestLikeGNU runs each case through our env and GNU env, with the same
// starting environment, and requires the same output, errors and status.
func TestLikeGNU(t *testing.T) {
	c := func(name string, env []string, args ...string) applettest.Case {
		return applettest.Case{Name: name, Args: args, Env: env}
	}
	// Variables the test's own environment does not have: in-process,
	// an inherited duplicate would stay, where exec.Cmd drops it.
	start := []string{"ZB_A=1", "ZB_HOME=/home/x"}
	applettest.Compare(t, &Applet, "env", t.TempDir(), []applettest.Case{
		c("print", start),
		c("assign", start, "B=2"),
		c("assign over", start, "ZB_A=3"),
		c("empty", start, "-i"),
		c("empty and assign", start, "-i", "A=val", "B="),
		c("unset", start, "-u", "ZB_HOME"),
		c("unset long", start, "--unset=ZB_A", "C=4"),
		c("null", start, "-0", "-i", "X=1", "Y=2"),
		c("dash is -i", start, "-", "Z=1"),
		c("missing command", start, "-i", "zinebox-no-such-command"),
		c("bad chdir", start, "-C", "/nonexistent", "true"),
		c("chdir without command", start, "-C", "/"),
		c("bad option", start, "--bogus"),
		c("unset needs an argument", start, "-u"),
	})
}
