package float

import (
	"math"
	"math/bits"
)

// ext is a positive number with a 128-bit significand: hi:lo / 2^128 x 2^exp,
// hi's top bit set. sticky records that bits below lo were dropped (the
// value is a little larger than hi:lo says). It gives power() 75 bits more
// than a double, so rounding the result to 53 bits comes out as if the
// power were computed exactly, without math/big.
type ext struct {
	hi, lo uint64
	exp    int
	sticky bool
}

// expLimit bounds exp: anything beyond is far outside a double's range (2^±1075),
// and clamping keeps repeated squaring from overflowing int.
const expLimit = 1 << 20

func clampExp(e int) int {
	return min(max(e, -expLimit), expLimit)
}

// mul returns a*b, truncated to 128 bits.
func mul(a, b ext) ext {
	// (a.hi 2^64 + a.lo)(b.hi 2^64 + b.lo) = p3:p2:p1:p0.
	hh1, hh0 := bits.Mul64(a.hi, b.hi)
	hl1, hl0 := bits.Mul64(a.hi, b.lo)
	lh1, lh0 := bits.Mul64(a.lo, b.hi)
	ll1, ll0 := bits.Mul64(a.lo, b.lo)
	p0 := ll0
	p1, c1 := bits.Add64(ll1, hl0, 0)
	p1, c2 := bits.Add64(p1, lh0, 0)
	p2, c3 := bits.Add64(hh0, hl1, c1)
	p2, c4 := bits.Add64(p2, lh1, c2)
	p3 := hh1 + c3 + c4
	r := ext{hi: p3, lo: p2, exp: clampExp(a.exp + b.exp), sticky: a.sticky || b.sticky || p1 != 0 || p0 != 0}
	if r.hi>>63 == 0 { // product in [1/4, 1/2): shift one bit up
		r.hi = r.hi<<1 | r.lo>>63
		r.lo = r.lo<<1 | p1>>63
		r.sticky = a.sticky || b.sticky || p1<<1 != 0 || p0 != 0
		r.exp--
	}
	return r
}

// recip returns 1/a, truncated to 128 bits, by long division of 2^255 by hi:lo.
func recip(a ext) ext {
	if a.hi == 1<<63 && a.lo == 0 && !a.sticky { // a power of two
		return ext{hi: 1 << 63, exp: clampExp(2 - a.exp)}
	}
	// hi:lo lies in (2^127, 2^128), so the quotient lies in (2^127, 2^128).
	var qhi, qlo, rhi, rlo uint64
	for i := 255; i >= 0; i-- {
		top := rhi >> 63 // the remainder's 129th bit
		rhi, rlo = rhi<<1|rlo>>63, rlo<<1
		if i == 255 {
			rlo |= 1
		}
		if top == 1 || rhi > a.hi || rhi == a.hi && rlo >= a.lo {
			var b uint64
			rlo, b = bits.Sub64(rlo, a.lo, 0)
			rhi, _ = bits.Sub64(rhi, a.hi, b)
			if i >= 128 { // quotient bits above 2^127 cannot occur
				continue
			}
			if i >= 64 {
				qhi |= 1 << (i - 64)
			} else {
				qlo |= 1 << i
			}
		}
	}
	// 1/(hi:lo / 2^128 x 2^exp) = 2^255/(hi:lo) / 2^128 x 2^(1-exp).
	return ext{hi: qhi, lo: qlo, exp: clampExp(1 - a.exp), sticky: a.sticky || rhi != 0 || rlo != 0}
}

// float64 rounds e to the nearest double (ties to even), subnormals included.
func (e ext) float64() float64 {
	if e.exp > 1024 {
		return math.Inf(1)
	}
	p := 53 // significand bits the double can hold at this exponent
	if e.exp < -1021 {
		p = e.exp + 1074
	}
	if p < 0 {
		return 0
	}
	q := e.hi >> (64 - p)
	half := uint64(1) << (63 - p)
	below := e.hi&(half-1) != 0 || e.lo != 0 || e.sticky
	if e.hi&half != 0 && (below || q&1 == 1) {
		q++
	}
	return math.Ldexp(float64(q), e.exp-p)
}

// power returns base^n correctly rounded to a double (math.Pow does not
// promise that: 10^-3 must be the double nearest 0.001). The product is
// kept to 128 bits; its relative error, under |n| x 2^-125, can only
// matter for a power that lies that close to halfway between two doubles,
// and is 0 whenever the exact power fits in 128 bits (10^40, 3^80, 2^-1074).
func power(base float64, n int) float64 {
	switch {
	case n == 0:
		return 1
	case math.IsNaN(base):
		return math.NaN()
	}
	neg := math.Signbit(base) && n%2 != 0
	var r float64
	switch {
	case base == 0:
		r = 0
		if n < 0 {
			r = math.Inf(1)
		}
	case math.IsInf(base, 0):
		r = math.Inf(1)
		if n < 0 {
			r = 0
		}
	default:
		frac, exp := math.Frexp(math.Abs(base))
		b := ext{hi: uint64(math.Ldexp(frac, 64)), exp: exp}
		acc := ext{hi: 1 << 63, exp: 1} // 1
		// Square-and-multiply over |n|; uint64 so that the most negative
		// int has a magnitude too.
		m := uint64(n)
		if n < 0 {
			m = -m
		}
		for {
			if m&1 == 1 {
				acc = mul(acc, b)
			}
			m >>= 1
			if m == 0 {
				break
			}
			b = mul(b, b)
		}
		if n < 0 {
			acc = recip(acc)
		}
		r = acc.float64()
	}
	if neg {
		r = -r
	}
	return r
}
