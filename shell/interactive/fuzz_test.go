package interactive

import (
	"io"
	"os"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// Bad input must never panic: any line, any cursor position.
func FuzzComplete(f *testing.F) {
	for _, s := range []string{"cat fi", `echo "$HO`, "a'b\"c\\", "${", "$", "x=`", "~/", "cd ../"} {
		f.Add(s, len(s))
	}
	root := f.TempDir()
	c := &Completer{
		Builtins: func() []string { return []string{"echo"} },
		Vars:     func() []string { return []string{"HOME", "A"} },
		Getenv:   func(string) string { return root },
		Dir:      func() string { return root },
	}
	f.Fuzz(func(t *testing.T, line string, pos int) {
		if pos < 0 || pos > len(line) {
			pos = len(line)
		}
		r := c.Complete(line, pos)
		if !strings.HasSuffix(line, r.Tail) {
			t.Errorf("tail %q is not the end of %q", r.Tail, line)
		}
	})
}

func FuzzExpandPrompt(f *testing.F) {
	for _, s := range []string{DefaultPS1, `\D{%Y`, `\`, `\0`, `\777\[`, `\w\W`} {
		f.Add(s)
	}
	env := PromptEnv{User: "u", Host: "h.d", Cwd: "/a/b", Home: "/a", Now: time.Unix(0, 0).UTC()}
	f.Fuzz(func(t *testing.T, ps string) {
		out := ExpandPrompt(ps, env)
		if !strings.Contains(ps, `\`) && out != ps {
			t.Errorf("no escapes, yet %q became %q", ps, out)
		}
	})
}

func FuzzColumns(f *testing.F) {
	f.Add("a b cc ddd", 10)
	f.Fuzz(func(t *testing.T, s string, width int) {
		items := strings.Fields(s)
		out := Columns(items, width)
		if len(items) > 0 && utf8.ValidString(s) && strings.Count(out, "\n") > len(items) {
			t.Errorf("more rows than items: %q", out)
		}
	})
}

// The key loop must survive any bytes: edit is run on a pipe (the
// terminal settings are ReadLine's business, not needed here).
func FuzzEdit(f *testing.F) {
	for _, s := range []string{"abc\x01\x0b\x19\r", "\x12a\x12\x7f\x07\r", "\x1b[1;5D\x1bO", "\t\t\x1b.\x1f\x18\x15", "\x1b[", "\xe2\x82"} {
		f.Add(s, 7)
	}
	root := f.TempDir()
	c := &Completer{Dir: func() string { return root }, Getenv: func(string) string { return "" }}
	f.Fuzz(func(t *testing.T, keys string, width int) {
		r, w, err := os.Pipe()
		if err != nil {
			t.Skip(err)
		}
		defer r.Close()
		null, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
		if err != nil {
			t.Skip(err)
		}
		defer null.Close()
		go func() {
			w.WriteString(keys)
			w.Close()
		}()
		e := New(r, null, Options{Complete: c.Complete, Width: func() int { return width % 200 }})
		e.AppendHistory("echo one two")
		e.AppendHistory("ls -l")
		for i := 0; i < 1000; i++ {
			line, err := e.edit("p\n$ ")
			if err == io.EOF {
				return
			}
			if err == nil {
				e.AppendHistory(line)
			}
		}
	})
}
