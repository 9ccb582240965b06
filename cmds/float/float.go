// Package float implements float(1), a demonstration of IEEE 754 binary
// floating point: it shows a number's sign, exponent and fraction bits and
// the exact decimal value the bits stand for (0.1 is not 0.1), and with
// "next" the gap to the next representable number.
package float

import (
	_ "embed"
	"fmt"
	"math"
	"math/bits"
	"strconv"
	"strings"

	"github.com/zinebox/zinebox/pkg/applet"
	"github.com/zinebox/zinebox/pkg/getopt"
)

//go:embed float.1
var manPage string

var Applet = applet.Applet{
	Name:    "float",
	Summary: "show the bits and the exact value of a floating-point number",
	Man:     &manPage,
	Main:    run,
}

var spec = getopt.Spec{
	Prog:  "float",
	Usage: []string{"[-s] NUMBER...", "[-s] next NUMBER"},
	Summary: `Show how NUMBER is stored as an IEEE 754 double (or single, with -s):
its sign, exponent and fraction bits, and the exact decimal value of those
bits. With "next", show the next larger number and the gap between them.

NUMBER is a decimal or hexadecimal float (0.1, 1e-3, 0x1p-3), inf, nan, or
a power B^E (2^52, 10^-3).`,
	Options: []getopt.Option{
		{Short: 's', Long: "single", Help: "use 32-bit single precision"},
	},
}

// format describes one IEEE 754 binary format.
type format struct {
	name                    string
	expBits, fracBits, bias int
}

var (
	double = format{"64-bit double", 11, 52, 1023}
	single = format{"32-bit single", 8, 23, 127}
)

func run(io *applet.IO, args []string) int {
	// Negative numbers are operands, not options: hide their dash from
	// the parser ("\x00" cannot occur in an argument) and restore it after.
	hidden := make([]string, len(args))
	for i, a := range args {
		hidden[i] = a
		if isNegative(a) {
			hidden[i] = "\x00" + a
		}
	}
	r, done, status := io.Parse(&spec, hidden, 1)
	if done {
		return status
	}
	for i, a := range r.Operands {
		r.Operands[i] = strings.TrimPrefix(a, "\x00")
	}
	f := double
	if r.Has("single") {
		f = single
	}
	ops := r.Operands
	if len(ops) == 0 {
		return io.UsageError(1, "missing operand")
	}
	if ops[0] == "next" {
		if len(ops) != 2 {
			return io.UsageError(1, "next takes one NUMBER")
		}
		x, err := parse(ops[1], f)
		if err != nil {
			io.Errorf("invalid number '%s'", ops[1])
			return 1
		}
		io.Stdout.WriteString(next(x, f))
		return 0
	}
	status = 0
	for i, a := range ops {
		x, err := parse(a, f)
		if err != nil {
			io.Errorf("invalid number '%s'", a)
			status = 1
			continue
		}
		if i > 0 {
			io.Stdout.WriteString("\n")
		}
		io.Stdout.WriteString(describe(a, x, f))
	}
	return status
}

func isNegative(a string) bool {
	return len(a) > 1 && a[0] == '-' && (a[1] >= '0' && a[1] <= '9' || a[1] == '.' ||
		strings.HasPrefix(a, "-inf") || strings.HasPrefix(a, "-nan"))
}

// parse reads a number, or B^E, rounded to the format.
func parse(s string, f format) (float64, error) {
	if b, e, ok := strings.Cut(s, "^"); ok {
		base, err1 := strconv.ParseFloat(b, 64)
		exp, err2 := strconv.Atoi(e)
		if err1 != nil || err2 != nil {
			return 0, strconv.ErrSyntax
		}
		x := power(base, exp)
		return round(x, f), nil
	}
	size := 64
	if f == single {
		size = 32
	}
	// C's strtod and Python's float() give the quiet NaN 0x7ff8000000000000
	// (its sign from a leading -); Go's math.NaN has a different payload
	// bit, and ParseFloat takes no sign on "nan".
	body := s
	if s != "" && (s[0] == '+' || s[0] == '-') {
		body = s[1:]
	}
	if strings.EqualFold(body, "nan") {
		x := math.Float64frombits(0x7ff8 << 48)
		if s[0] == '-' {
			x = math.Copysign(x, -1)
		}
		return x, nil
	}
	x, err := strconv.ParseFloat(s, size)
	if err != nil {
		if ne, ok := err.(*strconv.NumError); !ok || ne.Err != strconv.ErrRange {
			return 0, err
		}
	}
	return x, nil
}

