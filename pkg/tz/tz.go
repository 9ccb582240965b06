// Package tz finds the time zone a C program would use for an environment,
// so that applets run in-process (tests, the shell) show times in the zone
// of their own TZ rather than the Go process's time.Local.
package tz

import (
	"encoding/binary"
	"strings"
	"time"

	"github.com/zinebox/zinebox/pkg/sysfile"
)

// Location returns the zone glibc's localtime(3) would use given env: TZ
// unset means /etc/localtime; TZ="" or an unknown zone means UTC; ":name"
// and "name" are looked up in the zoneinfo database; "/path" is a TZif
// file; anything else is a POSIX rule such as "UTC0" or
// "EST5EDT,M3.2.0,M11.1.0".
func Location(env []string) *time.Location {
	value, set := "", false
	for i := len(env) - 1; i >= 0; i-- {
		if v, ok := strings.CutPrefix(env[i], "TZ="); ok {
			value, set = v, true
			break
		}
	}
	if !set {
		if loc := fromFile("Local", "/etc/localtime"); loc != nil {
			return loc
		}
		return time.UTC
	}
	name := strings.TrimPrefix(value, ":")
	switch {
	case name == "":
		return time.UTC
	case strings.HasPrefix(name, "/"):
		if loc := fromFile(name, name); loc != nil {
			return loc
		}
	case !strings.Contains(name, "..") && name != "Local":
		if loc, err := time.LoadLocation(name); err == nil {
			return loc
		}
	}
	if loc, err := time.LoadLocationFromTZData(name, ruleOnly(name)); err == nil {
		return loc
	}
	return time.UTC
}

func fromFile(name, path string) *time.Location {
	data, err := sysfile.ReadFile(path)
	if err != nil {
		return nil
	}
	loc, err := time.LoadLocationFromTZData(name, data)
	if err != nil {
		return nil
	}
	return loc
}

// ruleOnly builds a TZif version 2 file with no transitions whose footer
// is the POSIX rule, which Go's time package applies to all times: the
// simplest way to make it evaluate a POSIX TZ string.
func ruleOnly(rule string) []byte {
	var b []byte
	block := func() {
		b = append(b, "TZif2"...)
		b = append(b, make([]byte, 15)...)
		for _, n := range []uint32{0, 0, 0, 0, 1, 4} { // isut, isstd, leap, time, type, char counts
			b = binary.BigEndian.AppendUint32(b, n)
		}
		b = append(b, 0, 0, 0, 0, 0, 0) // one type: UTC offset 0, not DST, name at 0
		b = append(b, "UTC\x00"...)
	}
	block() // version 1 data
	block() // version 2 data (64-bit), followed by the footer
	return append(append(append(b, '\n'), rule...), '\n')
}
