package shell

import (
	"fmt"
	"math"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"golang.org/x/sys/unix"
)

func afterMillis(n int) <-chan time.Time { return time.After(time.Duration(n) * time.Millisecond) }

// echoBuiltin is dash's echo: -n as the first argument, and backslash
// escapes always interpreted (\c ends the output).
func (s *Shell) echoBuiltin(a []string) int {
	nl := true
	if len(a) > 0 && a[0] == "-n" {
		nl = false
		a = a[1:]
	}
	var b []byte
	for i, arg := range a {
		if i > 0 {
			b = append(b, ' ')
		}
		var stop bool
		b, stop = appendEscapesB(b, arg) // dash's echo: \0NNN and \NNN
		if stop {
			return s.outBytes(b)
		}
	}
	if nl {
		b = append(b, '\n')
	}
	return s.outBytes(b)
}

// appendEscapes interprets echo/%b backslash escapes: \a \b \c \e \f \n \r
// \t \v \\ and \0NNN (echo, %b) octal. stop reports \c.
func appendEscapes(b []byte, s string, zeroOctal bool) ([]byte, bool) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' || i+1 >= len(s) {
			b = append(b, c)
			continue
		}
		i++
		switch s[i] {
		case 'a':
			b = append(b, 7)
		case 'b':
			b = append(b, 8)
		case 'c':
			return b, true
		case 'e':
			b = append(b, 27)
		case 'f':
			b = append(b, 12)
		case 'n':
			b = append(b, '\n')
		case 'r':
			b = append(b, '\r')
		case 't':
			b = append(b, '\t')
		case 'v':
			b = append(b, 11)
		case '\\':
			b = append(b, '\\')
		case '0', '1', '2', '3', '4', '5', '6', '7':
			j := i
			max := 3
			if s[i] == '0' && zeroOctal {
				j++ // \0NNN: up to three digits after the 0
			}
			v := 0
			k := j
			for ; k < len(s) && k < j+max && s[k] >= '0' && s[k] <= '7'; k++ {
				v = v*8 + int(s[k]-'0')
			}
			if s[i] != '0' && !zeroOctal {
				// printf format: \NNN
			} else if s[i] != '0' {
				// echo: \1 etc. are not escapes in dash
				b = append(b, '\\', s[i])
				continue
			}
			b = append(b, byte(v))
			i = k - 1
		default:
			b = append(b, '\\', s[i])
		}
	}
	return b, false
}

// printfBuiltin is printf(1) as POSIX and dash define it: the format is
// reused until the arguments are consumed; %b interprets escapes.
func (s *Shell) printfBuiltin(a []string) int {
	if len(a) > 0 && a[0] == "--" {
		a = a[1:]
	}
	if len(a) == 0 {
		s.errorf("printf: usage: printf format [arg ...]")
		return 2
	}
	if len(a[0]) > 1 && a[0][0] == '-' {
		s.errorf("printf: Illegal option -%c", a[0][1])
		return 2
	}
	format, args := a[0], a[1:]
	var out []byte
	status := 0
	for {
		used := 0
		var stop bool
		out, used, stop = s.printfOnce(out, format, args, &status)
		args = args[used:]
		if stop || len(args) == 0 || used == 0 {
			break
		}
	}
	if st := s.outBytes(out); st != 0 {
		return st
	}
	return status
}

