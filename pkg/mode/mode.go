// Package mode parses chmod(1) mode strings and formats st_mode values the
// way ls -l shows them.
//
// A mode string is either an octal number of 1 to 4 digits (more leading
// zeros are allowed) or a comma-separated list of symbolic clauses
// `[ugoa]*([-+=]([rwxXst]*|[ugo]|[0-7]+))+`. The meaning follows GNU
// coreutils, including its less obvious rules, because users compare the
// result with what GNU chmod did:
//
//   - Without a "who" (`+x`, `-w`, `=r`) the bits masked by the umask are
//     left alone, so `chmod +w f` under umask 022 only adds u+w.
//   - `=` clears every bit of the chosen classes before setting; without a
//     "who" it clears all bits, but still honours the umask when setting.
//   - `X` means x only for directories and files that some class can
//     already execute.
//   - `g=u` copies the user's current rwx bits to the group.
//   - On directories, the set-user-ID and set-group-ID bits are kept unless
//     the mode mentions them (`chmod 755 dir` keeps a setgid bit, as it
//     keeps new files in the group; `chmod 00755 dir` or `g-s` clears it).
//
// The package has no state: a parsed Mode can be applied to any number of
// files, each with its own old mode.
package mode

import (
	"fmt"
	"os"
	"strconv"
	"strings"

	"golang.org/x/sys/unix"
)

// Permission and type bits of st_mode, as in <sys/stat.h>. They are spelled
// out here so that this package works on raw uint32 values from statx,
// getdents or a cpio header without caring about os.FileMode's encoding.
const (
	SetUID = 0o4000
	SetGID = 0o2000
	Sticky = 0o1000
	Perm   = 0o777  // rwxrwxrwx
	All    = 0o7777 // the bits chmod can change

	TypeMask = 0o170000
	TypeSock = 0o140000
	TypeLink = 0o120000
	TypeReg  = 0o100000
	TypeBlk  = 0o060000
	TypeDir  = 0o040000
	TypeChr  = 0o020000
	TypeFifo = 0o010000

	user  = SetUID | 0o700
	group = SetGID | 0o070
	other = Sticky | 0o007
	allR  = 0o444
	allW  = 0o222
	allX  = 0o111
)

// kinds of value a clause takes.
const (
	ordinary = iota // the bits written in the clause
	copyBits        // u, g or o: copy the class's current bits
	xIfAnyX         // X: execute only for directories or executables
)

// clause is one operator with its value: `u+x` is one, `u+x-w` two.
type clause struct {
	op   byte   // '+', '-' or '='
	kind uint8  // ordinary, copyBits or xIfAnyX
	who  uint32 // bits of the classes named before the operator; 0 = none named
	// value holds the bits to set or clear, for all classes at once before
	// they are narrowed to who (or to the umask when who is 0).
	value uint32
	// mentioned are the bits the clause names explicitly; on directories,
	// set-ID bits not mentioned are left as they were.
	mentioned uint32
}

// Mode is a parsed mode string, ready to apply to files.
type Mode struct {
	clauses []clause
}

// InvalidError is returned for a string that is not a mode. Its text is the
// bare reason; chmod words the message itself ("invalid mode: 'q+z'").
type InvalidError struct {
	Mode string
}

func (e *InvalidError) Error() string { return fmt.Sprintf("invalid mode: %q", e.Mode) }

// Parse compiles s. It never panics, whatever s holds.
func Parse(s string) (*Mode, error) {
	if s != "" && isOctal(s[0]) {
		v, rest, ok := octal(s)
		if !ok || rest != "" {
			return nil, &InvalidError{s}
		}
		mentioned := uint32(All)
		if len(s) < 5 {
			// Up to four digits leave the set-ID bits of directories
			// alone unless they are given, as GNU does.
			mentioned = v&(SetUID|SetGID) | Sticky | Perm
		}
		return &Mode{clauses: []clause{{op: '=', who: All, value: v, mentioned: mentioned}}}, nil
	}
	m := &Mode{}
	p := 0
	for {
		var who uint32
	whoLoop:
		for ; p < len(s); p++ {
			switch s[p] {
			case 'u':
				who |= user
			case 'g':
				who |= group
			case 'o':
				who |= other
			case 'a':
				who |= All
			default:
				break whoLoop
			}
		}
		if p >= len(s) || !isOp(s[p]) {
			return nil, &InvalidError{s}
		}
		for p < len(s) && isOp(s[p]) {
			c := clause{op: s[p], who: who}
			p++
			switch {
			case p < len(s) && (s[p] == 'u' || s[p] == 'g' || s[p] == 'o'):
				c.kind = copyBits
				c.value = classBits(s[p])
				p++
			case p < len(s) && isOctal(s[p]):
				v, rest, ok := octal(s[p:])
				if !ok || who != 0 || (rest != "" && rest[0] != ',') {
					return nil, &InvalidError{s}
				}
				p = len(s) - len(rest)
				who = All
				c.who, c.value, c.mentioned = All, v, All
				m.clauses = append(m.clauses, c)
				continue
			default:
			valueLoop:
				for ; p < len(s); p++ {
					switch s[p] {
					case 'r':
						c.value |= allR
					case 'w':
						c.value |= allW
					case 'x':
						c.value |= allX
					case 'X':
						c.kind = xIfAnyX
					case 's':
						c.value |= SetUID | SetGID
					case 't':
						c.value |= Sticky
					default:
						break valueLoop
					}
				}
			}
			if who != 0 {
				c.mentioned = who & c.value
			} else {
				c.mentioned = c.value
			}
			m.clauses = append(m.clauses, c)
		}
		if p == len(s) {
			return m, nil
		}
		if s[p] != ',' {
			return nil, &InvalidError{s}
		}
		p++
	}
}

