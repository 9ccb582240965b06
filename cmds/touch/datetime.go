package touch

import (
	"strings"
	"time"

	"github.com/zinebox/zinebox/pkg/tz"
)

// parseDate reads a -d argument the way GNU's parse_datetime does, relative
// to now (the current time, or the -r file's time): a string of items in
// any order, case-insensitive, separated by blanks, where "(comments)" are
// ignored:
//
//   - a calendar date: 2010-01-02, 1/2/2010, 1/2, 2 Jan 2010, Jan 2, 2010,
//     2-jan-2010, 20100102 (a year of two digits means 1969-2068);
//   - a time of day: 10:00, 10:00:05.5, 10am, 10:30 pm, 10:00 +0530 (a
//     number after the clock is its zone); a lone number of up to four
//     digits is a time (14, 1430), after a date one of three or more
//     digits is its year;
//   - a zone: UTC, GMT, Z, EST, CEST..., military letters, UTC+3, CET DST;
//   - a day of the week: monday, fri, next tuesday, third monday;
//   - relative items: 2 days, -1 week, 3 hours ago, last month, next year,
//     fortnight, yesterday, tomorrow, today, now;
//   - TZ="Zone" first, to read the rest in that zone; @SECONDS alone.
//
// A date or a day of the week without a time means midnight; relative
// items alone keep the time of now. As GNU does, the date and time are
// set first, then the day of the week, then the relative years, months and
// days (as calendar arithmetic), then the relative hours, minutes and
// seconds (as elapsed time).
//
// now and the result are instants; in a zone that counts leap seconds
// (right/UTC) the date is worked out on the broken-down time, as glibc
// does.
func parseDate(s string, now time.Time, zone *tz.Zone, mk *mktimer) (time.Time, bool) {
	if rest, ok := strings.CutPrefix(s, "TZ=\""); ok {
		i := strings.IndexByte(rest, '"')
		if i < 0 {
			return time.Time{}, false
		}
		zone, s = tz.Load([]string{"TZ=" + rest[:i]}), rest[i+1:]
	}
	loc := zone.Loc
	toks, ok := lexDate(s)
	if !ok {
		return time.Time{}, false
	}
	if len(toks) > 0 && toks[0].kind == tokChar && toks[0].ch == '@' {
		if len(toks) != 2 || toks[1].kind != tokNum {
			return time.Time{}, false
		}
		n := toks[1]
		sec, nsec := n.value, int64(n.frac)
		if n.neg && nsec > 0 {
			sec, nsec = sec-1, 1e9-nsec
		}
		return time.Unix(sec, nsec), true
	}
	now = zone.Time(now.Unix(), int64(now.Nanosecond()))
	p := &dateParser{toks: toks, local: localZones(now, loc)}
	if !p.parse() {
		return time.Time{}, false
	}
	t, ok := p.resolve(now, loc, mk)
	return time.Unix(zone.Unix(t), int64(t.Nanosecond())), ok
}

type tokKind uint8

const (
	tokNum  tokKind = iota // a number, maybe signed, maybe with a fraction
	tokWord                // letters (periods removed but for a.m./p.m.)
	tokChar                // punctuation: @ : / ,
)

type dateToken struct {
	kind    tokKind
	value   int64 // a number's value, negative when neg
	digits  int   // how many digits before any fraction
	signed  bool  // written with + or -
	neg     bool
	frac    int // nanoseconds of a fraction
	hasFrac bool
	word    string
	ch      byte
}

