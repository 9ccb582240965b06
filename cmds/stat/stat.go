// Package stat implements stat(1): display file status.
//
// stat shows what the kernel keeps in a file's inode: type and permission
// bits, owner, size, block count, link count, inode number, device, and
// the access, modify, change and birth times (birth from statx(2), when
// the file system records it). The default output and the -c/--printf
// directives follow GNU coreutils 9.1 byte for byte; file names in %N are
// quoted as GNU quotes them (QUOTING_STYLE is honoured for literal,
// locale, shell-escape and shell-escape-always), and times are shown in
// the zone of TZ.
package stat

import (
	"bytes"
	_ "embed"
	"fmt"
	"os"
	"strconv"
	"strings"

	"golang.org/x/sys/unix"

	"github.com/zinebox/zinebox/pkg/applet"
	"github.com/zinebox/zinebox/pkg/cescape"
	"github.com/zinebox/zinebox/pkg/errno"
	"github.com/zinebox/zinebox/pkg/fsname"
	"github.com/zinebox/zinebox/pkg/getopt"
	"github.com/zinebox/zinebox/pkg/mode"
	"github.com/zinebox/zinebox/pkg/quote"
	"github.com/zinebox/zinebox/pkg/tz"
	"github.com/zinebox/zinebox/pkg/userdb"
)

//go:embed stat.1
var manPage string

var Applet = applet.Applet{
	Name:    "stat",
	Summary: "display file status",
	Man:     &manPage,
	Main:    run,
}

var spec = getopt.Spec{
	Prog:    "stat",
	Usage:   []string{"[OPTION]... FILE..."},
	Summary: "Display file status.\n\nMandatory arguments to long options are mandatory for short options too.",
	Options: []getopt.Option{
		{Short: 'L', Long: "dereference", Help: "follow links"},
		{Short: 'f', Long: "file-system", Help: "display file system status instead of file status"},
		{Short: 'c', Long: "format", Arg: getopt.RequiredArg, ArgName: "FORMAT", Help: "use the specified FORMAT instead of the default;\n  output a newline after each use of FORMAT"},
		{Long: "printf", Arg: getopt.RequiredArg, ArgName: "FORMAT", Help: "like --format, but interpret backslash escapes,\n  and do not output a mandatory trailing newline;\n  if you want a newline, include \\n in FORMAT"},
		{Short: 't', Long: "terse", Help: "print the information in terse form"},
		{Long: "cached", Arg: getopt.RequiredArg, ArgName: "MODE", Help: "specify how to use cached attributes;\n  useful on remote file systems. See MODE below"},
	},
	Footer: "The valid format sequences for files:\n\n" +
		"  %a   permission bits in octal\n  %A   permission bits and file type in human readable form\n" +
		"  %b   number of blocks allocated (see %B)\n  %B   the size in bytes of each block reported by %b\n" +
		"  %C   SELinux security context string\n  %d   device number in decimal (st_dev)\n" +
		"  %D   device number in hex (st_dev)\n  %Hd  major device number in decimal\n" +
		"  %Ld  minor device number in decimal\n  %f   raw mode in hex\n  %F   file type\n" +
		"  %g   group ID of owner\n  %G   group name of owner\n  %h   number of hard links\n" +
		"  %i   inode number\n  %m   mount point\n  %n   file name\n" +
		"  %N   quoted file name with dereference if symbolic link\n  %o   optimal I/O transfer size hint\n" +
		"  %s   total size, in bytes\n  %r   device type in decimal (st_rdev)\n" +
		"  %R   device type in hex (st_rdev)\n  %Hr  major device type in decimal, for character/block device special files\n" +
		"  %Lr  minor device type in decimal, for character/block device special files\n" +
		"  %t   major device type in hex, for character/block device special files\n" +
		"  %T   minor device type in hex, for character/block device special files\n" +
		"  %u   user ID of owner\n  %U   user name of owner\n" +
		"  %w   time of file birth, human-readable; - if unknown\n  %W   time of file birth, seconds since Epoch; 0 if unknown\n" +
		"  %x   time of last access, human-readable\n  %X   time of last access, seconds since Epoch\n" +
		"  %y   time of last data modification, human-readable\n  %Y   time of last data modification, seconds since Epoch\n" +
		"  %z   time of last status change, human-readable\n  %Z   time of last status change, seconds since Epoch",
}

