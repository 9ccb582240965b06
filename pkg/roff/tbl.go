package roff

import (
	"strings"
	"unicode/utf8"
)

// This file is a tbl(1) preprocessor folded into the formatter: .TS/.TE
// tables are laid out directly into character cells, with the geometry
// groff's tbl gives on a terminal: three columns between columns, text
// blocks (T{ T}) as wide as line-length*C/(N+1), box lines drawn with
// the box-drawing characters grotty prints.

type tblCol struct {
	key    byte // l r c n a s ^ _ = (s: spanned from the left, ^: from above)
	font   string
	width  int // w(N), in columns, or 0
	expand bool
	sep    int  // columns after this one; -1 for the default 3
	vbar   bool // a | after this column
}

type tblRow struct {
	rule  byte // '_' or '=' for a full-width rule row, 0 otherwise
	cells []tblCell
	fmt   []tblCol
}

type tblCell struct {
	text  string
	block []string // T{ ... T} lines
	isTB  bool
	done  bool // a text block already formatted
	rule  byte // \_ or _ in a cell
	lines []Line
}

// table reads a table from the input up to .TE and formats it.
func (r *renderer) table() {
	r.brk()
	opts := ""
	tabc := "\t"
	var fmts [][]tblCol
	var rows []tblRow
	state := 0 // 0 options or format, 1 format, 2 data
	fmtIdx := 0
	for {
		l, ok := r.next()
		if !ok {
			break
		}
		t := strings.TrimSpace(l)
		if t == ".TE" || strings.HasPrefix(t, ".TE ") {
			break
		}
		if strings.HasPrefix(t, `.\"`) || strings.HasPrefix(t, `'\"`) {
			continue
		}
		switch state {
		case 0:
			if strings.HasSuffix(t, ";") {
				opts += " " + strings.TrimSuffix(t, ";")
				// tab(@), also written "tab (@)" or "TAB(@)"
				if i := strings.Index(strings.ToLower(opts), "tab"); i >= 0 {
					rest := strings.TrimLeft(opts[i+3:], " \t")
					if j := strings.IndexByte(rest, ')'); strings.HasPrefix(rest, "(") && j > 1 {
						tabc = rest[1:j]
					}
				}
				state = 1
				continue
			}
			state = 1
			fallthrough
		case 1:
			// tbl hands w() widths to troff, which interpolates registers
			// (ps(1): lBw(\n[ColSize]n))
			t = strings.TrimSpace(r.expand(t, false, 0))
			end := strings.HasSuffix(t, ".")
			t = strings.TrimSuffix(t, ".")
			for _, part := range strings.Split(t, ",") {
				if f := parseTblFormat(part); len(f) > 0 {
					fmts = append(fmts, f)
				}
			}
			if end {
				state = 2
				fmtIdx = 0
			}
		case 2:
			if t == ".T&" {
				state = 1
				fmts = fmts[:min(fmtIdx, len(fmts)):min(fmtIdx, len(fmts))]
				continue
			}
			f := fmtRow(fmts, fmtIdx)
			if t == "_" || t == "=" {
				rows = append(rows, tblRow{rule: t[0], fmt: f})
				continue
			}
			if isControl(l) && !strings.HasPrefix(l, ".T{") {
				name, _ := splitName(l[1:])
				switch name {
				case "sp":
					rows = append(rows, tblRow{rule: ' ', fmt: f})
				}
				continue
			}
			// a format row of rules draws a rule, and an empty data line
			// is taken as its entry
			ruled := false
			for fmtIdx < len(fmts) && allRules(f) {
				rows = append(rows, tblRow{rule: ruleOf(f), fmt: f})
				fmtIdx++
				f = fmtRow(fmts, fmtIdx)
				ruled = true
			}
			if ruled && t == "" {
				continue
			}
			row := tblRow{fmt: f}
			fields := strings.Split(l, tabc)
			for fi := 0; fi < len(fields); fi++ {
				fld := fields[fi]
				c := tblCell{text: fld}
				if strings.HasPrefix(fld, "T{") {
					c.isTB = true
					first := strings.TrimPrefix(fld, "T{")
					if strings.TrimSpace(first) != "" {
						c.block = append(c.block, first)
					}
					// the block runs to a line starting with T}
					for {
						bl, ok := r.next()
						if !ok {
							break
						}
						if strings.HasPrefix(bl, "T}") {
							rest := strings.TrimPrefix(bl, "T}")
							if rest != "" {
								more := strings.Split(rest, tabc)
								fields = append(fields[:fi+1], more[1:]...)
							}
							break
						}
						c.block = append(c.block, bl)
					}
				} else if fld == "_" || fld == "=" || fld == `\_` {
					c.rule = '_'
					if fld == "=" {
						c.rule = '='
					}
				}
				row.cells = append(row.cells, c)
			}
			rows = append(rows, row)
			fmtIdx++
		}
	}
	r.layoutTable(opts, rows)
}

