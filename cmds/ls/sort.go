package ls

import (
	"slices"
	"strings"

	"golang.org/x/sys/unix"
)

// isLinkedDir is what --group-directories-first puts first.
func isLinkedDir(f *fileInfo) bool {
	return f.typ == ftDir || f.typ == ftArgDir || (f.linkOK && f.linkMode&unix.S_IFMT == unix.S_IFDIR)
}

// sortFiles fills l.sorted with the files in output order.
func (l *lister) sortFiles() {
	c := l.c
	if c.sort == sortNone {
		return
	}
	var key func(a, b *fileInfo) int
	switch c.sort {
	case sortTime:
		key = func(a, b *fileInfo) int {
			if a.tsec != b.tsec {
				if b.tsec < a.tsec {
					return -1
				}
				return 1
			}
			if a.tnsec != b.tnsec {
				if b.tnsec < a.tnsec {
					return -1
				}
				return 1
			}
			return strings.Compare(a.name, b.name)
		}
	case sortSize:
		key = func(a, b *fileInfo) int {
			if a.size != b.size {
				if b.size < a.size {
					return -1
				}
				return 1
			}
			return strings.Compare(a.name, b.name)
		}
	case sortExtension:
		key = func(a, b *fileInfo) int {
			ea, eb := "", ""
			if i := strings.LastIndexByte(a.name, '.'); i >= 0 {
				ea = a.name[i:]
			}
			if i := strings.LastIndexByte(b.name, '.'); i >= 0 {
				eb = b.name[i:]
			}
			if d := strings.Compare(ea, eb); d != 0 {
				return d
			}
			return strings.Compare(a.name, b.name)
		}
	case sortVersion:
		key = func(a, b *fileInfo) int {
			if d := filevercmp(a.name, b.name); d != 0 {
				return d
			}
			return strings.Compare(a.name, b.name)
		}
	case sortWidth:
		key = func(a, b *fileInfo) int {
			if d := l.nameWidth(a) - l.nameWidth(b); d != 0 {
				return d
			}
			return strings.Compare(a.name, b.name)
		}
	default:
		key = func(a, b *fileInfo) int { return strings.Compare(a.name, b.name) }
	}
	rev, dirsFirst := c.reverse, c.dirsFirst
	if c.sort == sortName && !dirsFirst {
		// The common case, without the indirections of the general one.
		if rev {
			slices.SortFunc(l.sorted, func(a, b *fileInfo) int { return strings.Compare(b.name, a.name) })
		} else {
			slices.SortFunc(l.sorted, func(a, b *fileInfo) int { return strings.Compare(a.name, b.name) })
		}
		return
	}
	// Every comparison ends with the names, so no two distinct entries
	// are equal and an unstable sort gives GNU's order.
	slices.SortFunc(l.sorted, func(a, b *fileInfo) int {
		if dirsFirst {
			ad, bd := isLinkedDir(a), isLinkedDir(b)
			if ad != bd {
				if ad {
					return -1
				}
				return 1
			}
		}
		if rev {
			return key(b, a)
		}
		return key(a, b)
	})
}

// filevercmp compares names as gnulib's filevercmp does (ls -v): ".", ".."
// and dot files first, then runs of digits compared as numbers, with
// file suffixes like ".tar.gz" considered last.
func filevercmp(a, b string) int {
	if a == b {
		return 0
	}
	if a == "" {
		return -1
	}
	if b == "" {
		return 1
	}
	if a[0] == '.' {
		if b[0] != '.' {
			return -1
		}
		adot, bdot := a == ".", b == "."
		if adot {
			return -1
		}
		if bdot {
			return 1
		}
		if a == ".." {
			return -1
		}
		if b == ".." {
			return 1
		}
	} else if b[0] == '.' {
		return 1
	}
	ap, bp := filePrefixLen(a), filePrefixLen(b)
	onePass := ap == len(a) && bp == len(b)
	r := verrevcmp(a[:ap], b[:bp])
	if r != 0 || onePass {
		return r
	}
	return verrevcmp(a, b)
}

func isAlpha(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// filePrefixLen is the length of s without its suffix, the longest tail
// matching (\.[A-Za-z~][A-Za-z0-9~]*)*.
func filePrefixLen(s string) int {
	prefix := 0
	for i := 0; ; {
		if i == len(s) {
			return prefix
		}
		i++
		prefix = i
		for i+1 < len(s) && s[i] == '.' && (isAlpha(s[i+1]) || s[i+1] == '~') {
			for i += 2; i < len(s) && (isAlpha(s[i]) || isDigit(s[i]) || s[i] == '~'); i++ {
			}
		}
	}
}

func order(c byte) int {
	switch {
	case isDigit(c):
		return 0
	case isAlpha(c):
		return int(c)
	case c == '~':
		return -1
	}
	return int(c) + 256
}

func verrevcmp(a, b string) int {
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		firstDiff := 0
		for (i < len(a) && !isDigit(a[i])) || (j < len(b) && !isDigit(b[j])) {
			ac, bc := 0, 0
			if i < len(a) {
				ac = order(a[i])
			}
			if j < len(b) {
				bc = order(b[j])
			}
			if ac != bc {
				return ac - bc
			}
			i++
			j++
		}
		for i < len(a) && a[i] == '0' {
			i++
		}
		for j < len(b) && b[j] == '0' {
			j++
		}
		for i < len(a) && j < len(b) && isDigit(a[i]) && isDigit(b[j]) {
			if firstDiff == 0 {
				firstDiff = int(a[i]) - int(b[j])
			}
			i++
			j++
		}
		if i < len(a) && isDigit(a[i]) {
			return 1
		}
		if j < len(b) && isDigit(b[j]) {
			return -1
		}
		if firstDiff != 0 {
			return firstDiff
		}
	}
	return 0
}