// Default formats, as GNU stat 9.1 builds them.
const (
	fileLine   = "  File: %N\n  Size: %-10s\tBlocks: %-10b IO Block: %-6o %F\n"
	deviceLine = "Device: %Hd,%Ld\tInode: %-10i  Links: %h\n"
	specialDev = "Device: %Hd,%Ld\tInode: %-10i  Links: %-5h Device type: %Hr,%Lr\n"
	ownerLine  = "Access: (%04a/%10.10A)  Uid: (%5u/%8U)   Gid: (%5g/%8G)\n"
	timeLines  = "Access: %x\nModify: %y\nChange: %z\n Birth: %w\n"
	terse      = "%n %s %b %f %u %g %D %i %h %t %T %X %Y %Z %W %o\n"
)

// file is what is known about one operand.
type file struct {
	name string // as given
	path string // for system calls
	stx  unix.Statx_t
}

type stat struct {
	io      *applet.IO
	q       quote.Quoter
	loc     *tz.Zone
	users   *userdb.DB
	quoting string // QUOTING_STYLE for %N
	follow  bool
	status  int
}

func run(io *applet.IO, args []string) int {
	r, done, status := io.Parse(&spec, args, 1)
	if done {
		return status
	}
	s := &stat{io: io, q: quote.ForEnv(io.Env), loc: tz.Load(io.Env), users: userdb.New("/etc")}
	format, custom, escapes, terseMode, fileSystem := "", false, false, false, false
	for _, o := range r.Opts {
		switch o.Key {
		case "dereference":
			s.follow = true
		case "file-system":
			fileSystem = true
		case "format":
			format, custom, escapes = o.Value, true, false
		case "printf":
			format, custom, escapes = o.Value, true, true
		case "terse":
			terseMode = true
		case "cached":
			switch o.Value {
			case "default", "never", "always":
			default:
				io.Errorf("invalid argument %s for %s", s.q.Locale(o.Value), s.q.Locale("--cached"))
				fmt.Fprint(io.Stderr, "Valid arguments are:\n  - 'default'\n  - 'never'\n  - 'always'\n")
				fmt.Fprintf(io.Stderr, "Try '%s --help' for more information.\n", io.Name)
				return 1
			}
		}
	}
	if len(r.Operands) == 0 {
		return io.UsageError(1, "missing operand")
	}
	// -c ends each file's output with a newline outside the format;
	// --printf interprets escapes, for each file anew (and so warns anew).
	end := ""
	if custom && !escapes {
		end = "\n"
	}
	expandFor := func() string {
		if !escapes {
			return format
		}
		return unescape(format, func(c byte) {
			io.Errorf("warning: unrecognized escape '\\%c'", c)
		})
	}
	if !custom {
		s.quoting = "literal" // the default format ignores QUOTING_STYLE
	}
	for _, name := range r.Operands {
		if fileSystem {
			fm, fsEnd := "", end
			if custom {
				fm = expandFor()
			} else {
				fm, fsEnd = fsFormat, ""
				if terseMode {
					fm = fsTerse
				}
			}
			if !s.printFS(name, fsname.Join(io.Dir, name), fm, fsEnd) {
				return io.Finish(1)
			}
			continue
		}
		f := &file{name: name, path: fsname.Join(io.Dir, name)}
		if err := s.statx(f); err != nil {
			io.Errorf("cannot statx %s: %s", s.q.Always(name), errno.Message(err))
			s.status = 1
			continue
		}
		if !custom {
			s.print(f, defaultFormat(f, terseMode))
			continue
		}
		if !s.print(f, expandFor()) {
			return io.Finish(1)
		}
		io.Stdout.WriteString(end)
	}
	return io.Finish(s.status)
}

