package manpages

import (
	"os/exec"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/zinebox/zinebox/pkg/applet/applettest"
	"mvdan.cc/sh/v3/syntax"
)

// builtins are the shell builtins a TRY IT line may start with.
var builtins = map[string]bool{
	"cd": true, "echo": true, "exec": true, "kill": true, "set": true, "trap": true, "wait": true,
	"jobs": true, "fg": true, "bg": true, "umask": true, "printf": true, "read": true, "export": true,
	"type": true, "command": true, "test": true, "[": true, ":": true, "true": true, "false": true,
}

// TestTryItUsesRealCommands checks every command of every TRY IT section
// names an applet of the binary or a shell builtin, so that a reader in the
// VM never meets "not found". The VM suite then runs them (tests/vm).
func TestTryItUsesRealCommands(t *testing.T) {
	pages, err := TryIts()
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) < 20 {
		t.Fatalf("only %d pages have a TRY IT section", len(pages))
	}
	out, err := exec.Command(applettest.Binary(t), "--list").Output()
	if err != nil {
		t.Fatal(err)
	}
	applets := map[string]bool{}
	for _, name := range strings.Fields(string(out)) {
		applets[name] = true
	}
	for _, p := range pages {
		for _, c := range p.Commands {
			cmd := c.Line
			for _, word := range commandWords(t, cmd) {
				if !applets[word] && !builtins[word] {
					t.Errorf("%s: %q runs %q, which is neither an applet nor a builtin", p.Page, cmd, word)
				}
			}
		}
	}
}

// commandWords returns the command name of every simple command in a
// line, parsed as the shell parses it; names given as a path, or not
// known until run time, are left out.
func commandWords(t *testing.T, line string) []string {
	f, err := syntax.NewParser(syntax.Variant(syntax.LangPOSIX)).Parse(strings.NewReader(line), "")
	if err != nil {
		t.Errorf("%q does not parse: %v", line, err)
		return nil
	}
	var words []string
	syntax.Walk(f, func(n syntax.Node) bool {
		if call, ok := n.(*syntax.CallExpr); ok && len(call.Args) > 0 {
			if name := call.Args[0].Lit(); name != "" && !strings.Contains(name, "/") {
				words = append(words, name)
			}
		}
		return true
	})
	return words
}

func TestTryItParsing(t *testing.T) {
	page := ".SH NAME\nx\n.SH TRY IT\n.nf\n$ ls \\-l /proc/self/fd\n.\\\" => ^l.* 0 -> \n.\\\" !> panic\n$ tr '\\e0' ' ' < f\n.\\\" status 1\nnot a command\n.fi\n.SH SEE ALSO\n.nf\n$ not this\n.fi\n"
	got := tryItCommands(page)
	want := []Command{
		{Line: "ls -l /proc/self/fd", Want: []string{"^l.* 0 -> "}, WantNot: []string{"panic"}},
		{Line: `tr '\0' ' ' < f`, Status: 1},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
}

// TestTryItChecks: every TRY IT command says what the VM must show, in
// regular expressions that compile.
func TestTryItChecks(t *testing.T) {
	pages, err := TryIts()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range pages {
		for _, c := range p.Commands {
			if len(c.Want) == 0 {
				t.Errorf("%s: %q has no check (a `.\\\" => REGEXP` line after it)", p.Page, c.Line)
			}
			for _, re := range append(c.Want, c.WantNot...) {
				if _, err := regexp.Compile(re); err != nil {
					t.Errorf("%s: %q: %v", p.Page, c.Line, err)
				}
			}
		}
	}
}