// printfOnce formats once; used is the number of arguments consumed.
func (s *Shell) printfOnce(out []byte, f string, args []string, status *int) ([]byte, int, bool) {
	used := 0
	next := func() (string, bool) {
		if used < len(args) {
			used++
			return args[used-1], true
		}
		return "", false
	}
	for i := 0; i < len(f); i++ {
		c := f[i]
		if c == '\\' {
			j := i + 1
			if j < len(f) && f[j] >= '0' && f[j] <= '7' {
				v, k := 0, j
				for ; k < len(f) && k < j+3 && f[k] >= '0' && f[k] <= '7'; k++ {
					v = v*8 + int(f[k]-'0')
				}
				out = append(out, byte(v))
				i = k - 1
				continue
			}
			if j < len(f) && f[j] == 'c' {
				out = append(out, '\\', 'c') // \c means nothing in a format
				i = j
				continue
			}
			var tmp []byte
			end := j + 1
			if end > len(f) {
				end = len(f)
			}
			tmp, _ = appendEscapes(nil, f[i:end], false)
			out = append(out, tmp...)
			i = end - 1
			continue
		}
		if c != '%' {
			out = append(out, c)
			continue
		}
		if i+1 < len(f) && f[i+1] == '%' {
			out = append(out, '%')
			i++
			continue
		}
		// %[flags][width][.prec]conv
		start := i
		j := i + 1
		for j < len(f) && strings.IndexByte("-+ #0", f[j]) >= 0 {
			j++
		}
		spec := f[i:j]
		if j < len(f) && f[j] == '*' {
			v, _ := next()
			n, _ := s.printfInt(v, status)
			spec += strconv.FormatInt(n, 10)
			j++
		} else {
			for j < len(f) && f[j] >= '0' && f[j] <= '9' {
				spec += string(f[j])
				j++
			}
		}
		if j < len(f) && f[j] == '.' {
			spec += "."
			j++
			if j < len(f) && f[j] == '*' {
				v, _ := next()
				n, _ := s.printfInt(v, status)
				spec += strconv.FormatInt(n, 10)
				j++
			} else {
				for j < len(f) && f[j] >= '0' && f[j] <= '9' {
					spec += string(f[j])
					j++
				}
			}
		}
		for j < len(f) && strings.IndexByte("hlL", f[j]) >= 0 {
			j++
		}
		if j >= len(f) {
			s.errorf("printf: %s: invalid directive", f[i:])
			*status = 2
			return out, used, true
		}
		conv := f[j]
		i = j
		arg, _ := next()
		if conv == 's' || conv == 'b' || conv == 'c' {
			spec = "%" + strings.ReplaceAll(spec[1:], "0", "") // no zero padding of strings
			if strings.HasPrefix(f[start+1:j], "0") || strings.Contains(f[start+1:j], "-0") {
				spec = rebuildSpec(f[start:j])
			}
		}
		switch conv {
		case 's':
			out = fmt.Appendf(out, spec+"s", arg)
		case 'b':
			var stop bool
			var tmp []byte
			tmp, stop = appendEscapesB(nil, arg)
			out = fmt.Appendf(out, spec+"s", string(tmp))
			if stop {
				return out, used, true
			}
		case 'c':
			if arg != "" {
				out = fmt.Appendf(out, spec+"s", arg[:1])
			} else {
				out = fmt.Appendf(out, spec+"s", "\x00")
			}
		case 'd', 'i':
			n, _ := s.printfInt(arg, status)
			out = fmt.Appendf(out, spec+"d", n)
		case 'o', 'u', 'x', 'X':
			n, _ := s.printfInt(arg, status)
			verb := string(conv)
			if conv == 'u' {
				verb = "d"
			}
			if strings.Contains(spec, "#") && conv == 'o' {
				spec = strings.ReplaceAll(spec, "#", "")
				str := fmt.Sprintf("%o", uint64(n))
				if str != "0" {
					str = "0" + str
				}
				out = fmt.Appendf(out, spec+"s", str)
				break
			}
			out = fmt.Appendf(out, spec+verb, uint64(n))
		case 'e', 'E', 'f', 'F', 'g', 'G', 'a', 'A':
			v := s.printfFloat(arg, status)
			if conv == 'F' {
				conv = 'f'
			}
			if (conv == 'g' || conv == 'G') && !strings.Contains(spec, ".") {
				spec += ".6"
			}
			str := fmt.Sprintf(spec+string(conv), v)
			if conv == 'e' || conv == 'E' || conv == 'g' || conv == 'G' {
				str = fixExponent(str)
			}
			out = append(out, str...)
		default:
			s.errorf("printf: %s: invalid directive", f[start:j+1])
			*status = 2
			return out, used, true
		}
	}
	return out, used, false
}

