package roff

import (
	"strings"
	"unicode/utf8"
)

// The man(7) macros, implemented directly instead of interpreted from
// groff's an.tmac, with the same geometry on a terminal: section headings
// at column 0, subsection headings at 3, text and tags at the margin (7),
// tagged bodies at margin + the prevailing indent (7 unless a .TP, .IP or
// .HP gave another), .RS moving the margin right by the prevailing indent.

const (
	manIN = 7 // groff's IN register: the default indent, in columns
	manSN = 3 // indent of .SS headings
	manHY = 4 // groff's HY register when man-db renders continuously
)

type rsSave struct{ margin, pi int }

type manState struct {
	margin int // left margin of body text
	pi     int // prevailing indent of .TP/.IP/.HP bodies
	pd     int // blank lines between paragraphs (.PD)
	rs     []rsSave
	th     bool
	title  []string // .TH arguments: title, section, date, source, manual
	url    string
	syInd  int
	syAdj  byte
	inSY   bool
	exFont Font
	pre    []Line // output before .TH
	// tagMark is the renderer's emitted count when a tag began: groff
	// measures a tag by the widest line of its diversion, so a tag that
	// wrapped is wide even when its last line is short
	tagMark int
	// footRight is the right end of the footer when it is not the
	// title (mdoc puts the operating system there)
	footRight string
	// tagGap is how much narrower than the indent a tag must be to share
	// its line with the body: 0 for .TP, 1 for mdoc's tagged lists
	tagGap int
}

// inAt is the indent groff's `.in \n[an-margin]u` gives: a negative
// margin (.RS -12 at the top level) reads as a relative move.
func (m *manState) inAt(cur int) int {
	if m.margin >= 0 {
		return m.margin
	}
	return max(0, cur+m.margin)
}

func (m *manState) init() {
	m.margin, m.pi = manIN, manIN
	m.rs = nil
}

// manSectionName is the centre of the header when .TH names no manual.
func manSectionName(sec string) string {
	if len(sec) != 1 {
		return "" // groff names only the nine plain sections
	}
	switch sec[0] {
	case '1':
		return "General Commands Manual"
	case '2':
		return "System Calls Manual"
	case '3':
		return "Library Functions Manual"
	case '4':
		return "Kernel Interfaces Manual"
	case '5':
		return "File Formats Manual"
	case '6':
		return "Games Manual"
	case '7':
		return "Miscellaneous Information Manual"
	case '8':
		return "System Manager's Manual"
	case '9':
		return "Kernel Developer's Manual"
	}
	return ""
}

// paragraph starts a new paragraph at the margin: the common part of
// .PP, .TP, .IP, .HP and the headings.
func (r *renderer) paragraph() {
	r.brk()
	r.space(r.man.pd)
	r.font, r.prevFont = Roman, Roman
	r.tempInd = -1
	r.trapN, r.trapFn = 0, nil
}

// fontLine formats a man font macro's arguments: .B and .I join them with
// spaces in one font, the alternating forms join them with none.
func (r *renderer) fontLine(fonts []string, args []string) {
	var b strings.Builder
	if len(fonts) == 1 {
		b.WriteString(`\f` + fonts[0] + strings.Join(args, " ") + `\fR`)
	} else {
		for i, a := range args {
			b.WriteString(`\f` + fonts[i%2] + a)
		}
		b.WriteString(`\fR`)
	}
	r.inlineLine(b.String())
}

// inlineLine formats an already-expanded text line (the expansion was done
// when the macro's arguments were read).
func (r *renderer) inlineLine(s string) {
	r.cont = false
	r.inline(s)
	if r.cont {
		return
	}
	if r.fill {
		r.lineSpace()
	} else {
		r.brk()
	}
	r.afterText()
}

