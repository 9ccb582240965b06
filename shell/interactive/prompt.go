package interactive

import (
	"path"
	"strconv"
	"strings"
	"time"
)

// DefaultPS1 is the prompt of an interactive shell whose PS1 is unset:
// user@host:dir$ (# for root), as Debian's bash.
const DefaultPS1 = `\u@\h:\w\$ `

// PromptEnv is what the backslash escapes of a prompt stand for. The shell
// fills it before each prompt, so \w follows `cd` and \j the jobs table.
type PromptEnv struct {
	User    string    // \u: the user's name (bash asks getpwuid, not $USER)
	Host    string    // \H; \h is its part before the first dot
	Cwd     string    // \w, \W: the logical current directory ($PWD)
	Home    string    // $HOME, shown as ~ by \w and \W
	UID     int       // \$ is # for 0, $ otherwise
	Jobs    int       // \j: number of jobs the shell manages
	Status  int       // \?: $? (a zinebox extension; bash leaves \? as is)
	Shell   string    // \s: basename of $0
	Version string    // \V: "0.1.0"; \v is its first two numbers
	TTY     string    // \l: basename of the terminal's device name
	HistNum int       // \!: history number of this command
	CmdNum  int       // \#: command number of this command
	Now     time.Time // \t \T \@ \A \d \D{}; the zero time means time.Now()
	// Expand, when not nil, is applied to the result, as bash does with
	// promptvars on ($VAR, $(cmd), $((x)) in PS1). The text produced by
	// escapes is backslash-quoted first so that a directory named `$x`
	// stays literal. Expand should expand like a here-document body or
	// the inside of double quotes (the shell's expandPrompt does).
	Expand func(string) string
}

// ExpandPrompt decodes bash's prompt escapes in ps:
//
//	\u \h \H \w \W \$ \s \v \V \l \j \! \# \?
//	\t \T \@ \A \d \D{fmt}   time and date
//	\n \r \a \e \\ \nnn      characters
//	\[ \]                    start and end of invisible text, given to the
//	                         editor as the markers \001 and \002
//
// Any other backslash sequence is kept as it is, as bash does.
func ExpandPrompt(ps string, env PromptEnv) string {
	now := env.Now
	if now.IsZero() {
		now = time.Now()
	}
	quote := func(s string) string { return s }
	if env.Expand != nil {
		quote = quoteForExpand
	}
	var b strings.Builder
	for i := 0; i < len(ps); i++ {
		c := ps[i]
		if c != '\\' || i+1 == len(ps) {
			b.WriteByte(c)
			continue
		}
		i++
		switch e := ps[i]; e {
		case 'u':
			b.WriteString(quote(env.User))
		case 'h':
			h, _, _ := strings.Cut(env.Host, ".")
			b.WriteString(quote(h))
		case 'H':
			b.WriteString(quote(env.Host))
		case 'w':
			b.WriteString(quote(tildeDir(env.Cwd, env.Home)))
		case 'W':
			b.WriteString(quote(baseDir(env.Cwd, env.Home)))
		case '$':
			if env.UID == 0 {
				b.WriteByte('#')
			} else if env.Expand != nil {
				b.WriteString(`\$`)
			} else {
				b.WriteByte('$')
			}
		case 's':
			b.WriteString(quote(path.Base(env.Shell)))
		case 'v':
			v := env.Version
			if parts := strings.SplitN(v, ".", 3); len(parts) == 3 {
				v = parts[0] + "." + parts[1]
			}
			b.WriteString(quote(v))
		case 'V':
			b.WriteString(quote(env.Version))
		case 'l':
			t := path.Base(env.TTY)
			if env.TTY == "" {
				t = "tty"
			}
			b.WriteString(quote(t))
		case 'j':
			b.WriteString(strconv.Itoa(env.Jobs))
		case '!':
			b.WriteString(strconv.Itoa(env.HistNum))
		case '#':
			b.WriteString(strconv.Itoa(env.CmdNum))
		case '?':
			b.WriteString(strconv.Itoa(env.Status))
		case 't':
			b.WriteString(now.Format("15:04:05"))
		case 'T':
			b.WriteString(now.Format("03:04:05"))
		case '@':
			b.WriteString(now.Format("03:04 PM"))
		case 'A':
			b.WriteString(now.Format("15:04"))
		case 'd':
			b.WriteString(now.Format("Mon Jan 02"))
		case 'D':
			if i+1 < len(ps) && ps[i+1] == '{' {
				if end := strings.IndexByte(ps[i+2:], '}'); end >= 0 {
					f := ps[i+2 : i+2+end]
					if f == "" {
						f = "%X"
					}
					b.WriteString(quote(strftime(f, now)))
					i += 2 + end
					break
				}
			}
			b.WriteString(`\D`)
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 'a':
			b.WriteByte('\a')
		case 'e':
			b.WriteByte(0x1b)
		case '[':
			b.WriteByte('\001')
		case ']':
			b.WriteByte('\002')
		case '\\':
			// One backslash, even before an expansion (which may then
			// take it as quoting the next character), as in bash.
			b.WriteByte('\\')
		case '0', '1', '2', '3', '4', '5', '6', '7':
			// Three octal digits (fewer only at the end of the prompt),
			// taken modulo 256; a NUL is dropped. Otherwise the backslash
			// stays literal, as in bash.
			n, j := 0, i
			for ; j < len(ps) && j < i+3; j++ {
				if ps[j] < '0' || ps[j] > '7' {
					n = -1
					break
				}
				n = n*8 + int(ps[j]-'0')
			}
			if n < 0 {
				b.WriteByte('\\')
				i--
				break
			}
			if n&0xff != 0 {
				b.WriteByte(byte(n))
			}
			i = j - 1
		default:
			b.WriteByte('\\')
			b.WriteByte(e)
		}
	}
	if env.Expand != nil {
		return env.Expand(b.String())
	}
	return b.String()
}