func fmtRow(fmts [][]tblCol, i int) []tblCol {
	if len(fmts) == 0 {
		return []tblCol{{key: 'l', sep: -1}}
	}
	if i >= len(fmts) {
		i = len(fmts) - 1
	}
	return fmts[i]
}

func allRules(f []tblCol) bool {
	if len(f) == 0 {
		return false
	}
	for _, c := range f {
		if c.key != '_' && c.key != '=' {
			return false
		}
	}
	return true
}

func ruleOf(f []tblCol) byte {
	return f[0].key
}

// parseTblFormat parses one row of key letters with their modifiers.
func parseTblFormat(s string) []tblCol {
	var fc []tblCol
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\t':
			i++
		case c == '|':
			if n := len(fc); n > 0 {
				fc[n-1].vbar = true
			}
			i++
		case strings.IndexByte("lLrRcCnNaAsS^_-=", c) >= 0:
			k := c | 0x20
			switch c {
			case '-':
				k = '_'
			case '^', '_', '=':
				k = c
			}
			fc = append(fc, tblCol{key: k, sep: -1})
			i++
		default:
			n := len(fc)
			if n == 0 {
				i++
				continue
			}
			col := &fc[n-1]
			switch {
			case c == 'b' || c == 'B':
				col.font = "B"
				i++
			case c == 'i' || c == 'I':
				col.font = "I"
				i++
			case c == 'f' || c == 'F':
				i++
				if i < len(s) && s[i] == '(' {
					j := strings.IndexByte(s[i:], ')')
					if j < 0 {
						j = len(s) - i - 1
					}
					col.font = s[i+1 : i+j]
					i += j + 1
				} else if i < len(s) {
					j := i + 1
					if j < len(s) && s[j] != ' ' && strings.IndexByte("lrcnas^_|", s[j]|0x20) < 0 {
						j++
					}
					col.font = s[i:j]
					i = j
				}
			case c == 'w' || c == 'W':
				i++
				arg := ""
				if i < len(s) && s[i] == '(' {
					j := strings.IndexByte(s[i:], ')')
					if j < 0 {
						j = len(s) - i - 1
					}
					arg = s[i+1 : i+j]
					i += j + 1
				} else {
					j := i
					for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == '.') {
						j++
					}
					arg = s[i:j]
					i = j
				}
				if u, ok := evalExpr(arg, 'n'); ok {
					col.width = cols(u)
				}
			case c == 'x' || c == 'X':
				col.expand = true
				i++
			case c >= '0' && c <= '9':
				j := i
				for j < len(s) && s[j] >= '0' && s[j] <= '9' {
					j++
				}
				n := 0
				for _, d := range s[i:j] {
					n = n*10 + int(d-'0')
				}
				col.sep = n
				i = j
			case c == 'p' || c == 'P' || c == 'v' || c == 'V':
				i++
				for i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i] == '+' || s[i] == '-') {
					i++
				}
			default:
				i++ // e, t, u, z, d: no effect on a terminal
			}
		}
	}
	return fc
}

