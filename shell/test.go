package shell

import (
	"strconv"
	"strings"

	"golang.org/x/sys/unix"
	"mvdan.cc/sh/v3/syntax"
)

// testBuiltin is test(1) and [: POSIX's rules by argument count, and a
// recursive parser with -a, -o, ! and ( ) beyond four arguments.
func (s *Shell) testBuiltin(a []string, bracket bool) int {
	if bracket {
		if len(a) == 0 || a[len(a)-1] != "]" {
			s.errorf("[: missing ]")
			return 2
		}
		a = a[:len(a)-1]
	}
	t := &tester{s: s, args: a, name: "test"}
	if bracket {
		t.name = "["
	}
	r, ok := t.run()
	if !ok {
		return 2
	}
	if r {
		return 0
	}
	return 1
}

type tester struct {
	s    *Shell
	name string
	args []string
	pos  int
	err  bool
}

func (t *tester) fail(format string, args ...any) {
	if !t.err {
		t.s.errorf(t.name+": "+format, args...)
	}
	t.err = true
}

func (t *tester) run() (bool, bool) {
	a := t.args
	var r bool
	switch len(a) {
	case 0:
		return false, true
	case 1:
		return a[0] != "", true
	case 2:
		if a[0] == "!" {
			return a[1] == "", true
		}
		switch a[1] {
		case "-a":
			return false, true // dash: the missing operand is false
		case "-o":
			return a[0] != "", true
		}
		if isBinaryOp(a[1]) {
			t.fail("%s: argument expected", a[1])
			return false, false
		}
		if isUnaryOp(a[0]) {
			r = t.unary(a[0], a[1])
			return r, !t.err
		}
	case 3:
		if isBinaryOp(a[1]) {
			r = t.binary(a[0], a[1], a[2])
			return r, !t.err
		}
		if a[0] == "!" {
			t2 := &tester{s: t.s, name: t.name, args: a[1:]}
			r, ok := t2.run()
			return !r, ok
		}
		if a[0] == "(" && a[2] == ")" {
			return a[1] != "", true
		}
	case 4:
		if a[0] == "!" {
			t2 := &tester{s: t.s, name: t.name, args: a[1:]}
			r, ok := t2.run()
			return !r, ok
		}
		if a[0] == "(" && a[3] == ")" {
			t2 := &tester{s: t.s, name: t.name, args: a[1:3]}
			return t2.run()
		}
	}
	r = t.orExpr()
	if !t.err && t.pos < len(t.args) {
		t.fail("%s: unexpected operator", t.args[0])
	}
	return r, !t.err
}

func (t *tester) peek() (string, bool) {
	if t.pos < len(t.args) {
		return t.args[t.pos], true
	}
	return "", false
}

func (t *tester) orExpr() bool {
	r := t.andExpr()
	for {
		if w, ok := t.peek(); ok && w == "-o" {
			t.pos++
			if t.pos == len(t.args) {
				return r // dash: a missing right operand of -o is not an error
			}
			r2 := t.andExpr()
			r = r || r2
			continue
		}
		return r
	}
}

func (t *tester) andExpr() bool {
	r := t.notExpr()
	for {
		if w, ok := t.peek(); ok && w == "-a" {
			t.pos++
			if t.pos == len(t.args) {
				return false
			}
			r2 := t.notExpr()
			r = r && r2
			continue
		}
		return r
	}
}

func (t *tester) notExpr() bool {
	if w, ok := t.peek(); ok && w == "!" {
		t.pos++
		return !t.notExpr()
	}
	return t.primary()
}

func (t *tester) primary() bool {
	w, ok := t.peek()
	if !ok {
		t.fail("argument expected")
		return false
	}
	if w == "(" {
		t.pos++
		r := t.orExpr()
		if c, ok := t.peek(); !ok || c != ")" {
			t.fail("closing paren expected")
			return false
		}
		t.pos++
		return r
	}
	// binary?
	if t.pos+2 < len(t.args)+0 && t.pos+1 < len(t.args) && isBinaryOp(t.args[t.pos+1]) && t.pos+2 < len(t.args) {
		r := t.binary(w, t.args[t.pos+1], t.args[t.pos+2])
		t.pos += 3
		return r
	}
	if isUnaryOp(w) && t.pos+1 < len(t.args) {
		r := t.unary(w, t.args[t.pos+1])
		t.pos += 2
		return r
	}
	t.pos++
	return w != ""
}

func isUnaryOp(op string) bool {
	switch op {
	case "-b", "-c", "-d", "-e", "-f", "-g", "-h", "-k", "-L", "-n", "-p", "-r", "-s", "-S", "-t", "-u", "-w", "-x", "-z", "-O", "-G":
		return true
	}
	return false
}

