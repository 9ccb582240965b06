package roff

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Limits that keep any input, however hostile, finite.
const (
	maxSteps      = 2_000_000 // input lines processed, macro bodies included
	maxMacroDepth = 50
	maxExpand     = 20      // nesting of string interpolation
	maxOutput     = 50_000  // lines; bash(1), the largest page, has 7,000
	maxLineBytes  = 1 << 20 // a line after interpolating strings
)

// frame is one input source: the page, a .so file, or a macro's body.
type frame struct {
	lines []string
	i     int
	args  []string
	name  string
	macro bool
}

type renderer struct {
	opt  Options
	mdoc mdocState
	env
	out  []Line
	sink *[]Line // when set, lines go here (table cells)
	// emitted counts the lines output to out (a .TP tag that wrapped
	// has emitted some by the time it ends)
	emitted int
	// overlay is a line (a table's bottom border) that the next output
	// line is printed over, as groff's half-line motions do on a terminal
	overlay Line

	line    []node
	scratch []node // reused by hyphenate for the line it emits
	// hyCache holds the break points of words hyphenated so far, under
	// .hy mode hyCacheMode
	hyCache     map[string][]int
	hyCacheMode int
	widths      []int // reused by emit
	stretch     []int // reused by distribute
	lineW       int
	lineInd     int
	reverse     bool // groff's alternating direction for distributing spaces
	ns          bool // no-space mode: .sp does nothing until text is output

	stack  []*frame
	floor  int // next does not return to frames below this depth
	strs   map[string]string
	regs   map[string]int
	macros map[string][]string
	chars  map[string]string
	hw     map[string][]int // .hw hyphenation exceptions
	tr     map[rune]rune
	ieStk  []bool
	steps  int

	sentEnd  bool // the last character ends a sentence
	hyphenAt int  // len(line) just after a hyphen that allows a break
	hyOn     bool // .hy/.nh
	hyMode   int  // .hy's argument: 4 is what man-db's groff uses for pages
	noHyWord bool // \% seen in the current word
	// sentSpace is the extra space after a sentence (.ss), in columns
	sentSpace int
	spaceRun  int // blanks in a row in the current input line
	// spaceAfterSent: the blanks in a row follow the end of a sentence
	spaceAfterSent bool
	cont           bool // the text line ended in \c
	trapN          int  // text lines until trapFn runs (man's next-line trap)
	trapFn         func()

	man manState
}

func newRenderer(opt Options) *renderer {
	ll := LineLength(opt.Width)
	r := &renderer{
		opt:    opt,
		strs:   map[string]string{},
		regs:   map[string]int{},
		macros: map[string][]string{},
	}
	r.env = env{fill: true, adjust: 'b', prevAdj: 'b', tempInd: -1, ll: ll}
	r.hyOn, r.hyMode = true, manHY
	r.sentSpace = 1
	r.man.init()
	r.man.pd = 1
	r.indent = r.man.margin
	r.prevInd = r.indent
	for _, kv := range [][2]string{
		{"lq", "\u201c"}, {"rq", "\u201d"}, {"R", "\u00ae"}, {"Tm", "\u2122"},
		{"S", ""}, {"HF", "B"}, {".T", "utf8"}, {"Aq", "'"},
	} {
		r.strs[kv[0]] = kv[1]
	}
	return r
}

func (r *renderer) run(src string) {
	r.push(&frame{lines: splitLines(src)})
	for {
		l, ok := r.next()
		if !ok {
			break
		}
		r.process(l)
	}
	r.brk()
}

