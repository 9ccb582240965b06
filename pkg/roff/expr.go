package roff

import "strings"

// Numbers in roff are measured in basic units. On groff's terminal devices a
// character cell is 24 units wide and a line 40 units tall; an inch is 240.
const (
	hUnit = 24
	vUnit = 40
)

// scale returns the number of basic units in one unit of indicator c, for
// a horizontal or vertical measurement.
func scale(c byte, vertical bool) (float64, bool) {
	switch c {
	case 'i':
		return 240, true
	case 'c':
		return 240 / 2.54, true
	case 'p':
		return 240.0 / 72, true
	case 'P':
		return 40, true
	case 'm', 'n':
		return hUnit, true
	case 'M':
		return hUnit / 100.0, true
	case 'v':
		return vUnit, true
	case 'u':
		return 1, true
	case 's', 'z', 'f':
		return 1, true
	}
	return 0, false
}

// exprParser evaluates a roff numeric expression: operators are applied
// strictly left to right, as troff does, with parentheses for grouping.
type exprParser struct {
	s        string
	i        int
	defUnit  byte
	vertical bool
	ok       bool
}

// evalExpr evaluates s with default scale indicator unit ('u' for plain
// numbers) and returns the result in basic units.
func evalExpr(s string, unit byte) (int, bool) {
	p := &exprParser{s: strings.TrimSpace(s), defUnit: unit, vertical: unit == 'v', ok: true}
	v := p.expr()
	if !p.ok || p.i == 0 {
		return 0, false
	}
	// keep hostile numbers finite: no page needs more than this
	const limit = 1 << 30
	if v > limit {
		v = limit
	} else if v < -limit {
		v = -limit
	}
	return int(v), true
}

func (p *exprParser) peek() byte {
	if p.i < len(p.s) {
		return p.s[p.i]
	}
	return 0
}

func (p *exprParser) expr() float64 {
	v := p.term()
	for p.ok && p.i < len(p.s) {
		op := p.s[p.i]
		op2 := ""
		if p.i+1 < len(p.s) {
			op2 = p.s[p.i : p.i+2]
		}
		var w float64
		switch {
		case op2 == "<=" || op2 == ">=" || op2 == "==" || op2 == "<>" || op2 == "!=":
			p.i += 2
			w = p.term()
			switch op2 {
			case "<=":
				v = b2f(v <= w)
			case ">=":
				v = b2f(v >= w)
			case "==":
				v = b2f(v == w)
			default:
				v = b2f(v != w)
			}
			continue
		case strings.IndexByte("+-*/%<>=&:", op) >= 0:
			p.i++
			w = p.term()
		default:
			return v
		}
		switch op {
		case '+':
			v += w
		case '-':
			v -= w
		case '*':
			v = float64(int(v) * int(w) / hUnitFor(p))
		case '/':
			if int(w) == 0 {
				p.ok = false
				return 0
			}
			v = float64(int(v) * hUnitFor(p) / int(w))
		case '%':
			if int(w) == 0 {
				p.ok = false
				return 0
			}
			v = float64(int(v) % int(w))
		case '<':
			v = b2f(v < w)
		case '>':
			v = b2f(v > w)
		case '=':
			v = b2f(v == w)
		case '&':
			v = b2f(v > 0 && w > 0)
		case ':':
			v = b2f(v > 0 || w > 0)
		}
	}
	return v
}

// hUnitFor returns the scale of the default unit, by which a product or
// quotient of two scaled numbers must be divided or multiplied.
func hUnitFor(p *exprParser) int {
	f, _ := scale(p.defUnit, p.vertical)
	if f < 1 {
		return 1
	}
	return int(f)
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

func (p *exprParser) term() float64 {
	switch c := p.peek(); c {
	case '-':
		p.i++
		return -p.term()
	case '+':
		p.i++
		return p.term()
	case '!':
		p.i++
		return b2f(p.term() <= 0)
	case '(':
		p.i++
		v := p.expr()
		if p.peek() == ')' {
			p.i++
		}
		return v
	}
	start := p.i
	for p.i < len(p.s) && (p.s[p.i] >= '0' && p.s[p.i] <= '9' || p.s[p.i] == '.') {
		p.i++
	}
	if p.i == start {
		p.ok = false
		return 0
	}
	var v float64
	frac := 0.0
	for _, c := range p.s[start:p.i] {
		if c == '.' {
			frac = 1
			continue
		}
		if frac > 0 {
			frac /= 10
			v += float64(c-'0') * frac
		} else {
			v = v*10 + float64(c-'0')
		}
	}
	unit := p.defUnit
	if p.i < len(p.s) {
		if _, ok := scale(p.s[p.i], p.vertical); ok {
			unit = p.s[p.i]
			p.i++
		}
	}
	f, _ := scale(unit, p.vertical)
	return v * f
}

// cols converts basic units to character columns, rounding as groff's
// hunits do (halves round down).
func cols(u int) int {
	if u < 0 {
		return -cols(-u)
	}
	return min((u+hUnit/2-1)/hUnit, maxCols)
}

// maxCols bounds every horizontal distance (indents, motions, widths), and
// maxLines every vertical one, so that no input makes huge output.
const (
	maxCols  = 1000
	maxLines = 100
)

// lines converts basic units to output lines, rounding as groff's vunits.
func lines(u int) int {
	if u < 0 {
		return -lines(-u)
	}
	return min((u+vUnit/2-1)/vUnit, maxLines)
}
