package touch

import (
	"strconv"
	"strings"
	"time"
)

// parseDate reads the -d argument. It understands the forms people type
// (GNU's parse_datetime knows many more): "@SECONDS[.FRACTION]",
// "YYYY-MM-DD", "YYYY-MM-DD HH:MM[:SS[.FRACTION]]" (or with a T), each
// with an optional zone "Z", "UTC", "GMT", "+HH", "+HHMM" or "+HH:MM";
// "HH:MM[:SS]" for today; relative items ("2 days ago", "next week",
// "yesterday"; see relative); and ""
// for the start of today.
func parseDate(s string, now time.Time, loc *time.Location) (time.Time, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	now = now.In(loc)
	switch s {
	case "":
		y, m, d := now.Date()
		return time.Date(y, m, d, 0, 0, 0, 0, loc), true
	}
	if t, ok := relative(s, now); ok {
		return t, true
	}
	if rest, ok := strings.CutPrefix(s, "@"); ok {
		sec, nsec, ok := seconds(rest)
		if !ok {
			return time.Time{}, false
		}
		return time.Unix(sec, nsec), true
	}
	y, mo, d := now.Date()
	datePart, timePart := s, ""
	if i := strings.IndexAny(s, " t"); i >= 0 {
		datePart, timePart = s[:i], strings.TrimSpace(s[i+1:])
	}
	if strings.Count(datePart, ":") > 0 { // a time alone, today
		datePart, timePart = "", s
	} else {
		f := strings.Split(datePart, "-")
		if len(f) != 3 {
			return time.Time{}, false
		}
		var ok1, ok2, ok3 bool
		var mm, dd int
		y, ok1 = atoi(f[0])
		mm, ok2 = atoi(f[1])
		dd, ok3 = atoi(f[2])
		if !ok1 || !ok2 || !ok3 || mm < 1 || mm > 12 || dd < 1 || dd > daysIn(y, mm) {
			return time.Time{}, false
		}
		mo, d = time.Month(mm), dd
	}
	hh, mi, ss, ns := 0, 0, 0, 0
	zone := loc
	if timePart != "" {
		clock, z := splitZone(timePart)
		if z != "" {
			var ok bool
			if zone, ok = parseZone(z); !ok {
				return time.Time{}, false
			}
		}
		f := strings.Split(clock, ":")
		if len(f) < 2 || len(f) > 3 {
			return time.Time{}, false
		}
		var ok1, ok2 bool
		hh, ok1 = atoi(f[0])
		mi, ok2 = atoi(f[1])
		if !ok1 || !ok2 || hh > 23 || mi > 59 {
			return time.Time{}, false
		}
		if len(f) == 3 {
			sec, frac, _ := strings.Cut(f[2], ".")
			var ok bool
			if ss, ok = atoi(sec); !ok || ss > 60 {
				return time.Time{}, false
			}
			if frac != "" {
				n, ok := fraction(frac)
				if !ok {
					return time.Time{}, false
				}
				ns = n
			}
		}
	} else if datePart == "" {
		return time.Time{}, false
	}
	return time.Date(y, mo, d, hh, mi, ss, ns, zone), true
}

// relative reads a string made only of relative items, as GNU date
// understands them: "now", "today", "yesterday", "tomorrow", and
// "[+-]N UNIT", "last UNIT", "next UNIT", "this UNIT" or a bare "UNIT",
// each optionally followed by "ago" (which reverses that item only), where
// UNIT is year, month, fortnight, week, day, hour, minute (min), second
// (sec), singular or plural.
func relative(s string, now time.Time) (time.Time, bool) {
	words := strings.Fields(s)
	if len(words) == 0 {
		return time.Time{}, false
	}
	var years, months, days int
	var secs int64
	for i := 0; i < len(words); i++ {
		n, w := 1, words[i]
		switch w {
		case "now", "today":
			continue
		case "yesterday":
			days--
			continue
		case "tomorrow":
			days++
			continue
		case "last":
			n = -1
		case "next":
			n = 1
		case "this":
			n = 0
		default:
			if v, err := strconv.Atoi(w); err == nil {
				n = v
			} else {
				i-- // a bare unit
			}
		}
		i++
		if i >= len(words) {
			return time.Time{}, false
		}
		unit := strings.TrimSuffix(words[i], "s")
		if i+1 < len(words) && words[i+1] == "ago" {
			n = -n
			i++
		}
		switch unit {
		case "year":
			years += n
		case "month":
			months += n
		case "fortnight":
			days += 14 * n
		case "week":
			days += 7 * n
		case "day":
			days += n
		case "hour":
			secs += 3600 * int64(n)
		case "minute", "min":
			secs += 60 * int64(n)
		case "second", "sec":
			secs += int64(n)
		default:
			return time.Time{}, false
		}
	}
	return now.AddDate(years, months, days).Add(time.Duration(secs) * time.Second), true
}

