package ls

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/zinebox/zinebox/pkg/fsname"
	"github.com/zinebox/zinebox/pkg/quote"

	"golang.org/x/sys/unix"
)

// flushAt is how much output is gathered before it goes to stdout.
const flushAt = 32 << 10

func (l *lister) flushLine() {
	if len(l.line) > 0 {
		l.o.Stdout.Write(l.line)
		l.written += len(l.line)
		l.line = l.line[:0]
	}
}

func (l *lister) putByte(b byte) {
	l.line = append(l.line, b)
	if len(l.line) >= flushAt {
		l.flushLine()
	}
}

func (l *lister) spaces(n int) {
	for ; n > 0; n-- {
		l.line = append(l.line, ' ')
	}
}

// padLeft appends s right-aligned in width columns.
func padLeft(dst []byte, s []byte, width int) []byte {
	for i := len(s); i < width; i++ {
		dst = append(dst, ' ')
	}
	return append(dst, s...)
}

// printCurrentFiles prints the sorted listing in the chosen format.
func (l *lister) printCurrentFiles() {
	c := l.c
	switch c.format {
	case oneLine:
		for _, f := range l.sorted {
			l.printNameAndFrills(f, 0)
			l.putByte(c.eol)
		}
	case longFormat:
		for _, f := range l.sorted {
			l.printLong(f)
			l.putByte(c.eol)
		}
	case manyPerLine:
		if c.lineLength == 0 {
			l.printWithSeparator(' ')
		} else {
			l.printManyPerLine()
		}
	case horizontal:
		if c.lineLength == 0 {
			l.printWithSeparator(' ')
		} else {
			l.printHorizontal()
		}
	case withCommas:
		l.printWithSeparator(',')
	}
}

// quoteName quotes name into l.qbuf as GNU's quote_name_buf does and
// returns the bytes, their display width, and whether quoting changed them.
func (l *lister) quoteName(name string) (q []byte, width int, quoted bool) {
	c := l.c
	st := c.quoting.Style
	l.qbuf = c.quoting.Append(l.qbuf[:0], name)
	q = l.qbuf
	quoted = string(q) != name
	qmark := c.qmark && (st == quote.Literal || st == quote.Shell || st == quote.ShellAlways)
	if c.utf8 {
		q, width = utf8Display(q, qmark)
		l.qbuf = q
		return q, width, quoted
	}
	if qmark {
		for i, b := range q {
			if b < 0x20 || b >= 0x7f {
				q[i] = '?'
			}
		}
		return q, len(q), quoted
	}
	for _, b := range q {
		if b >= 0x20 && b < 0x7f {
			width++
		}
	}
	return q, width, quoted
}

