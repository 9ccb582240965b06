package roff

import (
	"strconv"
	"strings"
)

// glyphName returns what groff's utf8 device prints for the special
// character name (\(name or \[name]), or "" for an unknown name. The
// names are those of groff_char(7); Debian's groff prints \- - ' ` as
// plain ASCII in man pages, and so do we.
func glyphName(name string) string {
	if strings.HasPrefix(name, "u") && len(name) >= 5 && len(name) <= 7 {
		if n, err := strconv.ParseUint(name[1:], 16, 32); err == nil {
			return string(rune(n))
		}
	}
	if strings.HasPrefix(name, "char") {
		if n, err := strconv.Atoi(name[4:]); err == nil && n > 0 && n < 256 {
			return string(rune(n))
		}
	}
	switch name {
	case "aq":
		return "'"
	case "dq":
		return "\""
	case "lq", "Lq":
		return "\u201c"
	case "rq", "Rq":
		return "\u201d"
	case "oq":
		return "\u2018"
	case "cq":
		return "\u2019"
	case "bq":
		return "\u201a"
	case "Bq":
		return "\u201e"
	case "Fo":
		return "\u00ab"
	case "Fc":
		return "\u00bb"
	case "fo":
		return "\u2039"
	case "fc":
		return "\u203a"
	case "em":
		return "\u2014"
	case "en":
		return "\u2013"
	case "hy":
		return "\u2010"
	case "-", "mi":
		return "\u2212"
	case "bu":
		return "\u2022"
	case "ha", "a^":
		return "^"
	case "ti", "a~":
		return "~"
	case "rs":
		return "\\"
	case "sl":
		return "/"
	case "ga":
		return "`"
	case "aa":
		return "\u00b4"
	case "ul":
		return "_"
	case "ru":
		return "_"
	case "bv":
		return "\u23aa"
	case "or":
		return "|"
	case "ba":
		return "|"
	case "br":
		return "\u2502"
	case "pl":
		return "+"
	case "eq":
		return "="
	case "mu":
		return "\u00d7"
	case "di":
		return "\u00f7"
	case "+-":
		return "\u00b1"
	case "co":
		return "\u00a9"
	case "rg":
		return "\u00ae"
	case "tm":
		return "\u2122"
	case "de":
		return "\u00b0"
	case "sc":
		return "\u00a7"
	case "ps":
		return "\u00b6"
	case "dg":
		return "\u2020"
	case "dd":
		return "\u2021"
	case ">=":
		return "\u2265"
	case "<=":
		return "\u2264"
	case "!=":
		return "\u2260"
	case "==":
		return "\u2261"
	case "=~":
		return "\u2245"
	case "~~", "~=":
		return "\u2248"
	case "ap":
		return "\u223c"
	case "->":
		return "\u2192"
	case "<-":
		return "\u2190"
	case "<>":
		return "\u2194"
	case "ua":
		return "\u2191"
	case "da":
		return "\u2193"
	case "rA", "=>":
		return "\u21d2"
	case "lA", "<=>":
		return "\u21d0"
	case "hA":
		return "\u21d4"
	case "lh":
		return "\u261c"
	case "rh":
		return "\u261e"
	case "OK":
		return "\u2713"
	case "ct":
		return "\u00a2"
	case "Po":
		return "\u00a3"
	case "Ye":
		return "\u00a5"
	case "Eu", "eu":
		return "\u20ac"
	case "Do":
		return "$"
	case "at":
		return "@"
	case "sh":
		return "#"
	case "en-dash":
		return "\u2013"
	case "lB":
		return "["
	case "rB":
		return "]"
	case "lC":
		return "{"
	case "rC":
		return "}"
	case "la":
		return "\u27e8"
	case "ra":
		return "\u27e9"
	case "fm":
		return "\u2032"
	case "sd":
		return "\u2033"
	case "pc":
		return "\u00b7"
	case "md":
		return "\u22c5"
	case "no", "tno":
		return "\u00ac"
	case "ss":
		return "\u00df"
	case "12":
		return "\u00bd"
	case "14":
		return "\u00bc"
	case "34":
		return "\u00be"
	case "S1":
		return "\u00b9"
	case "S2":
		return "\u00b2"
	case "S3":
		return "\u00b3"
	case "mc":
		return "\u00b5"
	case "if":
		return "\u221e"
	case "pt":
		return "\u221d"
	case "sr":
		return "\u221a"
	case "is":
		return "\u222b"
	case "es":
		return "\u2205"
	case "mo":
		return "\u2208"
	case "nm":
		return "\u2209"
	case "sb":
		return "\u2282"
	case "sp":
		return "\u2283"
	case "ib":
		return "\u2286"
	case "ip":
		return "\u2287"
	case "ca":
		return "\u2229"
	case "cu":
		return "\u222a"
	case "fa":
		return "\u2200"
	case "te":
		return "\u2203"
	case "AN":
		return "\u2227"
	case "OR":
		return "\u2228"
	case "**":
		return "\u2217"
	case "pd":
		return "\u2202"
	case "gr":
		return "\u2207"
	case "tf", "3d":
		return "\u2234"
	case "ho":
		return "\u02db"
	case "sq":
		return "\u25a1"
	case "ci":
		return "\u25cb"
	case "lz":
		return "\u25ca"
	case "CR":
		return "\u21b5"
	case "st":
		return "\u220b"
	case "Ah":
		return "\u2135"
	case "Im":
		return "\u2111"
	case "Re":
		return "\u211c"
	case "wp":
		return "\u2118"
	case "-+":
		return "\u2213"
	case "/_":
		return "\u2220"
	case "pp":
		return "\u22a5"
	case "c*":
		return "\u2297"
	case "c+":
		return "\u2295"
	case "%0":
		return "\u2030"
	case "r!":
		return "\u00a1"
	case "r?":
		return "\u00bf"
	case "Of":
		return "\u00aa"
	case "Om":
		return "\u00ba"
	case "vs":
		return "\u2423"
	case "ff":
		return "ff"
	case "fi":
		return "fi"
	case "fl":
		return "fl"
	case "Fi":
		return "ffi"
	case "Fl":
		return "ffl"
	case "ad":
		return "\u00a8"
	case "ab":
		return "\u02d8"
	case "ah":
		return "\u02c7"
	case "a-":
		return "\u00af"
	case "a.":
		return "\u02d9"
	case "a\"":
		return "\u02dd"
	case "ao":
		return "\u02da"
	case "ac":
		return "\u00b8"
	case "bs":
		return "\\"
	case "lh_":
		return ""
	case "lt":
		return "\u23a7"
	case "lk":
		return "\u23a8"
	case "lb":
		return "\u23a9"
	case "rt":
		return "\u23ab"
	case "rk":
		return "\u23ac"
	case "rb":
		return "\u23ad"
	case "lc":
		return "\u2308"
	case "rc":
		return "\u2309"
	case "lf":
		return "\u230a"
	case "rf":
		return "\u230b"
	case "an":
		return "\u23af"
	case "bx":
		return "\u25a1"
	}
	if g := greek(name); g != "" {
		return g
	}
	if g := accented(name); g != "" {
		return g
	}
	return ""
}

