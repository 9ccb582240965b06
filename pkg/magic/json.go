package magic

// What file(1) calls JSON is decided by libmagic's own parser, which is
// not RFC 8259: it accepts a trailing comma in arrays and objects, leading
// zeros and numbers like ".5" or "1.", and any byte but NUL, '"' and '\'
// inside strings (tabs, newlines, invalid UTF-8); it refuses "\f" and
// "\v" as white space and nesting deeper than about 250 levels. When a
// second value follows the first and starts with the same character,
// libmagic calls the file "New Line Delimited JSON" without parsing what
// comes after that second value. This file follows those rules, checked
// against file 5.44 in json_test.go.

// jsonResult says what kind of JSON a file is.
type jsonResult int

const (
	notJSON jsonResult = iota
	jsonText
	ndJSON // New Line Delimited JSON: several values, one after another
)

// jsonMaxLevel is libmagic's recursion limit: each array or object adds
// two levels (one for the container, one for its members).
const jsonMaxLevel = 500

// jsonKind reports whether buf is JSON as file(1) sees it. The caller
// has already checked that it starts with '{' or '[' after white space:
// libmagic does not call a lone string or number JSON.
func jsonKind(buf []byte) jsonResult {
	p := &jsonParser{b: buf}
	p.space()
	first := p.i
	if !p.value(0) {
		return notJSON
	}
	if p.i == len(p.b) {
		return jsonText
	}
	if first < len(p.b) && p.b[first] == p.b[p.i] && p.value(1) {
		return ndJSON
	}
	return notJSON
}

// jsonParser walks a buffer; i is the next byte to read.
type jsonParser struct {
	b []byte
	i int
}

// space skips the white space libmagic knows: space, tab, CR, LF.
func (p *jsonParser) space() {
	for p.i < len(p.b) {
		switch p.b[p.i] {
		case ' ', '\t', '\r', '\n':
			p.i++
		default:
			return
		}
	}
}

// value parses one value and the white space around it.
func (p *jsonParser) value(level int) bool {
	p.space()
	if p.i == len(p.b) || level > jsonMaxLevel {
		return false
	}
	var ok bool
	c := p.b[p.i]
	p.i++
	switch c {
	case '"':
		ok = p.str()
	case '[':
		ok = p.array(level + 1)
	case '{':
		ok = p.object(level + 1)
	case 't':
		ok = p.literal("rue")
	case 'f':
		ok = p.literal("alse")
	case 'n':
		ok = p.literal("ull")
	default:
		p.i--
		ok = p.number()
	}
	p.space()
	return ok
}

// literal matches the rest of true, false or null.
func (p *jsonParser) literal(rest string) bool {
	if len(p.b)-p.i < len(rest) || string(p.b[p.i:p.i+len(rest)]) != rest {
		return false
	}
	p.i += len(rest)
	return true
}

// str parses a string after its opening quote.
func (p *jsonParser) str() bool {
	for p.i < len(p.b) {
		c := p.b[p.i]
		p.i++
		switch c {
		case 0:
			return false
		case '"':
			return true
		case '\\':
			if p.i == len(p.b) {
				return false
			}
			e := p.b[p.i]
			p.i++
			switch e {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			case 'u':
				if len(p.b)-p.i < 4 {
					return false
				}
				for _, h := range p.b[p.i : p.i+4] {
					if !isHex(h) {
						return false
					}
				}
				p.i += 4
			default:
				return false
			}
		}
	}
	return false
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// digits skips decimal digits and reports whether there were any.
func (p *jsonParser) digits() bool {
	start := p.i
	for p.i < len(p.b) && '0' <= p.b[p.i] && p.b[p.i] <= '9' {
		p.i++
	}
	return p.i > start
}

// number parses [-][digits][.digits][(e|E)[+|-]digits], needing a digit
// in the mantissa and, if there is an exponent, in the exponent.
func (p *jsonParser) number() bool {
	if p.i < len(p.b) && p.b[p.i] == '-' {
		p.i++
	}
	got := p.digits()
	if p.i < len(p.b) && p.b[p.i] == '.' {
		p.i++
	}
	got = p.digits() || got
	if got && p.i < len(p.b) && (p.b[p.i] == 'e' || p.b[p.i] == 'E') {
		p.i++
		if p.i < len(p.b) && (p.b[p.i] == '+' || p.b[p.i] == '-') {
			p.i++
		}
		got = p.digits()
	}
	return got
}

// array parses the members of an array after its '['.
func (p *jsonParser) array(level int) bool {
	for {
		p.space()
		if p.i == len(p.b) {
			return false
		}
		if p.b[p.i] == ']' {
			p.i++
			return true
		}
		if !p.value(level+1) || p.i == len(p.b) {
			return false
		}
		switch p.b[p.i] {
		case ',':
			p.i++
		case ']':
			p.i++
			return true
		default:
			return false
		}
	}
}

// object parses the members of an object after its '{'.
func (p *jsonParser) object(level int) bool {
	for {
		p.space()
		if p.i == len(p.b) {
			return false
		}
		if p.b[p.i] == '}' {
			p.i++
			return true
		}
		if p.b[p.i] != '"' {
			return false
		}
		p.i++
		if !p.str() {
			return false
		}
		p.space()
		if p.i == len(p.b) || p.b[p.i] != ':' {
			return false
		}
		p.i++
		if !p.value(level+1) || p.i == len(p.b) {
			return false
		}
		c := p.b[p.i]
		p.i++
		switch c {
		case ',':
		case '}':
			return true
		default:
			return false
		}
	}
}