// utf8Display is the display width of q in a UTF-8 locale, as gnulib's
// mbsnwidth counts it; with qmark, it first replaces each unprintable
// character (or invalid byte) by a ?, in place, as GNU ls -q does.
func utf8Display(q []byte, qmark bool) ([]byte, int) {
	width := 0
	out := q[:0]
	for i := 0; i < len(q); {
		b := q[i]
		if b >= 0x20 && b < 0x7f {
			out = append(out, b)
			width++
			i++
			continue
		}
		r, size := utf8.DecodeRune(q[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			if !utf8.FullRune(q[i:]) {
				size = len(q) - i // cut short at the end: one ?
			}
			width++
			if qmark {
				out = append(out, '?')
			} else {
				out = append(out, q[i:i+size]...)
			}
		case quote.IsPrint(r):
			out = append(out, q[i:i+size]...)
			width += quote.RuneWidth(r)
		default:
			if qmark {
				out = append(out, '?')
				width++
			} else {
				out = append(out, q[i:i+size]...)
				if !(r < 0x20 || (r >= 0x7f && r < 0xa0)) {
					width++ // unprintable but not a control: one column
				}
			}
		}
		i += size
	}
	return out, width
}

// nameWidth is the display width of f's name as printed, alignment pad
// included.
func (l *lister) nameWidth(f *fileInfo) int {
	_, w, quoted := l.quoteName(f.name)
	if l.c.alignQuotes && l.someQuoted && !quoted {
		w++
	}
	return w
}

// printName prints f's name (or its link target) quoted, padded and
// coloured, and returns its length as GNU counts it for the clear-to-eol
// decision.
func (l *lister) printName(f *fileInfo, target bool, startCol int) int {
	c := l.c
	name := f.name
	if target {
		name = f.link
	}
	// Literal names need no work: the common case of ls into a pipe.
	literal := c.quoting.Style == 0 && !c.qmark
	var q []byte
	quoted := false
	if !literal {
		q, _, quoted = l.quoteName(name)
	}
	pad := !target && c.alignQuotes && l.someQuoted && !quoted
	var color []byte
	usedColor := false
	if c.color != nil {
		color = l.colorFor(f, target)
		usedColor = color != nil || c.color.isColored(cNorm)
	}
	if pad {
		l.line = append(l.line, ' ')
	}
	if color != nil {
		if c.color.isColored(cNorm) {
			l.putIndicator(c.color.ind[cLeft])
			l.putIndicator(c.color.ind[cRight])
		}
		l.putIndicator(c.color.ind[cLeft])
		l.putIndicator(color)
		l.putIndicator(c.color.ind[cRight])
	}
	// q lives in l.qbuf, which putIndicator does not touch.
	skipQuotes := false
	if c.hyperlink {
		// Padding aligns the links too: the outer quotes of a quoted
		// name stay outside its link when others are padded.
		if c.alignQuotes && l.someQuoted && quoted && len(q) >= 2 {
			skipQuotes = true
			l.line = append(l.line, q[0])
		}
		l.linkStart(l.absName(f))
	}
	record := c.dired && !target
	if record {
		l.diredPos = append(l.diredPos, l.offset())
	}
	n := len(q)
	switch {
	case literal:
		l.line = append(l.line, name...)
		n = len(name)
	case skipQuotes:
		l.line = append(l.line, q[1:len(q)-1]...)
	default:
		l.line = append(l.line, q...)
	}
	if record {
		l.diredPos = append(l.diredPos, l.offset())
	}
	if c.hyperlink {
		l.line = append(l.line, "\033]8;;\a"...)
		if skipQuotes {
			l.line = append(l.line, q[len(q)-1])
		}
	}
	if pad {
		n++
	}
	if usedColor {
		l.prepNonFilename()
		if ll := c.lineLength; ll > 0 && startCol/ll != (startCol+n-1)/ll {
			l.putIndicator(c.color.ind[cClrToEOL])
		}
	}
	return n
}

// linkStart opens an OSC 8 hyperlink to the file at the absolute path p.
func (l *lister) linkStart(p string) {
	l.line = append(l.line, "\033]8;;file://"...)
	l.line = append(l.line, l.c.hyperlinkHost...)
	if !strings.HasPrefix(p, "/") {
		l.line = append(l.line, '/')
	}
	l.line = append(l.line, uriEscape(p, true)...)
	l.line = append(l.line, '\a')
}

// uriEscape percent-encodes s for a file:// URI, keeping RFC 3986's
// unreserved characters (and / in a path).
func uriEscape(s string, path bool) string {
	const hex = "0123456789abcdef"
	var b []byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ||
			c == '-' || c == '.' || c == '_' || c == '~' || (path && c == '/') {
			b = append(b, c)
			continue
		}
		b = append(b, '%', hex[c>>4], hex[c&15])
	}
	return string(b)
}

// canonical makes name absolute and resolves every symbolic link in it,
// allowing missing components at the end, as gnulib's
// canonicalize_filename_mode(CAN_MISSING) does for --hyperlink.
func (l *lister) canonical(name string) string {
	p, err := fsname.Canonicalize(l.o.Dir, name, fsname.Missing)
	if err != nil {
		return name // no working directory, or a link that vanished
	}
	return p
}

// putIndicator writes a colour sequence, preceded the first time by a
// reset, as GNU does so that colours start from a known state.
func (l *lister) putIndicator(s []byte) {
	if !l.usedColor {
		l.usedColor = true
		l.prepNonFilename()
	}
	l.line = append(l.line, s...)
	l.colorBytes += len(s)
}