func splitLines(s string) []string {
	s = strings.TrimSuffix(s, "\n")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

func (r *renderer) push(f *frame) { r.stack = append(r.stack, f) }

// next returns the next input line, with escaped newlines joined.
func (r *renderer) next() (string, bool) {
	for len(r.stack) > 0 {
		f := r.stack[len(r.stack)-1]
		if f.i >= len(f.lines) {
			if len(r.stack) <= r.floor {
				return "", false
			}
			r.stack = r.stack[:len(r.stack)-1]
			continue
		}
		l := f.lines[f.i]
		f.i++
		for endsInEscape(l) && f.i < len(f.lines) {
			l = l[:len(l)-1] + f.lines[f.i]
			f.i++
		}
		if endsInEscape(l) {
			l = l[:len(l)-1]
		}
		r.steps++
		if r.steps > maxSteps || len(r.out) > maxOutput {
			r.stack = nil
			return "", false
		}
		return strings.TrimSuffix(l, "\r"), true
	}
	return "", false
}

// endsInEscape reports whether l ends in an unescaped backslash.
func endsInEscape(l string) bool {
	n := 0
	for i := len(l) - 1; i >= 0 && l[i] == '\\'; i-- {
		n++
	}
	return n%2 == 1
}

// stripComment removes a \" or \# comment.
func stripComment(l string) string {
	for i := 0; i+1 < len(l); i++ {
		if l[i] == '\\' {
			if l[i+1] == '"' || l[i+1] == '#' {
				return l[:i]
			}
			i++
		}
	}
	return l
}

func isControl(l string) bool {
	return len(l) > 0 && (l[0] == '.' || l[0] == '\'')
}

func (r *renderer) process(l string) {
	l = stripComment(l)
	if isControl(l) {
		r.request(l[1:])
		return
	}
	if strings.HasPrefix(l, `\.`) {
		// groff 1.22 takes an escaped period at the start of a line for
		// the control character too (find(1) has "\.B \-perm +MODE")
		r.request(l[2:])
		return
	}
	r.textLine(l)
}

// macroFrame returns the innermost macro being run, or nil.
func (r *renderer) macroFrame() *frame {
	for i := len(r.stack) - 1; i >= 0; i-- {
		if r.stack[i].macro {
			return r.stack[i]
		}
	}
	return nil
}

// readName reads an escape's name argument at s[i:]: x, (xx or [name].
func readName(s string, i int) (string, int) {
	if i >= len(s) {
		return "", i
	}
	switch s[i] {
	case '(':
		if i+3 <= len(s) {
			return s[i+1 : i+3], i + 3
		}
		return s[i+1:], len(s)
	case '[':
		// names may nest: \n[indent\n[level]]
		depth := 0
		for j := i + 1; j < len(s); j++ {
			switch s[j] {
			case '[':
				depth++
			case ']':
				if depth == 0 {
					return s[i+1 : j], j + 1
				}
				depth--
			}
		}
		return s[i+1:], len(s)
	}
	_, n := utf8.DecodeRuneInString(s[i:])
	return s[i : i+n], i + n
}

// readDelimited reads a 'delimited' escape argument at s[i:].
func readDelimited(s string, i int) (string, int) {
	if i >= len(s) {
		return "", i
	}
	d := s[i]
	j := i + 1
	for j < len(s) && s[j] != d {
		if s[j] == '\\' && j+1 < len(s) {
			j++
		}
		j++
	}
	if j >= len(s) {
		return s[i+1:], len(s)
	}
	return s[i+1 : j], j + 1
}

// expand interpolates strings (\*), registers (\n), macro arguments (\$)
// and widths (\w). In copy mode (macro and string definitions) it also
// turns \\ into \ and keeps \{ \}; otherwise it keeps \\ and drops \}.
func (r *renderer) expand(s string, copyMode bool, depth int) string {
	if strings.IndexByte(s, '\\') < 0 {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if b.Len() > maxLineBytes {
			break // strings that double themselves: stop
		}
		c := s[i]
		if c != '\\' || i+1 >= len(s) {
			b.WriteByte(c)
			i++
			continue
		}
		e := s[i+1]
		switch e {
		case '\\':
			if copyMode {
				b.WriteByte('\\')
			} else {
				b.WriteString(`\\`)
			}
			i += 2
		case '*':
			name, j := readName(s, i+2)
			i = j
			if strings.IndexByte(name, '\\') >= 0 && depth < maxExpand {
				name = r.expand(name, copyMode, depth+1)
			}
			if depth < maxExpand {
				if v, ok := r.strs[name]; ok {
					b.WriteString(r.expand(v, copyMode, depth+1))
				} else if body, ok := r.macros[name]; ok && len(body) == 1 {
					b.WriteString(r.expand(body[0], copyMode, depth+1))
				}
			}
		case 'n':
			j := i + 2
			if j < len(s) && (s[j] == '+' || s[j] == '-') {
				j++
			}
			name, k := readName(s, j)
			i = k
			if strings.IndexByte(name, '\\') >= 0 && depth < maxExpand {
				name = r.expand(name, copyMode, depth+1)
			}
			b.WriteString(strconv.Itoa(r.register(name)))
		case '$':
			name, j := readName(s, i+2)
			i = j
			b.WriteString(r.macroArg(name))
		case 'w':
			if copyMode {
				b.WriteString(`\w`)
				i += 2
				continue
			}
			arg, j := readDelimited(s, i+2)
			i = j
			b.WriteString(strconv.Itoa(r.textWidth(r.expand(arg, false, depth+1)) * hUnit))
		case '}':
			if copyMode {
				b.WriteString(`\}`)
			}
			i += 2
		case '.':
			if copyMode {
				b.WriteByte('.')
			} else {
				b.WriteString(`\.`)
			}
			i += 2
		default:
			b.WriteByte('\\')
			b.WriteByte(e)
			i += 2
		}
	}
	return b.String()
}

func (r *renderer) macroArg(name string) string {
	f := r.macroFrame()
	if f == nil {
		return ""
	}
	switch name {
	case "*":
		return strings.Join(f.args, " ")
	case "@":
		q := make([]string, len(f.args))
		for i, a := range f.args {
			q[i] = `"` + a + `"`
		}
		return strings.Join(q, " ")
	case "0":
		return f.name
	}
	n, err := strconv.Atoi(name)
	if err != nil || n < 1 || n > len(f.args) {
		return ""
	}
	return f.args[n-1]
}

// register returns a number register's value, including the read-only
// ones pages test (.g: this is groff; .l, .i: line length and indent).
func (r *renderer) register(name string) int {
	switch name {
	case ".g":
		return 1
	case ".l":
		return r.ll * hUnit
	case ".i":
		return r.indent * hUnit
	case ".$":
		if f := r.macroFrame(); f != nil {
			return len(f.args)
		}
		return 0
	case ".u":
		if r.fill {
			return 1
		}
		return 0
	case ".H":
		return hUnit
	case ".V", ".v":
		return vUnit
	case ".x":
		return 1
	case ".y":
		return 22
	case ".A":
		return 1
	case ".T":
		return 1
	case ".j":
		return 1
	case ".n":
		return 0
	case ".k":
		return r.lineW * hUnit
	case ".ss":
		return 12
	case ".sss":
		return r.sentSpace * 12
	// the man macros' registers that pages read
	case "an-margin":
		return r.man.margin * hUnit
	case "an-prevailing-indent":
		return r.man.pi * hUnit
	case "IN":
		return manIN * hUnit
	case "PD":
		return r.man.pd * vUnit
	case "LL":
		return LineLength(r.opt.Width) * hUnit
	case "HY":
		return manHY
	case "cR":
		return 1
	}
	return r.regs[name]
}

// textWidth is the width in columns of a piece of formatted text.
func (r *renderer) textWidth(s string) int {
	saveLine, saveW, saveInd, saveFont, savePrev, saveSent := r.line, r.lineW, r.lineInd, r.font, r.prevFont, r.sentEnd
	saveTi, saveNs, saveFill := r.tempInd, r.ns, r.fill
	r.line, r.lineW = nil, 0
	r.fill = false
	r.inline(s)
	w := r.lineW
	r.line, r.lineW, r.lineInd, r.font, r.prevFont, r.sentEnd = saveLine, saveW, saveInd, saveFont, savePrev, saveSent
	r.tempInd, r.ns, r.fill = saveTi, saveNs, saveFill
	return w
}

// parseArgs splits a request or macro line into arguments: blanks
// separate them, double quotes group them, "" inside quotes is a quote.
func parseArgs(s string) []string {
	var args []string
	i := 0
	for {
		for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
			i++
		}
		if i >= len(s) {
			return args
		}
		var b strings.Builder
		if s[i] == '"' {
			i++
			for i < len(s) {
				if s[i] == '"' {
					if i+1 < len(s) && s[i+1] == '"' {
						b.WriteByte('"')
						i += 2
						continue
					}
					i++
					break
				}
				if s[i] == '\\' && i+1 < len(s) {
					b.WriteByte(s[i])
					i++
				}
				b.WriteByte(s[i])
				i++
			}
		} else {
			for i < len(s) && s[i] != ' ' && s[i] != '\t' {
				if s[i] == '\\' && i+1 < len(s) {
					b.WriteByte(s[i])
					i++
				}
				b.WriteByte(s[i])
				i++
			}
		}
		args = append(args, b.String())
	}
}