// tagDone ends a .TP/.IP tag: a tag narrower than the indent shares its
// line with the body, a wider one gets a line of its own.
func (r *renderer) tagDone() {
	for len(r.line) > 0 && r.line[len(r.line)-1].breakable() {
		r.lineW -= r.line[len(r.line)-1].w
		r.line = r.line[:len(r.line)-1]
	}
	w := r.lineW
	if len(r.line) > 0 {
		w += r.lineInd - r.man.margin
	}
	gap := r.man.tagGap
	r.man.tagGap = 0
	if w+gap >= r.man.pi || r.emitted > r.man.tagMark {
		r.brk() // a wide tag is filled at the margin
	} else if len(r.line) > 0 {
		// the tag is one unit: its blanks are not stretched
		for i := range r.line {
			if r.line[i].kind != nGlyph {
				r.line[i].kind = nFixed
			}
		}
		r.addNode(nFixed, r.man.pi-w)
	} else {
		r.tempInd = -1
	}
	r.indent = r.man.margin + r.man.pi
	r.font, r.prevFont = Roman, Roman
}

func (r *renderer) manRequest(name string, args []string, rest string) bool {
	m := &r.man
	switch name {
	case "TH":
		// no break: a line begun before .TH comes out after the header
		if !m.th {
			// what came before the first .TH is printed before the header
			m.pre, r.out = r.out, nil
		}
		m.th = true
		m.title = args
		m.init()
		m.pd = 1
		// text before the first heading starts at the left edge
		r.indent, r.prevInd, r.tempInd = 0, 0, -1
		r.fill = true // the adjustment mode is left as it was (.na before .TH)
	case "SH", "SS":
		r.paragraph()
		m.init()
		ind := 0
		if name == "SS" {
			ind = manSN
		}
		// the heading's first line is outdented; a long one wraps at the
		// margin
		r.indent, r.tempInd = m.margin, ind
		r.fill = true
		r.font = Bold
		done := func() {
			r.brk()
			r.font, r.prevFont = Roman, Roman
			r.indent, r.prevInd = m.margin, m.margin
			r.ns = true
		}
		if len(args) > 0 {
			r.inlineLine(strings.Join(args, " "))
			done()
		} else {
			r.setTrap(done)
		}
	case "PP", "LP", "P":
		r.paragraph()
		m.pi = manIN
		r.indent = m.margin
	case "TP", "TQ":
		if name == "TQ" {
			r.brk()
			r.font, r.prevFont = Roman, Roman
		} else {
			r.paragraph()
		}
		if len(args) > 0 {
			if u, ok := evalExpr(args[0], 'n'); ok && u >= 0 {
				m.pi = cols(u)
			}
		}
		// the tag is filled at the margin; the body is indented
		r.indent = m.margin
		r.tempInd = m.margin
		m.tagMark = r.emitted
		r.setTrap(r.tagDone)
	case "IP":
		r.paragraph()
		if len(args) > 1 {
			if u, ok := evalExpr(args[1], 'n'); ok && u >= 0 {
				m.pi = cols(u)
			}
		}
		r.indent = m.margin + m.pi
		if len(args) > 0 && args[0] != "" {
			r.indent, r.tempInd = m.margin, m.margin
			m.tagMark = r.emitted
			r.inline(args[0])
			r.tagDone()
		}
	case "HP":
		r.paragraph()
		if len(args) > 0 {
			if u, ok := evalExpr(args[0], 'n'); ok && u >= 0 {
				m.pi = cols(u)
			}
		}
		r.indent = m.margin + m.pi
		r.tempInd = m.margin
	case "RS":
		r.brk()
		m.rs = append(m.rs, rsSave{m.margin, m.pi})
		if len(args) > 0 {
			if u, ok := evalExpr(args[0], 'n'); ok {
				m.margin += cols(u)
			}
		} else {
			m.margin += m.pi
		}
		m.margin = min(m.margin, maxCols)
		m.pi = manIN
		r.indent = m.inAt(r.indent)
	case "RE":
		r.brk()
		level := len(m.rs) - 1
		if len(args) > 0 {
			if u, ok := evalExpr(args[0], 'u'); ok {
				level = u - 1
			}
		}
		if level >= 0 && level < len(m.rs) {
			m.margin, m.pi = m.rs[level].margin, m.rs[level].pi
			m.rs = m.rs[:level]
		}
		r.indent = m.inAt(r.indent)
	case "B", "I", "SB", "SM":
		f := "R" // .SM: small, which a terminal cannot show
		switch name {
		case "B", "SB":
			f = "B"
		case "I":
			f = "I"
		}
		if len(args) > 0 {
			r.fontLine([]string{f}, args)
		} else {
			r.setFont(f)
			r.setTrap(func() { r.font, r.prevFont = Roman, Roman })
		}
	case "BR", "RB", "BI", "IB", "IR", "RI":
		r.fontLine([]string{name[:1], name[1:]}, args)
	case "EX":
		// groff's an-ext: no fill, no hyphenation, constant-width font
		r.brk()
		r.fill = false
		r.hyOn = false
		m.exFont = r.font
	case "EE":
		r.brk()
		r.fill = true
		r.font = m.exFont
		r.hyOn, r.hyMode = true, manHY
	case "UR", "MT":
		if len(args) > 0 {
			m.url = args[0]
		}
		r.hyOn = false
	case "UE", "ME":
		t := `\(la` + m.url + `\(ra`
		if len(args) > 0 {
			t += args[0]
		}
		r.inlineLine(t)
		r.hyOn, r.hyMode = true, manHY
	case "OP":
		if len(args) > 0 {
			t := `[\fB` + args[0]
			if len(args) > 1 {
				t += ` \fI` + args[1]
			}
			r.inlineLine(t + `\fR]`)
		}
	case "SY":
		// an-ext: a hanging paragraph as wide as the command name
		if !m.inSY {
			m.inSY = true
			r.hyOn = false
			m.syAdj = r.adjust
			r.adjust = 'l'
			m.syInd = r.indent
		} else {
			r.brk()
			r.ns = true
		}
		w := 0
		if len(args) > 0 {
			w = r.textWidth(`\fB` + args[0] + `\fP\ `)
		}
		r.paragraph()
		m.pi = w
		r.indent = m.margin + m.pi
		r.tempInd = m.margin
		if len(args) > 0 {
			r.fontLine([]string{"B"}, args[:1])
		}
	case "YS":
		r.brk()
		r.indent = m.syInd
		r.adjust = m.syAdj
		r.hyOn, r.hyMode = true, manHY
		m.inSY = false
	case "PD":
		m.pd = 1
		if len(args) > 0 {
			if u, ok := evalExpr(args[0], 'v'); ok {
				m.pd = lines(u)
			}
		}
	case "DT":
		r.tabs = nil
	case "IX", "UC", "AT", "PU", "LO", "SY_", "ad_", "an-trap", "MR_":
	case "MR":
		// groff 1.23's man page reference: .MR name section [trailer]
		if len(args) > 0 {
			t := `\fI` + args[0] + `\fR`
			if len(args) > 1 {
				t += "(" + args[1] + ")"
			}
			if len(args) > 2 {
				t += args[2]
			}
			r.inlineLine(t)
		}
	case "TS":
		r.table()
	case "TE", "T&":
	default:
		return false
	}
	_ = rest
	return true
}

