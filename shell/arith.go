package shell

import (
	"strconv"
	"strings"

	"mvdan.cc/sh/v3/syntax"
)

// Arithmetic expansion $((...)) with dash's rules: 64-bit signed
// integers, C operators, variables that must hold integers (an empty or
// unset one is 0), and dash's error messages.

type arithError struct{ msg string }

func (e *arithError) Error() string { return e.msg }

func (s *Shell) arithExpr(x syntax.ArithmExpr) (int64, error) {
	if x == nil {
		return 0, nil
	}
	switch x := x.(type) {
	case *syntax.ParenArithm:
		return s.arithExpr(x.X)
	case *syntax.Word:
		return s.arithWord(x)
	case *syntax.UnaryArithm:
		switch x.Op {
		case syntax.Inc, syntax.Dec:
			if !s.bashMode {
				if x.Post {
					return 0, &arithError{"arithmetic expression: expecting primary"}
				}
				// ++x is +(+x) in dash
				return s.arithExpr(x.X)
			}
			name, ok := arithName(x.X)
			if !ok {
				return 0, &arithError{"arithmetic expression: expecting primary"}
			}
			old, err := s.arithVar(name)
			if err != nil {
				return 0, err
			}
			n := old + 1
			if x.Op == syntax.Dec {
				n = old - 1
			}
			if err := s.setVar(name, strconv.FormatInt(n, 10)); err != nil {
				return 0, err
			}
			if x.Post {
				return old, nil
			}
			return n, nil
		}
		v, err := s.arithExpr(x.X)
		if err != nil {
			return 0, err
		}
		switch x.Op {
		case syntax.Not:
			if v == 0 {
				return 1, nil
			}
			return 0, nil
		case syntax.BitNegation:
			return ^v, nil
		case syntax.Plus:
			return v, nil
		case syntax.Minus:
			return -v, nil
		}
	case *syntax.BinaryArithm:
		return s.arithBinary(x)
	}
	return 0, &arithError{"arithmetic expression: syntax error"}
}

func arithName(x syntax.ArithmExpr) (string, bool) {
	w, ok := x.(*syntax.Word)
	if !ok || len(w.Parts) != 1 {
		return "", false
	}
	l, ok := w.Parts[0].(*syntax.Lit)
	if !ok || !isName(l.Value) {
		return "", false
	}
	return l.Value, true
}

// arithVar is the value of a variable used in arithmetic.
func (s *Shell) arithVar(name string) (int64, error) {
	v, _ := s.getVar(name)
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, nil
	}
	n, ok := parseArithNumber(v)
	if !ok {
		return 0, &arithError{"Illegal number: " + v}
	}
	return n, nil
}

// parseArithNumber parses a C integer constant: decimal, 0octal, 0xhex,
// with an optional sign.
func parseArithNumber(v string) (int64, bool) {
	neg := false
	t := v
	if t != "" && (t[0] == '-' || t[0] == '+') {
		neg = t[0] == '-'
		t = t[1:]
	}
	if t == "" {
		return 0, false
	}
	var n uint64
	var err error
	switch {
	case strings.HasPrefix(t, "0x") || strings.HasPrefix(t, "0X"):
		n, err = strconv.ParseUint(t[2:], 16, 64)
	case len(t) > 1 && t[0] == '0':
		n, err = strconv.ParseUint(t[1:], 8, 64)
	default:
		n, err = strconv.ParseUint(t, 10, 64)
		if err != nil {
			if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange {
				for _, c := range t {
					if c < '0' || c > '9' {
						return 0, false
					}
				}
				n, err = 1<<63-1, nil // strtoimax saturates
			}
		}
	}
	if err != nil {
		return 0, false
	}
	if neg {
		return -int64(n), true
	}
	return int64(n), true
}

// arithWord evaluates an operand: a number, a variable name, or text
// from an expansion, which is parsed again as an expression.
func (s *Shell) arithWord(w *syntax.Word) (int64, error) {
	if len(w.Parts) == 1 {
		if l, ok := w.Parts[0].(*syntax.Lit); ok {
			if isName(l.Value) {
				return s.arithVar(l.Value)
			}
			if n, ok := parseArithNumber(l.Value); ok {
				return n, nil
			}
			return 0, &arithError{"arithmetic expression: expecting EOF: \"" + l.Value + "\""}
		}
	}
	v, err := s.expandString(w, false)
	if err != nil {
		return 0, err
	}
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, nil
	}
	if n, ok := parseArithNumber(v); ok {
		return n, nil
	}
	if isName(v) {
		return s.arithVar(v)
	}
	x, err := s.newParser().Arithmetic(strings.NewReader(v))
	if err != nil {
		return 0, &arithError{"arithmetic expression: expecting EOF: \"" + v + "\""}
	}
	return s.arithExpr(x)
}

