package magic

import (
	"bytes"
	"fmt"
	"path"
	"strings"
	"unicode/utf8"
)

// textEncoding is what libmagic's encoding pass finds.
type textEncoding struct {
	name    string // "ASCII", "Unicode text, UTF-8", "ISO-8859", ...
	charset string // MIME charset
	runes   []rune // the text decoded, for line statistics
}

// isText reports whether c may appear in ASCII text: BEL to CR, ESC, and
// the printable characters (libmagic's table).
func isText(c byte) bool {
	return c >= 7 && c <= 13 || c == 27 || c >= 0x20 && c < 0x7f
}

// encoding classifies buf as libmagic does, or returns false for binary
// data.
func encoding(buf []byte) (textEncoding, bool) {
	ascii := true
	for _, c := range buf {
		if !isText(c) {
			ascii = false
			break
		}
	}
	if ascii {
		return textEncoding{"ASCII", "us-ascii", bytesToRunes(buf)}, true
	}
	if bytes.HasPrefix(buf, []byte("\xef\xbb\xbf")) {
		if r, ok := utf8Runes(buf[3:]); ok || allText(buf[3:]) {
			if !ok {
				r = bytesToRunes(buf[3:])
			}
			return textEncoding{"Unicode text, UTF-8 (with BOM)", "utf-8", r}, true
		}
	}
	if r, ok := utf8Runes(buf); ok {
		return textEncoding{"Unicode text, UTF-8", "utf-8", r}, true
	}
	if len(buf) >= 2 && (buf[0] == 0xff && buf[1] == 0xfe || buf[0] == 0xfe && buf[1] == 0xff) {
		le := buf[0] == 0xff
		var rs []rune
		for i := 2; i+1 < len(buf); i += 2 {
			var r rune
			if le {
				r = rune(buf[i]) | rune(buf[i+1])<<8
			} else {
				r = rune(buf[i])<<8 | rune(buf[i+1])
			}
			if r < 0x80 && !isText(byte(r)) {
				return textEncoding{}, false
			}
			rs = append(rs, r)
		}
		if le {
			return textEncoding{"Unicode text, UTF-16, little-endian", "utf-16le", rs}, true
		}
		return textEncoding{"Unicode text, UTF-16, big-endian", "utf-16be", rs}, true
	}
	latin1, extended := true, true
	for _, c := range buf {
		switch {
		case isText(c) || c >= 0xa0:
		case c >= 0x80:
			latin1 = false
		default:
			latin1, extended = false, false
		}
		if !extended {
			break
		}
	}
	if latin1 {
		return textEncoding{"ISO-8859", "iso-8859-1", bytesToRunes(buf)}, true
	}
	if extended {
		return textEncoding{"Non-ISO extended-ASCII", "unknown-8bit", bytesToRunes(buf)}, true
	}
	return textEncoding{}, false
}

func allText(b []byte) bool {
	for _, c := range b {
		if !isText(c) {
			return false
		}
	}
	return true
}

func bytesToRunes(b []byte) []rune {
	r := make([]rune, len(b))
	for i, c := range b {
		r[i] = rune(c)
	}
	return r
}

// utf8Runes decodes buf if it is UTF-8 text with at least one multibyte
// character and no control characters outside the text set. A sequence cut
// by the end of the buffer is allowed.
func utf8Runes(buf []byte) ([]rune, bool) {
	var rs []rune
	multi := false
	for i := 0; i < len(buf); {
		c := buf[i]
		if c < 0x80 {
			if !isText(c) {
				return nil, false
			}
			rs = append(rs, rune(c))
			i++
			continue
		}
		r, n := utf8.DecodeRune(buf[i:])
		if r == utf8.RuneError && n <= 1 {
			if !utf8.FullRune(buf[i:]) && len(buf)-i < 4 {
				break // truncated at the end of what was read
			}
			return nil, false
		}
		multi = true
		rs = append(rs, r)
		i += n
	}
	return rs, multi
}

