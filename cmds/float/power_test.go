package float

import (
	"math"
	"math/big"
	"math/rand/v2"
	"strings"
	"testing"
)

// The binary must not link math/big, but the tests may: it is the
// reference that power and exact are checked against.

// bigPower is base^n computed the slow way, with 3000-bit big.Floats.
func bigPower(base float64, n int) float64 {
	p := new(big.Float).SetPrec(3000).SetFloat64(1)
	b := new(big.Float).SetPrec(3000).SetFloat64(base)
	for range max(n, -n) {
		p.Mul(p, b)
	}
	if n < 0 {
		p.Quo(new(big.Float).SetPrec(3000).SetFloat64(1), p)
	}
	x, _ := p.Float64()
	return x
}

// bigExact is x's exact decimal value by big.Rat.
func bigExact(x float64) string {
	r := new(big.Rat).SetFloat64(x)
	digits := 0
	for d := new(big.Int).Set(r.Denom()); d.Cmp(big.NewInt(1)) > 0; d.Rsh(d, 1) {
		digits++
	}
	return r.FloatString(digits)
}

func same(a, b float64) bool {
	return math.Float64bits(a) == math.Float64bits(b)
}

func TestPowerSpecialCases(t *testing.T) {
	inf, nan := math.Inf(1), math.NaN()
	negZero := math.Copysign(0, -1)
	tests := []struct {
		base float64
		n    int
		want float64
	}{
		{2, -1074, 5e-324},
		{2, -1075, 0},
		{2, -1076, 0},
		{2, 1023, math.Ldexp(1, 1023)},
		{2, 1024, inf},
		{-2, 1025, -inf},
		{10, 308, 1e308},
		{10, 309, inf},
		{10, -323, 1e-323},
		{10, -324, 0}, // 1e-324 is below half the smallest subnormal
		{10, 22, 1e22},
		{10, 23, 1e23},
		{-10, -3, -0.001},
		{3, 0, 1},
		{0, 0, 1},
		{nan, 0, 1},
		{0, 3, 0},
		{negZero, 3, negZero},
		{negZero, 2, 0},
		{0, -1, inf},
		{negZero, -1, -inf},
		{negZero, -2, inf},
		{inf, 2, inf},
		{-inf, 3, -inf},
		{inf, -1, 0},
		{-inf, -1, negZero},
		{1, math.MaxInt, 1},
		{1, math.MinInt, 1},
		{-1, math.MaxInt, -1},
		{2, math.MaxInt, inf},
		{2, math.MinInt, 0},
		{0.5, math.MaxInt, 0},
		{3, 1 << 40, inf},
		{1 + 0x1p-52, 1 << 52, math.E}, // (1+2^-52)^(2^52) = e(1-2^-53...), nearer math.E than its neighbours
		{5e-324, 1, 5e-324},
		{5e-324, -1, inf},
		{math.MaxFloat64, -1, 5.562684646268003e-309}, // a subnormal
	}
	for _, tt := range tests {
		if got := power(tt.base, tt.n); !same(got, tt.want) {
			t.Errorf("power(%v, %d) = %v, want %v", tt.base, tt.n, got, tt.want)
		}
	}
	if got := power(nan, 2); !math.IsNaN(got) {
		t.Errorf("power(NaN, 2) = %v, want NaN", got)
	}
}

// TestPowerMatchesBig checks power against big.Float on integer and
// fractional bases, whole ranges of exponents and random doubles.
func TestPowerMatchesBig(t *testing.T) {
	check := func(base float64, n int) {
		if got, want := power(base, n), bigPower(base, n); !same(got, want) {
			t.Errorf("power(%v, %d) = %v, want %v", base, n, got, want)
		}
	}
	for _, base := range []float64{2, 3, 5, 7, 10, 11, 0.1, 0.5, 1.5, -3, 1e10, 123456789, 0x1.fffffffffffffp0} {
		for n := -80; n <= 80; n++ {
			check(base, n)
		}
	}
	for n := -1100; n <= 1100; n += 7 {
		check(10, n)
		check(3, n/2)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		base := math.Ldexp(1+rng.Float64(), rng.IntN(40)-20)
		check(base, rng.IntN(200)-100)
	}
}

func TestExactMatchesBig(t *testing.T) {
	values := []float64{0.1, 1, 3, 0.5, -0.75, 1e23, 1e308, math.MaxFloat64, 5e-324, -5e-324,
		math.SmallestNonzeroFloat64 * 3, 0x1p-1022, 0x1.fffffffffffffp-1023, 2.2250738585072014e-308,
		float64(float32(0.1)), 4503599627370497, 9007199254740993, 1 << 62, 123.456}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 3000 {
		if x := math.Float64frombits(rng.Uint64()); !math.IsNaN(x) && !math.IsInf(x, 0) {
			values = append(values, x)
		}
	}
	for _, x := range values {
		if got, want := exact(x), bigExact(x); got != want {
			t.Errorf("exact(%v) = %s, want %s", x, got, want)
		}
	}
	for x, want := range map[float64]string{math.Copysign(0, -1): "-0", 0: "0", math.Inf(-1): "-Inf", math.NaN(): "NaN"} {
		if got := exact(x); got != want {
			t.Errorf("exact(%v) = %q, want %q", x, got, want)
		}
	}
	// 2^-1074 = 5^1074 / 10^1074: 1074 decimals, the last 625.
	if s := exact(5e-324); !strings.HasPrefix(s, "0.000") || !strings.HasSuffix(s, "625") || len(s) != 2+1074 {
		t.Errorf("exact(2^-1074) has %d characters, want %d: %s", len(s), 2+1074, s)
	}
}