// layoutTable computes the column widths and writes the table.
func (r *renderer) layoutTable(opts string, rows []tblRow) {
	box := strings.Contains(opts, "box") // box, allbox, doublebox
	allbox := strings.Contains(opts, "allbox")
	center := strings.Contains(opts, "center") || strings.Contains(opts, "centre")
	expandAll := strings.Contains(opts, "expand")
	ncol := 0
	for _, row := range rows {
		if len(row.fmt) > ncol {
			ncol = len(row.fmt)
		}
		if len(row.cells) > ncol {
			ncol = len(row.cells)
		}
	}
	if ncol == 0 {
		return
	}
	// the column attributes come from the first format row that has them
	col := make([]tblCol, ncol)
	for i := range col {
		col[i] = tblCol{key: 'l', sep: -1}
	}
	for _, row := range rows {
		for i, c := range row.fmt {
			if c.width > col[i].width {
				col[i].width = c.width
			}
			if c.expand {
				col[i].expand = true
			}
			if c.sep >= 0 && col[i].sep < 0 {
				col[i].sep = c.sep
			}
			if c.vbar {
				col[i].vbar = true
			}
		}
	}
	sep := make([]int, ncol)
	for i := range sep {
		sep[i] = 3
		if col[i].sep >= 0 {
			sep[i] = col[i].sep
		}
	}
	w := make([]int, ncol)
	num := make([][2]int, ncol) // numeric columns: widths before and after the point
	for i := range w {
		w[i] = max(col[i].width, 1) // tbl starts every column one column wide
	}
	for ri := range rows {
		row := &rows[ri]
		for ci := range row.cells {
			if ci >= ncol {
				break
			}
			c := &row.cells[ci]
			if c.isTB || c.rule != 0 {
				continue
			}
			k := cellKey(row.fmt, ci)
			if k == 's' || k == '^' {
				continue
			}
			c.lines = r.cellLines(c.text, cellFont(row.fmt, ci))
			if ci+1 < len(row.fmt) && row.fmt[ci+1].key == 's' {
				continue // spanning entries do not widen a column
			}
			cw := 0
			if len(c.lines) > 0 {
				cw = len(c.lines[0])
			}
			if k == 'n' {
				b, a := numSplit(c.lines)
				num[ci][0] = max(num[ci][0], b)
				num[ci][1] = max(num[ci][1], a)
				cw = num[ci][0] + num[ci][1]
			}
			if cw > w[ci] {
				w[ci] = cw
			}
		}
	}
	for i := range w {
		if nw := num[i][0] + num[i][1]; nw > w[i] {
			w[i] = nw
		}
	}
	// an entry spanning columns that is wider than them widens each of
	// them by an equal share of the difference
	for _, row := range rows {
		for ci := range row.cells {
			if ci >= ncol || row.cells[ci].isTB || len(row.cells[ci].lines) == 0 {
				continue
			}
			n := 1
			for ci+n < ncol && cellKey(row.fmt, ci+n) == 's' {
				n++
			}
			if n == 1 {
				continue
			}
			have := 0
			for k := ci; k < ci+n; k++ {
				have += w[k]
				if k > ci {
					have += sep[k-1]
				}
			}
			if need := len(row.cells[ci].lines[0]); need > have {
				extra := need - have
				for k := ci; k < ci+n; k++ {
					e := extra / (ci + n - k)
					w[k] += e
					extra -= e
				}
			}
		}
	}
	avail := r.ll - r.indent
	// text blocks: line length * C / (N+1), or wider if the column is
	tbw := make([]int, ncol)
	for i := range tbw {
		// groff's tbl sets the block's .ll in basic units; it rounds to
		// whole columns on a terminal
		tbw[i] = max(w[i], cols(r.ll*hUnit/(ncol+1)))
		if col[i].width > 0 {
			tbw[i] = col[i].width
		}
	}
	// expanded columns share what is left of the line
	total := 0
	for i := range w {
		total += w[i]
		if i < ncol-1 {
			total += sep[i]
		}
	}
	extra := avail - total
	if box {
		extra -= 2
	}
	nexp := 0
	for i := range col {
		if col[i].expand || expandAll {
			nexp++
		}
	}
	// text blocks outside expanded columns are formatted at their line
	// length, and their column becomes as wide as their widest line
	for ri := range rows {
		for ci := range rows[ri].cells {
			if ci >= ncol || col[ci].expand || expandAll {
				continue
			}
			c := &rows[ri].cells[ci]
			if !c.isTB {
				continue
			}
			width := tbw[ci]
			spanned := false
			for k := ci + 1; k < len(rows[ri].fmt) && rows[ri].fmt[k].key == 's'; k++ {
				width += sep[k-1] + w[k]
				spanned = true
			}
			c.lines = r.blockLines(c.block, width, cellFont(rows[ri].fmt, ci))
			c.done = true
			if spanned {
				continue
			}
			for _, l := range c.lines {
				if len(l) > w[ci] {
					extra -= len(l) - w[ci]
					w[ci] = len(l)
				}
			}
		}
	}
	if nexp > 0 && extra > 0 {
		for i := range col {
			if col[i].expand || expandAll {
				e := extra / nexp
				w[i] += e
				extra -= e
				nexp--
			}
		}
	}
	for ri := range rows {
		for ci := range rows[ri].cells {
			if ci >= ncol {
				break
			}
			c := &rows[ri].cells[ci]
			if c.isTB && !c.done {
				width := w[ci]
				for k := ci + 1; k < len(rows[ri].fmt) && rows[ri].fmt[k].key == 's'; k++ {
					width += sep[k-1] + w[k]
				}
				c.lines = r.blockLines(c.block, width, cellFont(rows[ri].fmt, ci))
			}
		}
	}
	// positions: start column of each table column
	left := r.indent
	tw := 0
	for i := range w {
		tw += w[i]
		if i < ncol-1 {
			tw += sep[i]
		}
	}
	if box {
		tw += 2
	}
	left0 := left // where the table starts before centering
	if box {
		left0++
	}
	if center && avail > tw {
		left += (avail - tw) / 2
	}
	pos := make([]int, ncol)
	p := left
	if box {
		p++
	}
	for i := range w {
		pos[i] = p
		p += w[i] + sep[i]
	}
	right := pos[ncol-1] + w[ncol-1] // one past the last column
	if box {
		right++ // the right border
	}
	barAt := func(i int) int { return pos[i] + w[i] + sep[i]/2 }
	bars := map[int]bool{}
	for i := 0; i < ncol-1; i++ {
		if allbox || col[i].vbar {
			bars[barAt(i)] = true
		}
	}
	if box {
		bars[left] = true
		bars[right] = true
	}
	hline := func(kind int) Line {
		// kind 0 top, 1 middle, 2 bottom, 3 plain rule
		start, end := left, right
		if !box {
			end = right
		}
		line := make(Line, 0, end+1)
		for c := 0; c < start; c++ {
			line = append(line, Cell{' ', Roman})
		}
		for c := start; c <= end; c++ {
			ch := '\u2500'
			if bars[c] && (box || kind != 3) {
				switch {
				case c == left && box:
					ch = []rune{'\u250c', '\u251c', '\u2514', '\u251c'}[kind]
				case c == right && box:
					ch = []rune{'\u2510', '\u2524', '\u2518', '\u2524'}[kind]
				default:
					ch = []rune{'\u252c', '\u253c', '\u2534', '\u253c'}[kind]
				}
			}
			line = append(line, Cell{ch, Roman})
		}
		return line
	}
	// on a terminal groff's tables start half a line down: a blank line
	if !r.ns {
		r.output(nil)
	}
	if box {
		r.output(hline(0))
	}
	// the rows are drawn into tl first, so that entries spanning rows
	// (\^ below them) can be laid over their rows afterwards
	var tl []Line
	isRow := map[int]bool{} // lines of tl that hold entries, not rules
	rowStart := make([]int, len(rows))
	rowH := make([]int, len(rows))
	isCont := func(ri, ci int) bool {
		return ri < len(rows) && rows[ri].rule == 0 && ci < len(rows[ri].cells) && strings.TrimSpace(rows[ri].cells[ci].text) == `\^`
	}
	spanDown := func(ri, ci int) int {
		n := 0
		for isCont(ri+n+1, ci) {
			n++
		}
		return n
	}
	for ri, row := range rows {
		if row.rule == ' ' {
			tl = append(tl, nil)
			continue
		}
		if row.rule != 0 {
			if box && (ri == 0 || ri == len(rows)-1) {
				continue
			}
			tl = append(tl, hline(3))
			continue
		}
		if allbox && ri > 0 && rows[ri-1].rule == 0 {
			tl = append(tl, hline(1))
		}
		rowStart[ri] = len(tl)
		height := 1
		for ci, c := range row.cells {
			if len(c.lines) > height && spanDown(ri, ci) == 0 {
				height = len(c.lines)
			}
		}
		rowH[ri] = height
		hasBlock := false // rows with text blocks are set differently
		for _, c := range row.cells {
			hasBlock = hasBlock || c.isTB
		}
		for li := 0; li < height; li++ {
			buf := make([]Cell, right+2)
			for i := range buf {
				buf[i] = Cell{' ', Roman}
			}
			for b := range bars {
				if b < len(buf) {
					buf[b] = Cell{'\u2502', Roman}
				}
			}
			for ci := 0; ci < ncol && ci < len(row.cells); ci++ {
				c := row.cells[ci]
				k := cellKey(row.fmt, ci)
				if k == 's' || isCont(ri, ci) || spanDown(ri, ci) > 0 {
					continue
				}
				width := w[ci]
				for k2 := ci + 1; k2 < ncol && cellKey(row.fmt, k2) == 's'; k2++ {
					width += sep[k2-1] + w[k2]
				}
				if c.rule != 0 {
					if li == 0 {
						for x := 0; x < width; x++ {
							buf[pos[ci]+x] = Cell{'\u2500', Roman}
						}
					}
					continue
				}
				if li >= len(c.lines) {
					continue
				}
				putCell(buf, c, li, k, pos[ci], width, num[ci][0])
			}
			tl = append(tl, buf)
			isRow[len(tl)-1] = !hasBlock
		}
	}
	// entries spanning rows: centred over their rows, with the lines
	// between those rows cleared in their column
	for ri, row := range rows {
		for ci := 0; ci < ncol && ci < len(row.cells); ci++ {
			n := spanDown(ri, ci)
			if n == 0 || row.rule != 0 {
				continue
			}
			last := ri + n
			start, end := rowStart[ri], rowStart[last]+rowH[last]
			lb, rb := left, right
			if ci > 0 {
				lb = barAt(ci - 1)
			}
			if ci < ncol-1 {
				rb = barAt(ci)
			}
			for y := start; y < end && y < len(tl); y++ {
				l := tl[y]
				for x := lb + 1; x < rb && x < len(l); x++ {
					if l[x].R >= '\u2500' && l[x].R <= '\u257f' {
						l[x] = Cell{' ', Roman}
					}
				}
				if lb < len(l) {
					switch l[lb].R {
					case '\u251c':
						l[lb].R = '\u2502'
					case '\u253c':
						l[lb].R = '\u2524'
					}
				}
				if rb < len(l) {
					switch l[rb].R {
					case '\u2524':
						l[rb].R = '\u2502'
					case '\u253c':
						l[rb].R = '\u251c'
					}
				}
			}
			c := row.cells[ci]
			off := start + (end-start-len(c.lines))/2
			for li := range c.lines {
				if y := off + li; y >= start && y < len(tl) {
					putCell(tl[y], c, li, cellKey(row.fmt, ci), pos[ci], w[ci], num[ci][0])
				}
			}
		}
	}
	for i, l := range tl {
		// groff still has 66-line pages under the man macros' continuous
		// rendering, and tbl will not set a row on a page's last line:
		// a blank takes its place
		if isRow[i] && !box && r.sink == nil && r.pageLine()%pageLength == 0 {
			r.out = append(r.out, nil)
		}
		r.output(l)
	}
	if box {
		// groff draws the bottom line where the next line of text goes
		r.overlay = hline(2)
	}
	// tbl leaves the tab stops it set for the last row of data: the right
	// edge of each column, from where the table starts before centering,
	// except the columns that row fills with a text block. A tab in the
	// text after the table goes to them (proc(5) has such tabs).
	for ri := len(rows) - 1; ri >= 0; ri-- {
		if rows[ri].rule != 0 {
			continue
		}
		base := r.indent
		var stops []int
		for ci := 0; ci < ncol; ci++ {
			if ci < len(rows[ri].cells) && rows[ri].cells[ci].isTB {
				continue
			}
			stops = append(stops, pos[ci]+w[ci]-base-(pos[0]-left0))
		}
		r.tabs = stops
		break
	}
}