// charset returns the MIME charset of buf: its text encoding or "binary".
func charset(buf []byte) string {
	if e, ok := encoding(buf); ok {
		return e.charset
	}
	return "binary"
}

// lineInfo is what file(1) appends after the encoding.
func lineInfo(rs []rune) string {
	var crlf, cr, lf, nel int
	var longest, cur int
	esc, bs := false, false
	for i := 0; i < len(rs); i++ {
		switch r := rs[i]; r {
		case '\r':
			if i+1 < len(rs) && rs[i+1] == '\n' {
				crlf++
				i++
			} else {
				cr++
			}
			cur = 0
			continue
		case '\n':
			lf++
			cur = 0
			continue
		case 0x85:
			nel++
			cur = 0
			continue
		case 0x1b:
			esc = true
		case '\b':
			bs = true
		}
		cur++
		if cur > longest {
			longest = cur
		}
	}
	var w strings.Builder
	if longest > 300 {
		fmt.Fprintf(&w, ", with very long lines (%d)", longest)
	}
	switch {
	case crlf+cr+lf+nel == 0:
		w.WriteString(", with no line terminators")
	case crlf+cr+nel > 0:
		var kinds []string
		for _, k := range []struct {
			n    int
			name string
		}{{crlf, "CRLF"}, {cr, "CR"}, {lf, "LF"}, {nel, "NEL"}} {
			if k.n > 0 {
				kinds = append(kinds, k.name)
			}
		}
		w.WriteString(", with " + strings.Join(kinds, ", ") + " line terminators")
	}
	if esc {
		w.WriteString(", with escape sequences")
	}
	if bs {
		w.WriteString(", with overstriking")
	}
	return w.String()
}

// classifyText describes buf if it is text: what kind of text (script,
// source, markup), its encoding and its line statistics.
func classifyText(buf []byte) (Result, bool) {
	enc, ok := encoding(buf)
	if !ok {
		return Result{}, false
	}
	if isCSV(buf) { // before every other rule for text, as in libmagic
		return Result{Desc: "CSV text", MimeType: "text/csv", Charset: enc.charset}, true
	}
	res := Result{MimeType: "text/plain", Charset: enc.charset}
	kind, mime, whole := textKind(buf)
	if whole { // a description that stands alone, as file(1) prints it
		res.Desc = kind
		if mime != "" {
			res.MimeType = mime
		}
		return res, true
	}
	if mime != "" {
		res.MimeType = mime
	}
	desc := enc.name + " text"
	switch {
	case kind == "":
	case strings.HasPrefix(kind, "Node.js"): // its magic says "executable" first
		desc = kind + ", " + desc
	case strings.HasSuffix(kind, " executable"):
		desc = strings.TrimSuffix(kind, " executable") + ", " + desc + " executable"
	default:
		desc = kind + ", " + desc
	}
	res.Desc = desc + lineInfo(enc.runes)
	return res, true
}

// textKind finds what sort of text buf is. It returns a prefix for the
// encoding ("POSIX shell script executable", "C source") or, when whole is
// set, the entire description ("PEM certificate").
func textKind(buf []byte) (kind, mime string, whole bool) {
	s := string(buf)
	first, _, _ := strings.Cut(s, "\n")
	if strings.HasPrefix(s, "#!") {
		if k, m, w, ok := script(first); ok {
			return k, m, w
		}
	}
	if k, ok := pem(s); ok {
		return k, "text/plain", true
	}
	trimmed := strings.TrimLeft(s, " \t\r\n")
	switch {
	case strings.HasPrefix(s, "<?xml version=\"") || strings.HasPrefix(s, "<?xml version='"):
		v := s[len(`<?xml version="`):]
		if i := strings.IndexAny(v, "\"'"); i >= 0 && i < 10 {
			v = v[:i]
		}
		if strings.Contains(s[:min(len(s), 4096)], "<svg") {
			return "SVG Scalable Vector Graphics image", "image/svg+xml", true
		}
		return "XML " + v + " document", "text/xml", false
	case strings.Contains(s[:min(len(s), 4096)], "<!DOCTYPE svg"):
		return "SVG XML document", "image/svg+xml", true
	case hasHTML(trimmed):
		return "HTML document", "text/html", false
	case strings.HasPrefix(s, "<!DOCTYPE") || strings.HasPrefix(s, "<!doctype"):
		return "exported SGML document", "text/x-sgml", false
	}
	for _, rule := range textRules() {
		if rule.match(s) {
			return rule.desc, rule.mime, false
		}
	}
	return "", "", false
}

