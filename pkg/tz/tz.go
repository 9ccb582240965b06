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

// Location returns the zone glibc's localtime(3) would use given env (see
// Load).
func Location(env []string) *time.Location {
	return Load(env).Loc
}

// Zone is a time zone as glibc applies it: a Location, and the leap
// seconds of the "right/" zones, which Go's time package ignores.
type Zone struct {
	Loc   *time.Location
	leaps []leap
}

// A leap is a TZif leap-second record: from the time_t at on, localtime
// takes corr seconds off.
type leap struct {
	at, corr int64
}

// Load returns the zone glibc's localtime(3) would use given env: TZ unset
// means /etc/localtime; TZ="" means UTC; ":name" and "name" are looked up
// in the zoneinfo database ($TZDIR or /usr/share/zoneinfo); "/path" is a
// TZif file; anything else is a POSIX rule such as "UTC0" or
// "EST5EDT,M3.2.0,M11.1.0", of which glibc keeps what it can read: "Foo"
// or "Foo/Bar" is UTC called Foo, and a string that does not start with
// a name of three letters is UTC with no name.
func Load(env []string) *Zone {
	value, set := "", false
	tzdir := "/usr/share/zoneinfo"
	for i := len(env) - 1; i >= 0; i-- {
		if v, ok := strings.CutPrefix(env[i], "TZ="); ok && !set {
			value, set = v, true
		}
		if v, ok := strings.CutPrefix(env[i], "TZDIR="); ok && tzdir == "/usr/share/zoneinfo" && v != "" {
			tzdir = v
		}
	}
	if !set {
		if z := fromFile("Local", "/etc/localtime"); z != nil {
			return z
		}
		return &Zone{Loc: time.UTC}
	}
	name := strings.TrimPrefix(value, ":")
	switch {
	case name == "":
		return &Zone{Loc: time.UTC}
	case strings.HasPrefix(name, "/"):
		if z := fromFile(name, name); z != nil {
			return z
		}
	case !strings.Contains(name, "..") && name != "Local":
		if z := fromFile(name, tzdir+"/"+name); z != nil {
			return z
		}
		if loc, err := time.LoadLocation(name); err == nil {
			return &Zone{Loc: loc}
		}
	}
	return &Zone{Loc: rule(name)}
}

// Time returns the instant sec.nsec in the zone, as localtime(3) breaks it
// down: in a right/ zone, less the leap seconds inserted before it (a
// time_t there counts them). The instant of a leap second itself shows
// as the second before it, where glibc would say :60.
func (z *Zone) Time(sec, nsec int64) time.Time {
	for i := len(z.leaps) - 1; i >= 0; i-- {
		if sec >= z.leaps[i].at {
			sec -= z.leaps[i].corr
			break
		}
	}
	return time.Unix(sec, nsec).In(z.Loc)
}

// Unix is the inverse of Time, as mktime(3) is of localtime(3): the
// time_t (seconds) whose broken-down time in the zone is t's.
func (z *Zone) Unix(t time.Time) int64 {
	sec := t.Unix()
	for i := len(z.leaps) - 1; i >= 0; i-- {
		// at is the leap second itself, which no broken-down time but
		// one with second 60 names: the second before it is taken.
		if sec+z.leaps[i].corr > z.leaps[i].at {
			return sec + z.leaps[i].corr
		}
	}
	return sec
}

func fromFile(name, path string) *Zone {
	data, err := sysfile.ReadFile(path)
	if err != nil {
		return nil
	}
	loc, err := time.LoadLocationFromTZData(name, data)
	if err != nil {
		return nil
	}
	return &Zone{Loc: loc, leaps: leaps(data)}
}