// lexDate splits s into tokens as parse_datetime's lexer does: a sign
// belongs to the number after it (blanks between allowed), and a sign
// followed by no digit is ignored ("5-jan-2010" is 5 jan -2010).
func lexDate(s string) ([]dateToken, bool) {
	var toks []dateToken
	isSpace := func(c byte) bool { return c == ' ' || c >= '\t' && c <= '\r' }
	isDigit := func(c byte) bool { return c >= '0' && c <= '9' }
	isAlpha := func(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case isSpace(c):
			i++
		case c == '(':
			depth := 0
			for ; i < len(s); i++ {
				if s[i] == '(' {
					depth++
				} else if s[i] == ')' {
					depth--
					if depth == 0 {
						break
					}
				}
			}
			if depth != 0 {
				return nil, false
			}
			i++
		case isDigit(c) || c == '+' || c == '-':
			t := dateToken{kind: tokNum}
			if c == '+' || c == '-' {
				t.signed, t.neg = true, c == '-'
				for i++; i < len(s) && isSpace(s[i]); i++ {
				}
				if i >= len(s) || !isDigit(s[i]) {
					continue // a lone sign is ignored
				}
			}
			for ; i < len(s) && isDigit(s[i]); i++ {
				if t.digits < 18 {
					t.value = t.value*10 + int64(s[i]-'0')
				}
				t.digits++
			}
			if t.digits > 18 {
				return nil, false
			}
			if i+1 < len(s) && (s[i] == '.' || s[i] == ',') && isDigit(s[i+1]) {
				j := i + 1
				for j < len(s) && isDigit(s[j]) {
					j++
				}
				t.frac, _ = fraction(s[i+1 : j])
				t.hasFrac = true
				i = j
			}
			if t.neg {
				t.value = -t.value
			}
			toks = append(toks, t)
		case isAlpha(c):
			j := i
			for j < len(s) && (isAlpha(s[j]) || s[j] == '.') {
				j++
			}
			toks = append(toks, dateToken{kind: tokWord, word: strings.ToLower(s[i:j])})
			i = j
		default:
			toks = append(toks, dateToken{kind: tokChar, ch: c})
			i++
		}
	}
	return toks, true
}

// Kinds of word, as parse_datetime's tables sort them.
const (
	wNone = iota
	wMeridian
	wMonth
	wDay
	wZone      // a standard-time zone: its offset
	wDayZone   // a daylight-saving zone
	wLocalZone // an abbreviation of the local zone: its DST flag
	wDST
	wUnit    // year, month, ... second: the unit's size (see units)
	wShift   // yesterday, today, tomorrow: days
	wOrdinal // last, this, next, first, third ... twelfth
	wAgo
)

const (
	unitYear = iota
	unitMonth
	unitDay
	unitSecond
)

// lookupWord classifies a word, in parse_datetime's order: meridians,
// months and days (their first three letters, or the whole name), DST,
// time units (with a plural s), relative words, one-letter military zones,
// then named zones (periods removed).
func lookupWord(w string, local []localZone) (kind, value, extra int) {
	switch w {
	case "am", "a.m.":
		return wMeridian, 'a', 0
	case "pm", "p.m.":
		return wMeridian, 'p', 0
	}
	months := [...]string{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}
	days := [...]struct {
		name string
		day  int
	}{{"sunday", 0}, {"monday", 1}, {"tuesday", 2}, {"tues", 2}, {"wednesday", 3}, {"wednes", 3},
		{"thursday", 4}, {"thur", 4}, {"thurs", 4}, {"friday", 5}, {"saturday", 6}}
	abbrev := len(w) == 3 || len(w) == 4 && w[3] == '.'
	for i, m := range months {
		if abbrev && w[:3] == m[:3] || w == m {
			return wMonth, i + 1, 0
		}
	}
	if w == "sept" {
		return wMonth, 9, 0
	}
	for _, d := range days {
		if abbrev && w[:3] == d.name[:3] || w == d.name {
			return wDay, d.day, 0
		}
	}
	if kind, v := lookupZone(w, local); kind != wNone {
		return kind, v, 0
	}
	if w == "dst" {
		return wDST, 0, 0
	}
	// time units, with a plural s (no unit's name ends in s)
	switch strings.TrimSuffix(w, "s") {
	case "year":
		return wUnit, unitYear, 1
	case "month":
		return wUnit, unitMonth, 1
	case "fortnight":
		return wUnit, unitDay, 14
	case "week":
		return wUnit, unitDay, 7
	case "day":
		return wUnit, unitDay, 1
	case "hour":
		return wUnit, unitSecond, 3600
	case "minute", "min":
		return wUnit, unitSecond, 60
	case "second", "sec":
		return wUnit, unitSecond, 1
	}
	switch w {
	case "tomorrow":
		return wShift, 1, 0
	case "yesterday":
		return wShift, -1, 0
	case "today", "now":
		return wShift, 0, 0
	case "last":
		return wOrdinal, -1, 0
	case "this":
		return wOrdinal, 0, 0
	case "next", "first":
		return wOrdinal, 1, 0
	case "ago":
		return wAgo, 0, 0
	}
	ordinals := [...]string{"third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth"}
	for i, o := range ordinals {
		if w == o {
			return wOrdinal, i + 3, 0
		}
	}
	if len(w) == 1 && w[0] != 'j' {
		// Military zones: A-I are +1..+9 hours, K-M +10..+12, N-Y -1..-12, Z 0.
		c := int(w[0] - 'a')
		switch {
		case w[0] == 'z':
			return wZone, 0, 0
		case w[0] < 'j':
			return wZone, (c + 1) * 3600, 0
		case w[0] < 'n':
			return wZone, c * 3600, 0
		default:
			return wZone, -(c - 12) * 3600, 0
		}
	}
	if kind, v := lookupZone(strings.ReplaceAll(w, ".", ""), local); kind != wNone {
		return kind, v, 0
	}
	return wNone, 0, 0
}

