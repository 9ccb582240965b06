package wc

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/zinebox/zinebox/pkg/applet/applettest"
)

func TestLikeGNU(t *testing.T) {
	dir := applettest.Fixtures(t)
	all := []string{"lines", "noeol", "blanks", "ctrl", "utf8", "crlf", "long", "empty", "words", "nul"}
	var cases []applettest.Case
	for _, flags := range [][]string{nil, {"-l"}, {"-w"}, {"-c"}, {"-m"}, {"-L"}, {"-lwcmL"}, {"-cl"}} {
		for _, locale := range []string{"C", "C.UTF-8"} {
			name := locale
			for _, f := range flags {
				name += " " + f
			}
			env := []string{"LC_ALL=" + locale}
			cases = append(cases,
				applettest.Case{Name: name + " all", Args: append(append([]string{}, flags...), all...), Env: env},
				applettest.Case{Name: name + " one", Args: append(append([]string{}, flags...), "ctrl"), Env: env},
			)
			for _, f := range all {
				cases = append(cases, applettest.Case{Name: name + " " + f, Args: append(append([]string{}, flags...), f), Env: env})
			}
		}
	}
	cases = append(cases,
		applettest.Case{Name: "stdin", Stdin: "a b\nc\n"},
		applettest.Case{Name: "stdin -l", Args: []string{"-l"}, Stdin: "a b\nc\n"},
		applettest.Case{Name: "stdin dash and file", Args: []string{"-", "lines"}, Stdin: "a b\nc\n"},
		applettest.Case{Name: "missing", Args: []string{"nope", "lines"}},
		applettest.Case{Name: "missing first", Args: []string{"-l", "nope", "lines"}},
		applettest.Case{Name: "directory", Args: []string{"sub", "lines"}},
		applettest.Case{Name: "bad option", Args: []string{"-x"}},
		// an empty --files0-from list names no file: stdin is not read
		applettest.Case{Name: "empty files0 list", Args: []string{"--files0-from=/dev/null"}, Stdin: "a b\nc\n"},
		// from a pipe, GNU wc reads the list a name at a time and cannot
		// size the columns first; from a regular file it can
		applettest.Case{Name: "files0 list from a pipe", Args: []string{"--files0-from=-"}, Stdin: "lines\x00noeol\x00"},
		applettest.Case{Name: "files0 list from a file", Args: []string{"--files0-from=list0"}},
	)
	if err := os.WriteFile(filepath.Join(dir, "list0"), []byte("lines\x00noeol\x00"), 0o644); err != nil {
		t.Fatal(err)
	}
	applettest.Compare(t, &Applet, "wc", dir, cases)
}