// basicRequest handles the roff requests pages use directly.
func (r *renderer) basicRequest(name string, args []string, rest string) {
	arg := func(i int) string {
		if i < len(args) {
			return args[i]
		}
		return ""
	}
	switch name {
	case "br":
		r.brk()
	case "sp":
		n := 1
		if a := arg(0); a != "" {
			if u, ok := evalExpr(a, 'v'); ok {
				n = lines(u)
			}
		}
		r.space(n)
	case "fi":
		r.brk()
		r.fill = true
	case "nf":
		r.brk()
		r.fill = false
	case "ad":
		// .ad alone adjusts both margins again, or in the mode .na
		// interrupted (measured: .ad l, .ad l, .ad gives both)
		switch a := arg(0); a {
		case "":
			r.adjust, r.prevAdj = r.prevAdj, 'b'
		case "l", "r", "c", "b":
			r.adjust, r.prevAdj = a[0], 'b'
		case "n":
			r.adjust, r.prevAdj = 'b', 'b'
		}
	case "na":
		if r.adjust != 'l' {
			r.prevAdj = r.adjust
		}
		r.adjust = 'l'
	case "in":
		r.brk()
		a := arg(0)
		if a == "" {
			r.indent, r.prevInd = r.prevInd, r.indent
			return
		}
		r.prevInd = r.indent
		r.indent = r.relative(a, r.indent)
	case "ti":
		r.brk()
		if a := arg(0); a != "" {
			r.tempInd = r.relative(a, r.indent)
		}
	case "ll":
		if a := arg(0); a != "" {
			r.ll = r.relative(a, r.ll)
		} else {
			r.ll = LineLength(r.opt.Width)
		}
	case "ce":
		r.brk()
		r.center = 1
		if u, ok := evalExpr(arg(0), 'u'); ok {
			r.center = max(0, min(u, maxOutput))
		}
	case "ft":
		r.setFont(arg(0))
	case "ta":
		r.tabs = r.tabs[:0]
		prev := 0
		for _, a := range args {
			a = strings.TrimRight(a, "LRC")
			rel := strings.HasPrefix(a, "+")
			if u, ok := evalExpr(strings.TrimPrefix(a, "+"), 'm'); ok {
				t := cols(u)
				if rel {
					t += prev
				}
				r.tabs = append(r.tabs, t)
				prev = t
			}
		}
	case "nr":
		if len(args) < 2 {
			return
		}
		v := exprArg(args[1:])
		old := r.regs[args[0]]
		if u, ok := evalExpr(strings.TrimLeft(v, "+-"), 'u'); ok {
			switch v[0] {
			case '+':
				u = old + u
			case '-':
				u = old - u
			}
			r.regs[args[0]] = u
		}
	case "rr":
		for _, a := range args {
			delete(r.regs, a)
		}
	case "rm":
		for _, a := range args {
			delete(r.strs, a)
			delete(r.macros, a)
		}
	case "rn":
		if len(args) == 2 {
			if b, ok := r.macros[args[0]]; ok {
				r.macros[args[1]] = b
				delete(r.macros, args[0])
			}
			if s, ok := r.strs[args[0]]; ok {
				r.strs[args[1]] = s
				delete(r.strs, args[0])
			}
		}
	case "als":
		if len(args) == 2 {
			if b, ok := r.macros[args[1]]; ok {
				r.macros[args[0]] = b
			}
			if s, ok := r.strs[args[1]]; ok {
				r.strs[args[0]] = s
			}
		}
	case "so":
		if r.opt.Include != nil && len(r.stack) < maxMacroDepth {
			if src, err := r.opt.Include(arg(0)); err == nil {
				r.push(&frame{lines: splitLines(src)})
			}
		}
	case "tr":
		r.translate(rest)
	case "char", "fchar", "fschar", "schar":
		n, v := splitName(rest)
		if strings.HasPrefix(n, `\[`) || strings.HasPrefix(n, `\(`) {
			n, _ = readName(n, 1)
		}
		if r.chars == nil {
			r.chars = map[string]string{}
		}
		r.chars[n] = strings.TrimPrefix(v, `"`)
	case "shift":
		if f := r.macroFrame(); f != nil {
			n := 1
			if u, ok := evalExpr(arg(0), 'u'); ok {
				n = u
			}
			if n > len(f.args) {
				n = len(f.args)
			}
			if n > 0 {
				f.args = f.args[n:]
			}
		}
	case "return":
		for len(r.stack) > 0 {
			f := r.stack[len(r.stack)-1]
			r.stack = r.stack[:len(r.stack)-1]
			if f.macro {
				break
			}
		}
	case "bp":
		r.brk()
	case "ss":
		// .ss word [sentence], in twelfths of an em: on a terminal the
		// sentence space is 0 or one column
		if len(args) > 1 {
			if u, ok := evalExpr(args[1], 'u'); ok {
				r.sentSpace = min(max((u+6)/12, 0), 100) // bounded: hostile pages
			}
		}
	case "hw":
		if r.hw == nil {
			r.hw = map[string][]int{}
		}
		for _, w := range args {
			e := &hyphenator{exceptions: map[string][]int{}}
			e.addException(w)
			for k, v := range e.exceptions {
				r.hw[k] = v
			}
		}
	case "nh":
		r.hyOn = false
	case "hy":
		r.hyOn, r.hyMode = true, 1
		if a := arg(0); a != "" {
			if u, ok := evalExpr(a, 'u'); ok {
				r.hyMode = u
			}
		}
	case "it":
		// DocBook's pages call groff's own man trap after a caption:
		// .it 1 an-trap with an-no-space-flag and an-break-flag set
		if arg(1) == "an-trap" {
			r.setTrap(func() {
				if r.regs["an-break-flag"] != 0 {
					r.brk()
					r.regs["an-break-flag"] = 0
				}
				if r.regs["an-no-space-flag"] != 0 {
					r.ns = true
					r.regs["an-no-space-flag"] = 0
				}
			})
		}
	case "mso":
		if arg(0) == "www.tmac" {
			// groff's www macros: on a terminal a link shows its text, or
			// its address when it has no text, then the trailing text
			body := []string{`.ie '\$2'' \&\$1\$3`, `.el \&\$2 <\$1>\$3`}
			r.macros["URL"] = body
			r.macros["FTP"] = body
			r.macros["MTO"] = body
		}
	case "ul", "cu":
		// underline the next N input lines: italic on a terminal
		r.setFont("I")
		r.setTrap(func() { r.setFont("R") })
	}
}

