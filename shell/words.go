package shell

import (
	"os"
	"sort"
	"strconv"
	"strings"

	"mvdan.cc/sh/v3/syntax"
)

// Word expansion, POSIX 2.6, done here rather than by mvdan's expand
// package: its field splitting treats non-whitespace IFS characters
// like whitespace ("a::b" gives two fields, not three), it expands
// braces, and it allocates more than the interpreter loop can afford.
//
// A word is expanded into a buffer of bytes, each with flags saying
// whether it was quoted (not special to globbing, never a separator)
// and whether it came from an unquoted expansion (subject to field
// splitting). Splitting and pathname expansion then read the flags.

const (
	fQuoted = 1 << iota // from quotes or a backslash: literal for globbing
	fSplit              // from an unquoted expansion: IFS splits here
)

// wev is an event in a word's expansion: a quoted part starts, or a
// field break.
type wev struct {
	pos int
	brk bool
}

// wbuf is one word being expanded.
type wbuf struct {
	b  []byte
	fl []byte
	// ev records, in order, where quoted text starts (even empty quotes
	// keep a field) and where "$@" forces a field break.
	ev     []wev
	noGlob bool
	// litSplit: literal text of a ${x-word} word is split like the
	// expansion it is part of
	litSplit bool
	noSplit  bool // expanding to one string: "$@" joins with spaces
	inParam  int  // inside ${x-word}: \} is a quoted }
}

func (w *wbuf) add(s string, flags byte) {
	w.b = append(w.b, s...)
	for range len(s) {
		w.fl = append(w.fl, flags)
	}
}

// getWbuf takes a buffer from the shell's free list: expansions nest
// (a default word, an arithmetic operand), and the loop must not
// allocate a buffer per word.
func (s *Shell) getWbuf() *wbuf {
	if n := len(s.wbFree); n > 0 {
		w := s.wbFree[n-1]
		s.wbFree = s.wbFree[:n-1]
		w.reset()
		return w
	}
	return &wbuf{}
}

func (s *Shell) putWbuf(w *wbuf) {
	if len(w.b) < 1<<16 {
		s.wbFree = append(s.wbFree, w)
	}
}

func (w *wbuf) addByte(c, flags byte) {
	w.b = append(w.b, c)
	w.fl = append(w.fl, flags)
}

func (w *wbuf) reset() {
	w.b, w.fl, w.ev = w.b[:0], w.fl[:0], w.ev[:0]
}

// expandFields expands words into command arguments.
func (s *Shell) expandFields(words []*syntax.Word) ([]string, error) {
	out := make([]string, 0, len(words))
	w := s.getWbuf()
	defer s.putWbuf(w)
	for _, word := range words {
		// Fast path: a plain literal word.
		if len(word.Parts) == 1 {
			if l, ok := word.Parts[0].(*syntax.Lit); ok && plainLit(l.Value) {
				out = append(out, l.Value)
				continue
			}
		}
		w.reset()
		if err := s.expandParts(w, word.Parts, false, true, false); err != nil {
			return nil, err
		}
		out = s.splitGlob(w, out)
	}
	return out, nil
}

// plainLit reports whether a literal needs no quote removal, tilde
// expansion or globbing.
func plainLit(v string) bool {
	for i := 0; i < len(v); i++ {
		switch v[i] {
		case '\\', '*', '?', '~', '\'', '"', '$', '`':
			return false
		case '[':
			if strings.IndexByte(v[i:], ']') > 0 {
				return false
			}
		}
	}
	return true
}

// expandString expands a word into one string: no splitting, no
// globbing (assignments, case words, redirection targets).
func (s *Shell) expandString(word *syntax.Word, assign bool) (string, error) {
	if word == nil {
		return "", nil
	}
	if len(word.Parts) == 1 {
		if l, ok := word.Parts[0].(*syntax.Lit); ok && plainLit(l.Value) {
			return l.Value, nil
		}
	}
	w := s.getWbuf()
	defer s.putWbuf(w)
	w.noSplit = true
	defer func() { w.noSplit = false }()
	if err := s.expandParts(w, word.Parts, false, !assign, assign); err != nil {
		return "", err
	}
	return string(w.b), nil
}