// greek maps \(*a .. \(*W to Greek letters.
func greek(name string) string {
	if len(name) != 2 || name[0] != '*' {
		return ""
	}
	const latin = "ABGDEZYHIKLMNCOPRSTUFXQW"
	const lower = "αβγδεζηθικλμνξοπρστυϕχψω"
	const upper = "ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩ"
	c := name[1]
	up := c >= 'A' && c <= 'Z'
	if !up {
		c -= 'a' - 'A'
	}
	i := strings.IndexByte(latin, c)
	if i < 0 {
		return ""
	}
	src := []rune(lower)
	if up {
		src = []rune(upper)
	}
	return string(src[i])
}

// accented maps groff's two-character accent names (:a 'e `a ^o ~n ,c /o)
// to precomposed letters.
func accented(name string) string {
	if len(name) != 2 {
		return ""
	}
	var table string
	switch name[0] {
	case ':':
		table = "aäeëiïoöuüyÿAÄEËIÏOÖUÜ"
	case '\'':
		table = "aáeéiíoóuúyýAÁEÉIÍOÓUÚYÝcćCĆ"
	case '`':
		table = "aàeèiìoòuùAÀEÈIÌOÒUÙ"
	case '^':
		table = "aâeêiîoôuûAÂEÊIÎOÔUÛ"
	case '~':
		table = "aãnñoõAÃNÑOÕ"
	case ',':
		table = "cçCÇ"
	case '/':
		table = "oøOØlłLŁ"
	case 'o':
		table = "aåAÅ"
	default:
		switch name {
		case "ae":
			return "æ"
		case "AE":
			return "Æ"
		case "oe":
			return "œ"
		case "OE":
			return "Œ"
		case "-D":
			return "Ð"
		case "Sd":
			return "ð"
		case "TP":
			return "Þ"
		case "Tp":
			return "þ"
		case ".i":
			return "ı"
		}
		return ""
	}
	rs := []rune(table)
	for i := 0; i+1 < len(rs); i += 2 {
		if rs[i] == rune(name[1]) {
			return string(rs[i+1])
		}
	}
	return ""
}