// hasHTML reports whether text starts like an HTML page.
func hasHTML(s string) bool {
	l := strings.ToLower(s[:min(len(s), 64)])
	for _, p := range []string{"<!doctype html", "<html", "<head", "<title", "<body"} {
		if strings.HasPrefix(l, p) {
			return true
		}
	}
	return false
}

// script describes a "#!" line.
func script(line string) (kind, mime string, whole, ok bool) {
	cmd := strings.TrimSpace(strings.TrimPrefix(line, "#!"))
	cmd = strings.TrimRight(cmd, "\r")
	fields := strings.Fields(cmd)
	if len(fields) == 0 {
		return "", "", false, false
	}
	interp := path.Base(fields[0])
	viaEnv := interp == "env" && len(fields) > 1
	if viaEnv {
		interp = fields[1]
	}
	name := strings.TrimRight(interp, "0123456789.")
	switch {
	case strings.HasPrefix(interp, "perl"):
		// file(1) wants ".../bin/perl..." or "env perl"; "#! perl" is left
		// to the text rules (it is usually a module).
		if viaEnv || strings.Contains(fields[0], "/bin/perl") {
			return "Perl script text executable", "text/x-perl", true, true
		}
		return "", "", false, false
	case strings.HasPrefix(interp, "python"):
		name = "python"
	}
	switch name {
	case "sh":
		return "POSIX shell script executable", "text/x-shellscript", false, true
	case "bash":
		return "Bourne-Again shell script executable", "text/x-shellscript", false, true
	case "zsh":
		return "Paul Falstad's zsh script executable", "text/x-shellscript", false, true
	case "ksh":
		return "Korn shell script executable", "text/x-shellscript", false, true
	case "csh":
		return "C shell script executable", "text/x-shellscript", false, true
	case "tcsh":
		return "Tenex C shell script executable", "text/x-shellscript", false, true
	case "python":
		return "Python script executable", "text/x-script.python", false, true
	case "ruby":
		return "Ruby script executable", "text/x-ruby", false, true
	case "node", "nodejs":
		return "Node.js script executable", "application/javascript", false, true
	case "lua":
		return "Lua script executable", "text/x-lua", false, true
	case "php":
		return "PHP script executable", "text/x-php", false, true
	case "tclsh", "wish":
		return "Tcl/Tk script executable", "text/x-tcl", false, true
	case "awk", "gawk", "nawk", "mawk":
		return "awk script executable", "text/x-awk", false, true
	}
	if viaEnv {
		return "a " + strings.Join(fields[1:], " ") + " script executable", "text/plain", false, true
	}
	return "a " + cmd + " script executable", "text/plain", false, true
}

// pem recognises the armoured key and certificate formats.
func pem(s string) (string, bool) {
	for _, p := range []struct{ prefix, desc string }{
		{"-----BEGIN CERTIFICATE-----", "PEM certificate"},
		{"-----BEGIN CERTIFICATE REQUEST-----", "PEM certificate request"},
		{"-----BEGIN RSA PRIVATE KEY-----", "PEM RSA private key"},
		{"-----BEGIN DSA PRIVATE KEY-----", "PEM DSA private key"},
		{"-----BEGIN EC PRIVATE KEY-----", "PEM EC private key"},
		{"-----BEGIN OPENSSH PRIVATE KEY-----", "OpenSSH private key"},
		{"ssh-ed25519 ", "OpenSSH ED25519 public key"},
		{"ssh-rsa ", "OpenSSH RSA public key"},
		{"ssh-dss ", "OpenSSH DSA public key"},
		{"ecdsa-sha2-nistp256 ", "OpenSSH ECDSA public key"},
	} {
		if strings.HasPrefix(s, p.prefix) {
			return p.desc, true
		}
	}
	if strings.HasPrefix(s, "-----BEGIN PGP PUBLIC KEY BLOCK-----") {
		// The first packet of the armoured data says which kind of key.
		_, body, _ := strings.Cut(s, "\n\n")
		if strings.HasPrefix(body, "m") { // an old-format public key packet
			return "PGP public key block Public-Key (old)", true
		}
		return "PGP public key block", true
	}
	return "", false
}