// localZone is an abbreviation of the zone in effect (EST, EDT in New
// York) and whether it means daylight saving time (-1: both do).
type localZone struct {
	name  string
	isDST int
}

// localZones finds the local abbreviations as GNU does: the one in effect
// at now, and the first one with the other daylight-saving flag a quarter,
// two or three quarters of a year later.
func localZones(now time.Time, loc *time.Location) []localZone {
	now = now.In(loc)
	name, _ := now.Zone()
	zones := []localZone{{strings.ToLower(name), dstFlag(now)}}
	for q := 1; q <= 3; q++ {
		probe := now.Add(time.Duration(q) * 90 * 24 * time.Hour)
		if dstFlag(probe) != zones[0].isDST {
			other, _ := probe.Zone()
			if strings.EqualFold(other, name) {
				zones[0].isDST = -1 // the same name for both: no telling
			} else {
				zones = append(zones, localZone{strings.ToLower(other), dstFlag(probe)})
			}
			break
		}
	}
	return zones
}

func dstFlag(t time.Time) int {
	if t.IsDST() {
		return 1
	}
	return 0
}

// lookupZone looks a zone name up as GNU's lookup_zone does: universal
// names, then the local abbreviations, then its table of common zones.
func lookupZone(w string, local []localZone) (kind, value int) {
	switch w {
	case "gmt", "ut", "utc":
		return wZone, 0
	}
	for _, z := range local {
		if w == z.name {
			return wLocalZone, z.isDST
		}
	}
	const h = 3600
	zones := [...]struct {
		name string
		off  int
		dst  bool
	}{
		{"wet", 0, false}, {"west", h, true}, {"bst", h, true}, {"art", -3 * h, false},
		{"brt", -3 * h, false}, {"brst", -2 * h, true}, {"nst", -(3*h + 1800), false},
		{"ndt", -(2*h + 1800), true}, {"ast", -4 * h, false}, {"adt", -3 * h, true},
		{"est", -5 * h, false}, {"edt", -4 * h, true}, {"cst", -6 * h, false},
		{"cdt", -5 * h, true}, {"mst", -7 * h, false}, {"mdt", -6 * h, true},
		{"pst", -8 * h, false}, {"pdt", -7 * h, true}, {"akst", -9 * h, false},
		{"akdt", -8 * h, true}, {"hst", -10 * h, false}, {"hast", -10 * h, false},
		{"hadt", -9 * h, true}, {"sst", -12 * h, false}, {"wat", h, false},
		{"cet", h, false}, {"cest", 2 * h, true}, {"met", h, false}, {"mez", h, false},
		{"mesz", 2 * h, true}, {"eet", 2 * h, false}, {"eest", 3 * h, true},
		{"cat", 2 * h, false}, {"sast", 2 * h, false}, {"eat", 3 * h, false},
		{"msk", 3 * h, false}, {"msd", 4 * h, true}, {"ist", 5*h + 1800, false},
		{"sgt", 8 * h, false}, {"kst", 9 * h, false}, {"jst", 9 * h, false},
		{"gst", 10 * h, false}, {"nzst", 12 * h, false}, {"nzdt", 13 * h, true},
	}
	for _, z := range zones {
		if w == z.name {
			if z.dst {
				return wDayZone, z.off
			}
			return wZone, z.off
		}
	}
	return wNone, 0
}

