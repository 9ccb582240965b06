// Package count implements count(1), a demonstration of output buffering:
// it prints a number a second. On a terminal each number appears as it is
// printed; through a pipe (`count | cat`) they wait in the buffer and
// arrive together, and `stdbuf -oL count | cat` brings them back one by one.
package count

import (
	_ "embed"
	"strconv"
	"time"

	"github.com/zinebox/zinebox/cmds/sleep"
	"github.com/zinebox/zinebox/pkg/applet"
	"github.com/zinebox/zinebox/pkg/getopt"
)

//go:embed count.1
var manPage string

var Applet = applet.Applet{
	Name:    "count",
	Summary: "print numbers slowly, to show output buffering",
	Man:     &manPage,
	Main:    run,
}

var spec = getopt.Spec{
	Prog:    "count",
	Usage:   []string{"[-i INTERVAL] [N]"},
	Summary: "Print the numbers 1 to N (default 5), one a line, one every INTERVAL\n(default 1 second; suffixes s, m, h, d as for sleep).",
	Options: []getopt.Option{
		{Short: 'i', Long: "interval", Arg: getopt.RequiredArg, ArgName: "INTERVAL", Help: "pause INTERVAL between lines"},
	},
}

func run(io *applet.IO, args []string) int {
	r, done, status := io.Parse(&spec, args, 1)
	if done {
		return status
	}
	interval := 1.0
	if v, ok := r.Last("interval"); ok {
		secs, err := sleep.ParseInterval(v)
		if err != nil {
			io.Errorf("invalid time interval '%s'", v)
			return 1
		}
		interval = secs
	}
	n := 5
	switch len(r.Operands) {
	case 0:
	case 1:
		v, err := strconv.Atoi(r.Operands[0])
		if err != nil || v < 0 {
			io.Errorf("invalid count '%s'", r.Operands[0])
			return 1
		}
		n = v
	default:
		return io.UsageError(1, "extra operand '%s'", r.Operands[1])
	}
	for i := 1; i <= n; i++ {
		if _, err := io.Stdout.WriteString(strconv.Itoa(i) + "\n"); err != nil {
			return io.WriteFailed(err)
		}
		if i < n {
			time.Sleep(time.Duration(interval * float64(time.Second)))
		}
	}
	return 0
}
