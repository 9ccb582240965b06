package wc

import (
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
	)
	applettest.Compare(t, &Applet, "wc", dir, cases)
}
