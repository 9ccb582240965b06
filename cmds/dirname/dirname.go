// Package dirname implements dirname(1): strip the last component from
// file names, leaving the directory that holds it. It works on the strings
// alone and never looks at the file system.
package dirname

import (
	_ "embed"
	"strings"

	"github.com/zinebox/zinebox/pkg/applet"
	"github.com/zinebox/zinebox/pkg/getopt"
)

//go:embed dirname.1
var manPage string

var Applet = applet.Applet{
	Name:    "dirname",
	Summary: "strip last component from file name",
	Man:     &manPage,
	Main:    run,
}

var spec = getopt.Spec{
	Prog:  "dirname",
	Usage: []string{"[OPTION] NAME..."},
	Summary: "Output each NAME with its last non-slash component and trailing slashes\n" +
		"removed; if NAME contains no /'s, output '.' (meaning the current directory).",
	Options: []getopt.Option{
		{Short: 'z', Long: "zero", Help: "end each output line with NUL, not newline"},
	},
	Footer: "Examples:\n" +
		"  dirname /usr/bin/          -> \"/usr\"\n" +
		"  dirname dir1/str dir2/str  -> \"dir1\" followed by \"dir2\"\n" +
		"  dirname stdio.h            -> \".\"",
}

func run(io *applet.IO, args []string) int {
	r, done, status := io.Parse(&spec, args, 1)
	if done {
		return status
	}
	if len(r.Operands) == 0 {
		return io.UsageError(1, "missing operand")
	}
	end := byte('\n')
	if r.Has("zero") {
		end = 0
	}
	for _, n := range r.Operands {
		io.Stdout.WriteString(Dir(n))
		io.Stdout.WriteByte(end)
	}
	return io.Finish(0)
}

// Dir returns name without its last component and the slashes around it:
// "." when nothing is left of a relative name, "/" of an absolute one.
func Dir(name string) string {
	s := strings.TrimRight(name, "/")
	i := strings.LastIndexByte(s, '/')
	if i < 0 {
		if strings.HasPrefix(name, "/") {
			return "/"
		}
		return "."
	}
	s = strings.TrimRight(s[:i], "/")
	if s == "" {
		return "/"
	}
	return s
}
