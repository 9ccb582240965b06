package ls

import (
	"strings"

	"github.com/zinebox/zinebox/pkg/applet"
	"github.com/zinebox/zinebox/pkg/cescape"
	"golang.org/x/sys/unix"
)

// Colour indicators, in the order of GNU's LS_COLORS keys.
const (
	cLeft = iota
	cRight
	cEnd
	cReset
	cNorm
	cFile
	cDir
	cLink
	cFifo
	cSock
	cBlk
	cChr
	cMissing
	cOrphan
	cExec
	cDoor
	cSetuid
	cSetgid
	cSticky
	cOtherWritable
	cStickyOtherWritable
	cCap
	cMultiHardlink
	cClrToEOL
	numIndicators
)

const indicatorKeys = "lcrcecrsnofidilnpisobdcdmiorexdosusgstowtwcamhcl"

// defaultIndicator is GNU ls's built-in palette, used for what LS_COLORS
// does not set.
func defaultIndicator(i int) string {
	switch i {
	case cLeft:
		return "\033["
	case cRight:
		return "m"
	case cReset:
		return "0"
	case cDir:
		return "01;34"
	case cLink:
		return "01;36"
	case cFifo:
		return "33"
	case cSock, cDoor:
		return "01;35"
	case cBlk, cChr:
		return "01;33"
	case cExec:
		return "01;32"
	case cSetuid:
		return "37;41"
	case cSetgid:
		return "30;43"
	case cSticky:
		return "37;44"
	case cOtherWritable:
		return "34;42"
	case cStickyOtherWritable:
		return "30;42"
	case cClrToEOL:
		return "\033[K"
	}
	return ""
}

type extColor struct {
	ext string
	seq []byte
}

// palette is a parsed LS_COLORS.
type palette struct {
	ind            [numIndicators][]byte
	exts           []extColor // searched in order: later LS_COLORS entries first
	linkAsReferent bool       // ln=target
}

func (p *palette) isColored(i int) bool {
	s := p.ind[i]
	return !(len(s) == 0 || string(s) == "0" || string(s) == "00")
}

func (p *palette) needExecBits() bool {
	return p.isColored(cExec) || p.isColored(cSetuid) || p.isColored(cSetgid) || p.isColored(cCap)
}

func (p *palette) needDirBits() bool {
	return p.isColored(cOtherWritable) || p.isColored(cSticky) || p.isColored(cStickyOtherWritable)
}

func (p *palette) defaultDelims() bool {
	return string(p.ind[cLeft]) == "\033[" && string(p.ind[cRight]) == "m"
}

func (p *palette) restore() []byte {
	return append(append([]byte(nil), p.ind[cLeft]...), p.ind[cRight]...)
}

// termPatterns are the TERM values GNU's dircolors database knows to
// understand colour; without LS_COLORS or COLORTERM, ls colours only those.
var termPatterns = []string{"Eterm", "ansi", "*color*", "con[0-9]*x[0-9]*", "cons25", "console",
	"cygwin", "*direct*", "dtterm", "gnome", "hurd", "jfbterm", "konsole", "kterm", "linux",
	"linux-c", "mlterm", "putty", "rxvt*", "screen*", "st", "terminator", "tmux*", "vt100", "xterm*"}

// loadPalette builds the palette from LS_COLORS. It returns nil when colour
// must stay off, with a warning to print if LS_COLORS could not be parsed.
func loadPalette(o *applet.IO, utf8 bool) (*palette, string) {
	p := &palette{}
	for i := range p.ind {
		if d := defaultIndicator(i); d != "" {
			p.ind[i] = []byte(d)
		}
	}
	spec := o.Getenv("LS_COLORS")
	if spec == "" {
		if o.Getenv("COLORTERM") == "" {
			term := o.Getenv("TERM")
			known := false
			for _, pat := range termPatterns {
				if term != "" && fnmatch(pat, term) {
					known = true
					break
				}
			}
			if !known {
				return nil, ""
			}
		}
		return p, ""
	}
	if bad, ok := p.parse(spec); !ok {
		if bad != "" {
			o.Errorf("unrecognized prefix: %s", localeQuote(utf8, bad))
		}
		return nil, "unparsable value for LS_COLORS environment variable"
	}
	return p, ""
}

// parse reads LS_COLORS: "key=value" entries separated by colons, where key
// is two letters or "*suffix", and values use backslash and caret escapes.
func (p *palette) parse(s string) (badKey string, ok bool) {
	var exts []extColor
	for len(s) > 0 {
		if s[0] == ':' {
			s = s[1:]
			continue
		}
		if s[0] == '*' {
			ext, rest, ok := unescape(s[1:], true)
			if !ok || rest == "" || rest[0] != '=' {
				return "", false
			}
			seq, rest2, ok := unescape(rest[1:], false)
			if !ok {
				return "", false
			}
			exts = append(exts, extColor{ext: string(ext), seq: seq})
			s = rest2
			continue
		}
		if len(s) < 3 || s[2] != '=' {
			return "", false
		}
		key := s[:2]
		seq, rest, ok := unescape(s[3:], false)
		if !ok {
			return "", false
		}
		s = rest
		idx := -1
		for i := 0; i+2 <= len(indicatorKeys); i += 2 {
			if indicatorKeys[i:i+2] == key {
				idx = i / 2
				break
			}
		}
		if idx < 0 {
			return key, false
		}
		if idx == cLink && string(seq) == "target" {
			p.linkAsReferent = true
			continue
		}
		p.ind[idx] = seq
	}
	// Suffixes match case-insensitively, the last entry first.
	for i := len(exts) - 1; i >= 0; i-- {
		p.exts = append(p.exts, exts[i])
	}
	return "", true
}

