// Package yes implements yes(1): output a string repeatedly until killed.
//
// It fills a large buffer with whole copies of the line and writes that,
// so `yes | head -c 1G` costs one write(2) per 64 KiB, not per line. When
// the reader goes away, the write fails with EPIPE and yes dies of SIGPIPE:
// the zine's pipes page shows exactly that with `yes | head`.
package yes

import (
	_ "embed"
	"strings"

	"github.com/zinebox/zinebox/pkg/applet"
	"github.com/zinebox/zinebox/pkg/getopt"
)

//go:embed yes.1
var manPage string

var Applet = applet.Applet{
	Name:    "yes",
	Summary: "output a string repeatedly until killed",
	Man:     &manPage,
	Main:    run,
}

var spec = getopt.Spec{
	Prog:    "yes",
	Usage:   []string{"[STRING]...", "OPTION"},
	Summary: "Repeatedly output a line with all specified STRING(s), or 'y'.",
}

func run(io *applet.IO, args []string) int {
	r, done, status := io.Parse(&spec, args, 1)
	if done {
		return status
	}
	line := "y\n"
	if len(r.Operands) > 0 {
		line = strings.Join(r.Operands, " ") + "\n"
	}
	n := max(1, (64<<10)/len(line))
	chunk := []byte(strings.Repeat(line, n))
	for {
		if _, err := io.Stdout.Write(chunk); err != nil {
			return io.WriteFailed(err)
		}
	}
}
