package mode

import "strings"

// TypeLetter returns the character ls -l shows for the file type of m:
// '-' regular, 'd' directory, 'l' symbolic link, 'p' FIFO, 's' socket,
// 'c' character device, 'b' block device, '?' anything else.
func TypeLetter(m uint32) byte {
	switch m & TypeMask {
	case TypeReg:
		return '-'
	case TypeDir:
		return 'd'
	case TypeLink:
		return 'l'
	case TypeFifo:
		return 'p'
	case TypeSock:
		return 's'
	case TypeChr:
		return 'c'
	case TypeBlk:
		return 'b'
	}
	return '?'
}

// AppendPermissions appends the nine permission characters of m to b as
// ls -l shows them: rwx per class, with the set-user-ID, set-group-ID and
// sticky bits folded into the x columns as s/S and t/T (the capital when
// the execute bit under it is off, which usually means a mistake).
func AppendPermissions(b []byte, m uint32) []byte {
	b = appendClass(b, m>>6, m&SetUID != 0, 's')
	b = appendClass(b, m>>3, m&SetGID != 0, 's')
	return appendClass(b, m, m&Sticky != 0, 't')
}

func appendClass(b []byte, bits uint32, special bool, letter byte) []byte {
	r, w, x := byte('-'), byte('-'), byte('-')
	if bits&4 != 0 {
		r = 'r'
	}
	if bits&2 != 0 {
		w = 'w'
	}
	switch {
	case special && bits&1 != 0:
		x = letter
	case special:
		x = letter - 'a' + 'A'
	case bits&1 != 0:
		x = 'x'
	}
	return append(b, r, w, x)
}

// Permissions returns the nine permission characters of m ("rwsr-xr-x").
func Permissions(m uint32) string {
	var buf [9]byte
	return string(AppendPermissions(buf[:0], m))
}

// String returns the type letter and permissions, as the first column of
// ls -l without its ACL marker: "-rwsr-xr-x", "drwxrwxrwt".
func String(m uint32) string {
	var buf [10]byte
	buf[0] = TypeLetter(m)
	return string(AppendPermissions(buf[:1], m))
}

// Symbolic returns a symbolic mode string that sets exactly the permission
// bits of m when applied: "u=rwxs,g=rx,o=t". It is the inverse of Parse
// for the symbolic grammar, as the octal form "%04o" is for numbers.
func Symbolic(m uint32) string {
	var b strings.Builder
	classes := [3]struct {
		who     byte
		shift   uint
		special uint32
		letter  byte
	}{{'u', 6, SetUID, 's'}, {'g', 3, SetGID, 's'}, {'o', 0, Sticky, 't'}}
	for i, c := range classes {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteByte(c.who)
		b.WriteByte('=')
		bits := m >> c.shift
		for j, l := range "rwx" {
			if bits&(4>>j) != 0 {
				b.WriteRune(l)
			}
		}
		if m&c.special != 0 {
			b.WriteByte(c.letter)
		}
	}
	return b.String()
}

// TypeName describes the file type of m in the words GNU tools use in
// prompts and in stat's %F: "regular file", "regular empty file" (when
// size is 0), "directory", "symbolic link", "fifo", "socket", "character
// special file", "block special file", or "weird file".
func TypeName(m uint32, size int64) string {
	switch m & TypeMask {
	case TypeReg:
		if size == 0 {
			return "regular empty file"
		}
		return "regular file"
	case TypeDir:
		return "directory"
	case TypeLink:
		return "symbolic link"
	case TypeFifo:
		return "fifo"
	case TypeSock:
		return "socket"
	case TypeChr:
		return "character special file"
	case TypeBlk:
		return "block special file"
	}
	return "weird file"
}