// expandPattern expands a word into a pattern for case and ${x#pat}:
// quoted characters are escaped with a backslash.
func (s *Shell) expandPattern(word *syntax.Word) (string, error) {
	if word == nil {
		return "", nil
	}
	var w wbuf
	if err := s.expandParts(&w, word.Parts, false, true, false); err != nil {
		return "", err
	}
	return patternOf(&w, 0, len(w.b)), nil
}

func patternOf(w *wbuf, a, b int) string {
	var sb strings.Builder
	for i := a; i < b; i++ {
		c := w.b[i]
		if w.fl[i]&fQuoted != 0 && (c == '*' || c == '?' || c == '[' || c == '\\' || c == ']' || c == '!' || c == '^' || c == '-') {
			sb.WriteByte('\\')
		}
		sb.WriteByte(c)
	}
	return sb.String()
}

// expandParts appends the expansion of word parts to w. quoted: inside
// double quotes. tilde: a leading ~ may expand (the start of a word).
// assign: tildes after ':' and '=' expand too.
func (s *Shell) expandParts(w *wbuf, parts []syntax.WordPart, quoted, tilde, assign bool) error {
	for i, p := range parts {
		switch p := p.(type) {
		case *syntax.Lit:
			v := p.Value
			if !quoted && ((i == 0 && tilde) || assign) && (i == len(parts)-1 || tildeEnds(v, assign)) {
				v = s.expandTildes(w, v, i == 0 && (tilde || assign), assign)
			}
			if w.litSplit && !quoted {
				n := len(w.b)
				s.addLit(w, v, quoted)
				for k := n; k < len(w.fl); k++ {
					if w.fl[k] == 0 {
						w.fl[k] = fSplit
					}
				}
			} else {
				s.addLit(w, v, quoted)
			}
		case *syntax.SglQuoted:
			if quoted {
				// inside "${x-'...'}": the quotes are literal
				w.add("'"+p.Value+"'", fQuoted)
				continue
			}
			w.ev = append(w.ev, wev{pos: len(w.b)})
			w.add(p.Value, fQuoted)
		case *syntax.DblQuoted:
			if !onlyAt(p.Parts) {
				w.ev = append(w.ev, wev{pos: len(w.b)})
			}
			if err := s.expandParts(w, p.Parts, true, false, false); err != nil {
				return err
			}
		case *syntax.ParamExp:
			if err := s.expandParam(w, p, quoted); err != nil {
				return err
			}
		case *syntax.CmdSubst:
			var sb strings.Builder
			if err := s.cmdSubst(&sb, p); err != nil {
				return err
			}
			out := strings.TrimRight(strings.ReplaceAll(sb.String(), "\x00", ""), "\n")
			s.addExpansion(w, out, quoted)
		case *syntax.ArithmExp:
			n, err := s.arithExpr(p.X)
			if err != nil {
				if ae, ok := err.(*arithError); ok && strings.HasPrefix(ae.msg, "arithmetic expression: ") && !strings.Contains(ae.msg, "\"") {
					return &arithError{ae.msg + ": \"" + s.sourceBetween(p.Left, p.Right, 3, 1) + "\""}
				}
				return err
			}
			s.addExpansion(w, strconv.FormatInt(n, 10), quoted)
		default:
			return &shellError{msg: "Bad substitution"}
		}
	}
	return nil
}

// addExpansion appends the result of an expansion: quoted, or subject
// to splitting and globbing.
func (s *Shell) addExpansion(w *wbuf, v string, quoted bool) {
	if quoted {
		w.add(v, fQuoted)
	} else {
		w.add(v, fSplit)
	}
}

