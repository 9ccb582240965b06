package man

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zinebox/zinebox/pkg/applet"
	"github.com/zinebox/zinebox/pkg/applet/applettest"
	"github.com/zinebox/zinebox/pkg/stdio"
)

// TestAgainstManDB runs the same command lines through our man and
// man-db's, and wants the same output, messages and exit status.
func TestAgainstManDB(t *testing.T) {
	if _, err := os.Stat("/usr/share/man/man1/ls.1.gz"); err != nil {
		t.Skip("no manual pages installed")
	}
	golden, err := filepath.Abs("../../pkg/roff/testdata/basic.man")
	if err != nil {
		t.Fatal(err)
	}
	env := []string{"MANWIDTH=80", "LC_ALL=C.UTF-8", "MANPATH=/usr/share/man", "MANPAGER=", "PAGER=", "MANSECT="}
	for _, args := range [][]string{
		{"-w", "ls"},
		{"--path", "2", "read"},
		{"-w", "read.2"},
		{"-w", "-a", "printf"},
		{"-w", "-S", "3", "printf"},
		{"-w", "1", "printf"},
		{"-w", "pclose"},
		{"-w", "stpecpy"},
		{"-w", "1p", "ls"},
		{"-aw", "open"},
		{"2", "nosuch"},
		{"nosuch"},
		{"-w", "nosuch", "ls"},
		{},
		{"-f", "ls", "printf"},
		{"-f", "nosuch"},
		{"-f", "nosuch", "ls"}, // found one: success
		{"-k", "zzqqxx", "^ls$"},
		{"-f", "ssh", "tmux", "scp"}, // NAME sections in mdoc
		{"-k", "^pipe2"},
		{"-k", "^stpecpy$"},
		{"-f", "stpecpy", "printf", "pclose"},
		{"-k", "-S", "2", "^pipe"},
		{"-k", "zzqqxx"},
		{"-f"},
		{"-k"},
		{"cat"},
		{"basename", "dirname"},
		{"-l", golden},
		{"-l", "nosuch"},
		{"-M", "/nonexistent", "ls"},
		{"1", "cat"},
		{"cat.1"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			want := applettest.RunTool(t, "man", "", "", env, args...)
			got := applettest.Run(&Applet, "", "", env, args...)
			if got != want {
				t.Errorf("man %q:\ngot  %d %q\n     stderr %q\nwant %d %q\n     stderr %q",
					args, got.Status, clip(got.Stdout), got.Stderr, want.Status, clip(want.Stdout), want.Stderr)
			}
		})
	}
}

// TestKeepFormatting compares the bold and underline that
// MAN_KEEP_FORMATTING keeps in a pipe with man-db's, byte for byte:
// backspaces, or grotty's escape sequences with GROFF_SGR. The width is
// not 80, so that man-db formats the page instead of showing one it
// formatted earlier (/var/cache/man holds 80-column pages, backspaced
// whatever GROFF_SGR says).
func TestKeepFormatting(t *testing.T) {
	if _, err := os.Stat("/usr/share/man/man1/ls.1.gz"); err != nil {
		t.Skip("no manual pages installed")
	}
	fonts := filepath.Join(t.TempDir(), "fonts.1")
	if err := os.WriteFile(fonts, []byte(".TH F 1\n.SH NAME\nf \\- fonts\n.SH FONTS\n.nf\n"+
		"x \\fIitalic\\fR\nx \\fBbold\\fR\n\\fBbold\\fI\\fBbi\\fR\n"+
		"\\f(BIbi\\fR x \\fBb\\fIi\\fR\n\\fIi\\fBb\\fR  \\fB  b\\fR\n.fi\n"+
		".TP\n.I tag\nbody \\fIu1 u2\\fR y\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, sgr := range []string{"", "1"} {
		env := []string{"MANWIDTH=72", "LC_ALL=C.UTF-8", "MANPATH=/usr/share/man", "MAN_KEEP_FORMATTING=1", "GROFF_SGR=" + sgr, "NO_COLOR="}
		for _, args := range [][]string{{"ls"}, {"cat"}, {"-l", fonts}} {
			want := applettest.RunTool(t, "man", "", "", env, args...)
			got := applettest.Run(&Applet, "", "", env, args...)
			if got != want {
				t.Errorf("man %s with MAN_KEEP_FORMATTING, GROFF_SGR=%s differs from man-db:\n%s", args, sgr, firstDiff(want.Stdout, got.Stdout))
			}
		}
	}
}

// firstDiff quotes the first line where two outputs differ.
func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			return fmt.Sprintf("line %d:\nwant %q\ngot  %q", i+1, a, b)
		}
	}
	return "(same lines)"
}