// relative evaluates a .in/.ti/.ll argument, which may be relative (+N,
// -N) to cur; the default unit is m, one column.
func (r *renderer) relative(a string, cur int) int {
	sign := byte(0)
	if a[0] == '+' || a[0] == '-' {
		sign = a[0]
		a = a[1:]
	}
	u, ok := evalExpr(a, 'm')
	if !ok {
		return cur
	}
	n := cols(u)
	switch sign {
	case '+':
		n = cur + n
	case '-':
		n = cur - n
	}
	return max(0, min(n, maxCols))
}

// translate handles .tr: pairs of characters, each maybe an escape.
func (r *renderer) translate(s string) {
	var cs []rune
	for i := 0; i < len(s); {
		if s[i] == '\\' && i+1 < len(s) && (s[i+1] == '(' || s[i+1] == '[') {
			name, j := readName(s, i+1)
			g := []rune(glyphName(name))
			if len(g) == 1 {
				cs = append(cs, g[0])
			} else {
				cs = append(cs, ' ')
			}
			i = j
			continue
		}
		if s[i] == '\\' && i+1 < len(s) {
			switch s[i+1] {
			case '-':
				cs = append(cs, '-')
			case 'e':
				cs = append(cs, '\\')
			default:
				cs = append(cs, rune(s[i+1]))
			}
			i += 2
			continue
		}
		ch, n := utf8.DecodeRuneInString(s[i:])
		cs = append(cs, ch)
		i += n
	}
	if r.tr == nil {
		r.tr = map[rune]rune{}
	}
	for i := 0; i+1 < len(cs); i += 2 {
		if cs[i] == cs[i+1] {
			delete(r.tr, cs[i])
		} else {
			r.tr[cs[i]] = cs[i+1]
		}
	}
}