// addLit appends literal text, removing backslash quoting: outside
// double quotes a backslash quotes any character; inside, only $ ` " \
// and newline. Backslash-newline disappears.
func (s *Shell) addLit(w *wbuf, v string, quoted bool) {
	for i := 0; i < len(v); i++ {
		c := v[i]
		if c != '\\' || i+1 >= len(v) {
			if quoted {
				w.addByte(c, fQuoted)
			} else {
				w.addByte(c, 0)
			}
			continue
		}
		n := v[i+1]
		if n == '\n' {
			i++
			continue
		}
		if quoted && !strings.ContainsRune("$`\"\\", rune(n)) && !(n == '}' && w.inParam > 0) {
			w.addByte('\\', fQuoted)
			continue
		}
		i++
		w.addByte(n, fQuoted)
	}
}

// expandTildes expands ~ and ~user at the start of v (and, in
// assignments, after every ':'). The result is quoted text.
func (s *Shell) expandTildes(w *wbuf, v string, atStart, assign bool) string {
	var out strings.Builder
	i := 0
	for {
		if (i == 0 && atStart || i > 0) && i < len(v) && v[i] == '~' {
			end := len(v)
			for j := i + 1; j < len(v); j++ {
				if v[j] == '/' || (assign && v[j] == ':') {
					end = j
					break
				}
			}
			name := v[i+1 : end]
			if !strings.ContainsAny(name, "\\'\"$`") {
				if home, ok := s.homeOf(name); ok {
					// flush literal so far, then the home dir, quoted
					s.addLit(w, out.String(), false)
					out.Reset()
					w.add(home, fQuoted)
					i = end
				}
			}
		}
		if !assign {
			out.WriteString(v[i:])
			return out.String()
		}
		j := strings.IndexByte(v[i:], ':')
		if j < 0 {
			out.WriteString(v[i:])
			return out.String()
		}
		out.WriteString(v[i : i+j+1])
		i += j + 1
	}
}

// tildeEnds reports whether a literal that starts a word ends its tilde
// prefix itself (with '/' or, in assignments, ':'), so that a quoted
// part after it is not part of the login name.
func tildeEnds(v string, assign bool) bool {
	if !strings.HasPrefix(v, "~") {
		return true
	}
	return strings.ContainsRune(v, '/') || (assign && strings.ContainsRune(v, ':'))
}

// homeOf is the directory ~name means: $HOME for "", else from
// /etc/passwd.
func (s *Shell) homeOf(name string) (string, bool) {
	if name == "" {
		h, ok := s.getVar("HOME")
		return h, ok
	}
	data, err := os.ReadFile("/etc/passwd")
	if err != nil {
		return "", false
	}
	for _, line := range strings.Split(string(data), "\n") {
		f := strings.Split(line, ":")
		if len(f) >= 6 && f[0] == name {
			return f[5], true
		}
	}
	return "", false
}