// fixExponent makes Go's e+07 C's e+07 (Go already pads to two digits);
// kept for NaN/Inf spelling.
func fixExponent(s string) string {
	s = strings.Replace(s, "NaN", "nan", 1)
	s = strings.Replace(s, "+Inf", "inf", 1)
	return strings.Replace(s, "Inf", "inf", 1)
}

// printfInt converts a numeric argument like C's strtol, with 'c giving
// a character's code, and reports bad numbers as dash does.
func (s *Shell) printfInt(arg string, status *int) (int64, bool) {
	if arg == "" {
		return 0, true
	}
	if arg[0] == '\'' || arg[0] == '"' {
		if len(arg) > 1 {
			return int64(arg[1]), true
		}
		return 0, true
	}
	t := strings.TrimLeft(arg, " \t\n")
	n, rest := parseCInt(t)
	if rest != "" || t == "" {
		if rest == t {
			s.errorf("printf: %s: expected numeric value", arg)
		} else {
			s.errorf("printf: %s: not completely converted", arg)
		}
		*status = 1
	}
	return n, rest == ""
}

// parseCInt parses a leading integer in C syntax (0x hex, 0 octal) and
// returns the rest.
func parseCInt(t string) (int64, string) {
	i := 0
	neg := false
	if i < len(t) && (t[i] == '-' || t[i] == '+') {
		neg = t[i] == '-'
		i++
	}
	base := int64(10)
	if i+1 < len(t) && t[i] == '0' && (t[i+1] == 'x' || t[i+1] == 'X') {
		base = 16
		i += 2
	} else if i < len(t) && t[i] == '0' {
		base = 8
	}
	start := i
	var n int64
	for i < len(t) {
		c := t[i]
		var d int64
		switch {
		case c >= '0' && c <= '9':
			d = int64(c - '0')
		case c >= 'a' && c <= 'f':
			d = int64(c-'a') + 10
		case c >= 'A' && c <= 'F':
			d = int64(c-'A') + 10
		default:
			d = 99
		}
		if d >= base {
			break
		}
		n = n*base + d
		i++
	}
	if i == start && base != 8 {
		return 0, t
	}
	if neg {
		n = -n
	}
	return n, t[i:]
}

func (s *Shell) printfFloat(arg string, status *int) float64 {
	if arg == "" {
		return 0
	}
	if arg[0] == '\'' || arg[0] == '"' {
		if len(arg) > 1 {
			return float64(arg[1])
		}
		return 0
	}
	v, err := strconv.ParseFloat(strings.TrimSpace(arg), 64)
	if err != nil {
		if n, rest := parseCInt(arg); rest == "" {
			return float64(n)
		}
		s.errorf("printf: %s: expected numeric value", arg)
		*status = 1
		if math.IsNaN(v) {
			return 0
		}
	}
	return v
}

// readBuiltin is read(1): read a line from fd 0 one byte at a time (so
// that what follows stays for the next reader), split it with IFS.
func (s *Shell) readBuiltin(a []string) int {
	raw := false
	prompt := ""
	for len(a) > 0 && strings.HasPrefix(a[0], "-") && len(a[0]) > 1 {
		if a[0] == "--" {
			a = a[1:]
			break
		}
		opt := a[0]
		a = a[1:]
		for k := 1; k < len(opt); k++ {
			switch opt[k] {
			case 'r':
				raw = true
			case 'p':
				if k+1 < len(opt) {
					prompt = opt[k+1:]
				} else if len(a) > 0 {
					prompt, a = a[0], a[1:]
				}
				k = len(opt)
			default:
				s.errorf("read: Illegal option -%c", opt[k])
				return 2
			}
		}
	}
	if len(a) == 0 {
		s.errorf("read: arg count")
		return 2
	}
	if prompt != "" && isatty(0) {
		writeAll(2, []byte(prompt))
	}
	// Read the line; unescaped backslashes mark literal characters.
	var line []byte
	var lit []bool // lit[i]: line[i] was escaped (not a separator)
	status := 0
	var c [1]byte
	for {
		n, err := s.readInterruptible(0, c[:])
		if err == unix.EINTR {
			s.runPendingTraps()
			continue
		}
		if err == errInterrupted {
			s.takeInterrupt()
			s.runPendingTraps()
			return 130
		}
		if n <= 0 {
			_ = err // dash says nothing: read just fails
			status = 1
			break
		}
		if c[0] == '\n' {
			break
		}
		if c[0] == '\\' && !raw {
			n, _ := s.readInterruptible(0, c[:]) // Ctrl-C: 0, the line ends
			if n <= 0 {
				status = 1
				break
			}
			if c[0] == '\n' {
				if prompt != "" && isatty(0) {
					ps2, _ := s.getVar("PS2")
					writeAll(2, []byte(ps2))
				}
				continue
			}
			line = append(line, c[0])
			lit = append(lit, true)
			continue
		}
		line = append(line, c[0])
		lit = append(lit, false)
	}
	ifs, ok := s.getVar("IFS")
	if !ok {
		ifs = " \t\n"
	}
	fields := splitRead(line, lit, ifs, len(a))
	for i, name := range a {
		v := ""
		if i < len(fields) {
			v = fields[i]
		}
		if !isName(name) {
			s.errorf("read: %s: bad variable name", name)
			return 2
		}
		if err := s.setVar(name, v); err != nil {
			s.errorf("%s", err)
			return 2
		}
	}
	return status
}