// finish ends the page: the body, framed by the header and footer lines.
func (r *renderer) finish() []Line {
	r.brk()
	if r.overlay != nil {
		r.output(nil)
	}
	body := squeeze(r.out)
	if r.opt.NoTitles || !r.man.th {
		return body
	}
	t := r.man.title
	a := func(i int) string {
		if i < len(t) {
			return t[i]
		}
		return ""
	}
	ll := LineLength(r.opt.Width)
	name := r.titleText(a(0)) + "(" + r.titleText(a(1)) + ")"
	manual := r.titleText(a(4))
	if len(t) < 5 {
		manual = manSectionName(a(1))
	}
	out := make([]Line, 0, len(body)+4)
	if len(r.man.pre) > 0 {
		// cat -s keeps one blank line at the top
		if len(squeeze(r.man.pre)) < len(r.man.pre) {
			out = append(out, nil)
		}
		out = append(out, squeeze(r.man.pre)...)
	}
	out = append(out, titleLine(name, manual, name, ll), nil)
	out = append(out, body...)
	if len(body) > 0 {
		out = append(out, nil)
	}
	footRight := name
	if r.man.footRight != "" {
		footRight = r.man.footRight
	}
	out = append(out, titleLine(r.titleText(a(3)), r.titleText(a(2)), footRight, ll))
	return catS(out)
}