func isBinaryOp(op string) bool {
	switch op {
	case "=", "!=", "-eq", "-ne", "-lt", "-le", "-gt", "-ge", "-nt", "-ot", "-ef", "<", ">": // no ==: dash's test has none
		return true
	}
	return false
}

func (t *tester) unary(op, arg string) bool {
	switch op {
	case "-n":
		return arg != ""
	case "-z":
		return arg == ""
	case "-t":
		n, err := strconv.Atoi(arg)
		if err != nil {
			t.fail("Illegal number: %s", arg)
			return false
		}
		return isatty(n)
	case "-r":
		return unix.Access(arg, unix.R_OK) == nil
	case "-w":
		return unix.Access(arg, unix.W_OK) == nil
	case "-x":
		return unix.Access(arg, unix.X_OK) == nil
	}
	var st unix.Stat_t
	var err error
	if op == "-h" || op == "-L" {
		err = unix.Lstat(arg, &st)
	} else {
		err = unix.Stat(arg, &st)
	}
	if err != nil {
		return false
	}
	m := st.Mode
	switch op {
	case "-b":
		return m&unix.S_IFMT == unix.S_IFBLK
	case "-c":
		return m&unix.S_IFMT == unix.S_IFCHR
	case "-d":
		return m&unix.S_IFMT == unix.S_IFDIR
	case "-e":
		return true
	case "-f":
		return m&unix.S_IFMT == unix.S_IFREG
	case "-g":
		return m&unix.S_ISGID != 0
	case "-h", "-L":
		return m&unix.S_IFMT == unix.S_IFLNK
	case "-k":
		return m&unix.S_ISVTX != 0
	case "-p":
		return m&unix.S_IFMT == unix.S_IFIFO
	case "-s":
		return st.Size > 0
	case "-S":
		return m&unix.S_IFMT == unix.S_IFSOCK
	case "-u":
		return m&unix.S_ISUID != 0
	case "-O":
		return int(st.Uid) == unix.Geteuid()
	case "-G":
		return int(st.Gid) == unix.Getegid()
	}
	return false
}

func (t *tester) number(s string) int64 {
	v := strings.TrimSpace(s)
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		t.fail("Illegal number: %s", s)
		return 0
	}
	return n
}

func (t *tester) binary(x, op, y string) bool {
	switch op {
	case "=", "==":
		return x == y
	case "!=":
		return x != y
	case "<":
		return x < y
	case ">":
		return x > y
	case "-eq", "-ne", "-lt", "-le", "-gt", "-ge":
		a, b := t.number(x), t.number(y)
		switch op {
		case "-eq":
			return a == b
		case "-ne":
			return a != b
		case "-lt":
			return a < b
		case "-le":
			return a <= b
		case "-gt":
			return a > b
		default:
			return a >= b
		}
	}
	var sa, sb unix.Stat_t
	ea, eb := unix.Stat(x, &sa), unix.Stat(y, &sb)
	switch op {
	case "-nt":
		return ea == nil && eb == nil && sa.Mtim.Nano() > sb.Mtim.Nano()
	case "-ot":
		return ea == nil && eb == nil && sa.Mtim.Nano() < sb.Mtim.Nano()
	case "-ef":
		return ea == nil && eb == nil && sa.Dev == sb.Dev && sa.Ino == sb.Ino
	}
	return false
}

// execTestClause runs bash's [[ ]] (bash mode only).
func (s *Shell) execTestClause(x syntax.TestExpr) int {
	r, err := s.evalTest(x)
	if err != nil {
		s.expandError(err)
		return 2
	}
	if r {
		return 0
	}
	return 1
}

func (s *Shell) evalTest(x syntax.TestExpr) (bool, error) {
	switch e := x.(type) {
	case *syntax.Word:
		v, err := s.literal(e)
		return v != "", err
	case *syntax.ParenTest:
		return s.evalTest(e.X)
	case *syntax.UnaryTest:
		if e.Op == syntax.TsNot {
			r, err := s.evalTest(e.X)
			return !r, err
		}
		w, ok := e.X.(*syntax.Word)
		if !ok {
			return false, nil
		}
		v, err := s.literal(w)
		if err != nil {
			return false, err
		}
		t := &tester{s: s}
		return t.unary(e.Op.String(), v), nil
	case *syntax.BinaryTest:
		switch e.Op {
		case syntax.AndTest, syntax.OrTest:
			l, err := s.evalTest(e.X)
			if err != nil {
				return false, err
			}
			if (e.Op == syntax.AndTest) != l {
				return l, nil
			}
			return s.evalTest(e.Y)
		}
		xw, _ := e.X.(*syntax.Word)
		yw, _ := e.Y.(*syntax.Word)
		xv, err := s.literal(xw)
		if err != nil {
			return false, err
		}
		if e.Op == syntax.TsMatch || e.Op == syntax.TsNoMatch {
			pat, err := s.pattern(yw)
			if err != nil {
				return false, err
			}
			return matchPattern(pat, xv) == (e.Op == syntax.TsMatch), nil
		}
		yv, err := s.literal(yw)
		if err != nil {
			return false, err
		}
		t := &tester{s: s}
		return t.binary(xv, e.Op.String(), yv), nil
	}
	return false, nil
}