// textRule is one kind of text recognised by its lines.
type textRule struct {
	desc, mime string
	match      func(s string) bool
}

// textRules lists the kinds of text file(1) names on a Debian system, in
// the order its magic strengths rank them. Built on each call: there are
// few, and nothing may be built at package initialisation.
func textRules() []textRule {
	return []textRule{
		{"magic text file for file(1) cmd", "text/plain", func(s string) bool { return strings.HasPrefix(s, "# Magic") }},
		{"libtool library file", "text/plain", func(s string) bool {
			first, _, _ := strings.Cut(s, "\n")
			return strings.HasPrefix(first, "# ") && strings.Contains(first, "libtool library file")
		}},
		{"Perl5 module source", "text/plain", perlModule},
		{"Python script executable", "text/x-script.python", pythonSource},
		// a module that opens with its docstring: a weaker rule of
		// libmagic's, without a MIME type of its own
		{"Python script executable", "text/plain", func(s string) bool { return strings.HasPrefix(s, `"""`) }},
		{"Ruby script", "text/x-ruby", func(s string) bool { return anyLine(s, rubyRequire) }},
		{"C++ source", "text/x-c++", func(s string) bool { return cSource(s) && cplusplus(s) }},
		{"C source", "text/x-c", cSource},
		{"Perl POD document", "text/plain", func(s string) bool {
			return anyLine(s, func(l string) bool {
				return l == "=pod" || strings.HasPrefix(l, "=head1 ") || strings.HasPrefix(l, "=head2 ") || strings.HasPrefix(l, "=encoding ")
			})
		}},
		{"troff or preprocessor input", "text/troff", func(s string) bool {
			return strings.HasPrefix(s, ".\\\"") || strings.HasPrefix(s, "'\\\"") || strings.HasPrefix(s, ".TH ") || strings.HasPrefix(s, "'.\\\"")
		}},
		{"assembler source", "text/x-asm", func(s string) bool {
			return anyLine(s, func(l string) bool {
				l = strings.TrimLeft(l, " \t")
				for _, d := range []string{".asciz", ".byte", ".even", ".globl", ".text", ".file", ".type"} {
					if strings.HasPrefix(l, d) {
						return true
					}
				}
				return false
			})
		}},
	}
}

// anyLine reports whether some line of s satisfies f.
func anyLine(s string, f func(string) bool) bool {
	for len(s) > 0 {
		line, rest, _ := strings.Cut(s, "\n")
		if f(line) {
			return true
		}
		s = rest
	}
	return false
}

// perlModule: a "package Name;" line, first or accompanied by Perl-looking
// lines ("1;", "use ...;", "sub ... {").
func perlModule(s string) bool {
	isPackage := func(l string) bool {
		rest, ok := strings.CutPrefix(l, "package")
		if !ok || rest == "" || (rest[0] != ' ' && rest[0] != '\t') {
			return false
		}
		rest = strings.TrimLeft(rest, " \t")
		i := 0
		for i < len(rest) && (rest[i] == '_' || rest[i] == ':' || rest[i] >= '0' && rest[i] <= '9' || rest[i] >= 'a' && rest[i] <= 'z' || rest[i] >= 'A' && rest[i] <= 'Z') {
			i++
		}
		return i > 0 && strings.HasPrefix(strings.TrimLeft(rest[i:], " "), ";")
	}
	first, _, _ := strings.Cut(s, "\n")
	if isPackage(first) {
		return true
	}
	if !anyLine(s, isPackage) {
		return false
	}
	return anyLine(s, func(l string) bool {
		if strings.HasPrefix(l, "1") && strings.HasPrefix(strings.TrimLeft(l[1:], " "), ";") {
			return true
		}
		for _, kw := range []string{"use ", "sub ", "my "} {
			if strings.HasPrefix(l, kw) && strings.ContainsAny(l[len(kw):], "(;{=") {
				return true
			}
		}
		return false
	})
}