func (s *stat) statx(f *file) error {
	flags := unix.AT_NO_AUTOMOUNT
	if !s.follow {
		flags |= unix.AT_SYMLINK_NOFOLLOW
	}
	mask := unix.STATX_BASIC_STATS | unix.STATX_BTIME
	if f.name == "-" {
		// "-" is standard input, as in GNU stat.
		fd := 0
		if sf := s.io.StdinFile(); sf != nil {
			fd = int(sf.Fd())
		}
		return unix.Statx(fd, "", flags|unix.AT_EMPTY_PATH, mask, &f.stx)
	}
	if f.path == "" {
		return unix.ENOENT
	}
	return unix.Statx(unix.AT_FDCWD, f.path, flags, mask, &f.stx)
}

func defaultFormat(f *file, terseMode bool) string {
	if terseMode {
		return terse
	}
	dev := deviceLine
	if t := uint32(f.stx.Mode) & mode.TypeMask; t == mode.TypeChr || t == mode.TypeBlk {
		dev = specialDev
	}
	return fileLine + dev + ownerLine + timeLines
}

// print expands format for f.
func (s *stat) print(f *file, format string) bool {
	return s.expand(format, func(d byte, flags, width, prec string, hasPrec bool, raw string) string {
		if d == 'H' || d == 'L' {
			return s.devDirective(f, raw, flags, width, prec, hasPrec)
		}
		return s.directive(f, d, flags, width, prec, hasPrec, raw)
	})
}

// expand writes format with each %-directive (printf-style flags, width
// and precision, as GNU stat takes them) replaced by what dir returns.
// %Hd, %Ld, %Hr and %Lr come to dir as 'H' or 'L' with the whole
// directive in raw.
// It returns false, having said why, when the format ends inside a
// directive.
func (s *stat) expand(format string, dir func(d byte, flags, width, prec string, hasPrec bool, raw string) string) bool {
	w := s.io.Stdout
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != '%' {
			w.WriteByte(c)
			continue
		}
		start := i
		i++
		flags := ""
		for i < len(format) && strings.IndexByte("-+ #0'I", format[i]) >= 0 { // I: glibc's locale digits
			flags += string(format[i])
			i++
		}
		width := ""
		for i < len(format) && format[i] >= '0' && format[i] <= '9' {
			width += string(format[i])
			i++
		}
		prec, hasPrec := "", false
		if i < len(format) && format[i] == '.' {
			hasPrec = true
			i++
			for i < len(format) && format[i] >= '0' && format[i] <= '9' {
				prec += string(format[i])
				i++
			}
		}
		if i >= len(format) {
			if i == start+1 {
				w.WriteByte('%') // a lone % at the end is printed
				return true
			}
			s.io.Errorf("%s: invalid directive", s.q.Locale(format[start:]))
			return false
		}
		d := format[i]
		if d == '%' && start == i-1 {
			w.WriteByte('%')
			continue
		}
		if d == '%' { // "%5%": GNU takes no flags, width or precision here
			s.io.Errorf("%s: invalid directive", s.q.Locale(format[start:i+1]))
			return false
		}
		if (d == 'H' || d == 'L') && i+1 < len(format) && strings.IndexByte("dr", format[i+1]) >= 0 {
			i++
			w.WriteString(dir(d, flags, width, prec, hasPrec, format[start:i+1]))
			continue
		}
		w.WriteString(dir(d, flags, width, prec, hasPrec, format[start:i+1]))
	}
	return true
}

// devDirective expands %Hd, %Ld (the device holding the file) and %Hr,
// %Lr (the device a special file stands for); raw ends with the letters.
func (s *stat) devDirective(f *file, raw, flags, width, prec string, hasPrec bool) string {
	if len(raw) < 2 || strings.IndexByte("dr", raw[len(raw)-1]) < 0 {
		return "?" // %H or %L not followed by d or r; the next letter stays
	}
	var v uint32
	switch raw[len(raw)-2:] {
	case "Hd":
		v = f.stx.Dev_major
	case "Ld":
		v = f.stx.Dev_minor
	case "Hr":
		v = f.stx.Rdev_major
	default:
		v = f.stx.Rdev_minor
	}
	return pad(flags, width, prec, hasPrec, strconv.FormatUint(uint64(v), 10), true, false)
}