func (s *Shell) arithBinary(x *syntax.BinaryArithm) (int64, error) {
	switch x.Op {
	case syntax.AndArit, syntax.OrArit:
		l, err := s.arithExpr(x.X)
		if err != nil {
			return 0, err
		}
		if (x.Op == syntax.AndArit) == (l == 0) {
			return boolInt(l != 0), nil
		}
		r, err := s.arithExpr(x.Y)
		if err != nil {
			return 0, err
		}
		return boolInt(r != 0), nil
	case syntax.TernQuest:
		c, err := s.arithExpr(x.X)
		if err != nil {
			return 0, err
		}
		colon, ok := x.Y.(*syntax.BinaryArithm)
		if !ok || colon.Op != syntax.TernColon {
			return 0, &arithError{"arithmetic expression: syntax error"}
		}
		if c != 0 {
			return s.arithExpr(colon.X)
		}
		return s.arithExpr(colon.Y)
	case syntax.Comma:
		if !s.bashMode {
			return 0, &arithError{"arithmetic expression: expecting EOF"}
		}
		if _, err := s.arithExpr(x.X); err != nil {
			return 0, err
		}
		return s.arithExpr(x.Y)
	case syntax.Assgn, syntax.AddAssgn, syntax.SubAssgn, syntax.MulAssgn, syntax.QuoAssgn, syntax.RemAssgn,
		syntax.AndAssgn, syntax.OrAssgn, syntax.XorAssgn, syntax.ShlAssgn, syntax.ShrAssgn:
		name, ok := arithName(x.X)
		if !ok {
			return 0, &arithError{"arithmetic expression: assignment to non-variable"}
		}
		r, err := s.arithExpr(x.Y)
		if err != nil {
			return 0, err
		}
		if x.Op != syntax.Assgn {
			l, err := s.arithVar(name)
			if err != nil {
				return 0, err
			}
			var op syntax.BinAritOperator
			switch x.Op {
			case syntax.AddAssgn:
				op = syntax.Add
			case syntax.SubAssgn:
				op = syntax.Sub
			case syntax.MulAssgn:
				op = syntax.Mul
			case syntax.QuoAssgn:
				op = syntax.Quo
			case syntax.RemAssgn:
				op = syntax.Rem
			case syntax.AndAssgn:
				op = syntax.And
			case syntax.OrAssgn:
				op = syntax.Or
			case syntax.XorAssgn:
				op = syntax.Xor
			case syntax.ShlAssgn:
				op = syntax.Shl
			case syntax.ShrAssgn:
				op = syntax.Shr
			}
			r, err = arithOp(op, l, r)
			if err != nil {
				return 0, err
			}
		}
		if err := s.setVar(name, strconv.FormatInt(r, 10)); err != nil {
			return 0, err
		}
		return r, nil
	}
	l, err := s.arithExpr(x.X)
	if err != nil {
		return 0, err
	}
	r, err := s.arithExpr(x.Y)
	if err != nil {
		return 0, err
	}
	op := x.Op
	if op == syntax.Pow && s.bashMode {
		op = powBash
	}
	return arithOp(op, l, r)
}

// powBash marks ** where the language has it (bash mode).
const powBash = syntax.BinAritOperator(255)

func boolInt(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

func arithOp(op syntax.BinAritOperator, l, r int64) (int64, error) {
	switch op {
	case syntax.Add:
		return l + r, nil
	case syntax.Sub:
		return l - r, nil
	case syntax.Mul:
		return l * r, nil
	case syntax.Quo, syntax.Rem:
		if r == 0 {
			return 0, &arithError{"arithmetic expression: division by zero"}
		}
		if l == -1<<63 && r == -1 {
			if op == syntax.Quo {
				return l, nil
			}
			return 0, nil
		}
		if op == syntax.Quo {
			return l / r, nil
		}
		return l % r, nil
	case syntax.Pow:
		return 0, &arithError{"arithmetic expression: expecting primary"}
	case powBash:
		if r < 0 {
			return 0, &arithError{"arithmetic expression: exponent less than 0"}
		}
		n := int64(1)
		for ; r > 0; r-- {
			n *= l
		}
		return n, nil
	case syntax.Eql:
		return boolInt(l == r), nil
	case syntax.Neq:
		return boolInt(l != r), nil
	case syntax.Lss:
		return boolInt(l < r), nil
	case syntax.Gtr:
		return boolInt(l > r), nil
	case syntax.Leq:
		return boolInt(l <= r), nil
	case syntax.Geq:
		return boolInt(l >= r), nil
	case syntax.And:
		return l & r, nil
	case syntax.Or:
		return l | r, nil
	case syntax.Xor:
		return l ^ r, nil
	case syntax.Shl:
		return l << (uint64(r) & 63), nil
	case syntax.Shr:
		return l >> (uint64(r) & 63), nil
	}
	return 0, &arithError{"arithmetic expression: syntax error"}
}
