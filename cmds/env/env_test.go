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

// TestSplitStringLikeGNU: -S splits its argument by GNU env's own rules
// (quotes, escapes, ${NAME}, comments, \c) and reads the words as options
// and operands in its place, as a "#!/usr/bin/env -S ..." line needs.
func TestSplitStringLikeGNU(t *testing.T) {
	c := func(name string, args ...string) applettest.Case {
		return applettest.Case{Name: name, Args: args, Env: []string{"ZB_A=1", "ZB_HOME=/home/x"}}
	}
	applettest.Compare(t, &Applet, "env", t.TempDir(), []applettest.Case{
		c("words", "-S", "-i A=1 B=2"),
		c("blanks", "-S", " -i \t A=1  B=2 "),
		c("single quotes", "-S", "-i A='x y' B='a\\'b' C='a\\\\b' D='a\\nb' E='${ZB_A}'"),
		c("double quotes", "-S", `-i A="x\ty" B="x\_y" C="\$x" D="a#b" E="${ZB_HOME}/bin"`),
		c("escapes", "-S", `-i A=a\nb B=\#x C=\"q\" D=a"b c"d E=a'b c'd`),
		c("word break", "-S", `-i A=1\_B=2`),
		c("comment", "-S", "-i A=1 #B=2"),
		c("stop", "-S", `-i A=1 \c B=2`),
		c("unset variable", "-S", "-i A=${ZB_NOPE}x"),
		c("expansion before -i", "-i", "-S", "A=${ZB_A}"),
		c("empty words", "-S", `-i A='' B=""`),
		c("options in order", "-S-i", "-SA=1"),
		c("long option", "--split-string=-i X=1"),
		c("long option abbreviated", "--sp", "-i X=2"),
		c("in a cluster", "-iSX=3"),
		c("in a cluster, separate", "-iS", "X=4"),
		c("an operand ends the options", "-S", "A=1", "-i"),
		c("null from inside", "-i", "-S", "-0 A=1"),
		c("dollar without braces", "-S", "-i A=$ZB_A"),
		c("unclosed brace", "-S", "-i A=${ZB_A"),
		c("empty braces", "-S", "-i A=${}"),
		c("unknown escape", "-S", `-i A=\q`),
		c("backslash at the end", "-S", `-i A=\`),
		c("\\c in double quotes", "-S", `-i A="a\cb"`),
		c("unterminated double quote", "-S", `-i A="x`),
		c("unterminated single quote", "-S", "-i A='x"),
		c("missing argument", "-S"),
	})
}

// A variable that expands to another -S of itself makes GNU env loop for
// ever; ours stops with an error.
func TestSplitStringLoop(t *testing.T) {
	got := applettest.Run(&Applet, t.TempDir(), "", []string{"X=-S${X}"}, "-S", "${X}", "true")
	if got.Status != 125 || got.Stderr != "env: too many -S expansions\n" {
		t.Errorf("status %d, stderr %q", got.Status, got.Stderr)
	}
}

// FuzzSplitString: no -S argument makes the splitter panic or loop.
func FuzzSplitString(f *testing.F) {
	for _, s := range []string{"-i A=1", `A="x\_y" B='a\'b'`, "${HOME} #c", `\c`, `"\`, "${", "$"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		splitString(s, func(string) string { return "v" })
		expandSplitStrings([]string{"-S", s, "-iS" + s, "--split-string=" + s}, func(string) string { return "" })
	})
}
