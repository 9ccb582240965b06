package roff

import "strings"

// This file is the typesetter: it collects characters and spaces into an
// output line, breaks the line when it is full, and adjusts it to both
// margins the way groff does on a terminal.

type nodeKind uint8

const (
	nGlyph nodeKind = iota // one character cell
	nSpace                 // word space: a break point, stretched when adjusting
	nFixed                 // fixed motion (\ , \0, a tab, a tag's padding)
	nNbsp                  // \~: stretched when adjusting, but no break point
	nBreak                 // \: a zero-width break point
)

type node struct {
	kind nodeKind
	c    Cell
	w    int  // width in columns
	nohy bool // the word this glyph belongs to must not be hyphenated (\%)
	soft bool // a break after a hyphen, which \% also forbids
	eol  bool // the space an input line's end made: blanks after it are another space
}

// breakable reports whether a line may end at n.
func (n node) breakable() bool {
	return n.kind == nSpace || n.kind == nBreak && !(n.soft && n.nohy)
}

// stretchable reports whether adjusting may widen n.
func (n node) stretchable() bool { return n.kind == nSpace || n.kind == nNbsp }

// env is the part of the state that a format request changes.
type env struct {
	fill     bool
	adjust   byte // 'b' both margins, 'l', 'r', 'c'
	prevAdj  byte
	indent   int // .in, in columns from the left edge
	prevInd  int
	tempInd  int // .ti for the next line, or -1
	ll       int // line length
	tabs     []int
	center   int // lines left to center (.ce)
	font     Font
	prevFont Font
}

// startLine records where a new output line begins.
func (r *renderer) startLine() {
	if r.tempInd >= 0 {
		r.lineInd = r.tempInd
		r.tempInd = -1
	} else {
		r.lineInd = r.indent
	}
	r.ns = false
}

func (r *renderer) addGlyph(ch rune, f Font) {
	if len(r.line) == 0 {
		r.startLine()
	}
	if ch == ' ' {
		r.line = append(r.line, node{kind: nFixed, w: 1})
	} else {
		r.line = append(r.line, node{kind: nGlyph, c: Cell{ch, f}, w: runeWidth(ch), nohy: r.noHyWord})
	}
	r.lineW += r.line[len(r.line)-1].w
}

// addSpace adds a word space of width w; in no-fill mode spaces are fixed.
func (r *renderer) addSpace(w int) {
	r.noHyWord = false
	r.sentEnd = false
	if len(r.line) == 0 {
		r.startLine()
	}
	k := nSpace
	if !r.fill {
		k = nFixed
	}
	if r.fill {
		// groff keeps a run of blanks as one space that adjusting widens
		if n := len(r.line); n > 0 && r.line[n-1].kind == nSpace && !r.line[n-1].eol {
			r.line[n-1].w += w
			r.lineW += w
			return
		}
		r.fit()
	}
	r.line = append(r.line, node{kind: k, w: w})
	r.lineW += w
}

// lineSpace is the space an input line's end puts before the next word:
// a sentence space after a sentence, none when nothing has been output on
// the line yet. Blanks that ended the line (even inside a font change, as
// in .IR X " := ") are replaced by it, as groff ignores them.
func (r *renderer) lineSpace() {
	if len(r.line) == 0 {
		r.noHyWord = false
		return
	}
	sent := r.sentEnd
	if n := len(r.line); r.spaceRun > 0 && r.line[n-1].kind == nSpace {
		sent = r.spaceAfterSent
		r.lineW -= r.line[n-1].w
		r.line = r.line[:n-1]
	}
	w := 1
	if sent {
		w += r.sentSpace
	}
	r.addSpace(w)
	if n := len(r.line); n > 0 && r.line[n-1].kind == nSpace {
		r.line[n-1].eol = true
	}
}

// addNode adds a non-glyph node (fixed space, nbsp, break point).
func (r *renderer) addNode(k nodeKind, w int) {
	if w > 0 {
		r.sentEnd = false
	}
	if len(r.line) == 0 {
		if k == nBreak {
			return
		}
		r.startLine()
	}
	r.line = append(r.line, node{kind: k, w: w})
	r.lineW += w
}

// tab moves to the next tab stop; stops are relative to the line's indent.
func (r *renderer) tab() {
	if len(r.line) == 0 {
		r.addNode(nFixed, 0) // starts the line at its indent
	}
	pos := r.lineW
	next := -1
	for _, t := range r.tabs {
		if t > pos {
			next = t
			break
		}
	}
	if next < 0 {
		if len(r.tabs) > 0 {
			// past the last stop .ta set: the tab moves nowhere
			r.addNode(nFixed, 0)
			return
		}
		const step = 5 // groff's default: every half inch, 5 columns
		next = (pos/step + 1) * step
	}
	r.addNode(nFixed, next-pos)
}

// contentWidth is the width of line[:n] without trailing spaces.
func contentWidth(line []node, n int) int {
	for n > 0 && line[n-1].kind != nGlyph && line[n-1].kind != nFixed {
		n--
	}
	w := 0
	for _, nd := range line[:n] {
		w += nd.w
	}
	return w
}