// expandParam expands $x, ${x}, ${#x} and the POSIX ${x op word} forms.
func (s *Shell) expandParam(w *wbuf, p *syntax.ParamExp, quoted bool) error {
	if p.Param == nil || p.Excl || p.Width || p.Index != nil || p.Slice != nil || p.Repl != nil || p.Names != 0 {
		return &shellError{msg: "Bad substitution"}
	}
	name := p.Param.Value
	if name == "@" || name == "*" {
		if p.Length {
			s.addExpansion(w, strconv.Itoa(len(strings.Join(s.params, " "))), quoted)
			return nil
		}
		if p.Exp == nil {
			s.expandAt(w, name, quoted)
			return nil
		}
	}
	val, set := s.getVar(name)
	if name == "@" || name == "*" {
		set = len(s.params) > 0
		val = s.joinStar()
	}
	if p.Length {
		if !set && s.opts.nounset {
			return &shellError{msg: name + ": parameter not set"}
		}
		s.addExpansion(w, strconv.Itoa(len(val)), quoted)
		return nil
	}
	if p.Exp == nil {
		if !set && s.opts.nounset {
			return &shellError{msg: name + ": parameter not set"}
		}
		s.addExpansion(w, val, quoted)
		return nil
	}
	op := p.Exp.Op
	colon := false
	switch op {
	case syntax.DefaultUnsetOrNull, syntax.AssignUnsetOrNull, syntax.ErrorUnsetOrNull, syntax.AlternateUnsetOrNull:
		colon = true
	}
	if (name == "@" || name == "*") && op == syntax.AlternateUnset {
		set = true
	}
	missing := !set || (colon && val == "")
	if (name == "@" || name == "*") && (op == syntax.RemSmallPrefix || op == syntax.RemLargePrefix || op == syntax.RemSmallSuffix || op == syntax.RemLargeSuffix) {
		pat, err := s.expandPattern(p.Exp.Word)
		if err != nil {
			return err
		}
		// dash applies the operator to the parameters joined by
		// spaces: a prefix comes off the first, a suffix off the last
		saved := s.params
		elems := append([]string(nil), saved...)
		if len(elems) > 0 {
			if op == syntax.RemSmallPrefix || op == syntax.RemLargePrefix {
				elems[0] = removePattern(elems[0], pat, op)
			} else {
				elems[len(elems)-1] = removePattern(elems[len(elems)-1], pat, op)
			}
		}
		s.params = elems
		s.expandAt(w, name, quoted)
		s.params = saved
		return nil
	}
	if (name == "@" || name == "*") && !missing {
		switch op {
		case syntax.DefaultUnset, syntax.DefaultUnsetOrNull, syntax.ErrorUnset, syntax.ErrorUnsetOrNull,
			syntax.AssignUnset, syntax.AssignUnsetOrNull:
			// "${@:-x}" with parameters is "$@"
			s.expandAt(w, name, quoted)
			return nil
		}
	}
	switch op {
	case syntax.DefaultUnset, syntax.DefaultUnsetOrNull:
		if missing {
			return s.paramWord(w, p.Exp.Word, quoted)
		}
	case syntax.AlternateUnset, syntax.AlternateUnsetOrNull:
		if !missing {
			return s.paramWord(w, p.Exp.Word, quoted)
		}
		if quoted {
			return nil
		}
		return nil
	case syntax.AssignUnset, syntax.AssignUnsetOrNull:
		if missing {
			if !isName(name) {
				return &shellError{msg: "1: bad variable name"[:0] + name + ": bad variable name"}
			}
			v, err := s.expandString(p.Exp.Word, false)
			if err != nil {
				return err
			}
			if err := s.setVar(name, v); err != nil {
				return err
			}
			val = v
		}
	case syntax.ErrorUnset, syntax.ErrorUnsetOrNull:
		if missing {
			msg := ""
			if p.Exp.Word != nil {
				m, err := s.expandString(p.Exp.Word, false)
				if err != nil {
					return err
				}
				msg = m
			}
			if msg == "" {
				if colon {
					msg = "parameter not set or null"
				} else {
					msg = "parameter not set"
				}
			}
			return &shellError{msg: name + ": " + msg}
		}
	case syntax.RemSmallPrefix, syntax.RemLargePrefix, syntax.RemSmallSuffix, syntax.RemLargeSuffix:
		if !set && s.opts.nounset {
			return &shellError{msg: name + ": parameter not set"}
		}
		pat, err := s.expandPattern(p.Exp.Word)
		if err != nil {
			return err
		}
		val = removePattern(val, pat, op)
	default:
		return &shellError{msg: "Bad substitution"}
	}
	s.addExpansion(w, val, quoted)
	return nil
}

// onlyAt reports whether double-quoted parts are only "$@", which gives
// no field at all when there are no positional parameters.
func onlyAt(parts []syntax.WordPart) bool {
	for _, p := range parts {
		pe, ok := p.(*syntax.ParamExp)
		if !ok || pe.Param == nil || pe.Param.Value != "@" || pe.Exp != nil || pe.Length {
			return false
		}
	}
	return len(parts) > 0
}

// paramWord expands the word of ${x-word} and friends.
func (s *Shell) paramWord(w *wbuf, word *syntax.Word, quoted bool) error {
	old := w.litSplit
	w.litSplit = !quoted
	w.inParam++
	err := s.expandParts(w, wordParts(word), quoted, !quoted, false)
	w.inParam--
	w.litSplit = old
	return err
}

func wordParts(w *syntax.Word) []syntax.WordPart {
	if w == nil {
		return nil
	}
	return w.Parts
}

