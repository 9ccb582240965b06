// Package sleep implements sleep(1): pause for a time given as one or more
// numbers with optional suffixes s, m, h or d, which are summed.
package sleep

import (
	_ "embed"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/zinebox/zinebox/pkg/applet"
	"github.com/zinebox/zinebox/pkg/getopt"
)

//go:embed sleep.1
var manPage string

var Applet = applet.Applet{
	Name:    "sleep",
	Summary: "delay for a specified amount of time",
	Man:     &manPage,
	Main:    run,
}

var spec = getopt.Spec{
	Prog:  "sleep",
	Usage: []string{"NUMBER[SUFFIX]...", "OPTION"},
	Summary: `Pause for NUMBER seconds.  SUFFIX may be 's' for seconds (the default),
'm' for minutes, 'h' for hours or 'd' for days.  NUMBER need not be an
integer.  Given two or more arguments, pause for the amount of time
specified by the sum of their values.`,
}

func run(io *applet.IO, args []string) int {
	r, done, status := io.Parse(&spec, args, 1)
	if done {
		return status
	}
	if len(r.Operands) == 0 {
		return io.UsageError(1, "missing operand")
	}
	total, ok := 0.0, true
	for _, a := range r.Operands {
		secs, err := ParseInterval(a)
		if err != nil {
			io.Errorf("invalid time interval '%s'", a)
			ok = false
			continue
		}
		total += secs
	}
	if !ok {
		return io.TryHelp(1)
	}
	io.Stdout.Flush()
	Sleep(total)
	return 0
}

// Sleep pauses for secs seconds; an infinite or huge value sleeps
// forever, in chunks, as nanosleep(2) cannot take it at once.
func Sleep(secs float64) {
	const chunk = 24 * time.Hour
	for secs > 0 {
		d := chunk
		if secs < chunk.Seconds() {
			d = time.Duration(secs * float64(time.Second))
			if d == 0 {
				d = 1 // a positive interval sleeps at least a nanosecond
			}
		}
		time.Sleep(d)
		if !math.IsInf(secs, 1) {
			secs -= d.Seconds()
		}
	}
}

// ParseInterval parses NUMBER[SUFFIX] as GNU sleep does: a non-negative
// decimal or hexadecimal floating-point number (also "inf", "infinity"),
// then at most one of s, m, h, d. Leading white space is allowed, as
// strtod(3) allows it.
func ParseInterval(s string) (float64, error) {
	s = strings.TrimLeft(s, " \t\n\v\f\r")
	mult := 1.0
	num := s
	if n := len(s); n > 0 {
		switch s[n-1] {
		case 's':
			num = s[:n-1]
		case 'm':
			num, mult = s[:n-1], 60
		case 'h':
			num, mult = s[:n-1], 60*60
		case 'd':
			num, mult = s[:n-1], 24*60*60
		}
	}
	if num == "" || strings.ContainsAny(num, " \t\n\v\f\r_") {
		return 0, strconv.ErrSyntax
	}
	unsigned := strings.ToLower(strings.TrimLeft(num, "+-"))
	if unsigned == "nan" {
		return 0, strconv.ErrSyntax
	}
	if strings.HasPrefix(unsigned, "0x") && !strings.Contains(unsigned, "p") {
		num += "p0" // strtod takes hex without an exponent, ParseFloat does not
	}
	// A minus sign is refused by the value, not the syntax: "-0" and
	// "-1e-400" (which underflows to -0) are zero for GNU too.
	v, err := strconv.ParseFloat(num, 64)
	if err != nil && !isRangeErr(err) {
		return 0, err
	}
	if v < 0 || math.IsNaN(v) {
		return 0, strconv.ErrSyntax
	}
	return v * mult, nil
}

func isRangeErr(err error) bool {
	ne, ok := err.(*strconv.NumError)
	return ok && ne.Err == strconv.ErrRange
}