// catS squeezes runs of blank lines to one, as cat -s does.
func catS(ls []Line) []Line {
	out := make([]Line, 0, len(ls))
	for i, l := range ls {
		if len(l) == 0 && i > 0 && len(ls[i-1]) == 0 {
			continue
		}
		out = append(out, l)
	}
	return out
}

// titleText renders a .TH argument to plain text.
func (r *renderer) titleText(s string) string {
	saveOut, saveSink := r.out, r.sink
	var ls []Line
	r.sink = &ls
	saveFill, saveInd, saveTi, saveCenter := r.fill, r.indent, r.tempInd, r.center
	r.fill, r.indent, r.tempInd, r.center = false, 0, -1, 0
	r.inline(s)
	r.brk()
	r.fill, r.indent, r.tempInd, r.center = saveFill, saveInd, saveTi, saveCenter
	r.out, r.sink = saveOut, saveSink
	if len(ls) == 0 {
		return ""
	}
	return strings.TrimLeft(ls[0].String(), " ")
}

// titleLine is groff's .tl: left, centre and right parts on one line.
// Parts that overlap are printed over each other, blanks not covering.
func titleLine(left, center, right string, ll int) Line {
	var b []rune
	put := func(at int, s string) {
		for _, ch := range s {
			if at < 0 { // a part wider than the line: its start is lost
				at++
				continue
			}
			for len(b) <= at {
				b = append(b, ' ')
			}
			if ch != ' ' {
				b[at] = ch
			}
			at++
		}
	}
	put(0, left)
	put((ll-utf8.RuneCountInString(center)+1)/2, center)
	put(ll-utf8.RuneCountInString(right), right)
	l := make(Line, len(b))
	for i, ch := range b {
		l[i] = Cell{ch, Roman}
	}
	n := len(l)
	for n > 0 && l[n-1].R == ' ' {
		n--
	}
	return l[:n]
}

// squeeze drops leading blank lines and runs of blank lines, as cat -s.
func squeeze(ls []Line) []Line {
	out := ls[:0]
	blank := true
	for _, l := range ls {
		if len(l) == 0 {
			if blank {
				continue
			}
			blank = true
		} else {
			blank = false
		}
		out = append(out, l)
	}
	for len(out) > 0 && len(out[len(out)-1]) == 0 {
		out = out[:len(out)-1]
	}
	return out
}

// exprArg returns the numeric expression that starts args: groff allows
// blanks inside parentheses, so ".nr X ((\n[.l] - \n[.i]) / 1n - 29)"
// reaches our argument splitter as several words.
func exprArg(args []string) string {
	e, depth := "", 0
	for i, a := range args {
		if i > 0 {
			e += " "
		}
		e += a
		depth += strings.Count(a, "(") - strings.Count(a, ")")
		if depth <= 0 {
			break
		}
	}
	return strings.ReplaceAll(e, " ", "")
}