func (l *lister) prepNonFilename() {
	p := l.c.color
	if p.ind[cEnd] != nil {
		l.putIndicator(p.ind[cEnd])
	} else {
		l.putIndicator(p.ind[cLeft])
		l.putIndicator(p.ind[cReset])
		l.putIndicator(p.ind[cRight])
	}
}

// setNormalColor starts a file's text in the "no" colour when LS_COLORS
// gives one, as GNU does before each file.
func (l *lister) setNormalColor() {
	if p := l.c.color; p != nil && p.isColored(cNorm) {
		l.putIndicator(p.ind[cLeft])
		l.putIndicator(p.ind[cNorm])
		l.putIndicator(p.ind[cRight])
	}
}

// typeIndicator is the -F/-p/--file-type character for f, or 0.
func (l *lister) typeIndicator(statOK bool, mode uint32, typ fileType) byte {
	ind := l.c.indicator
	var isReg bool
	if statOK {
		isReg = mode&unix.S_IFMT == unix.S_IFREG
	} else {
		isReg = typ == ftNormal
	}
	if isReg {
		if statOK && ind == indClassify && mode&0o111 != 0 {
			return '*'
		}
		return 0
	}
	fmtBits := mode & unix.S_IFMT
	switch {
	case statOK && fmtBits == unix.S_IFDIR, !statOK && (typ == ftDir || typ == ftArgDir):
		return '/'
	case ind == indSlash:
		return 0
	case statOK && fmtBits == unix.S_IFLNK, !statOK && typ == ftLink:
		return '@'
	case statOK && fmtBits == unix.S_IFIFO, !statOK && typ == ftFifo:
		return '|'
	case statOK && fmtBits == unix.S_IFSOCK, !statOK && typ == ftSock:
		return '='
	}
	return 0
}

func (l *lister) inodeString(dst []byte, f *fileInfo) []byte {
	if !f.statOK {
		return append(dst, '?')
	}
	return strconv.AppendUint(dst, f.ino, 10)
}

func (l *lister) blocksString(dst []byte, f *fileInfo) []byte {
	if !f.statOK {
		return append(dst, '?')
	}
	return humanReadable(dst, uint64(f.blocks), l.c.human, 512, l.c.blockSize)
}

// printNameAndFrills prints the inode and size columns if asked, the name
// and its indicator, for the formats other than -l.
func (l *lister) printNameAndFrills(f *fileInfo, startCol int) {
	c := l.c
	var tmp [40]byte
	l.setNormalColor()
	if c.printInode {
		w := l.w.inode
		if c.format == withCommas {
			w = 0
		}
		l.line = padLeft(l.line, l.inodeString(tmp[:0], f), w)
		l.line = append(l.line, ' ')
	}
	if c.printBlocks {
		w := l.w.block
		if c.format == withCommas {
			w = 0
		}
		l.line = padLeft(l.line, l.blocksString(tmp[:0], f), w)
		l.line = append(l.line, ' ')
	}
	if c.printContext {
		l.line = append(l.line, "? "...)
	}
	l.printName(f, false, startCol)
	if c.indicator != indNone {
		if ch := l.typeIndicator(f.statOK, f.mode, f.typ); ch != 0 {
			l.line = append(l.line, ch)
		}
	}
	if len(l.line) >= flushAt {
		l.flushLine()
	}
}

// frillsWidth is the width printNameAndFrills will use for f.
func (l *lister) frillsWidth(f *fileInfo) int {
	c := l.c
	n := 0
	var tmp [40]byte
	if c.printInode {
		if c.format == withCommas {
			n += 1 + len(l.inodeString(tmp[:0], f))
		} else {
			n += 1 + l.w.inode
		}
	}
	if c.printBlocks {
		if c.format == withCommas {
			n += 1 + len(l.blocksString(tmp[:0], f))
		} else {
			n += 1 + l.w.block
		}
	}
	if c.printContext {
		n += 2
	}
	n += l.nameWidth(f)
	if c.indicator != indNone && l.typeIndicator(f.statOK, f.mode, f.typ) != 0 {
		n++
	}
	return n
}

