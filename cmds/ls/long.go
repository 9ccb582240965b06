package ls

import (
	"strconv"

	"golang.org/x/sys/unix"

	"github.com/zinebox/zinebox/pkg/mode"
)

// appendMode appends the ten-character mode string of -l: the type letter,
// then rwx for user, group and others, where s/S, s/S and t/T show setuid,
// setgid and sticky with and without the execute bit under them.
func appendMode(dst []byte, m uint32) []byte {
	return mode.AppendPermissions(append(dst, mode.TypeLetter(m)), m)
}

// printLong prints one line of the long format.
func (l *lister) printLong(f *fileInfo) {
	c := l.c
	w := &l.w
	var tmp [64]byte
	l.setNormalColor()
	if c.dired {
		l.line = append(l.line, ' ', ' ')
	}
	if c.printInode {
		l.line = padLeft(l.line, l.inodeString(tmp[:0], f), w.inode)
		l.line = append(l.line, ' ')
	}
	if c.printBlocks {
		l.line = padLeft(l.line, l.blocksString(tmp[:0], f), w.block)
		l.line = append(l.line, ' ')
	}
	if f.statOK {
		l.line = appendMode(l.line, f.mode)
	} else {
		l.line = append(l.line, typeLetter[f.typ], '?', '?', '?', '?', '?', '?', '?', '?', '?')
	}
	if l.anyACL() {
		switch {
		case !f.statOK:
			l.line = append(l.line, '?')
		case f.acl:
			l.line = append(l.line, '+')
		default:
			l.line = append(l.line, ' ')
		}
	}
	l.line = append(l.line, ' ')
	if f.statOK {
		l.line = padLeft(l.line, strconv.AppendUint(tmp[:0], f.nlink, 10), w.nlink)
	} else {
		l.line = padLeft(l.line, []byte{'?'}, w.nlink)
	}
	l.line = append(l.line, ' ')
	if c.printOwner {
		l.ownerField(f, f.uid, w.owner, l.userName)
	}
	if c.printGroup {
		l.ownerField(f, f.gid, w.group, l.groupName)
	}
	if c.printAuthor {
		l.ownerField(f, f.uid, w.author, l.userName)
	}
	if c.printContext {
		l.line = append(l.line, "? "...)
	}
	if m := f.mode & unix.S_IFMT; f.statOK && (m == unix.S_IFCHR || m == unix.S_IFBLK) {
		blanks := w.size - (w.major + 2 + w.minor)
		if blanks < 0 {
			blanks = 0
		}
		l.line = padLeft(l.line, strconv.AppendUint(tmp[:0], uint64(unix.Major(f.rdev)), 10), w.major+blanks)
		l.line = append(l.line, ',', ' ')
		l.line = padLeft(l.line, strconv.AppendUint(tmp[:0], uint64(unix.Minor(f.rdev)), 10), w.minor)
		l.line = append(l.line, ' ')
	} else {
		var s []byte
		if f.statOK {
			s = humanReadable(tmp[:0], uint64(f.size), c.fileHuman, 1, c.fileBlockSize)
		} else {
			s = append(tmp[:0], '?')
		}
		l.line = padLeft(l.line, s, w.size)
		l.line = append(l.line, ' ')
	}
	if f.statOK && f.tnsec >= 0 {
		l.line = l.appendTime(l.line, f.tsec, f.tnsec)
	} else {
		l.line = padLeft(l.line, []byte{'?'}, l.timeWidth())
	}
	l.line = append(l.line, ' ')
	// GNU passes the name's start column for the clear-to-end-of-line
	// decision, but in 9.1 its buffer pointer has been rewound by then, so
	// the column is counted from 0; we do the same.
	const prefix = 0
	n := l.printName(f, false, prefix)
	if f.typ == ftLink {
		if f.link != "" {
			l.line = append(l.line, " -> "...)
			l.printName(f, true, prefix+n+4)
			if c.indicator != indNone {
				if ch := l.typeIndicator(true, f.linkMode, ftUnknown); ch != 0 {
					l.line = append(l.line, ch)
				}
			}
		}
	} else if c.indicator != indNone {
		if ch := l.typeIndicator(f.statOK, f.mode, f.typ); ch != 0 {
			l.line = append(l.line, ch)
		}
	}
	if len(l.line) >= flushAt {
		l.flushLine()
	}
}

// anyACL reports whether some file of the listing has an ACL: only then
// does the mode column get its eleventh character.
func (l *lister) anyACL() bool { return l.w.anyACL }

// ownerField prints a user or group: a name left-aligned, a number
// right-aligned, as GNU does.
func (l *lister) ownerField(f *fileInfo, id uint32, width int, lookup func(uint32) (string, bool)) {
	if !f.statOK {
		l.line = append(l.line, '?')
		l.spaces(max(width-1, 0) + 1)
		return
	}
	if name, ok := lookup(id); ok {
		l.line = append(l.line, name...)
		l.spaces(max(width-len(name), 0) + 1)
		return
	}
	var tmp [16]byte
	l.line = padLeft(l.line, strconv.AppendUint(tmp[:0], uint64(id), 10), width)
	l.line = append(l.line, ' ')
}

// appendTime formats a file time for -l: recent times (the past six
// months) with the recent format, others with the old one.
func (l *lister) appendTime(dst []byte, sec, nsec int64) []byte {
	if l.loc == nil {
		l.loc = location(l.o)
	}
	if l.now.Sec == 0 || sec > l.now.Sec || (sec == l.now.Sec && nsec > l.now.Nsec) {
		var ts unix.Timespec
		unix.ClockGettime(unix.CLOCK_REALTIME, &ts)
		l.now = ts
	}
	// A Gregorian year is 31556952 seconds on average; half of it is the
	// six months GNU means.
	sixMonthsAgo := unix.Timespec{Sec: l.now.Sec - 31556952/2, Nsec: l.now.Nsec}
	recent := tsLess(sixMonthsAgo, unix.Timespec{Sec: sec, Nsec: nsec}) &&
		tsLess(unix.Timespec{Sec: sec, Nsec: nsec}, l.now)
	f := l.c.fmtOld
	if recent {
		f = l.c.fmtNew
	}
	t := l.loc.Time(sec, nsec)
	switch f {
	case "%b %e %H:%M", "%b %e  %Y":
		// The default formats, done directly: they are most of -l's time
		// formatting.
		_, month, day := t.Date()
		dst = append(dst, shortMonths[month-1]...)
		dst = append(dst, ' ')
		if day < 10 {
			dst = append(dst, ' ')
		}
		dst = strconv.AppendInt(dst, int64(day), 10)
		dst = append(dst, ' ')
		if f[len(f)-1] == 'M' {
			h, m, _ := t.Clock()
			return append(dst, byte('0'+h/10), byte('0'+h%10), ':', byte('0'+m/10), byte('0'+m%10))
		}
		return strconv.AppendInt(append(dst, ' '), int64(t.Year()), 10)
	}
	return strftime(dst, f, t, sec, nsec)
}

func tsLess(a, b unix.Timespec) bool {
	return a.Sec < b.Sec || (a.Sec == b.Sec && a.Nsec < b.Nsec)
}

// timeWidth is the width of a formatted old time, used to align the "?" of
// files whose time is unknown.
func (l *lister) timeWidth() int {
	if l.loc == nil {
		l.loc = location(l.o)
	}
	return len(strftime(nil, l.c.fmtOld, l.loc.Time(0, 0), 0, 0))
}