// pythonSource recognises Python without a "#!" line: "from x import y",
// "def __init__(self", or a try: block with its except: or finally:.
func pythonSource(s string) bool {
	if anyLine(s, pythonClass) || strings.Contains(s, "import") && anyLine(s, pythonImportAs) {
		return true
	}
	isFromImport := func(l string) bool {
		rest, ok := strings.CutPrefix(l, "from")
		if !ok || rest == "" || !strings.ContainsRune(" \t\f\r", rune(rest[0])) {
			return false
		}
		f := strings.Fields(rest)
		return len(f) >= 2 && f[1] == "import"
	}
	if strings.Contains(s, "import") && anyLine(s, isFromImport) {
		return true
	}
	if i := strings.Index(s, "def __init__"); i >= 0 && strings.Contains(s[i+12:min(len(s), i+12+64)], "self") {
		return true
	}
	if i := strings.Index(s[:min(len(s), 4096)], "if __name__"); i >= 0 {
		near := s[i:min(len(s), i+11+64)]
		if strings.Contains(near, "'__main__'") || strings.Contains(near, "\"__main__\"") {
			return true
		}
	}
	if anyLine(s, pythonDef) {
		return true
	}
	if i := strings.Index(s, "try:"); i >= 0 {
		rest := s[i+4:]
		if anyLine(rest, func(l string) bool {
			l = strings.TrimLeft(l, " \t")
			return strings.HasPrefix(l, "except") && strings.HasSuffix(strings.TrimRight(l, "\r"), ":")
		}) || strings.Contains(rest, "finally:") {
			return true
		}
	}
	return false
}

// pythonClass matches what file(1)'s pattern for a class statement
// does: "class Name:" or "class Name(Bases):", perhaps followed by "pass",
// the name in letters and underscores only.
func pythonClass(l string) bool {
	rest, ok := strings.CutPrefix(l, "class ")
	if !ok {
		return false
	}
	n := 0
	for n < len(rest) && (rest[n] == '_' || rest[n]|0x20 >= 'a' && rest[n]|0x20 <= 'z') {
		n++
	}
	if n == 0 {
		return false
	}
	rest = rest[n:]
	// ":" ends the line, or is followed by blanks and "pass" only
	colon := func(r string) bool {
		after, ok := strings.CutPrefix(strings.TrimLeft(r, " "), ":")
		if !ok || after == "" {
			return ok
		}
		p := strings.TrimLeft(after, " ")
		return len(p) < len(after) && p == "pass"
	}
	if !strings.HasPrefix(rest, "(") {
		return colon(rest)
	}
	for j := len(rest) - 1; j > 0; j-- {
		if rest[j] == ')' && colon(rest[j+1:]) {
			return true
		}
	}
	return false
}

// pythonImportAs matches file(1)'s "import name as x" pattern, which
// wants a one-letter alias at the end of the line ("import os as o").
func pythonImportAs(l string) bool {
	rest, ok := strings.CutPrefix(l, "import ")
	if !ok {
		return false
	}
	name, alias, ok := strings.Cut(rest, " as ")
	if !ok || name == "" || strings.TrimLeft(name, "_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") != "" {
		return false
	}
	return alias != "" && (alias[0]|0x20 >= 'a' && alias[0]|0x20 <= 'z') && strings.TrimSpace(alias[1:]) == ""
}