// splitName separates a request's name from the rest of its line.
func splitName(s string) (name, rest string) {
	s = strings.TrimLeft(s, " \t")
	i := 0
	for i < len(s) && s[i] != ' ' && s[i] != '\t' {
		if s[i] == '\\' && i+1 < len(s) {
			if s[i+1] == '}' || s[i+1] == '{' {
				break
			}
			i++
		}
		i++
	}
	return s[:i], strings.TrimLeft(s[i:], " \t")
}

func (r *renderer) request(s string) {
	name, rest := splitName(s)
	if strings.Contains(name, `\`) {
		name = r.expand(name, false, 0)
	}
	switch name {
	case "":
		return
	case "ig":
		r.readBody(firstArg(rest, ".."), false)
		return
	case "de", "de1", "dei", "am", "am1":
		args := parseArgs(rest)
		if len(args) == 0 {
			return
		}
		end := ".."
		if len(args) > 1 {
			end = "." + args[1]
		}
		body := r.readBody(end, true)
		if strings.HasPrefix(name, "am") {
			r.macros[args[0]] = append(r.macros[args[0]], body...)
		} else {
			r.macros[args[0]] = body
		}
		return
	case "ds", "ds1", "as", "as1":
		rest = r.expand(rest, true, 0)
		n, v := splitName(rest)
		v = strings.TrimPrefix(v, `"`)
		if strings.HasPrefix(name, "as") {
			v = r.strs[n] + v
		}
		r.strs[n] = v
		return
	case "if":
		r.ifReq(rest, false)
		return
	case "ie":
		r.ifReq(rest, true)
		return
	case "el":
		c := false
		if n := len(r.ieStk); n > 0 {
			c = !r.ieStk[n-1]
			r.ieStk = r.ieStk[:n-1]
		}
		r.body(rest, c)
		return
	case "while":
		return // not supported: no page in the corpus needs it
	case "nop":
		r.textLine(rest)
		return
	case "do":
		r.request(rest)
		return
	}
	rest = r.expand(rest, false, 0)
	args := parseArgs(rest)
	if body, ok := r.macros[name]; ok {
		if len(r.stack) < maxMacroDepth {
			r.push(&frame{lines: body, args: args, name: name, macro: true})
		}
		return
	}
	if (r.mdoc.on || name == "Dd") && r.mdocRequest(name, args) {
		return
	}
	if r.manRequest(name, args, rest) {
		return
	}
	r.basicRequest(name, args, rest)
}