// pageLength is groff's default page length on a terminal: 11 inches.
const pageLength = 66

// pageLine is the line of groff's unsqueezed output the next line will be
// on: the header and the two blank lines of the page top come first.
func (r *renderer) pageLine() int {
	return len(r.man.pre) + 3 + len(r.out) + 1
}

// putCell writes line li of entry c, aligned in its column, into buf.
func putCell(buf Line, c tblCell, li int, k byte, x, width, numBefore int) {
	l := c.lines[li]
	switch k {
	case 'r':
		x += width - len(l)
	case 'c':
		x += (width - len(l)) / 2
	case 'n':
		if !c.isTB {
			b, _ := numSplit(c.lines)
			x += numBefore - b
		}
	}
	for j, cell := range l {
		if x+j >= 0 && x+j < len(buf) {
			buf[x+j] = cell
		}
	}
}

func cellKey(f []tblCol, i int) byte {
	if i < len(f) {
		return f[i].key
	}
	if len(f) > 0 {
		return 'l'
	}
	return 'l'
}

func cellFont(f []tblCol, i int) string {
	if i < len(f) {
		return f[i].font
	}
	return ""
}

// numSplit returns the width before and after the decimal point of a
// numeric entry (its first line).
func numSplit(ls []Line) (int, int) {
	if len(ls) == 0 {
		return 0, 0
	}
	s := ls[0].String()
	i := strings.LastIndexByte(s, '.')
	if i < 0 {
		// align on the last digit
		i = -1
		for j := len(s) - 1; j >= 0; j-- {
			if s[j] >= '0' && s[j] <= '9' {
				i = j + 1
				break
			}
		}
		if i < 0 {
			i = len(s)
		}
	}
	b := utf8.RuneCountInString(s[:i])
	return b, utf8.RuneCountInString(s) - b
}