// removePattern is ${x#p} ${x##p} ${x%p} ${x%%p}.
func removePattern(v, pat string, op syntax.ParExpOperator) string {
	switch op {
	case syntax.RemSmallPrefix:
		for i := 0; i <= len(v); i++ {
			if matchPattern(pat, v[:i]) {
				return v[i:]
			}
		}
	case syntax.RemLargePrefix:
		for i := len(v); i >= 0; i-- {
			if matchPattern(pat, v[:i]) {
				return v[i:]
			}
		}
	case syntax.RemSmallSuffix:
		for i := len(v); i >= 0; i-- {
			if matchPattern(pat, v[i:]) {
				return v[:i]
			}
		}
	case syntax.RemLargeSuffix:
		for i := 0; i <= len(v); i++ {
			if matchPattern(pat, v[i:]) {
				return v[:i]
			}
		}
	}
	return v
}

// joinStar is "$*": the parameters joined by the first character of
// IFS (a space when IFS is unset, nothing when it is empty).
func (s *Shell) joinStar() string {
	sep := " "
	if ifs, ok := s.getVar("IFS"); ok {
		if ifs == "" {
			sep = ""
		} else {
			sep = ifs[:1]
		}
	}
	return strings.Join(s.params, sep)
}

// expandAt is $@ and $*: one field per parameter where the shell says
// so.
func (s *Shell) expandAt(w *wbuf, name string, quoted bool) {
	if quoted && name == "*" {
		w.add(s.joinStar(), fQuoted)
		return
	}
	if w.noSplit {
		// assignments and here-documents: no fields; dash joins $@
		// and $* alike with the first character of IFS, as "$*"
		flags := byte(fQuoted)
		if !quoted {
			flags = 0
		}
		w.add(s.joinStar(), flags)
		return
	}
	for i, p := range s.params {
		if i > 0 {
			w.ev = append(w.ev, wev{pos: len(w.b), brk: true})
		}
		if quoted {
			w.ev = append(w.ev, wev{pos: len(w.b)})
			w.add(p, fQuoted)
		} else {
			w.add(p, fSplit)
		}
	}
}

// splitGlob splits an expanded word into fields at IFS characters that
// came from unquoted expansions, then expands pathnames, appending the
// fields to out. Events (quoted-empty marks and "$@" breaks) are
// replayed in the order they were recorded.
func (s *Shell) splitGlob(w *wbuf, out []string) []string {
	ifs, ok := s.getVar("IFS")
	if !ok {
		ifs = " \t\n"
	}
	isIFS := func(i int) bool {
		return w.fl[i]&fSplit != 0 && strings.IndexByte(ifs, w.b[i]) >= 0
	}
	isWS := func(i int) bool {
		c := w.b[i]
		return (c == ' ' || c == '\t' || c == '\n') && isIFS(i)
	}
	ev := 0
	eventAt := func(i int) bool { return ev < len(w.ev) && w.ev[ev].pos == i }
	start := 0
	has := false
	i := 0
	n := len(w.b)
	for {
		for eventAt(i) {
			if w.ev[ev].brk {
				if has || i > start {
					out = s.globField(w, start, i, out)
				}
				start, has = i, false
			} else {
				has = true
			}
			ev++
		}
		if i >= n {
			break
		}
		if !isIFS(i) {
			has = true
			i++
			continue
		}
		// a separator: IFS whitespace, at most one other IFS character,
		// IFS whitespace
		end := i
		sawNonWS := false
		for i < n && isWS(i) && (i == end || !eventAt(i)) {
			i++
		}
		if i < n && isIFS(i) && !isWS(i) && !eventAt(i) {
			sawNonWS = true
			i++
			for i < n && isWS(i) && !eventAt(i) {
				i++
			}
		}
		if has || sawNonWS {
			out = s.globField(w, start, end, out)
		}
		start, has = i, false
	}
	if has {
		out = s.globField(w, start, n, out)
	}
	return out
}