func firstArg(rest, def string) string {
	a := parseArgs(rest)
	if len(a) == 0 {
		return def
	}
	return "." + a[0]
}

// readBody reads lines up to the terminator end (".." or ".xx"), in copy
// mode when keep is set, and returns them.
func (r *renderer) readBody(end string, keep bool) []string {
	var body []string
	for {
		l, ok := r.next()
		if !ok {
			return body
		}
		t := strings.TrimLeft(l, " \t")
		if isControl(t) {
			n, _ := splitName(t[1:])
			if "."+n == end {
				return body
			}
		}
		if keep {
			body = append(body, r.expand(stripComment(l), true, 0))
		}
	}
}

// ifReq handles .if and .ie: the condition, then the body.
func (r *renderer) ifReq(rest string, ie bool) {
	cond, body := r.condition(rest)
	if ie {
		r.ieStk = append(r.ieStk, cond)
		if len(r.ieStk) > 100 {
			r.ieStk = r.ieStk[1:]
		}
	}
	r.body(body, cond)
}

// body runs a conditional body when c is true, and skips it otherwise,
// including all lines up to the matching \}.
func (r *renderer) body(b string, c bool) {
	b = strings.TrimLeft(b, " \t")
	if !c {
		depth := braceDepth(b)
		for depth > 0 {
			l, ok := r.next()
			if !ok {
				return
			}
			depth += braceDepth(l)
		}
		return
	}
	if strings.HasPrefix(b, `\{`) {
		b = strings.TrimLeft(b[2:], " \t")
	}
	if b == "" {
		return
	}
	r.process(b)
}