// dateParser holds what the items said, like parse_datetime's parser
// context: counts of each kind of item (more than one date, time, day or
// zone is an error) and their values.
type dateParser struct {
	toks  []dateToken
	i     int
	local []localZone

	localZonesSeen, localIsDST int

	datesSeen, timesSeen, daysSeen, zonesSeen, relsSeen int

	year, yearDigits, month, day int
	hour, minute, second, nsec   int
	meridian                     byte // 0 (24-hour clock), 'a' or 'p'
	dayOrdinal, dayNumber        int
	zone                         int // seconds east of UTC
	relYear, relMonth, relDay    int
	relSec, relNsec              int64
}

func (p *dateParser) peek(k int) *dateToken {
	if p.i+k < len(p.toks) {
		return &p.toks[p.i+k]
	}
	return nil
}

func (p *dateParser) isChar(k int, c byte) bool {
	t := p.peek(k)
	return t != nil && t.kind == tokChar && t.ch == c
}

// isUnsigned reports an unsigned whole number at k.
func (p *dateParser) isUnsigned(k int) bool {
	t := p.peek(k)
	return t != nil && t.kind == tokNum && !t.signed && !t.hasFrac
}

// isNegative reports a "-N" number at k (the later fields of 2010-01-02).
func (p *dateParser) isNegative(k int) bool {
	t := p.peek(k)
	return t != nil && t.kind == tokNum && t.neg && !t.hasFrac
}

func (p *dateParser) wordKind(k int) (kind, value, extra int) {
	t := p.peek(k)
	if t == nil || t.kind != tokWord {
		return wNone, 0, 0
	}
	return lookupWord(t.word, p.local)
}

func (p *dateParser) parse() bool {
	for p.i < len(p.toks) {
		if !p.item() {
			return false
		}
	}
	return p.timesSeen <= 1 && p.datesSeen <= 1 && p.daysSeen <= 1 && p.zonesSeen+p.localZonesSeen <= 1
}

