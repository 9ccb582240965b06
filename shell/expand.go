package shell

import (
	"io"
	"io/fs"
	"os"
	"strings"

	"mvdan.cc/sh/v3/expand"
	"mvdan.cc/sh/v3/syntax"
)

// readDir lists a directory for globbing.
func readDir(dir string) ([]fs.DirEntry, error) {
	return os.ReadDir(dir)
}

// prepare sets the expansion options that follow shell options.
func (s *Shell) prepare() *expand.Config {
	c := s.cfg
	c.NoUnset = s.opts.nounset
	if s.opts.noglob {
		c.ReadDir2 = nil
	} else if c.ReadDir2 == nil {
		c.ReadDir2 = readDir
	}
	return c
}

// fields expands words into fields: the arguments of a command. POSIX sh
// has no brace expansion, so braces in literal text are hidden from
// mvdan's expander, which would otherwise expand {a,b}.
func (s *Shell) fields(words []*syntax.Word) ([]string, error) {
	if !s.bashMode {
		return s.expandFields(words)
	}
	if !s.bashMode {
		for i, w := range words {
			if hasBraceLit(w) {
				cp := make([]*syntax.Word, len(words))
				copy(cp, words)
				for j := i; j < len(cp); j++ {
					if hasBraceLit(cp[j]) {
						cp[j] = hideBraces(cp[j])
					}
				}
				words = cp
				break
			}
		}
	}
	return expand.Fields(s.prepare(), words...)
}

func hasBraceLit(w *syntax.Word) bool {
	for _, p := range w.Parts {
		if l, ok := p.(*syntax.Lit); ok && strings.ContainsAny(l.Value, "{") {
			return true
		}
	}
	return false
}

// hideBraces returns a copy of w whose literal braces and commas are
// single-quoted parts: the same text, but no brace expansion.
func hideBraces(w *syntax.Word) *syntax.Word {
	nw := &syntax.Word{}
	for _, p := range w.Parts {
		l, ok := p.(*syntax.Lit)
		if !ok || !strings.ContainsAny(l.Value, "{,}") {
			nw.Parts = append(nw.Parts, p)
			continue
		}
		v := l.Value
		start := 0
		for i := 0; i < len(v); i++ {
			if v[i] == '{' || v[i] == '}' || v[i] == ',' {
				if i > start {
					nw.Parts = append(nw.Parts, &syntax.Lit{ValuePos: l.ValuePos, ValueEnd: l.ValueEnd, Value: v[start:i]})
				}
				nw.Parts = append(nw.Parts, &syntax.SglQuoted{Left: l.ValuePos, Right: l.ValueEnd, Value: v[i : i+1]})
				start = i + 1
			}
		}
		if start < len(v) {
			nw.Parts = append(nw.Parts, &syntax.Lit{ValuePos: l.ValuePos, ValueEnd: l.ValueEnd, Value: v[start:]})
		}
	}
	return nw
}

// literal expands a word without field splitting or globbing (case
// words, here-string words).
func (s *Shell) literal(w *syntax.Word) (string, error) {
	if !s.bashMode {
		return s.expandString(w, false)
	}
	return expand.Literal(s.prepare(), w)
}

// literalAssign expands the value of an assignment: tilde expansion after
// = and :, no splitting, no globbing.
func (s *Shell) literalAssign(w *syntax.Word) (string, error) {
	if !s.bashMode {
		return s.expandString(w, true)
	}
	return expand.Literal(s.prepare(), w)
}

// pattern expands a word into a pattern for case and ${x#pat}: quoted
// parts are escaped with backslashes.
func (s *Shell) pattern(w *syntax.Word) (string, error) {
	if !s.bashMode {
		return s.expandPattern(w)
	}
	return expand.Pattern(s.prepare(), w)
}

// document expands a here-document body.
func (s *Shell) document(w *syntax.Word) (string, error) {
	if !s.bashMode {
		return s.expandHeredoc(w)
	}
	return expand.Document(s.prepare(), w)
}

// arith evaluates an arithmetic expression.
func (s *Shell) arith(x syntax.ArithmExpr) (int, error) {
	n, err := s.arithExpr(x)
	return int(n), err
}

// cmdSubst runs the body of $(...) or `...` and writes its output to w.
// The body runs in a re-executed subshell whose stdout is a pipe, except
// for bodies that need no subshell to be isolated (see substInProcess).
func (s *Shell) cmdSubst(w io.Writer, cs *syntax.CmdSubst) error {
	status, err := s.runCmdSubst(w, cs)
	s.substStatus = status
	s.status = status
	return err
}

// expandHeredoc expands an unquoted here-document body: parameters,
// command substitutions and arithmetic, no splitting or globbing; a
// backslash quotes only $ ` \ and newline.
func (s *Shell) expandHeredoc(word *syntax.Word) (string, error) {
	var w wbuf
	w.noSplit = true
	for _, p := range word.Parts {
		if l, ok := p.(*syntax.Lit); ok {
			v := l.Value
			for i := 0; i < len(v); i++ {
				c := v[i]
				if c == '\\' && i+1 < len(v) {
					switch v[i+1] {
					case '$', '`', '\\':
						i++
						c = v[i]
					case '\n':
						i++
						continue
					}
				}
				w.addByte(c, fQuoted)
			}
			continue
		}
		if err := s.expandParts(&w, []syntax.WordPart{p}, true, false, false); err != nil {
			return "", err
		}
	}
	return string(w.b), nil
}