// braceDepth counts \{ minus \} in l.
func braceDepth(l string) int {
	d := 0
	for i := 0; i+1 < len(l); i++ {
		if l[i] == '\\' {
			switch l[i+1] {
			case '{':
				d++
			case '}':
				d--
			}
			i++
		}
	}
	return d
}

// condition parses and evaluates the condition at the start of s, and
// returns it with the rest of the line (the body).
func (r *renderer) condition(s string) (bool, string) {
	s = strings.TrimLeft(s, " \t")
	neg := false
	for strings.HasPrefix(s, "!") {
		neg = !neg
		s = s[1:]
	}
	if s == "" {
		return false, ""
	}
	var v bool
	rest := ""
	c := s[0]
	switch {
	case strings.IndexByte("ntoev", c) >= 0 && (len(s) == 1 || !isAlnum(s[1])):
		v = c == 'n' || c == 'o'
		rest = s[1:]
	case strings.IndexByte("drcmFS", c) >= 0 && len(s) > 1 && (s[1] == ' ' || s[1] == '\t'):
		n, body := splitName(s[1:])
		n = r.expand(n, false, 0)
		rest = body
		switch c {
		case 'd':
			_, v = r.macros[n]
			if !v {
				_, v = r.strs[n]
			}
		case 'r':
			_, v = r.regs[n]
		case 'c':
			// a glyph the device has: a plain character, or a special
			// character we know or .char defined (.ie c \[shc] in man(1)
			// is false on groff's utf8 device)
			name := ""
			switch {
			case strings.HasPrefix(n, `\[`) && strings.HasSuffix(n, "]"):
				name = n[2 : len(n)-1]
			case strings.HasPrefix(n, `\(`) && len(n) == 4:
				name = n[2:]
			}
			if name == "" {
				v = n != ""
			} else {
				_, v = r.chars[name]
				v = v || glyphName(name) != ""
			}
		case 'F':
			v = true
		}
		return v != neg, rest
	case c == '\'' || c == '"' || c == '|' || c == '/' || c == '#' || c == '^':
		a, i := readDelimited(s, 0)
		bb, j := readDelimited(s, i-1)
		_ = j
		v = r.plainText(a) == r.plainText(bb)
		rest = s[j:]
	default:
		i := exprEnd(s)
		n, ok := evalExpr(r.expand(s[:i], false, 0), 'u')
		v = ok && n > 0
		rest = s[i:]
	}
	return v != neg, rest
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// exprEnd finds where a numeric condition ends: at a blank, or at an
// escape that is not an interpolation (the body's \{).
func exprEnd(s string) int {
	i := 0
	for i < len(s) && s[i] != ' ' && s[i] != '\t' {
		if s[i] == '\\' && i+1 < len(s) {
			switch s[i+1] {
			case 'n', '*', 'w', '$':
				j := i + 2
				if s[i+1] == 'n' && j < len(s) && (s[j] == '+' || s[j] == '-') {
					j++
				}
				if s[i+1] == 'w' {
					_, j = readDelimited(s, j)
				} else {
					_, j = readName(s, j)
				}
				i = j
				continue
			}
			return i
		}
		i++
	}
	return i
}

// plainText expands s and returns its characters without formatting, for
// string comparisons.
func (r *renderer) plainText(s string) string {
	return r.expand(s, false, 0)
}
