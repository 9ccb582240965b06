package ls

import (
	"github.com/zinebox/zinebox/pkg/tz"
	"strconv"
	"strings"
	"time"

	"github.com/zinebox/zinebox/pkg/applet"
)

// location returns the time zone of the listing: the one glibc would use
// for the applet's TZ (see package tz).
func location(o *applet.IO) *tz.Zone {
	return tz.Load(o.Env)
}

var (
	shortMonths = [...]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}
	longMonths  = [...]string{"January", "February", "March", "April", "May", "June", "July",
		"August", "September", "October", "November", "December"}
	shortDays = [...]string{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"}
	longDays  = [...]string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}
)

// strftime appends t formatted like C strftime in the C locale, with GNU's
// extensions that ls's --time-style accepts: %N (nanoseconds), the flags
// - _ 0 ^ # and a field width.
//
// t is the broken-down time; epoch is the time_t it came from (%s), which
// differs from t.Unix() by the leap seconds of a right/ zone.
func strftime(dst []byte, format string, t time.Time, epoch, nsec int64) []byte {
	for i := 0; i < len(format); i++ {
		ch := format[i]
		if ch != '%' || i+1 == len(format) {
			dst = append(dst, ch)
			continue
		}
		start := i
		i++
		var pad byte // 0: default, '-', '_', '0'
		upper := false
		for ; i < len(format); i++ {
			switch format[i] {
			case '-', '_', '0':
				pad = format[i]
				continue
			case '^', '#':
				upper = true
				continue
			}
			break
		}
		width := -1
		for i < len(format) && format[i] >= '0' && format[i] <= '9' {
			if width < 0 {
				width = 0
			}
			width = width*10 + int(format[i]-'0')
			i++
		}
		for i < len(format) && (format[i] == 'E' || format[i] == 'O') {
			i++
		}
		if i >= len(format) {
			dst = append(dst, format[start:]...)
			break
		}
		num := func(v int, digits int, defPad byte) {
			p := defPad
			if pad != 0 {
				p = pad
			}
			w := digits
			if width >= 0 {
				w = width
			}
			s := strconv.Itoa(v)
			neg := false
			if v < 0 {
				neg, s = true, s[1:]
			}
			if neg {
				dst = append(dst, '-')
				w--
			}
			if p != '-' {
				for k := len(s); k < w; k++ {
					if p == '_' {
						dst = append(dst, ' ')
					} else {
						dst = append(dst, '0')
					}
				}
			}
			dst = append(dst, s...)
		}
		str := func(s string) {
			if upper {
				s = strings.ToUpper(s)
			}
			for k := len(s); k < width; k++ {
				if pad == '0' {
					dst = append(dst, '0')
				} else {
					dst = append(dst, ' ')
				}
			}
			dst = append(dst, s...)
		}
		year, month, day := t.Date()
		hour, min, sec := t.Clock()
		switch format[i] {
		case '%':
			str("%")
		case 'a':
			str(shortDays[t.Weekday()])
		case 'A':
			str(longDays[t.Weekday()])
		case 'b', 'h':
			str(shortMonths[month-1])
		case 'B':
			str(longMonths[month-1])
		case 'c':
			str(string(strftime(nil, "%a %b %e %H:%M:%S %Y", t, epoch, nsec)))
		case 'C':
			num(year/100, 2, '0')
		case 'd':
			num(day, 2, '0')
		case 'D':
			str(string(strftime(nil, "%m/%d/%y", t, epoch, nsec)))
		case 'e':
			num(day, 2, '_')
		case 'F':
			str(string(strftime(nil, "%Y-%m-%d", t, epoch, nsec)))
		case 'g':
			y, _ := t.ISOWeek()
			num(y%100, 2, '0')
		case 'G':
			y, _ := t.ISOWeek()
			num(y, 1, '0')
		case 'H':
			num(hour, 2, '0')
		case 'I':
			num((hour+11)%12+1, 2, '0')
		case 'j':
			num(t.YearDay(), 3, '0')
		case 'k':
			num(hour, 2, '_')
		case 'l':
			num((hour+11)%12+1, 2, '_')
		case 'm':
			num(int(month), 2, '0')
		case 'M':
			num(min, 2, '0')
		case 'n':
			dst = append(dst, '\n')
		case 'N':
			digits := 9
			if width > 0 {
				digits = width
			}
			s := strconv.FormatInt(nsec+1e9, 10)[1:]
			for len(s) < digits {
				s += "0"
			}
			dst = append(dst, s[:digits]...)
		case 'p':
			if hour < 12 {
				str("AM")
			} else {
				str("PM")
			}
		case 'P':
			if hour < 12 {
				str("am")
			} else {
				str("pm")
			}
		case 'r':
			str(string(strftime(nil, "%I:%M:%S %p", t, epoch, nsec)))
		case 'R':
			str(string(strftime(nil, "%H:%M", t, epoch, nsec)))
		case 's':
			num(int(epoch), 1, '0')
		case 'S':
			num(sec, 2, '0')
		case 't':
			dst = append(dst, '\t')
		case 'T':
			str(string(strftime(nil, "%H:%M:%S", t, epoch, nsec)))
		case 'u':
			num((int(t.Weekday())+6)%7+1, 1, '0')
		case 'U':
			num((t.YearDay()+6-int(t.Weekday()))/7, 2, '0')
		case 'V':
			_, w := t.ISOWeek()
			num(w, 2, '0')
		case 'w':
			num(int(t.Weekday()), 1, '0')
		case 'W':
			num((t.YearDay()+6-(int(t.Weekday())+6)%7)/7, 2, '0')
		case 'x':
			str(string(strftime(nil, "%m/%d/%y", t, epoch, nsec)))
		case 'X':
			str(string(strftime(nil, "%H:%M:%S", t, epoch, nsec)))
		case 'y':
			num(year%100, 2, '0')
		case 'Y':
			num(year, 1, '0')
		case 'z':
			_, off := t.Zone()
			sign := byte('+')
			if off < 0 {
				sign, off = '-', -off
			}
			dst = append(dst, sign)
			num(off/3600*100+off%3600/60, 4, '0')
		case 'Z':
			name, _ := t.Zone()
			str(name)
		default:
			dst = append(dst, format[start:i+1]...)
		}
	}
	return dst
}