// cSource: an #include of a header, #pragma, or #ifdef/#ifndef near the
// start.
func cSource(s string) bool {
	return anyLine(s, func(l string) bool {
		if rest, ok := strings.CutPrefix(l, "#include"); ok {
			rest = strings.TrimLeft(rest, " \t")
			return strings.HasPrefix(rest, "<") || strings.HasPrefix(rest, "\"")
		}
		if rest, ok := strings.CutPrefix(l, "#"); ok {
			rest = strings.TrimLeft(rest, " \t")
			if rest, ok := strings.CutPrefix(rest, "pragma"); ok && rest != "" && (rest[0] == ' ' || rest[0] == '\t') {
				return true
			}
		}
		return false
	}) || anyLine(s[:min(len(s), 8192)], func(l string) bool {
		// "#ifdef"/"#ifndef" count only near the start (libmagic
		// searches 8 KiB for them).
		rest, ok := strings.CutPrefix(l, "#")
		if !ok {
			return false
		}
		rest = strings.TrimLeft(rest, " \t")
		return strings.HasPrefix(rest, "ifdef") || strings.HasPrefix(rest, "ifndef")
	})
}

// cplusplus: a template declaration on a line of its own, a namespace,
// or an access specifier (libmagic knows more; this catches most headers).
func cplusplus(s string) bool {
	return anyLine(s, func(l string) bool {
		t := strings.TrimLeft(l, " \t")
		if strings.HasPrefix(l, "namespace ") || strings.HasPrefix(t, "public:") || strings.HasPrefix(t, "private:") || strings.HasPrefix(t, "protected:") {
			return true
		}
		rest, ok := strings.CutPrefix(t, "template")
		if !ok {
			return false
		}
		rest = strings.TrimSpace(strings.TrimRight(rest, "\r"))
		return strings.HasPrefix(rest, "<") && strings.HasSuffix(rest, ">")
	})
}

// pythonDef matches a simple function definition line such as
// "    def name(self, *args, **kw):" (names, stars and commas only).
func pythonDef(l string) bool {
	l = strings.TrimRight(l, "\r")
	t := strings.TrimLeft(l, " \t")
	if len(l)-len(t) > 50 {
		return false
	}
	rest, ok := strings.CutPrefix(t, "def ")
	if !ok {
		return false
	}
	rest = strings.TrimLeft(rest, " ")
	isAlpha := func(c byte) bool { return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
	if rest == "" || !isAlpha(rest[0]) {
		return false
	}
	// libmagic's second pattern is searched, not anchored, after the
	// name's letters: "(params):" at the end of the line, each parameter
	// a name with up to two leading stars, separated by commas
	params := func(s string) bool {
		if s == "" {
			return true
		}
		for _, p := range strings.Split(s, ",") {
			p = strings.TrimLeft(p, " ")
			p = strings.TrimPrefix(strings.TrimPrefix(p, "*"), "*")
			if p == "" || !isAlpha(p[0]) {
				return false
			}
			for k := 1; k < len(p); k++ {
				if !isAlpha(p[k]) && (p[k] < '0' || p[k] > '9') {
					return false
				}
			}
		}
		return true
	}
	if !strings.HasSuffix(rest, "):") {
		return false
	}
	inner := rest[:len(rest)-2]
	for k := 0; k < len(inner); k++ {
		if inner[k] == '(' && params(inner[k+1:]) {
			return true
		}
	}
	return false
}

// rubyRequire matches "require 'some/file.rb'" (one blank after require,
// letters, '_', '.' and '/' only), as libmagic recognises Ruby.
func rubyRequire(l string) bool {
	t := strings.TrimLeft(l, " \t")
	rest, ok := strings.CutPrefix(t, "require")
	if !ok || len(rest) < 3 || (rest[0] != ' ' && rest[0] != '\t') || rest[1] != '\'' {
		return false
	}
	rest = rest[2:]
	i := 0
	for i < len(rest) && (rest[i] == '_' || rest[i] == '.' || rest[i] == '/' || rest[i] >= 'a' && rest[i] <= 'z' || rest[i] >= 'A' && rest[i] <= 'Z') {
		i++
	}
	return i > 0 && i < len(rest) && rest[i] == '\''
}