// classBits returns the rwx bits of class u, g or o.
func classBits(c byte) uint32 {
	switch c {
	case 'u':
		return 0o700
	case 'g':
		return 0o070
	}
	return 0o007
}

func isOctal(c byte) bool { return '0' <= c && c <= '7' }
func isOp(c byte) bool    { return c == '+' || c == '-' || c == '=' }

// octal reads leading octal digits of s; ok is false when the value does
// not fit in 07777.
func octal(s string) (v uint32, rest string, ok bool) {
	i := 0
	for ; i < len(s) && isOctal(s[i]); i++ {
		v = v*8 + uint32(s[i]-'0')
		if v > All {
			return 0, "", false
		}
	}
	return v, s[i:], true
}

// Apply returns the mode that m gives a file whose mode is old (only its
// permission bits matter, plus whether it is a directory), under umask.
// changed reports which bits the mode string set or cleared explicitly,
// as mkdir -p and mkfifo -m need to know.
func (m *Mode) Apply(old uint32, isDir bool, umask uint32) (mode uint32, changed uint32) {
	mode = old & All
	for _, c := range m.clauses {
		var keepSetID uint32
		if isDir {
			keepSetID = (SetUID | SetGID) &^ c.mentioned
		}
		v := c.value
		switch c.kind {
		case copyBits:
			v &= mode
			if v&allR != 0 {
				v |= allR
			}
			if v&allW != 0 {
				v |= allW
			}
			if v&allX != 0 {
				v |= allX
			}
		case xIfAnyX:
			if mode&allX != 0 || isDir {
				v |= allX
			}
		}
		if c.who != 0 {
			v &= c.who
		} else {
			v &^= umask
		}
		v &^= keepSetID
		switch c.op {
		case '=':
			var preserved uint32
			if c.who != 0 {
				preserved = ^c.who
			}
			preserved |= keepSetID
			changed |= All &^ preserved
			mode = mode&preserved | v
		case '+':
			changed |= v
			mode |= v
		case '-':
			changed |= v
			mode &^= v
		}
	}
	return mode & All, changed
}

// IsOctal reports whether the mode was given as a number, which sets every
// permission bit whatever the file had.
func (m *Mode) IsOctal() bool {
	return len(m.clauses) == 1 && m.clauses[0].who == All && m.clauses[0].op == '=' &&
		m.clauses[0].kind == ordinary
}

// DependsOnOld reports whether Apply's result for a non-directory depends
// on the old mode. chmod -R skips the stat of plain files when it does not.
func (m *Mode) DependsOnOld() bool {
	for _, c := range m.clauses {
		if c.op != '=' || c.kind != ordinary || c.who != All {
			return true
		}
	}
	return false
}

// Umask returns the process's file mode creation mask. It reads it from
// /proc/self/status when it can, because the only system call that returns
// it, umask(2), also sets it, and changing it for a moment would race with
// other goroutines creating files.
func Umask() uint32 {
	if data, err := os.ReadFile("/proc/self/status"); err == nil {
		for _, line := range strings.Split(string(data), "\n") {
			if v, ok := strings.CutPrefix(line, "Umask:"); ok {
				if n, err := strconv.ParseUint(strings.TrimSpace(v), 8, 32); err == nil {
					return uint32(n)
				}
			}
		}
	}
	old := unix.Umask(0)
	unix.Umask(old)
	return uint32(old)
}