// matchPattern is fnmatch(3) without flags: * ? [...] [!...] and
// backslash-escaped characters, matching the whole string.
func matchPattern(pat, s string) bool {
	px, sx := 0, 0
	nextPx, nextSx := -1, -1
	for px < len(pat) || sx < len(s) {
		if px < len(pat) {
			c := pat[px]
			switch c {
			case '*':
				nextPx, nextSx = px, sx+1
				px++
				continue
			case '?':
				if sx < len(s) {
					px++
					sx++
					continue
				}
			case '[':
				if sx < len(s) {
					if ok, n := matchClass(pat[px:], s[sx]); n > 0 {
						if ok {
							px += n
							sx++
							continue
						}
					} else if s[sx] == '[' {
						px++
						sx++
						continue
					}
				}
			case '\\':
				if px+1 < len(pat) && sx < len(s) && pat[px+1] == s[sx] {
					px += 2
					sx++
					continue
				}
				if px+1 == len(pat) && sx < len(s) && s[sx] == '\\' {
					px++
					sx++
					continue
				}
			default:
				if sx < len(s) && s[sx] == c {
					px++
					sx++
					continue
				}
			}
		}
		if nextSx > 0 && nextSx <= len(s) {
			px, sx = nextPx, nextSx
			continue
		}
		return false
	}
	return true
}

// matchClass matches a bracket expression at the start of pat; n is its
// length, 0 if it is not a complete bracket expression.
func matchClass(pat string, c byte) (bool, int) {
	i := 1
	neg := false
	if i < len(pat) && pat[i] == '!' {
		neg = true
		i++
	}
	match := false
	first := true
	for i < len(pat) {
		if pat[i] == ']' && !first {
			return match != neg, i + 1
		}
		first = false
		if pat[i] == '[' && i+1 < len(pat) && pat[i+1] == ':' {
			end := strings.Index(pat[i+2:], ":]")
			if end >= 0 {
				if classMatch(pat[i+2:i+2+end], c) {
					match = true
				}
				i += end + 4
				continue
			}
		}
		lo := pat[i]
		if lo == '\\' && i+1 < len(pat) {
			i++
			lo = pat[i]
		}
		i++
		hi := lo
		if i+1 < len(pat) && pat[i] == '-' && pat[i+1] != ']' {
			hi = pat[i+1]
			if hi == '\\' && i+2 < len(pat) {
				hi = pat[i+2]
				i++
			}
			i += 2
		}
		if lo <= c && c <= hi {
			match = true
		}
	}
	return false, 0
}

func classMatch(class string, c byte) bool {
	switch class {
	case "alpha":
		return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
	case "digit":
		return c >= '0' && c <= '9'
	case "alnum":
		return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
	case "upper":
		return c >= 'A' && c <= 'Z'
	case "lower":
		return c >= 'a' && c <= 'z'
	case "space":
		return c == ' ' || c >= '\t' && c <= '\r'
	case "blank":
		return c == ' ' || c == '\t'
	case "punct":
		return c > ' ' && c < 127 && !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')
	case "print":
		return c >= ' ' && c < 127
	case "graph":
		return c > ' ' && c < 127
	case "cntrl":
		return c < ' ' || c == 127
	case "xdigit":
		return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
	}
	return false
}

// execDecl runs bash's parsed declarations (local, export, readonly,
// declare) in bash mode.
func (s *Shell) execDecl(c *syntax.DeclClause) int {
	var args []string
	args = append(args, c.Variant.Value)
	for _, a := range c.Args {
		if a.Naked {
			if a.Name != nil {
				args = append(args, a.Name.Value)
			} else if a.Value != nil {
				f, err := s.fields([]*syntax.Word{a.Value})
				if err != nil {
					s.expandError(err)
					return 2
				}
				args = append(args, f...)
			}
			continue
		}
		v, err := s.assignValue(a)
		if err != nil {
			s.expandError(err)
			return 2
		}
		args = append(args, a.Name.Value+"="+v)
	}
	name := args[0]
	if name == "declare" || name == "typeset" {
		name = "local"
		if len(s.localSaves) == 0 {
			return s.exportBuiltin("export", args[1:]) // approximation outside functions
		}
	}
	return s.runBuiltin(name, args)
}
