package roff

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// Hyphenation, as groff does it: Liang's algorithm over TeX hyphenation
// patterns. We carry no patterns of our own: when groff is installed we
// read its files (hyphen.us and hyphenex.us, the ones groff's troffrc
// loads), so that a page breaks exactly where man-db's rendering breaks
// it. Without them (in the VM) words are never hyphenated.

type hyphenator struct {
	patterns   map[string][]uint8 // letters -> digit before each letter and after the last
	exceptions map[string][]int   // word -> numbers of letters before each break
	maxLen     int
}

// groffTmacGlobs are where Debian's groff keeps its macro files.
var groffTmacGlobs = [...]string{"/usr/share/groff/current/tmac", "/usr/share/groff/*/tmac"}

// hyphenation holds groff's patterns once a page needed them. A zero
// sync.Once, not a package-level sync.OnceValue: that would allocate at
// every start-up of every applet.
var hyphenation struct {
	once sync.Once
	h    *hyphenator
}

// loadHyphenator reads groff's US English patterns the first time a page
// is hyphenated; nil when groff is not installed.
func loadHyphenator() *hyphenator {
	hyphenation.once.Do(func() { hyphenation.h = readHyphenator() })
	return hyphenation.h
}

func readHyphenator() *hyphenator {
	for _, g := range groffTmacGlobs {
		dirs, _ := filepath.Glob(g)
		for _, d := range dirs {
			pat, err := os.ReadFile(filepath.Join(d, "hyphen.us"))
			if err != nil {
				continue
			}
			h := &hyphenator{patterns: map[string][]uint8{}, exceptions: map[string][]int{}}
			h.load(string(pat))
			if ex, err := os.ReadFile(filepath.Join(d, "hyphenex.us")); err == nil {
				h.load(string(ex))
			}
			return h
		}
	}
	return nil
}

// load reads a TeX file with \patterns{...} and \hyphenation{...} groups.
func (h *hyphenator) load(s string) {
	var b strings.Builder
	for _, l := range strings.Split(s, "\n") {
		if i := strings.IndexByte(l, '%'); i >= 0 {
			l = l[:i]
		}
		b.WriteString(l)
		b.WriteByte('\n')
	}
	s = b.String()
	for {
		i := strings.IndexByte(s, '\\')
		if i < 0 {
			return
		}
		s = s[i+1:]
		open := strings.IndexByte(s, '{')
		cl := strings.IndexByte(s, '}')
		if open < 0 || cl < open {
			return
		}
		kind, body := strings.TrimSpace(s[:open]), s[open+1:cl]
		s = s[cl+1:]
		for _, w := range strings.Fields(body) {
			switch kind {
			case "patterns":
				h.addPattern(w)
			case "hyphenation":
				h.addException(w)
			}
		}
	}
}

func (h *hyphenator) addPattern(p string) {
	var letters []byte
	digits := []uint8{0}
	for i := 0; i < len(p); i++ {
		c := p[i]
		if c >= '0' && c <= '9' {
			digits[len(digits)-1] = c - '0'
			continue
		}
		letters = append(letters, c)
		digits = append(digits, 0)
	}
	h.patterns[string(letters)] = digits
	if len(letters) > h.maxLen {
		h.maxLen = len(letters)
	}
}

func (h *hyphenator) addException(w string) {
	var letters []byte
	var pos []int
	for i := 0; i < len(w); i++ {
		if w[i] == '-' {
			pos = append(pos, len(letters))
			continue
		}
		letters = append(letters, w[i])
	}
	h.exceptions[strings.ToLower(string(letters))] = pos
}

// points returns, for a run of letters, the numbers of letters before
// each allowed break, under groff's .hy mode (4: not before the last two
// letters; 8: not after the first two).
func (h *hyphenator) points(word string, mode int) []int {
	n := len(word)
	if n <= 2 {
		return nil
	}
	last := n - 2 // at least two letters after the break
	if mode&4 != 0 {
		last--
	}
	first := 2
	if mode&8 != 0 {
		first = 3
	}
	lw := strings.ToLower(word)
	if pos, ok := h.exceptions[lw]; ok {
		return limit(pos, first, last)
	}
	w := "." + lw + "."
	val := make([]uint8, len(w)+1)
	for i := 0; i < len(w); i++ {
		for j := i + 1; j <= len(w) && j-i <= h.maxLen; j++ {
			if d, ok := h.patterns[w[i:j]]; ok {
				for k, v := range d {
					if v > val[i+k] {
						val[i+k] = v
					}
				}
			}
		}
	}
	// val[i] is the value before w[i]: a break after k letters is val[k+1]
	var out []int
	for k := first; k <= last; k++ {
		if val[k+1]%2 == 1 {
			out = append(out, k)
		}
	}
	return out
}

// limit keeps the break positions the .hy mode allows: the exceptions
// (hyphenex.us, .hw) obey it as the patterns do.
func limit(pos []int, first, last int) []int {
	var out []int
	for _, k := range pos {
		if k >= first && k <= last {
			out = append(out, k)
		}
	}
	return out
}
