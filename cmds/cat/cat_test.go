package cat

import (
	"testing"

	"github.com/zinebox/zinebox/pkg/applet/applettest"
)

// TestLikeGNU runs one table through our cat and GNU cat.
func TestLikeGNU(t *testing.T) {
	dir := applettest.Fixtures(t)
	all := []string{"lines", "noeol", "blanks", "ctrl", "utf8", "crlf", "empty", "words", "nul"}
	var cases []applettest.Case
	for _, flags := range [][]string{nil, {"-n"}, {"-b"}, {"-s"}, {"-A"}, {"-E"}, {"-T"}, {"-v"}, {"-e"}, {"-t"}, {"-u"}, {"-nbs"}, {"-sn"}, {"--number", "--show-ends"}} {
		args := append(append([]string{}, flags...), all...)
		cases = append(cases, applettest.Case{Name: "all" + join(flags), Args: args})
	}
	cases = append(cases,
		applettest.Case{Name: "stdin", Stdin: "from\nstdin\n"},
		applettest.Case{Name: "dash twice", Args: []string{"-n", "lines", "-", "noeol", "-"}, Stdin: "in\n"},
		applettest.Case{Name: "missing", Args: []string{"lines", "nope", "noeol"}},
		applettest.Case{Name: "directory", Args: []string{"sub", "lines"}},
		applettest.Case{Name: "bad option", Args: []string{"-z"}},
		applettest.Case{Name: "bad long option", Args: []string{"--nope"}},
		// GNU lists the candidates of an ambiguous option in the order of
		// its internal table, we in the order of --help: only the
		// unambiguous prefix is compared.
		applettest.Case{Name: "prefix", Args: []string{"--show-e", "lines"}},
		applettest.Case{Name: "option after operand", Args: []string{"lines", "-n"}},
		applettest.Case{Name: "double dash", Args: []string{"--", "-n"}},
		applettest.Case{Name: "long line numbered", Args: []string{"-n", "long"}},
		applettest.Case{Name: "noeol joins next file", Args: []string{"-n", "noeol", "noeol", "lines"}},
		applettest.Case{Name: "posixly correct stops at operand", Args: []string{"lines", "-n"}, Env: []string{"POSIXLY_CORRECT=1"}},
	)
	applettest.Compare(t, &Applet, "cat", dir, cases)
}

func join(flags []string) string {
	s := ""
	for _, f := range flags {
		s += " " + f
	}
	return s
}