func (p *dateParser) item() bool {
	t := p.peek(0)
	switch {
	case p.isUnsigned(0) && p.isChar(1, ':'):
		return p.clock()
	case p.isUnsigned(0) && p.isWord(1, wMeridian):
		_, m, _ := p.wordKind(1)
		p.timesSeen++
		p.hour, p.minute, p.second, p.nsec, p.meridian = int(t.value), 0, 0, 0, byte(m)
		p.i += 2
		return true
	case p.isUnsigned(0) && p.isChar(1, '/') && p.isUnsigned(2):
		a, b := p.toks[p.i], p.toks[p.i+2]
		p.datesSeen++
		if p.isChar(3, '/') && p.isUnsigned(4) {
			c := p.toks[p.i+4]
			if a.digits >= 3 { // YYYY/MM/DD
				p.year, p.yearDigits, p.month, p.day = int(a.value), a.digits, int(b.value), int(c.value)
			} else { // MM/DD/YY
				p.month, p.day, p.year, p.yearDigits = int(a.value), int(b.value), int(c.value), c.digits
			}
			p.i += 5
		} else {
			p.month, p.day = int(a.value), int(b.value)
			p.i += 3
		}
		return true
	case p.isUnsigned(0) && p.isNegative(1) && p.isNegative(2): // ISO 8601: 2010-01-02
		y, m, d := p.toks[p.i], p.toks[p.i+1], p.toks[p.i+2]
		p.datesSeen++
		p.year, p.yearDigits, p.month, p.day = int(y.value), y.digits, int(-m.value), int(-d.value)
		p.i += 3
		// 2010-01-02T03:04:05: the T joins a date and a time.
		if w := p.peek(0); w != nil && w.kind == tokWord && w.word == "t" {
			if !p.isUnsigned(1) || !p.isChar(2, ':') {
				return false
			}
			p.i++
			return p.clock()
		}
		return true
	case p.isUnsigned(0) && p.isWord(1, wMonth):
		_, m, _ := p.wordKind(1)
		p.datesSeen++
		p.day, p.month = int(t.value), m
		p.i += 2
		if p.isNegative(0) || p.isUnsigned(0) { // 2-jan-2010, 2 jan 2010
			y := p.toks[p.i]
			p.year, p.yearDigits = int(y.value), y.digits
			if y.neg {
				p.year = -p.year
			}
			p.i++
		}
		return true
	case p.isUnsigned(0) && p.isWord(1, wDay), p.isWord(0, wOrdinal) && p.isWord(1, wDay):
		ord := int(t.value)
		if t.kind == tokWord {
			_, ord, _ = p.wordKind(0)
		}
		_, d, _ := p.wordKind(1)
		p.daysSeen++
		p.dayOrdinal, p.dayNumber = ord, d
		p.i += 2
		return true
	case t.kind == tokNum && p.isWord(1, wUnit), p.isWord(0, wOrdinal) && p.isWord(1, wUnit):
		n, frac := t.value, t.frac
		if t.kind == tokWord {
			_, o, _ := p.wordKind(0)
			n, frac = int64(o), 0
		}
		_, u, size := p.wordKind(1)
		if t.hasFrac && (u != unitSecond || size != 1) {
			return false
		}
		if t.neg {
			frac = -frac
		}
		p.i += 2
		return p.relative(u, n*int64(size), int64(frac))
	}
	if t.kind == tokNum && !t.signed && !t.hasFrac {
		p.number(*t)
		p.i++
		return true
	}
	if t.kind == tokChar {
		return false
	}
	kind, v, _ := p.wordKind(0)
	p.i++
	switch kind {
	case wMonth:
		if !p.isUnsigned(0) && !p.isNegative(0) {
			return false
		}
		p.datesSeen++
		p.month, p.day = v, int(p.peek(0).value)
		if p.peek(0).neg {
			p.day = -p.day
			if !p.isNegative(1) { // jan-02 alone is not a date
				return false
			}
			p.year, p.yearDigits = int(-p.peek(1).value), p.peek(1).digits
			p.i += 2
			return true
		}
		p.i++
		if p.isChar(0, ',') && p.isUnsigned(1) { // Jan 2, 2010
			p.year, p.yearDigits = int(p.peek(1).value), p.peek(1).digits
			p.i += 2
		}
		return true
	case wDay:
		p.daysSeen++
		p.dayOrdinal, p.dayNumber = 0, v
		if p.isChar(0, ',') {
			p.i++
		}
		return true
	case wZone:
		p.zonesSeen++
		p.zone = v
		if n := p.peek(0); n != nil && n.kind == tokNum && n.signed && !n.hasFrac {
			off, ok := p.zoneOffset()
			if !ok {
				return false
			}
			p.zone += off
		} else if p.isWord(0, wDST) {
			p.zone += 3600
			p.i++
		}
		return true
	case wDayZone:
		p.zonesSeen++
		p.zone = v
		return true
	case wLocalZone:
		p.localZonesSeen++
		p.localIsDST = v
		if p.isWord(0, wDST) {
			p.localIsDST = 1
			p.i++
		}
		return true
	case wUnit:
		_, u, size := p.wordKind(-1)
		return p.relative(u, int64(size), 0)
	case wShift:
		p.relsSeen++
		p.relDay += v
		return true
	}
	return false
}

func (p *dateParser) isWord(k, kind int) bool {
	got, _, _ := p.wordKind(k)
	return got == kind
}