// directive returns the expansion of one %-directive; raw is its text,
// printed back with a '?' when it is unknown, as GNU does.
func (s *stat) directive(f *file, d byte, flags, width, prec string, hasPrec bool, raw string) string {
	x := &f.stx
	m := uint32(x.Mode)
	num := func(v uint64) string { return pad(flags, width, prec, hasPrec, strconv.FormatUint(v, 10), true, false) }
	signed := func(v int64) string { return pad(flags, width, prec, hasPrec, strconv.FormatInt(v, 10), true, true) }
	hex := func(v uint64) string {
		t := strconv.FormatUint(v, 16)
		if strings.Contains(flags, "#") && v != 0 {
			t = "0x" + t
		}
		return pad(flags, width, prec, hasPrec, t, true, false)
	}
	str := func(t string) string { return pad(flags, width, prec, hasPrec, t, false, false) }
	switch d {
	case 'a':
		// %#o: a leading 0 unless the digits (after the precision)
		// already start with one.
		t := strconv.FormatUint(uint64(m&mode.All), 8)
		if n, _ := strconv.Atoi(prec); hasPrec && n == 0 && t == "0" {
			t = ""
		} else if hasPrec {
			for len(t) < n {
				t = "0" + t
			}
		}
		if strings.Contains(flags, "#") && !strings.HasPrefix(t, "0") {
			t = "0" + t
		}
		return pad(flags, width, strconv.Itoa(len(t)), hasPrec, t, true, false)
	case 'A':
		return str(mode.String(m))
	case 'b':
		return num(x.Blocks)
	case 'B':
		return num(512)
	case 'C':
		s.io.Errorf("failed to get security context of %s: %s", s.q.Always(f.name), errno.Message(unix.ENODATA))
		s.status = 1
		return str("?")
	case 'd':
		return num(unix.Mkdev(x.Dev_major, x.Dev_minor))
	case 'D':
		return hex(unix.Mkdev(x.Dev_major, x.Dev_minor))
	case 'f':
		return hex(uint64(m))
	case 'F':
		return str(mode.TypeName(m, int64(x.Size)))
	case 'g':
		return num(uint64(x.Gid))
	case 'G':
		name, ok := s.users.GroupName(x.Gid)
		if !ok {
			name = "UNKNOWN"
		}
		return str(name)
	case 'h':
		return num(uint64(x.Nlink))
	case 'i':
		return num(x.Ino)
	case 'm':
		return str(mountPoint(f))
	case 'n':
		return str(f.name)
	case 'N':
		if len(raw) > 2 {
			return s.nameWithModifiers(f, raw[:len(raw)-1])
		}
		return str(s.quotedName(f))
	case 'o':
		return num(uint64(x.Blksize))
	case 's':
		return signed(int64(x.Size))
	case 'r':
		return num(unix.Mkdev(x.Rdev_major, x.Rdev_minor))
	case 'R':
		return hex(unix.Mkdev(x.Rdev_major, x.Rdev_minor))
	case 't':
		return hex(uint64(x.Rdev_major))
	case 'T':
		return hex(uint64(x.Rdev_minor))
	case 'u':
		return num(uint64(x.Uid))
	case 'U':
		name, ok := s.users.UserName(x.Uid)
		if !ok {
			name = "UNKNOWN"
		}
		return str(name)
	case 'w':
		if x.Mask&unix.STATX_BTIME == 0 || x.Btime.Sec == 0 && x.Btime.Nsec == 0 {
			return str("-")
		}
		return str(s.human(x.Btime))
	case 'W':
		if x.Mask&unix.STATX_BTIME == 0 {
			return s.seconds(unix.StatxTimestamp{}, flags, width, prec, hasPrec)
		}
		return s.seconds(x.Btime, flags, width, prec, hasPrec)
	case 'x':
		return str(s.human(x.Atime))
	case 'X':
		return s.seconds(x.Atime, flags, width, prec, hasPrec)
	case 'y':
		return str(s.human(x.Mtime))
	case 'Y':
		return s.seconds(x.Mtime, flags, width, prec, hasPrec)
	case 'z':
		return str(s.human(x.Ctime))
	case 'Z':
		return s.seconds(x.Ctime, flags, width, prec, hasPrec)
	}
	return "?"
}