// splitZone separates a trailing zone from a clock time.
func splitZone(s string) (clock, zone string) {
	s = strings.TrimSpace(s)
	if i := strings.LastIndexAny(s, "+-"); i > 0 {
		return strings.TrimSpace(s[:i]), s[i:]
	}
	for _, z := range []string{"utc", "gmt", "z"} {
		if c, ok := strings.CutSuffix(s, z); ok {
			return strings.TrimSpace(c), "z"
		}
	}
	return s, ""
}

func parseZone(z string) (*time.Location, bool) {
	if z == "z" {
		return time.UTC, true
	}
	sign := 1
	if z[0] == '-' {
		sign = -1
	}
	digits := strings.ReplaceAll(z[1:], ":", "")
	var h, m int
	var ok bool
	switch len(digits) {
	case 1, 2:
		h, ok = atoi(digits)
	case 4:
		var ok2 bool
		h, ok = atoi(digits[:2])
		m, ok2 = atoi(digits[2:])
		ok = ok && ok2
	}
	if !ok || h > 24 || m > 59 {
		return nil, false
	}
	return time.FixedZone("", sign*(h*3600+m*60)), true
}

// seconds parses "[-]N[.FRACTION]".
func seconds(s string) (int64, int64, bool) {
	whole, frac, _ := strings.Cut(s, ".")
	sec, err := strconv.ParseInt(whole, 10, 64)
	if err != nil {
		return 0, 0, false
	}
	ns := 0
	if frac != "" {
		n, ok := fraction(frac)
		if !ok {
			return 0, 0, false
		}
		ns = n
	}
	if strings.HasPrefix(whole, "-") && ns > 0 {
		return sec - 1, int64(1e9 - ns), true
	}
	return sec, int64(ns), true
}

// fraction turns the digits after a decimal point into nanoseconds,
// truncating beyond nine digits as GNU does.
func fraction(s string) (int, bool) {
	ns := 0
	for i := range 9 {
		ns *= 10
		if i < len(s) {
			if s[i] < '0' || s[i] > '9' {
				return 0, false
			}
			ns += int(s[i] - '0')
		}
	}
	for i := 9; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
	}
	return ns, true
}

func atoi(s string) (int, bool) {
	if s == "" || len(s) > 9 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, true
}

func daysIn(y, m int) int {
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// parseStamp reads the -t argument [[CC]YY]MMDDhhmm[.ss] in loc.
func parseStamp(s string, now time.Time, loc *time.Location) (time.Time, bool) {
	main, secs, hasSecs := strings.Cut(s, ".")
	ss := 0
	if hasSecs {
		var ok bool
		if ss, ok = atoi(secs); !ok || len(secs) != 2 || ss > 60 {
			return time.Time{}, false
		}
	}
	for i := 0; i < len(main); i++ {
		if main[i] < '0' || main[i] > '9' {
			return time.Time{}, false
		}
	}
	y := now.In(loc).Year()
	switch len(main) {
	case 8:
	case 10:
		yy, _ := atoi(main[:2])
		if yy < 69 {
			y = 2000 + yy
		} else {
			y = 1900 + yy
		}
		main = main[2:]
	case 12:
		y, _ = atoi(main[:4])
		main = main[4:]
	default:
		return time.Time{}, false
	}
	mo, _ := atoi(main[0:2])
	d, _ := atoi(main[2:4])
	h, _ := atoi(main[4:6])
	mi, _ := atoi(main[6:8])
	if mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) || h > 23 || mi > 59 {
		return time.Time{}, false
	}
	return time.Date(y, time.Month(mo), d, h, mi, ss, 0, loc), true
}