// splitRead splits a read line into at most n fields with IFS: IFS
// whitespace runs and single non-whitespace IFS characters separate;
// the last field takes the rest of the line, trailing IFS whitespace
// removed.
func splitRead(line []byte, lit []bool, ifs string, n int) []string {
	isIFS := func(i int) bool { return !lit[i] && strings.IndexByte(ifs, line[i]) >= 0 }
	isWS := func(i int) bool {
		return isIFS(i) && (line[i] == ' ' || line[i] == '\t' || line[i] == '\n')
	}
	var fields []string
	i := 0
	for i < len(line) && isWS(i) {
		i++
	}
	for i < len(line) {
		if len(fields) == n-1 {
			// the rest, without trailing IFS whitespace; if the rest is
			// one field and a delimiter, the delimiter goes too
			end := len(line)
			for end > i && isWS(end-1) {
				end--
			}
			if end > i && isIFS(end-1) {
				j := i
				for j < end-1 && !isIFS(j) {
					j++
				}
				if j == end-1 {
					end--
					for end > i && isWS(end-1) {
						end--
					}
				}
			}
			fields = append(fields, string(line[i:end]))
			return fields
		}
		start := i
		for i < len(line) && !isIFS(i) {
			i++
		}
		fields = append(fields, string(line[start:i]))
		// skip one separator: whitespace around one non-whitespace char
		for i < len(line) && isWS(i) {
			i++
		}
		if i < len(line) && isIFS(i) && !isWS(i) {
			i++
			for i < len(line) && isWS(i) {
				i++
			}
		}
	}
	return fields
}

