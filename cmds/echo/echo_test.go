package echo

import (
	"testing"

	"github.com/zinebox/zinebox/pkg/applet/applettest"
)

func TestLikeGNU(t *testing.T) {
	dir := t.TempDir()
	c := func(name string, args ...string) applettest.Case {
		return applettest.Case{Name: name, Args: args}
	}
	cases := []applettest.Case{
		c("nothing"),
		c("words", "hello", "world"),
		c("spaces kept", "a  b", " c "),
		c("n", "-n", "x"),
		c("n twice", "-n", "-n", "x"),
		c("clustered", "-neE", `a\tb`),
		c("e", "-e", `a\tb\nc\\d\ae\bf\fg\rh\vi\e`),
		c("E after e", "-e", "-E", `a\tb`),
		c("no escapes by default", `a\tb\n`),
		c("backslash c stops", "-e", `one\ctwo`, "three"),
		c("octal", "-e", `\0101\060\0\01234`),
		c("hex", "-e", `\x41\x4a\x4G\xg\x`),
		c("unknown escape", "-e", `\q\z\1`),
		c("trailing backslash", "-e", `end\`),
		c("not an option", "-x", "y"),
		c("option after word", "a", "-n"),
		c("dash alone", "-"),
		c("double dash printed", "--", "x"),
		c("help with other", "--help", "x"),
		c("version alone", "--version"),
	}
	// Only the first line of --version differs (program and package name),
	// so --version alone is checked by TestHelp instead.
	cases = cases[:len(cases)-1]
	applettest.Compare(t, &Applet, "echo", dir, cases)
	posix := []applettest.Case{
		{Name: "posix escapes", Args: []string{`a\tb`}, Env: []string{"POSIXLY_CORRECT=1"}},
		{Name: "posix -n first", Args: []string{"-n", `x\n`}, Env: []string{"POSIXLY_CORRECT=1"}},
		{Name: "posix -e is text", Args: []string{"-e", "x"}, Env: []string{"POSIXLY_CORRECT=1"}},
		{Name: "posix help is text", Args: []string{"--help"}, Env: []string{"POSIXLY_CORRECT=1"}},
	}
	applettest.Compare(t, &Applet, "echo", dir, posix)
}

func TestHelp(t *testing.T) {
	r := applettest.Run(&Applet, "", "", nil, "--version")
	if r.Status != 0 || r.Stdout != "echo (zinebox) 0.1.0\n" {
		t.Errorf("--version: %+v", r)
	}
	r = applettest.Run(&Applet, "", "", nil, "--help")
	if r.Status != 0 || len(r.Stdout) < 100 {
		t.Errorf("--help: %+v", r)
	}
}