// human formats a timestamp as GNU stat does: "2006-01-02 15:04:05.NNNNNNNNN -0700".
func (s *stat) human(ts unix.StatxTimestamp) string {
	t := s.loc.Time(ts.Sec, int64(ts.Nsec))
	return t.Format("2006-01-02 15:04:05.000000000 -0700")
}

// seconds formats %X-style seconds; a precision asks for that many digits
// of the fraction (nine when only the dot is given), truncated.
func (s *stat) seconds(ts unix.StatxTimestamp, flags, width, prec string, hasPrec bool) string {
	t := strconv.FormatInt(ts.Sec, 10)
	if hasPrec {
		n := 9
		if prec != "" {
			n, _ = strconv.Atoi(prec)
		}
		if n > 0 {
			frac := fmt.Sprintf("%09d", ts.Nsec)
			for len(frac) < n {
				frac += "0"
			}
			t += "." + frac[:n]
		}
	}
	return pad(flags, width, "", false, t, true, true)
}

// pad applies printf flags, width and precision to the text of a value.
// numeric values take '0' padding (and a sign flag when signed); strings
// are cut to the precision.
func pad(flags, width, prec string, hasPrec bool, text string, numeric, signed bool) string {
	if !numeric && hasPrec {
		n, _ := strconv.Atoi(prec)
		if n < len(text) {
			text = text[:n]
		}
	}
	head := "" // sign and 0x, which zeros from a precision or the 0 flag follow
	if numeric {
		// C's printf: the precision is the least number of digits, and a
		// zero with precision 0 has none ("%.0u" of 0 is empty).
		if strings.HasPrefix(text, "-") {
			head, text = "-", text[1:]
		} else if signed && strings.Contains(flags, "+") {
			head = "+"
		} else if signed && strings.Contains(flags, " ") {
			head = " "
		}
		if strings.HasPrefix(text, "0x") {
			head, text = head+"0x", text[2:]
		}
		if hasPrec {
			n, _ := strconv.Atoi(prec)
			if n == 0 && text == "0" {
				text = ""
			}
			for len(text) < n {
				text = "0" + text
			}
		}
	}
	w, _ := strconv.Atoi(width)
	if len(head)+len(text) >= w {
		return head + text
	}
	fill := w - len(head) - len(text)
	switch {
	case strings.Contains(flags, "-"):
		return head + text + strings.Repeat(" ", fill)
	case numeric && strings.Contains(flags, "0") && !hasPrec:
		return head + strings.Repeat("0", fill) + text
	}
	return strings.Repeat(" ", fill) + head + text
}

// nameWithModifiers is %N with flags, width or precision, as GNU stat 9.1
// prints it: the names unquoted, each through the C format the modifiers
// make. GNU turns the directive into that format in place, dropping the
// flags a string takes no notice of, and for a symbolic link's target
// converts the already converted text again: what it then prints
// (sometimes with a stray "s") is reproduced here.
func (s *stat) nameWithModifiers(f *file, prefix string) string {
	buf := make([]byte, len(prefix)+3)
	copy(buf, prefix)
	convert := func() string {
		dst, src := 1, 1
		for ; src < len(prefix) && strings.IndexByte("'-+ #0I", buf[src]) >= 0; src++ {
			if buf[src] == '-' {
				buf[dst] = buf[src]
				dst++
			}
		}
		for ; src < len(prefix); src++ {
			buf[dst] = buf[src]
			dst++
		}
		copy(buf[dst:], "s\x00")
		if i := bytes.IndexByte(buf, 0); i >= 0 {
			return string(buf[:i])
		}
		return string(buf)
	}
	out := cString(convert(), f.name)
	if uint32(f.stx.Mode)&mode.TypeMask == mode.TypeLink {
		if target, err := os.Readlink(f.path); err == nil {
			out += " -> " + cString(convert(), target)
		}
	}
	return out
}