// cdBuiltin is cd(1): -L (default) and -P, CDPATH, `cd -`, OLDPWD, PWD.
func (s *Shell) cdBuiltin(a []string) int {
	physical := false
	for len(a) > 0 && len(a[0]) > 1 && a[0][0] == '-' {
		if a[0] == "--" {
			a = a[1:]
			break
		}
		for _, c := range a[0][1:] {
			switch c {
			case 'P':
				physical = true
			case 'L':
				physical = false
			default:
				s.errorf("cd: Illegal option -%c", c)
				return 2
			}
		}
		a = a[1:]
	}
	var dir string
	print := false
	if len(a) == 0 {
		home, _ := s.getVar("HOME")
		if home == "" {
			return 0
		}
		dir = home
	} else {
		dir = a[0]
		if dir == "-" {
			dir, _ = s.getVar("OLDPWD")
			print = true
		}
	}
	tries := []string{dir}
	if !strings.HasPrefix(dir, "/") && !strings.HasPrefix(dir, "./") && !strings.HasPrefix(dir, "../") && dir != "." && dir != ".." {
		if cdpath, ok := s.getVar("CDPATH"); ok && cdpath != "" {
			tries = nil
			for _, p := range strings.Split(cdpath, ":") {
				if p == "" {
					tries = append(tries, dir)
				} else {
					tries = append(tries, strings.TrimSuffix(p, "/")+"/"+dir)
					print = true
				}
			}
		}
	}
	pwd, _ := s.getVar("PWD")
	for idx, t := range tries {
		target := t
		if !physical && !strings.HasPrefix(t, "/") && pwd != "" {
			target = filepath.Join(pwd, t)
		} else if !physical {
			target = filepath.Clean(t)
		}
		if !physical && (strings.HasPrefix(t, "//") && !strings.HasPrefix(t, "///") || !strings.HasPrefix(t, "/") && strings.HasPrefix(pwd, "//") && !strings.HasPrefix(pwd, "///")) {
			// POSIX leaves a leading // alone, and so does dash
			target = "/" + target
		}
		if err := unix.Chdir(target); err != nil {
			if !physical {
				if err2 := unix.Chdir(t); err2 == nil {
					target = ""
					goto ok
				}
			}
			continue
		}
	ok:
		if physical || target == "" {
			target, _ = unix.Getwd()
		}
		s.setVar("OLDPWD", pwd)
		s.setVar("PWD", target)
		if print || (idx > 0 || (len(tries) > 1 && !strings.HasPrefix(t, dir))) {
			if print && (len(a) > 0 && a[0] == "-" || t != dir) {
				s.out(target + "\n")
			}
		}
		return 0
	}
	s.errorf("cd: can't cd to %s", dir)
	return 2
}

func (s *Shell) pwdBuiltin(a []string) int {
	physical := false
	for _, x := range a {
		switch x {
		case "-P":
			physical = true
		case "-L":
			physical = false
		}
	}
	pwd, _ := s.getVar("PWD")
	if physical || pwd == "" || !samePath(pwd, ".") {
		wd, err := unix.Getwd()
		if err != nil {
			s.errorf("pwd: %s", errnoMsg(err))
			return 2
		}
		pwd = wd
	}
	return s.out(pwd + "\n")
}

// umaskBuiltin is umask(1): octal or symbolic (u=rwx,g-w...), -S.
func (s *Shell) umaskBuiltin(a []string) int {
	symbolic := false
	if len(a) > 0 && a[0] == "-S" {
		symbolic = true
		a = a[1:]
	}
	cur := unix.Umask(0)
	unix.Umask(cur)
	if len(a) == 0 {
		if symbolic {
			perm := ^cur & 0o777
			part := func(shift uint) string {
				p := (perm >> shift) & 7
				r := ""
				if p&4 != 0 {
					r += "r"
				}
				if p&2 != 0 {
					r += "w"
				}
				if p&1 != 0 {
					r += "x"
				}
				return r
			}
			return s.out("u=" + part(6) + ",g=" + part(3) + ",o=" + part(0) + "\n")
		}
		return s.out(fmt.Sprintf("%04o\n", cur))
	}
	m := a[0]
	if m[0] >= '0' && m[0] <= '7' {
		n, err := strconv.ParseUint(m, 8, 32)
		if err != nil || n > 0o777 {
			s.errorf("umask: Illegal number: %s", m)
			return 2
		}
		unix.Umask(int(n))
		return 0
	}
	perm, ok := applySymbolic(^cur&0o777, m)
	if !ok {
		if m[0] >= '0' && m[0] <= '9' {
			s.errorf("umask: Illegal number: %s", m)
			return 2
		}
		s.errorf("umask: Illegal mode: %s", m)
		return 2
	}
	unix.Umask(^perm & 0o777)
	return 0
}

// applySymbolic applies a chmod-style symbolic mode to permission bits.
func applySymbolic(perm int, m string) (int, bool) {
	for _, clause := range strings.Split(m, ",") {
		i := 0
		who := 0
		for i < len(clause) && strings.IndexByte("ugoa", clause[i]) >= 0 {
			switch clause[i] {
			case 'u':
				who |= 0o700
			case 'g':
				who |= 0o070
			case 'o':
				who |= 0o007
			case 'a':
				who |= 0o777
			}
			i++
		}
		if who == 0 {
			who = 0o777
		}
		if i >= len(clause) {
			return 0, false
		}
		for i < len(clause) {
			op := clause[i]
			if op != '+' && op != '-' && op != '=' {
				return 0, false
			}
			i++
			bits := 0
			for i < len(clause) && strings.IndexByte("rwx", clause[i]) >= 0 {
				switch clause[i] {
				case 'r':
					bits |= 0o444
				case 'w':
					bits |= 0o222
				case 'x':
					bits |= 0o111
				}
				i++
			}
			bits &= who
			switch op {
			case '+':
				perm |= bits
			case '-':
				perm &^= bits
			case '=':
				perm = perm&^who | bits
			}
		}
	}
	return perm, true
}