// indent moves from column from to column to with tabs where they fit,
// as GNU does.
func (l *lister) indent(from, to int) {
	ts := l.c.tabSize
	for from < to {
		if ts != 0 && to/ts > (from+1)/ts {
			l.line = append(l.line, '\t')
			from += ts - from%ts
		} else {
			l.line = append(l.line, ' ')
			from++
		}
	}
}

func (l *lister) printWithSeparator(sep byte) {
	c := l.c
	pos := 0
	for i, f := range l.sorted {
		n := 0
		if c.lineLength > 0 {
			n = l.frillsWidth(f)
		}
		if i != 0 {
			if c.lineLength == 0 || pos+n+2 < c.lineLength {
				pos += 2
				l.line = append(l.line, sep, ' ')
			} else {
				pos = 0
				l.line = append(l.line, sep, c.eol)
			}
		}
		l.printNameAndFrills(f, pos)
		pos += n
	}
	l.putByte(c.eol)
}

// minColumnWidth is the narrowest column: one character and two spaces.
const minColumnWidth = 3

// columnWidths finds the most columns that fit the line and returns the
// width of each column. It gives the layout GNU's calculate_columns gives:
// a layout of k columns is valid when the sum of its column widths (each
// the widest entry in it plus two spaces of separation, the last without,
// and at least three) stays under the line length. GNU grows every
// candidate layout at once in a triangle of widths; trying the candidates
// from the widest down, and giving up on one as soon as it overflows, finds
// the same answer in memory proportional to the columns.
func (l *lister) columnWidths(widths []int, byColumns bool) []int {
	n := len(widths)
	maxCols := l.c.lineLength / minColumnWidth
	if maxCols == 0 {
		maxCols = 1
	}
	if maxCols > n {
		maxCols = n
	}
	arr := make([]int, maxCols)
	for k := maxCols; k >= 1; k-- {
		arr = arr[:k]
		for j := range arr {
			arr[j] = minColumnWidth
		}
		lineLen := k * minColumnWidth
		valid := true
		rows := (n + k - 1) / k
		for filesno, w := range widths {
			idx := filesno % k
			if byColumns {
				idx = filesno / rows
			}
			if idx != k-1 {
				w += 2
			}
			if arr[idx] < w {
				lineLen += w - arr[idx]
				arr[idx] = w
				if lineLen >= l.c.lineLength {
					valid = false
					break
				}
			}
		}
		if valid || k == 1 {
			return arr
		}
	}
	return arr
}

func (l *lister) allWidths() []int {
	ws := make([]int, len(l.sorted))
	for i, f := range l.sorted {
		ws[i] = l.frillsWidth(f)
	}
	return ws
}

func (l *lister) printManyPerLine() {
	ws := l.allWidths()
	colw := l.columnWidths(ws, true)
	cols := len(colw)
	n := len(l.sorted)
	rows := n / cols
	if n%cols != 0 {
		rows++
	}
	for row := 0; row < rows; row++ {
		col, filesno, pos := 0, row, 0
		for {
			f := l.sorted[filesno]
			w := ws[filesno]
			maxw := colw[col]
			col++
			l.printNameAndFrills(f, pos)
			filesno += rows
			if filesno >= n {
				break
			}
			l.indent(pos+w, pos+maxw)
			pos += maxw
		}
		l.putByte(l.c.eol)
	}
}

func (l *lister) printHorizontal() {
	ws := l.allWidths()
	colw := l.columnWidths(ws, false)
	cols := len(colw)
	pos := 0
	l.printNameAndFrills(l.sorted[0], 0)
	w, maxw := ws[0], colw[0]
	for filesno := 1; filesno < len(l.sorted); filesno++ {
		col := filesno % cols
		if col == 0 {
			l.putByte(l.c.eol)
			pos = 0
		} else {
			l.indent(pos+w, pos+maxw)
			pos += maxw
		}
		l.printNameAndFrills(l.sorted[filesno], pos)
		w, maxw = ws[filesno], colw[col]
	}
	l.putByte(l.c.eol)
}
