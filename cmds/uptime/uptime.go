// Package uptime implements uptime(1): tell how long the system has been
// running, from /proc/uptime, with the number of logged-in users (from the
// utmp file) and the load averages (from /proc/loadavg).
//
// procps-ng 4's wording: " 11:52:26 up 19 min,  0 user,  load average: ...",
// -p "up 2 hours, 5 minutes", -s "2026-11-27 11:33:00".
package uptime

import (
	_ "embed"
	"encoding/binary"
	"fmt"
	"os"
	"time"

	"github.com/zinebox/zinebox/pkg/applet"
	"github.com/zinebox/zinebox/pkg/getopt"
	"github.com/zinebox/zinebox/pkg/proc"
)

//go:embed uptime.1
var manPage string

var Applet = applet.Applet{
	Name:    "uptime",
	Summary: "tell how long the system has been running",
	Man:     &manPage,
	Main:    run,
}

var spec = getopt.Spec{
	Prog:  "uptime",
	Usage: []string{"[options]"},
	Options: []getopt.Option{
		{Short: 'p', Long: "pretty", Help: "show uptime in pretty format"},
		{Short: 's', Long: "since", Help: "system up since"},
	},
}

func run(io *applet.IO, args []string) int {
	r, done, st := io.Parse(&spec, args, 1)
	if done {
		return st
	}
	if len(r.Operands) > 0 {
		io.Errorf("extra operand '%s'", r.Operands[0])
		return 1
	}
	up, _, err := proc.Uptime()
	if err != nil {
		io.Errorf("cannot get system uptime: %s", err)
		return 1
	}
	now := time.Now()
	switch {
	case r.Has("since"):
		// As procps 4.0.2 (Debian 12) computes it: the difference of the
		// two as real numbers, rounded to the nearest second.
		boot := time.Unix(int64(float64(now.UnixMicro())/1e6-up+0.5), 0)
		io.Stdout.WriteString(boot.Format("2006-01-02 15:04:05") + "\n")
	case r.Has("pretty"):
		io.Stdout.WriteString(pretty(up) + "\n")
	default:
		load, _ := proc.LoadAvg()
		io.Stdout.WriteString(Line(now, up, countUsers(), load) + "\n")
	}
	return 0
}

// Line is uptime's (and w's, and top's) first line.
func Line(now time.Time, up float64, users int, load [3]float64) string {
	s := fmt.Sprintf(" %02d:%02d:%02d up ", now.Hour(), now.Minute(), now.Second())
	secs := int(up)
	days, hours, mins := secs/86400, secs/3600%24, secs/60%60
	if days > 0 {
		unit := "day"
		if days > 1 {
			unit = "days"
		}
		s += fmt.Sprintf("%d %s, ", days, unit)
	}
	if hours > 0 {
		s += fmt.Sprintf("%2d:%02d, ", hours, mins)
	} else {
		s += fmt.Sprintf("%d min, ", mins)
	}
	unit := "user"
	if users > 1 {
		unit = "users"
	}
	return s + fmt.Sprintf("%2d %s,  load average: %.2f, %.2f, %.2f", users, unit, load[0], load[1], load[2])
}

// pretty is -p: "up 1 week, 2 days, 3 hours, 4 minutes", largest units
// first, as procps counts them (years of 365 days, decades of ten).
func pretty(up float64) string {
	secs := up
	take := func(unit float64) int {
		if secs > unit {
			n := int(secs / unit)
			secs -= float64(n) * unit
			return n
		}
		return 0
	}
	const minute, hour, day = 60.0, 3600.0, 86400.0
	parts := []struct {
		n          int
		one, other string
	}{
		{take(day * 365 * 10), "decade", "decades"},
		{take(day * 365), "year", "years"},
		{take(day * 7), "week", "weeks"},
		{take(day), "day", "days"},
		{take(hour), "hour", "hours"},
	}
	s := "up "
	comma := false
	for _, p := range parts {
		if p.n == 0 {
			continue
		}
		if comma {
			s += ", "
		}
		unit := p.one
		if p.n > 1 {
			unit = p.other
		}
		s += fmt.Sprintf("%d %s", p.n, unit)
		comma = true
	}
	mins := take(minute)
	if mins > 0 || secs < 60 {
		if comma {
			s += ", "
		}
		unit := "minutes"
		if mins == 1 {
			unit = "minute"
		}
		s += fmt.Sprintf("%d %s", mins, unit)
	}
	return s
}

// countUsers counts USER_PROCESS records in the utmp file: struct utmp is
// 384 bytes on Linux, ut_type a 16-bit number at its start.
func countUsers() int {
	b, err := os.ReadFile("/run/utmp")
	if err != nil {
		b, err = os.ReadFile("/var/run/utmp")
		if err != nil {
			return 0
		}
	}
	const recSize, userProcess = 384, 7
	n := 0
	for off := 0; off+recSize <= len(b); off += recSize {
		if binary.LittleEndian.Uint16(b[off:]) == userProcess && b[off+44] != 0 {
			n++
		}
	}
	return n
}