// ulimitBuiltin is dash's ulimit: -a lists, -H/-S pick the hard or soft
// limit, one letter picks the resource (default -f, 512-byte blocks).
func (s *Shell) ulimitBuiltin(a []string) int {
	type lim struct {
		opt   byte
		name  string
		res   int
		scale uint64
	}
	lims := []lim{
		{'t', "time(seconds)", unix.RLIMIT_CPU, 1}, {'f', "file(blocks)", unix.RLIMIT_FSIZE, 512},
		{'d', "data(kbytes)", unix.RLIMIT_DATA, 1024}, {'s', "stack(kbytes)", unix.RLIMIT_STACK, 1024},
		{'c', "coredump(blocks)", unix.RLIMIT_CORE, 512}, {'m', "memory(kbytes)", unix.RLIMIT_RSS, 1024},
		{'l', "locked memory(kbytes)", unix.RLIMIT_MEMLOCK, 1024}, {'p', "process", unix.RLIMIT_NPROC, 1},
		{'n', "nofiles", unix.RLIMIT_NOFILE, 1}, {'v', "vmemory(kbytes)", unix.RLIMIT_AS, 1024},
		{'w', "locks", unix.RLIMIT_LOCKS, 1}, {'r', "rtprio", unix.RLIMIT_RTPRIO, 1},
	}
	hard, soft, all := false, false, false
	which := lims[1]
	for len(a) > 0 && strings.HasPrefix(a[0], "-") && len(a[0]) > 1 {
		for _, c := range a[0][1:] {
			switch c {
			case 'H':
				hard = true
			case 'S':
				soft = true
			case 'a':
				all = true
			default:
				found := false
				for _, l := range lims {
					if l.opt == byte(c) {
						which, found = l, true
					}
				}
				if !found {
					s.errorf("ulimit: Illegal option -%c", c)
					return 2
				}
			}
		}
		a = a[1:]
	}
	show := func(l lim) string {
		var r unix.Rlimit
		unix.Getrlimit(l.res, &r)
		v := r.Cur
		if hard {
			v = r.Max
		}
		if v == unix.RLIM_INFINITY {
			return "unlimited"
		}
		return strconv.FormatUint(v/l.scale, 10)
	}
	if all {
		var b strings.Builder
		for _, l := range lims {
			fmt.Fprintf(&b, "%-20s %s\n", l.name, show(l))
		}
		return s.out(b.String())
	}
	if len(a) == 0 {
		return s.out(show(which) + "\n")
	}
	var r unix.Rlimit
	unix.Getrlimit(which.res, &r)
	var v uint64
	if a[0] == "unlimited" {
		v = unix.RLIM_INFINITY
	} else {
		n, err := strconv.ParseUint(a[0], 10, 64)
		if err != nil {
			s.errorf("ulimit: bad number")
			return 2
		}
		v = n * which.scale
	}
	if !hard && !soft {
		hard, soft = true, true
	}
	if hard {
		r.Max = v
	}
	if soft {
		r.Cur = v
	}
	if err := unix.Setrlimit(which.res, &r); err != nil {
		s.errorf("ulimit: error setting limit (%s)", errnoMsg(err))
		return 2
	}
	return 0
}