func clip(s string) string {
	if len(s) > 600 {
		return s[:600] + "..."
	}
	return s
}

// runWith runs man in-process with a list of applets, as the multicall
// binary does.
func runWith(applets []*applet.Applet, env []string, args ...string) applettest.Result {
	var out, errb bytes.Buffer
	o := &applet.IO{
		Name:    "man",
		Stdin:   strings.NewReader(""),
		Stdout:  stdio.NewWriter(&out, stdio.Full, 0),
		Stderr:  &errb,
		Env:     append(os.Environ(), env...),
		Applets: applets,
	}
	st := o.Finish(run(o, args))
	return applettest.Result{Stdout: out.String(), Stderr: errb.String(), Status: st}
}

// TestEmbedded finds pages inside the binary: applets' pages and the
// teaching pages, after (and without) the manual path.
func TestEmbedded(t *testing.T) {
	fakePage := ".TH ZZFAKE 1\n.SH NAME\nzzfake \\- a test applet\n.SH DESCRIPTION\nIt does nothing.\n"
	adminPage := ".TH ZZADMIN 8\n.SH NAME\nzzadmin \\- admin\n"
	fake := &applet.Applet{Name: "zzfake", Summary: "a test applet", Man: &fakePage}
	sec8 := &applet.Applet{Name: "zzadmin", Section: "8", Man: &adminPage}
	apps := []*applet.Applet{fake, sec8, &Applet}
	env := []string{"MANPATH=/nonexistent", "MANWIDTH=80", "MANSECT="}
	for _, c := range []struct {
		args   []string
		out    string // substring of stdout
		status int
	}{
		{[]string{"-w", "zzfake"}, "(zinebox) man1/zzfake.1\n", 0},
		{[]string{"-w", "8", "zzadmin"}, "(zinebox) man8/zzadmin.8\n", 0},
		{[]string{"zzfake"}, "It does nothing.", 0},
		{[]string{"-w", "zinebox"}, "(zinebox) man7/zinebox.7\n", 0},
		{[]string{"7", "zinebox"}, "zinebox - a map of the teaching machine", 0},
		{[]string{"-f", "zzfake"}, "zzfake (1)           - a test applet\n", 0},
		{[]string{"-k", "teaching machine"}, "zinebox (7)          - a map of the teaching machine\n", 0},
		{[]string{"-k", "^zz"}, "zzadmin (8)          - admin\nzzfake (1)           - a test applet\n", 0},
		{[]string{"man"}, "MAN(1)", 0},
		{[]string{"2", "zzfake"}, "", 16},
	} {
		got := runWith(apps, env, c.args...)
		if got.Status != c.status || !strings.Contains(got.Stdout, c.out) {
			t.Errorf("man %q = %d %q (stderr %q), want %d and %q", c.args, got.Status, clip(got.Stdout), got.Stderr, c.status, c.out)
		}
	}
}

// TestFormatting: plain text into a pipe, overstrike with
// MAN_KEEP_FORMATTING, SGR with GROFF_SGR as well, none with NO_COLOR.
func TestFormatting(t *testing.T) {
	page := filepath.Join(t.TempDir(), "x.1")
	if err := os.WriteFile(page, []byte(".TH X 1\n.SH NAME\nx \\- \\fBbold\\fR\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		env  []string
		want string
	}{
		{nil, "x - bold"},
		{[]string{"MAN_KEEP_FORMATTING=1"}, "b\bbo\bol\bld\bd"},
		{[]string{"MAN_KEEP_FORMATTING=1", "GROFF_SGR=1"}, "\x1b[1mbold\x1b[0m"},
		{[]string{"MAN_KEEP_FORMATTING=1", "GROFF_SGR=1", "NO_COLOR=1"}, "b\bbo\bol\bld\bd"},
	} {
		env := append([]string{"MAN_KEEP_FORMATTING=", "GROFF_SGR=", "NO_COLOR=", "MANWIDTH=80"}, c.env...)
		got := runWith(nil, env, "-l", page)
		if !strings.Contains(got.Stdout, c.want) {
			t.Errorf("env %q: got %q, want %q in it", c.env, got.Stdout, c.want)
		}
	}
}