// leaps reads the leap-second records of TZif data: the 64-bit ones of
// version 2 and later files, which glibc prefers, else the 32-bit ones.
func leaps(data []byte) []leap {
	counts := func(b []byte) (isut, isstd, leapcnt, timecnt, typecnt, charcnt int, ok bool) {
		if len(b) < 44 || string(b[:4]) != "TZif" {
			return 0, 0, 0, 0, 0, 0, false
		}
		var n [6]int
		for i := range n {
			n[i] = int(binary.BigEndian.Uint32(b[20+4*i:]))
		}
		return n[0], n[1], n[2], n[3], n[4], n[5], true
	}
	isut, isstd, leapcnt, timecnt, typecnt, charcnt, ok := counts(data)
	if !ok {
		return nil
	}
	timeSize := 4
	block := data[44:]
	if data[4] >= '2' {
		skip := timecnt*5 + typecnt*6 + charcnt + leapcnt*8 + isstd + isut
		if len(block) < skip {
			return nil
		}
		if isut, isstd, leapcnt, timecnt, typecnt, charcnt, ok = counts(block[skip:]); !ok {
			return nil
		}
		block, timeSize = block[skip+44:], 8
	}
	_, _ = isut, isstd
	off := timecnt*(timeSize+1) + typecnt*6 + charcnt
	if leapcnt == 0 || len(block) < off+leapcnt*(timeSize+4) {
		return nil
	}
	out := make([]leap, leapcnt)
	for i := range out {
		r := block[off+i*(timeSize+4):]
		if timeSize == 8 {
			out[i].at = int64(binary.BigEndian.Uint64(r))
		} else {
			out[i].at = int64(int32(binary.BigEndian.Uint32(r)))
		}
		out[i].corr = int64(int32(binary.BigEndian.Uint32(r[timeSize:])))
	}
	return out
}

// rule evaluates a POSIX TZ string as glibc's tzset does. A whole rule
// goes to Go's time package (a TZif file of no transitions whose footer is
// the rule); a string glibc only partly reads gives the zone of the part
// it read: the standard name (three letters or more, or <quoted>), then
// its offset from UTC (hours at most 24, minutes and seconds at most 59).
func rule(s string) *time.Location {
	name, rest, ok := ruleName(s)
	if !ok {
		return time.FixedZone("", 0)
	}
	off, rest, ok := ruleOffset(rest)
	if !ok {
		return time.FixedZone(name, 0)
	}
	if rest == "" {
		return time.FixedZone(name, off)
	}
	if loc, err := time.LoadLocationFromTZData(name, ruleOnly(s)); err == nil {
		return loc
	}
	return time.FixedZone(name, off)
}

// ruleName reads a zone name: letters, at least three, or <anything>.
func ruleName(s string) (name, rest string, ok bool) {
	if strings.HasPrefix(s, "<") {
		i := strings.IndexByte(s, '>')
		if i < 0 || i < 4 {
			return "", s, false
		}
		return s[1:i], s[i+1:], true
	}
	i := 0
	for i < len(s) && (s[i]|0x20 >= 'a' && s[i]|0x20 <= 'z') {
		i++
	}
	if i < 3 {
		return "", s, false
	}
	return s[:i], s[i:], true
}

// ruleOffset reads [+-]hh[:mm[:ss]], which POSIX counts west of UTC,
// and returns seconds east, clamped like glibc's compute_offset.
func ruleOffset(s string) (east int, rest string, ok bool) {
	sign := -1
	if s != "" && (s[0] == '+' || s[0] == '-') {
		if s[0] == '-' {
			sign = 1
		}
		s = s[1:]
	}
	var parts [3]int
	limits := [3]int{24, 59, 59}
	n := 0
	for n < 3 {
		i := 0
		v := 0
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			if v < 1000 {
				v = v*10 + int(s[i]-'0')
			}
			i++
		}
		if i == 0 {
			break
		}
		parts[n] = min(v, limits[n])
		n++
		s = s[i:]
		if n < 3 && len(s) > 1 && s[0] == ':' && s[1] >= '0' && s[1] <= '9' {
			s = s[1:]
			continue
		}
		break
	}
	if n == 0 {
		return 0, s, false
	}
	return sign * (parts[0]*3600 + parts[1]*60 + parts[2]), s, true
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