// getoptsBuiltin is getopts(1) with dash's messages.
func (s *Shell) getoptsBuiltin(a []string) int {
	if len(a) < 2 {
		s.errorf("getopts: Usage: getopts optstring var [arg...]")
		return 2
	}
	optstr, name := a[0], a[1]
	if !isName(name) {
		s.errorf("getopts: %s: bad variable name", name)
		return 2
	}
	args := s.params
	if len(a) > 2 {
		args = a[2:]
	}
	if s.optReset {
		s.setVar("OPTIND", "1")
		s.lastOptind = 0
	}
	optindStr, _ := s.getVar("OPTIND")
	optind, err := strconv.Atoi(optindStr)
	if err != nil || optind < 1 {
		optind = 1
	}
	if optind == 1 && s.lastOptind != 1 {
		s.getoptsPos = 0
	}
	silent := strings.HasPrefix(optstr, ":")
	if silent {
		optstr = optstr[1:]
	}
	done := func() int {
		s.setVar(name, "?")
		s.unsetVar("OPTARG")
		s.setVar("OPTIND", strconv.Itoa(optind))
		s.lastOptind = optind
		return 1
	}
	if optind-1 >= len(args) {
		return done()
	}
	arg := args[optind-1]
	if s.getoptsPos == 0 {
		if len(arg) < 2 || arg[0] != '-' {
			return done()
		}
		if arg == "--" {
			optind++
			return done()
		}
		s.getoptsPos = 1
	}
	c := arg[s.getoptsPos]
	s.getoptsPos++
	advance := func() {
		if s.getoptsPos >= len(arg) {
			optind++
			s.getoptsPos = 0
		}
	}
	k := strings.IndexByte(optstr, c)
	if k < 0 || c == ':' {
		advance()
		if silent {
			s.setVar("OPTARG", string(c))
		} else {
			writeAll(2, []byte("Illegal option -"+string(c)+"\n"))
			s.unsetVar("OPTARG")
		}
		s.setVar(name, "?")
		s.setVar("OPTIND", strconv.Itoa(optind))
		s.lastOptind = optind
		return 0
	}
	if k+1 < len(optstr) && optstr[k+1] == ':' {
		var val string
		if s.getoptsPos < len(arg) {
			val = arg[s.getoptsPos:]
			optind++
			s.getoptsPos = 0
		} else if optind < len(args) {
			val = args[optind]
			optind += 2
			s.getoptsPos = 0
		} else {
			optind++
			s.getoptsPos = 0
			if silent {
				s.setVar("OPTARG", string(c))
				s.setVar(name, ":")
			} else {
				writeAll(2, []byte("No arg for -"+string(c)+" option\n"))
				s.unsetVar("OPTARG")
				s.setVar(name, "?")
			}
			s.setVar("OPTIND", strconv.Itoa(optind))
			s.lastOptind = optind
			return 0
		}
		s.setVar("OPTARG", val)
	} else {
		advance()
		s.setVar("OPTARG", "")
	}
	s.setVar(name, string(c))
	s.setVar("OPTIND", strconv.Itoa(optind))
	s.lastOptind = optind
	return 0
}

// rebuildSpec drops the 0 flag of a string conversion's spec, keeping
// the width: %05s pads with spaces in C.
func rebuildSpec(spec string) string {
	i := 1
	var flags []byte
	for i < len(spec) && strings.IndexByte("-+ #0", spec[i]) >= 0 {
		if spec[i] != '0' {
			flags = append(flags, spec[i])
		}
		i++
	}
	return "%" + string(flags) + spec[i:]
}

// appendEscapesB is %b's escapes: echo's, plus \NNN octal without the
// leading 0.
func appendEscapesB(b []byte, s string) ([]byte, bool) {
	var out []byte
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) && s[i+1] >= '1' && s[i+1] <= '7' {
			v, k := 0, i+1
			for ; k < len(s) && k < i+4 && s[k] >= '0' && s[k] <= '7'; k++ {
				v = v*8 + int(s[k]-'0')
			}
			out = append(out, byte(v))
			i = k - 1
			continue
		}
		j := i
		for j < len(s) && !(s[j] == '\\' && j+1 < len(s) && s[j+1] >= '1' && s[j+1] <= '7') {
			j++
		}
		var stop bool
		out, stop = appendEscapes(out, s[i:j], true)
		if stop {
			return append(b, out...), true
		}
		i = j - 1
	}
	return append(b, out...), false
}