// cString formats s with a C format of one %s conversion ("%-5.2s"),
// followed by literal text.
func cString(format, s string) string {
	i := 1
	flags := ""
	for i < len(format) && format[i] == '-' {
		flags, i = "-", i+1
	}
	width := ""
	for i < len(format) && format[i] >= '0' && format[i] <= '9' {
		width += format[i : i+1]
		i++
	}
	prec, hasPrec := "", false
	if i < len(format) && format[i] == '.' {
		hasPrec = true
		for i++; i < len(format) && format[i] >= '0' && format[i] <= '9'; i++ {
			prec += format[i : i+1]
		}
	}
	if i >= len(format) || format[i] != 's' {
		return format // not a conversion GNU would make
	}
	return pad(flags, width, prec, hasPrec, s, false, false) + format[i+1:]
}

// quotedName is %N: the name, and for a symbolic link " -> " and its
// target, quoted in the QUOTING_STYLE.
func (s *stat) quotedName(f *file) string {
	n := s.quote(f.name)
	if uint32(f.stx.Mode)&mode.TypeMask == mode.TypeLink {
		if target, err := os.Readlink(f.path); err == nil {
			n += " -> " + s.quote(target)
		}
	}
	return n
}

func (s *stat) quote(name string) string {
	if s.quoting == "" {
		// Read QUOTING_STYLE at the first %N, as GNU does.
		s.quoting = "shell-escape-always"
		if v, ok := s.io.LookupEnv("QUOTING_STYLE"); ok {
			switch v {
			case "literal", "locale", "shell-escape", "shell-escape-always", "shell", "shell-always", "c", "escape":
				s.quoting = v
			default:
				s.io.Errorf("ignoring invalid value of environment variable QUOTING_STYLE: %s", s.q.Locale(v))
			}
		}
	}
	switch s.quoting {
	case "literal":
		return name
	case "locale":
		return s.q.Locale(name)
	case "shell-escape", "shell":
		return s.q.Shell(name)
	}
	return s.q.Always(name)
}

// mountPoint is %m: the top directory of the file system holding f,
// found by going up until the device changes. For a file that is not a
// directory the search starts at the directory holding it, as in GNU.
func mountPoint(f *file) string {
	path := f.path
	if uint32(f.stx.Mode)&mode.TypeMask != mode.TypeDir {
		i := strings.LastIndexByte(strings.TrimRight(path, "/"), '/')
		switch {
		case i < 0:
			path = "."
		case i == 0:
			path = "/"
		default:
			path = path[:i]
		}
	}
	dir, err := fsname.Canonicalize("", path, fsname.Existing)
	if err != nil {
		return "?"
	}
	var st unix.Stat_t
	if unix.Stat(dir, &st) != nil {
		return "?"
	}
	dev := st.Dev
	for dir != "/" {
		parent := dir[:max(strings.LastIndexByte(dir, '/'), 1)]
		var pst unix.Stat_t
		if unix.Stat(parent, &pst) != nil || pst.Dev != dev {
			break
		}
		dir = parent
	}
	return dir
}

// unescape interprets the backslash escapes of --printf; warn is told of
// unknown ones.
func unescape(s string, warn func(c byte)) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' || i+1 >= len(s) {
			b.WriteByte(s[i])
			continue
		}
		i++
		c := s[i]
		if ctl, ok := cescape.Control(c); ok {
			b.WriteByte(ctl)
			continue
		}
		switch c {
		case '\\', '"', '\'', '?':
			b.WriteByte(c)
		case 'x':
			v, n := cescape.Number(s[i+1:], 2, 16)
			if n == 0 {
				b.WriteString("\\x")
			} else {
				b.WriteByte(byte(v))
			}
			i += n
		case '0', '1', '2', '3', '4', '5', '6', '7':
			v, n := cescape.Number(s[i:], 3, 8)
			b.WriteByte(byte(v))
			i += n - 1
		default:
			// GNU warns and prints the character alone.
			warn(c)
			b.WriteByte(c)
		}
	}
	return b.String()
}