// fit breaks the pending line while it is wider than the line length,
// at the last break point that leaves the line no wider than allowed.
func (r *renderer) fit() {
	for r.fill && len(r.line) > 0 {
		target := r.ll - r.lineInd
		// lineW only adds trailing blanks to the content's width: most
		// words fit without measuring
		if r.lineW <= target || contentWidth(r.line, len(r.line)) <= target {
			return
		}
		if r.hyphenate(target) {
			continue
		}
		cut, first := -1, -1
		sum, content := 0, 0 // width of line[:i], and of it without trailing blanks
		for i, nd := range r.line {
			if nd.breakable() && i > 0 {
				if first < 0 {
					first = i
				}
				if content <= target {
					cut = i
				} else {
					break
				}
			}
			sum += nd.w
			if nd.kind == nGlyph || nd.kind == nFixed {
				content = sum
			}
		}
		if cut < 0 {
			cut = first
		}
		if cut < 0 {
			return // one long word: it stays until a break point comes
		}
		rest := r.line[cut:]
		for len(rest) > 0 && rest[0].breakable() {
			rest = rest[1:]
		}
		r.emit(r.line[:cut], true)
		// the rest moves to the front of the same array (emit keeps no
		// node), so a line's nodes are not reallocated word after word
		r.line = r.line[:copy(r.line, rest)]
		rest = r.line
		r.lineW = 0
		for _, nd := range rest {
			r.lineW += nd.w
		}
		if len(rest) > 0 {
			r.startLine()
		}
	}
}

// hyphenate breaks the pending line inside its last word, at the last
// hyphenation point that leaves room for the hyphen, as groff does when a
// word crosses the right margin. It reports whether it broke the line.
func (r *renderer) hyphenate(target int) bool {
	h := loadHyphenator()
	if h == nil {
		h = &hyphenator{}
	}
	end := len(r.line)
	for end > 0 && r.line[end-1].kind != nGlyph {
		end--
	}
	ws := end
	for ws > 0 && r.line[ws-1].kind != nSpace {
		ws--
	}
	best, explicit := -1, false
	for i := ws; i < end; {
		if r.line[i].kind == nBreak && r.line[i].breakable() {
			// a break after a hyphen needs no added hyphen
			if i > ws && contentWidth(r.line, i) <= target {
				best, explicit = i, true
			}
			i++
			continue
		}
		if !isLetterNode(r.line[i]) {
			i++
			continue
		}
		j := i
		nohy := false
		var word []byte
		for j < end && isLetterNode(r.line[j]) {
			word = append(word, byte(r.line[j].c.R))
			nohy = nohy || r.line[j].nohy
			j++
		}
		minFirst := 2 // a break leaves at least this many letters before it
		if r.hyMode&8 != 0 {
			minFirst = 3
		}
		// a run whose first letters already reach the margin has no break
		// that fits: skip looking its points up
		fits := i+minFirst < j && contentWidth(r.line, i+minFirst)+1 <= target
		if fits && !nohy && r.hyOn && r.hyMode != 0 {
			pts, ok := r.hw[strings.ToLower(string(word))]
			if ok {
				last := len(word) - 2
				if r.hyMode&4 != 0 {
					last--
				}
				first := 2
				if r.hyMode&8 != 0 {
					first = 3
				}
				pts = limit(pts, first, last)
			} else if c, ok := r.hyCache[string(word)]; ok && r.hyCacheMode == r.hyMode {
				pts = c
			} else {
				// a page hyphenates the same words again and again
				if r.hyCache == nil || r.hyCacheMode != r.hyMode {
					r.hyCache, r.hyCacheMode = map[string][]int{}, r.hyMode
				}
				pts = h.points(string(word), r.hyMode)
				r.hyCache[string(word)] = pts
			}
			for _, k := range pts {
				p := i + k
				if contentWidth(r.line, p)+1 <= target && p > best {
					best, explicit = p, false
				}
			}
		}
		i = j
	}
	if best < 0 || best <= ws && ws > 0 {
		return false
	}
	line := append(r.scratch[:0], r.line[:best]...)
	rest := r.line[best:]
	if explicit {
		rest = rest[1:] // the break point itself
	} else {
		line = append(line, node{kind: nGlyph, c: Cell{'\u2010', r.line[best-1].c.F}, w: 1})
	}
	r.scratch = line
	r.emit(line, true)
	r.line = r.line[:copy(r.line, rest)]
	rest = r.line
	r.lineW = 0
	for _, nd := range rest {
		r.lineW += nd.w
	}
	r.startLine()
	return true
}

func isLetterNode(n node) bool {
	c := n.c.R
	return n.kind == nGlyph && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')
}

// brk ends the pending line without adjusting it (.br and friends).
func (r *renderer) brk() {
	if len(r.line) == 0 {
		return
	}
	if r.fill {
		r.fit()
	}
	r.emit(r.line, false)
	r.line = r.line[:0]
	r.lineW = 0
}