// clock reads HH:MM[:SS[.FRACTION]] and what may follow it: am/pm, or a
// number that is the zone of this time (10:00 +0530, 10:00 -5).
func (p *dateParser) clock() bool {
	h := p.toks[p.i]
	p.i += 2
	if !p.isUnsigned(0) {
		return false
	}
	p.timesSeen++
	p.hour, p.minute, p.second, p.nsec, p.meridian = int(h.value), int(p.peek(0).value), 0, 0, 0
	p.i++
	if p.isChar(0, ':') {
		s := p.peek(1)
		if s == nil || s.kind != tokNum || s.signed {
			return false
		}
		p.second, p.nsec = int(s.value), s.frac
		p.i += 2
	}
	if p.isWord(0, wMeridian) {
		_, m, _ := p.wordKind(0)
		p.meridian = byte(m)
		p.i++
		return true
	}
	if n := p.peek(0); n != nil && n.kind == tokNum && n.signed && !n.hasFrac {
		off, ok := p.zoneOffset()
		if !ok {
			return false
		}
		p.zonesSeen++
		p.zone = off
	}
	return true
}

// zoneOffset reads +HH, +HHMM or +HH:MM as seconds east of UTC.
func (p *dateParser) zoneOffset() (int, bool) {
	n := p.toks[p.i]
	p.i++
	v := n.value
	if v < 0 {
		v = -v
	}
	var hours, minutes int64
	if p.isChar(0, ':') && p.isUnsigned(1) {
		hours, minutes = v, p.peek(1).value
		p.i += 2
	} else if n.digits > 2 {
		hours, minutes = v/100, v%100
	} else {
		hours = v
	}
	if hours > 24 || minutes > 59 {
		return 0, false
	}
	off := int(hours*3600 + minutes*60)
	if n.neg {
		off = -off
	}
	return off, true
}

func (p *dateParser) relative(unit int, n, nsec int64) bool {
	if p.isWord(0, wAgo) {
		n, nsec = -n, -nsec
		p.i++
	}
	p.relsSeen++
	switch unit {
	case unitYear:
		p.relYear += int(n)
	case unitMonth:
		p.relMonth += int(n)
	case unitDay:
		p.relDay += int(n)
	default:
		p.relSec += n
		p.relNsec += nsec
	}
	return true
}

// number gives a lone number its meaning from what came before, as GNU
// does: the year of a date that has none, YYYYMMDD, or HH / HHMM.
func (p *dateParser) number(n dateToken) {
	switch {
	case p.datesSeen > 0 && p.yearDigits == 0 && p.relsSeen == 0 && (p.timesSeen > 0 || n.digits > 2):
		p.year, p.yearDigits = int(n.value), n.digits
	case n.digits > 4:
		p.datesSeen++
		p.day, p.month = int(n.value%100), int(n.value/100%100)
		p.year, p.yearDigits = int(n.value/10000), n.digits-4
	default:
		p.timesSeen++
		if n.digits <= 2 {
			p.hour, p.minute = int(n.value), 0
		} else {
			p.hour, p.minute = int(n.value/100), int(n.value%100)
		}
		p.second, p.nsec, p.meridian = 0, 0, 0
	}
}

