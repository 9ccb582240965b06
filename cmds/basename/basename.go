// Package basename implements basename(1): strip the directories (and
// optionally a suffix) from file names. It works on the strings alone and
// never looks at the file system.
package basename

import (
	_ "embed"
	"strings"

	"github.com/zinebox/zinebox/pkg/applet"
	"github.com/zinebox/zinebox/pkg/getopt"
	"github.com/zinebox/zinebox/pkg/quote"
)

//go:embed basename.1
var manPage string

var Applet = applet.Applet{
	Name:    "basename",
	Summary: "strip directory and suffix from filenames",
	Man:     &manPage,
	Main:    run,
}

var spec = getopt.Spec{
	Prog:  "basename",
	Usage: []string{"NAME [SUFFIX]", "OPTION... NAME..."},
	Summary: "Print NAME with any leading directory components removed.\n" +
		"If specified, also remove a trailing SUFFIX.",
	Options: []getopt.Option{
		{Short: 'a', Long: "multiple", Help: "support multiple arguments and treat each as a NAME"},
		{Short: 's', Long: "suffix", Arg: getopt.RequiredArg, ArgName: "SUFFIX", Help: "remove a trailing SUFFIX; implies -a"},
		{Short: 'z', Long: "zero", Help: "end each output line with NUL, not newline"},
	},
	Footer: "Examples:\n" +
		"  basename /usr/bin/sort          -> \"sort\"\n" +
		"  basename include/stdio.h .h     -> \"stdio\"\n" +
		"  basename -s .h include/stdio.h  -> \"stdio\"\n" +
		"  basename -a any/str1 any/str2   -> \"str1\" followed by \"str2\"",
}

func run(io *applet.IO, args []string) int {
	r, done, status := io.Parse(&spec, args, 1)
	if done {
		return status
	}
	q := quote.ForEnv(io.Env)
	multiple := r.Has("multiple")
	suffix, hasSuffix := r.Last("suffix")
	if hasSuffix {
		multiple = true
	}
	end := byte('\n')
	if r.Has("zero") {
		end = 0
	}
	names := r.Operands
	if len(names) == 0 {
		return io.UsageError(1, "missing operand")
	}
	if !multiple {
		if len(names) > 2 {
			return io.UsageError(1, "extra operand %s", q.Locale(names[2]))
		}
		if len(names) == 2 {
			suffix, names = names[1], names[:1]
		}
	}
	for _, n := range names {
		io.Stdout.WriteString(Base(n, suffix))
		io.Stdout.WriteByte(end)
	}
	return io.Finish(0)
}

// Base returns the last component of name, without trailing slashes and
// without suffix unless that is all there is. "/" and "//" give "/".
func Base(name, suffix string) string {
	trimmed := strings.TrimRight(name, "/")
	if trimmed == "" {
		if name == "" {
			return ""
		}
		return "/"
	}
	base := trimmed[strings.LastIndexByte(trimmed, '/')+1:]
	if suffix != "" && base != suffix && strings.HasSuffix(base, suffix) {
		base = base[:len(base)-len(suffix)]
	}
	return base
}