// unescape decodes one LS_COLORS value up to ':' (or '=' for a suffix).
func unescape(s string, isKey bool) ([]byte, string, bool) {
	var out []byte
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ':' || (isKey && c == '='):
			return out, s[i:], true
		case c == '\\':
			i++
			if i == len(s) {
				return nil, "", false
			}
			e := s[i]
			if ctl, ok := cescape.Control(e); ok {
				out = append(out, ctl)
				i++
				continue
			}
			switch {
			case e == '?':
				out = append(out, 127)
			case e == '_':
				out = append(out, ' ')
			case e == 'x' || e == 'X':
				v, n := cescape.Number(s[i+1:], 2, 16)
				out = append(out, byte(v)) // "\x" alone is a NUL
				i += n
			case e >= '0' && e <= '7':
				v, n := cescape.Number(s[i:], 3, 8)
				out = append(out, byte(v))
				i += n - 1
			default:
				out = append(out, e)
			}
			i++
		case c == '^':
			i++
			if i == len(s) {
				return nil, "", false
			}
			e := s[i]
			switch {
			case e == '?':
				out = append(out, 127)
			case e >= '@' && e <= '~':
				out = append(out, e&037)
			default:
				return nil, "", false
			}
			i++
		default:
			out = append(out, c)
			i++
		}
	}
	if isKey {
		return nil, "", false
	}
	return out, "", true
}

// filetypeColor is the colour of a file that was not stat'ed, by type.
var filetypeColor = [...]int{cOrphan, cFifo, cChr, cDir, cBlk, cFile, cLink, cSock, cFile, cDir}

// colorFor picks the colour sequence of f's name (or of its link target),
// following GNU's rules, or nil for none.
func (l *lister) colorFor(f *fileInfo, target bool) []byte {
	p := l.c.color
	name := f.name
	mode := f.mode
	linkok := 0
	if f.linkOK {
		linkok = 1
	}
	if target {
		name, mode = f.link, f.linkMode
		if f.linkOK {
			linkok = 0
		} else {
			linkok = -1
		}
	} else if l.c.colorSymlinkAsReferent && f.linkOK {
		mode = f.linkMode
	}
	var t int
	switch {
	case linkok == -1 && p.isColored(cMissing):
		t = cMissing
	case !f.statOK:
		t = filetypeColor[f.typ]
	default:
		switch mode & unix.S_IFMT {
		case unix.S_IFREG:
			t = cFile
			switch {
			case mode&unix.S_ISUID != 0 && p.isColored(cSetuid):
				t = cSetuid
			case mode&unix.S_ISGID != 0 && p.isColored(cSetgid):
				t = cSetgid
			// No "ca" (file capabilities): Debian builds GNU ls without
			// libcap, so it never colours them either.
			case mode&0o111 != 0 && p.isColored(cExec):
				t = cExec
			case f.nlink > 1 && p.isColored(cMultiHardlink):
				t = cMultiHardlink
			}
		case unix.S_IFDIR:
			t = cDir
			switch {
			case mode&unix.S_ISVTX != 0 && mode&0o2 != 0 && p.isColored(cStickyOtherWritable):
				t = cStickyOtherWritable
			case mode&0o2 != 0 && p.isColored(cOtherWritable):
				t = cOtherWritable
			case mode&unix.S_ISVTX != 0 && p.isColored(cSticky):
				t = cSticky
			}
		case unix.S_IFLNK:
			t = cLink
		case unix.S_IFIFO:
			t = cFifo
		case unix.S_IFSOCK:
			t = cSock
		case unix.S_IFBLK:
			t = cBlk
		case unix.S_IFCHR:
			t = cChr
		default:
			t = cOrphan
		}
	}
	if t == cFile {
		for i := range p.exts {
			e := &p.exts[i]
			if len(e.ext) > len(name) {
				continue
			}
			tail := name[len(name)-len(e.ext):]
			if strings.EqualFold(tail, e.ext) {
				return nilIfEmpty(e.seq)
			}
		}
	}
	if t == cLink && linkok == 0 && (l.c.colorSymlinkAsReferent || p.isColored(cOrphan)) {
		t = cOrphan
	}
	return nilIfEmpty(p.ind[t])
}

func nilIfEmpty(b []byte) []byte {
	if b == nil {
		return nil
	}
	return b
}