// globField expands the pathname pattern of one field, or appends the
// field itself when it has no unquoted pattern character or nothing
// matches.
func (s *Shell) globField(w *wbuf, a, b int, out []string) []string {
	if !s.opts.noglob {
		meta := false
		for i := a; i < b; i++ {
			if w.fl[i]&fQuoted == 0 {
				switch w.b[i] {
				case '*', '?', '[':
					meta = true
				}
			}
		}
		if meta {
			pat := patternOf(w, a, b)
			if !hasMeta(pat) {
				return append(out, string(w.b[a:b]))
			}
			if m := glob(pat); len(m) > 0 {
				return append(out, m...)
			}
		}
	}
	return append(out, string(w.b[a:b]))
}

// glob expands a pathname pattern: each '/'-separated component with
// pattern characters is matched against a directory listing; names
// starting with '.' only match a pattern starting with '.'.
func glob(pat string) []string {
	var comps []string
	abs := strings.HasPrefix(pat, "/")
	for _, c := range strings.Split(pat, "/") {
		comps = append(comps, c)
	}
	bases := []string{""}
	if abs {
		bases = []string{"/"}
		comps = comps[1:]
	}
	for ci, comp := range comps {
		last := ci == len(comps)-1
		var next []string
		if comp == "" && !last {
			for i := range bases {
				bases[i] += "/" // a// stays a//, as the shell wrote it
			}
			continue
		}
		if comp == "" {
			if last {
				for _, b := range bases {
					next = append(next, b)
				}
				// trailing slash: keep only directories
				var dirs []string
				for _, b := range next {
					if st, err := os.Stat(b); err == nil && st.IsDir() {
						dirs = append(dirs, b)
					}
				}
				return dirs
			}
			continue
		}
		if !hasMeta(comp) {
			lit := unescape(comp)
			for _, b := range bases {
				p := b + lit
				if last {
					if _, err := os.Lstat(p); err != nil {
						continue
					}
					next = append(next, p)
				} else {
					next = append(next, p+"/")
				}
			}
		} else {
			for _, b := range bases {
				dir := b
				if dir == "" {
					dir = "."
				}
				f, err := os.Open(dir)
				if err != nil {
					continue
				}
				names, _ := f.Readdirnames(-1)
				f.Close()
				if comp[0] == '.' || strings.HasPrefix(comp, "\\.") {
					names = append(names, ".", "..")
				}
				sort.Strings(names)
				for _, name := range names {
					if name[0] == '.' && comp[0] != '.' && !strings.HasPrefix(comp, "\\.") {
						continue
					}
					if !matchPattern(comp, name) {
						continue
					}
					p := b + name
					if last {
						next = append(next, p)
					} else if st, err := os.Stat(p); err == nil && st.IsDir() {
						next = append(next, p+"/")
					}
				}
			}
		}
		bases = next
		if len(bases) == 0 {
			return nil
		}
	}
	if len(comps) > 0 && comps[len(comps)-1] == "" {
		return bases
	}
	// strip the "/" added to intermediate directories of the last level
	for i, b := range bases {
		if len(b) > 1 && strings.HasSuffix(b, "/") && !strings.HasSuffix(pat, "/") {
			bases[i] = b[:len(b)-1]
		}
	}
	sort.Strings(bases)
	return bases
}

func hasMeta(p string) bool {
	for i := 0; i < len(p); i++ {
		switch p[i] {
		case '\\':
			i++
		case '*', '?':
			return true
		case '[':
			if ok, n := matchClass(p[i:], 0); n > 0 || ok {
				return true
			}
		}
	}
	return false
}

func unescape(p string) string {
	if !strings.Contains(p, "\\") {
		return p
	}
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		if p[i] == '\\' && i+1 < len(p) {
			i++
		}
		b.WriteByte(p[i])
	}
	return b.String()
}

// sourceBetween returns the source text between two positions, trimmed
// by skip bytes at the start and end, if the current source has it.
func (s *Shell) sourceBetween(a, b syntax.Pos, skipA, skipB int) string {
	if s.cur == nil {
		return ""
	}
	i, j := int(a.Offset())+skipA, int(b.Offset())+1-skipB
	if i < 0 || j > len(s.cur.text) || i > j {
		return ""
	}
	return s.cur.text[i:j]
}