// emit writes nodes as an output line. adjust is true when the line was
// broken because the next word did not fit: only then are both margins
// adjusted.
func (r *renderer) emit(nodes []node, adjust bool) {
	n := len(nodes)
	for n > 0 && nodes[n-1].kind != nGlyph && nodes[n-1].kind != nFixed {
		n--
	}
	nodes = nodes[:n]
	w := contentWidth(nodes, n)
	target := r.ll - r.lineInd
	ind := r.lineInd
	widths := r.widths[:0]
	for _, nd := range nodes {
		widths = append(widths, nd.w)
	}
	r.widths = widths
	mode := r.adjust
	if mode == 'b' && r.opt.NoAdjust {
		mode = 'l'
	}
	if r.center > 0 {
		mode = 'c'
		r.center--
	} else if !r.fill {
		mode = 'l'
	}
	switch mode {
	case 'b':
		if adjust {
			r.distribute(nodes, widths, target-w)
		}
	default:
		// groff flips its direction on every line it breaks when
		// filling, adjusted or not
		if adjust && r.fill {
			r.distribute(nodes, widths, 0)
		}
	}
	switch mode {
	case 'c':
		if target > w {
			ind += (target - w) / 2
		}
	case 'r':
		if target > w {
			ind += target - w
		}
	}
	// place the nodes with a cursor: a negative motion (\h'-N') moves it
	// back, and what follows is printed over what was there
	// every cell put moves the cursor one column right, so the line is
	// never longer than the indent plus the cells put
	size := max(ind, 0)
	for i, nd := range nodes {
		if nd.kind == nGlyph {
			size += max(nd.w, 1)
		} else if widths[i] > 0 {
			size += widths[i]
		}
	}
	line := make(Line, size)
	for i := range line {
		line[i] = Cell{' ', Roman}
	}
	col, end := ind, 0
	put := func(c Cell) {
		if col < 0 {
			col++
			return
		}
		if c.R != ' ' || line[col].R == ' ' {
			line[col] = c
		}
		col++
		end = max(end, col)
	}
	for i, nd := range nodes {
		if nd.kind == nGlyph {
			put(nd.c)
			for k := 1; k < nd.w; k++ {
				put(Cell{0, nd.c.F}) // second half of a wide glyph
			}
			continue
		}
		if widths[i] < 0 {
			col += widths[i]
			continue
		}
		for k := 0; k < widths[i]; k++ {
			put(Cell{' ', Roman})
		}
	}
	line = line[:end]
	for k := 0; k < ind && k < len(line); k++ {
		if line[k].R == 0 {
			line[k].R = ' '
		}
	}
	r.output(line)
}

// distribute spreads extra columns over the stretchable spaces as groff
// does: each space in turn gets extra/spaces (rounded down) of what is
// left, walking from the right on one line and from the left on the next,
// so that the wide gaps alternate sides from line to line.
func (r *renderer) distribute(nodes []node, widths []int, extra int) {
	idx := r.stretch[:0]
	for i, nd := range nodes {
		if nd.stretchable() {
			idx = append(idx, i)
		}
	}
	r.stretch = idx
	ns := len(idx)
	if extra > 0 && ns > 0 {
		for k := 0; k < len(idx); k++ {
			var i int
			if r.reverse {
				i = idx[k]
			} else {
				i = idx[len(idx)-1-k]
			}
			e := extra / ns
			if ns == 1 {
				e = extra
			}
			widths[i] += e
			extra -= e
			ns--
		}
	}
	r.reverse = !r.reverse
}

// output appends a finished line, dropping trailing blanks.
func (r *renderer) output(l Line) {
	n := len(l)
	for n > 0 && l[n-1].R == ' ' {
		n--
	}
	l = l[:n]
	if r.sink != nil {
		*r.sink = append(*r.sink, l)
		return
	}
	if len(l) > 0 {
		r.ns = false
	}
	r.emitted++
	if ov := r.overlay; ov != nil {
		r.overlay = nil
		if len(l) == 0 {
			// a vertical space moves down from the table's bottom line,
			// which stays alone on its line
			r.out = append(r.out, ov)
			return
		}
		for i, c := range l {
			if i < len(ov) {
				if c.R != ' ' {
					ov[i] = c
				}
			} else {
				ov = append(ov, c)
			}
		}
		l = ov
	}
	r.out = append(r.out, l)
}

// space is .sp n: end the line and add n blank lines, unless a heading
// just asked for no space.
func (r *renderer) space(n int) {
	r.brk()
	if r.ns || n <= 0 {
		return
	}
	for i := 0; i < n; i++ {
		r.output(nil)
	}
}

// runeWidth is the number of terminal columns a character takes.
func runeWidth(ch rune) int {
	switch {
	case ch >= 0x300 && ch < 0x370, ch == 0x200b:
		return 0
	case ch >= 0x1100 && ch <= 0x115f, ch >= 0x2e80 && ch <= 0xa4cf && ch != 0x303f,
		ch >= 0xac00 && ch <= 0xd7a3, ch >= 0xf900 && ch <= 0xfaff, ch >= 0xff00 && ch <= 0xff60,
		ch >= 0xffe0 && ch <= 0xffe6, ch >= 0x1f300 && ch <= 0x1faff, ch >= 0x20000 && ch <= 0x3fffd:
		return 2
	}
	return 1
}