// resolve turns the items into a time, in parse_datetime's order.
func (p *dateParser) resolve(now time.Time, loc *time.Location, mk *mktimer) (time.Time, bool) {
	now = now.In(loc)
	if p.zonesSeen > 0 {
		// The fields are in the given zone (GNU computes them in the
		// local zone and then shifts by the difference; the same sum).
		loc = time.FixedZone("", p.zone)
	}
	year, month, day := now.Date()
	if p.datesSeen > 0 {
		month, day = time.Month(p.month), p.day
		switch {
		case p.yearDigits == 0:
		case p.yearDigits == 2 && p.year < 69:
			year = p.year + 2000
		case p.yearDigits == 2:
			year = p.year + 1900
		default:
			year = p.year
		}
	}
	hour, minute, sec, nsec := 0, 0, 0, 0
	if p.timesSeen > 0 || p.relsSeen > 0 && p.datesSeen == 0 && p.daysSeen == 0 {
		if p.timesSeen > 0 {
			hour, minute, sec, nsec = p.hour, p.minute, p.second, p.nsec
		} else {
			hour, minute, sec = now.Clock()
			nsec = now.Nanosecond()
		}
		switch p.meridian {
		case 0:
		case 'a', 'p':
			if hour < 1 || hour > 12 {
				return time.Time{}, false
			}
			hour %= 12
			if p.meridian == 'p' {
				hour += 12
			}
		}
	}
	// Relative items alone keep now's daylight-saving flag (GNU leaves
	// tm_isdst as localtime gave it); anything absolute lets mktime
	// decide, or takes it from a local zone name.
	isDST := -1
	if p.datesSeen == 0 && p.daysSeen == 0 && p.timesSeen == 0 {
		isDST = dstFlag(now)
	}
	if p.localZonesSeen > 0 {
		isDST = p.localIsDST
	}
	t := mk.mktime(year, month, day, hour, minute, sec, nsec, loc, isDST)
	if y, m, d := t.Date(); y != year || m != month || d != day || t.Hour() != hour || t.Minute() != minute || t.Second() != sec || month < 1 || month > 12 {
		return time.Time{}, false // 2010-02-30, 24:00, 10:61, a time skipped by DST, 10:00 EDT in winter
	}
	if p.daysSeen > 0 && p.datesSeen == 0 {
		wd := int(t.Weekday())
		shift := (p.dayNumber - wd + 7) % 7
		ord := p.dayOrdinal
		if ord > 0 && wd != p.dayNumber {
			ord--
		}
		shift += 7 * ord
		t = mk.mktime(t.Year(), t.Month(), t.Day()+shift, t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), loc, -1)
	}
	if p.relYear != 0 || p.relMonth != 0 || p.relDay != 0 {
		t = mk.mktime(t.Year()+p.relYear, t.Month()+time.Month(p.relMonth), t.Day()+p.relDay, hour, minute, sec, nsec, loc, isDST)
	}
	return t.Add(time.Duration(p.relSec)*time.Second + time.Duration(p.relNsec)), true
}

// mktimer turns broken-down local times into instants as glibc's mktime
// does, which matters where a local time happens twice (the hour before
// DST ends) or never: mktime starts from the UTC offset of its previous
// answer (zero at first), follows the offsets until they agree, and so
// picks the occurrence that the previous call makes likely. GNU touch
// calls it up to three times per date, and once more per time with -r.
type mktimer struct {
	guess int // seconds east of UTC of the last result
}

// mktime returns the instant of the given fields (normalised as C does:
// day 32 is the next month's first) in loc. isDST, when 0 or 1, asks for
// an instant with that daylight-saving flag; if the fields have none,
// the time is read with the offset of the wanted kind in effect nearby.
func (m *mktimer) mktime(year int, month time.Month, day, hour, min, sec, nsec int, loc *time.Location, isDST int) time.Time {
	base := time.Date(year, month, day, hour, min, sec, 0, time.UTC).Unix()
	t := base - int64(m.guess)
	for range 8 {
		_, off := time.Unix(t, 0).In(loc).Zone()
		next := base - int64(off)
		if next == t {
			break
		}
		t = next
	}
	if isDST >= 0 && dstFlag(time.Unix(t, 0).In(loc)) != isDST {
		// The other occurrence of an ambiguous time, else the offset of
		// the wanted kind of time half a year away.
		for _, probe := range [...]int64{-3600, 3600, -7200, 7200, -183 * 86400, 183 * 86400, -91 * 86400, 91 * 86400} {
			at := time.Unix(t+probe, 0).In(loc)
			if dstFlag(at) == isDST {
				_, off := at.Zone()
				t = base - int64(off)
				break
			}
		}
	}
	r := time.Unix(t, int64(nsec)).In(loc)
	_, m.guess = r.Zone()
	return r
}