// cellLines formats a simple table entry on one line.
func (r *renderer) cellLines(text, font string) []Line {
	if text == "" {
		return nil
	}
	var ls []Line
	r.sub(&ls, 1<<20, false, func() {
		if font != "" {
			r.setFont(font)
		}
		r.inline(r.expand(text, false, 0))
		r.brk()
	})
	return ls // leading blanks are part of an entry, as in tbl
}

// blockLines formats a T{ T} text block at the given width.
func (r *renderer) blockLines(block []string, width int, font string) []Line {
	var ls []Line
	r.sub(&ls, width, true, func() {
		if font != "" {
			r.setFont(font)
		}
		saveFloor := r.floor
		r.floor = len(r.stack) + 1
		r.push(&frame{lines: block})
		for {
			l, ok := r.next()
			if !ok {
				break
			}
			r.process(l)
		}
		for len(r.stack) >= r.floor {
			r.stack = r.stack[:len(r.stack)-1]
		}
		r.floor = saveFloor
		r.brk()
	})
	return squeeze(ls)
}

// sub runs fn with output going to ls, at indent 0 and line length ll,
// and then restores the environment.
func (r *renderer) sub(ls *[]Line, ll int, fill bool, fn func()) {
	saveEnv, saveSink := r.env, r.sink
	saveLine, saveW, saveInd, saveNs := r.line, r.lineW, r.lineInd, r.ns
	saveTrapN, saveTrapFn, saveSent := r.trapN, r.trapFn, r.sentEnd
	r.line, r.lineW = nil, 0
	r.sink = ls
	r.indent, r.tempInd, r.ll, r.fill, r.center = 0, -1, ll, fill, 0
	r.tabs = nil
	r.trapN, r.trapFn = 0, nil
	r.ns = false
	fn()
	r.env, r.sink = saveEnv, saveSink
	r.line, r.lineW, r.lineInd, r.ns = saveLine, saveW, saveInd, saveNs
	r.trapN, r.trapFn, r.sentEnd = saveTrapN, saveTrapFn, saveSent
}