func round(x float64, f format) float64 {
	if f == single {
		return float64(float32(x))
	}
	return x
}

// fields splits x into its sign, biased exponent and fraction bits.
func fields(x float64, f format) (sign, exp, frac uint64) {
	if f == single {
		b := uint64(math.Float32bits(float32(x)))
		return b >> 31, b >> 23 & 0xff, b & (1<<23 - 1)
	}
	b := math.Float64bits(x)
	return b >> 63, b >> 52 & 0x7ff, b & (1<<52 - 1)
}

// exact returns the exact decimal value of x: every binary fraction has a
// finite decimal expansion, with as many digits after the point as the
// power of two in its denominator.
func exact(x float64) string {
	if math.IsInf(x, 0) || math.IsNaN(x) {
		return strconv.FormatFloat(x, 'g', -1, 64)
	}
	if x == 0 {
		if math.Signbit(x) {
			return "-0"
		}
		return "0"
	}
	// x = m x 2^e with m odd: the expansion has -e digits after the point.
	frac, e := math.Frexp(x)
	m := uint64(math.Abs(math.Ldexp(frac, 64)))
	digits := max(0, -(e - 64 + bits.TrailingZeros64(m)))
	// strconv converts exactly: given enough digits it prints them all.
	return strconv.FormatFloat(x, 'f', digits, 64)
}

func describe(input string, x float64, f format) string {
	sign, exp, frac := fields(x, f)
	var b strings.Builder
	fmt.Fprintf(&b, "%s as a %s (IEEE 754):\n", input, f.name)
	fmt.Fprintf(&b, "  bits      %d %0*b %0*b\n", sign, f.expBits, exp, f.fracBits, frac)
	signWord := "+"
	if sign == 1 {
		signWord = "-"
	}
	fmt.Fprintf(&b, "  sign      %d (%s)\n", sign, signWord)
	maxExp := uint64(1)<<f.expBits - 1
	switch {
	case exp == maxExp && frac == 0:
		fmt.Fprintf(&b, "  exponent  all ones, fraction zero: infinity\n")
	case exp == maxExp:
		fmt.Fprintf(&b, "  exponent  all ones, fraction not zero: not a number (NaN)\n")
	case exp == 0 && frac == 0:
		fmt.Fprintf(&b, "  exponent  all zeros, fraction zero: zero\n")
	case exp == 0:
		fmt.Fprintf(&b, "  exponent  all zeros: subnormal, 2^%d with no implicit leading 1\n", 1-f.bias)
		fmt.Fprintf(&b, "  fraction  0.%0*b (binary)\n", f.fracBits, frac)
	default:
		fmt.Fprintf(&b, "  exponent  %d - bias %d = %d\n", exp, f.bias, int(exp)-f.bias)
		fmt.Fprintf(&b, "  fraction  1.%0*b (binary, with the implicit leading 1)\n", f.fracBits, frac)
		mantissa := exact(float64(uint64(1)<<f.fracBits|frac) / float64(uint64(1)<<f.fracBits))
		fmt.Fprintf(&b, "  value     %s%s x 2^%d\n", signWord, mantissa, int(exp)-f.bias)
	}
	fmt.Fprintf(&b, "  exactly   %s\n", exact(x))
	return b.String()
}

func next(x float64, f format) string {
	var up float64
	if f == single {
		up = float64(math.Nextafter32(float32(x), float32(math.Inf(1))))
	} else {
		up = math.Nextafter(x, math.Inf(1))
	}
	var b strings.Builder
	fmt.Fprintf(&b, "number   %s\n", exact(x))
	fmt.Fprintf(&b, "next     %s\n", exact(up))
	gap := up - x
	if math.IsInf(gap, 0) || math.IsNaN(gap) {
		// Infinity and NaN have no next number; the largest finite one
		// has infinity next, at no finite distance.
		fmt.Fprintf(&b, "gap      none: %s is not a finite number\n", exact(up))
		return b.String()
	}
	_, e := math.Frexp(gap)
	fmt.Fprintf(&b, "gap      %s (2^%d)\n", exact(gap), e-1)
	return b.String()
}