// tildeDir is \w: dir with a leading $HOME shown as ~ (not when HOME is /
// or when dir merely shares a prefix with it: /home/ann2 is not ~2).
func tildeDir(dir, home string) string {
	home = strings.TrimSuffix(home, "/")
	if home == "" || !strings.HasPrefix(dir, home) {
		return dir
	}
	if rest := dir[len(home):]; rest == "" || rest[0] == '/' {
		return "~" + rest
	}
	return dir
}

// baseDir is \W: the last component of dir, ~ for $HOME, / for the root.
func baseDir(dir, home string) string {
	if home != "" && dir == strings.TrimSuffix(home, "/") {
		return "~"
	}
	if i := strings.LastIndexByte(dir, '/'); i > 0 {
		return dir[i+1:]
	}
	return dir
}

// quoteForExpand protects text produced by an escape from the expansion
// that follows, which treats the prompt like the inside of double quotes
// or a here-document: there \ $ and ` are special (a " needs no quoting,
// and in a here-document a backslash before it would stay).
func quoteForExpand(s string) string {
	if !strings.ContainsAny(s, "\\$`") {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune("\\$`", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// strftime formats t with the C library's conversions that make sense in a
// prompt (C locale); others are kept as written.
func strftime(f string, t time.Time) string {
	var b strings.Builder
	for i := 0; i < len(f); i++ {
		if f[i] != '%' || i+1 == len(f) {
			b.WriteByte(f[i])
			continue
		}
		i++
		switch f[i] {
		case 'a':
			b.WriteString(t.Format("Mon"))
		case 'A':
			b.WriteString(t.Format("Monday"))
		case 'b', 'h':
			b.WriteString(t.Format("Jan"))
		case 'B':
			b.WriteString(t.Format("January"))
		case 'd':
			b.WriteString(t.Format("02"))
		case 'e':
			b.WriteString(t.Format("_2"))
		case 'H':
			b.WriteString(t.Format("15"))
		case 'I':
			b.WriteString(t.Format("03"))
		case 'm':
			b.WriteString(t.Format("01"))
		case 'M':
			b.WriteString(t.Format("04"))
		case 'p':
			b.WriteString(t.Format("PM"))
		case 'S':
			b.WriteString(t.Format("05"))
		case 'y':
			b.WriteString(t.Format("06"))
		case 'Y':
			b.WriteString(t.Format("2006"))
		case 'j':
			b.WriteString(t.Format("002"))
		case 'Z':
			b.WriteString(t.Format("MST"))
		case 'z':
			b.WriteString(t.Format("-0700"))
		case 'R':
			b.WriteString(t.Format("15:04"))
		case 'T', 'X':
			b.WriteString(t.Format("15:04:05"))
		case 'D', 'x':
			b.WriteString(t.Format("01/02/06"))
		case 'F':
			b.WriteString(t.Format("2006-01-02"))
		case 's':
			b.WriteString(strconv.FormatInt(t.Unix(), 10))
		case '%':
			b.WriteByte('%')
		case 'n':
			b.WriteByte('\n')
		case 't':
			b.WriteByte('\t')
		default:
			b.WriteByte('%')
			b.WriteByte(f[i])
		}
	}
	return b.String()
}
