package touch

import (
	"strconv"
	"strings"
	"time"

	"github.com/zinebox/zinebox/pkg/tz"
)

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
func parseStamp(s string, now time.Time, zone *tz.Zone, mk *mktimer) (time.Time, bool) {
	loc := zone.Loc
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
	y := zone.Time(now.Unix(), 0).Year()
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
	leap := ss == 60 // a leap second is the next minute's first
	if leap {
		ss = 59
	}
	t := mk.mktime(y, time.Month(mo), d, h, mi, ss, 0, loc, -1)
	if t.Hour() != h || t.Minute() != mi || t.Day() != d {
		return time.Time{}, false // skipped when DST began
	}
	sec := zone.Unix(t)
	if leap {
		sec++ // the leap second itself in a right/ zone, else the next minute
	}
	return time.Unix(sec, 0), true
}
