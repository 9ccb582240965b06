package ls

import (
	"strconv"
	"strings"
)

// humanOpts are the flags of gnulib's human_readable that ls uses.
type humanOpts int

const (
	humanAutoscale humanOpts = 1 << iota // pick the power that keeps the number small (-h, --si)
	humanSI                              // append the power letter
	humanBase1024                        // powers of 1024, not 1000
	humanB                               // append B (or iB in powers of 1024) to the letter
)

const powerLetters = "KMGTPEZYRQ"

// humanReadable appends n units of fromSize bytes expressed in units of
// toSize bytes, rounding up as GNU ls does (gnulib's human_ceiling): a
// 1-byte file takes one 1K block, 1025 bytes are "1.1K" with -h.
func humanReadable(dst []byte, n uint64, opts humanOpts, fromSize, toSize uint64) []byte {
	base := uint64(1000)
	if opts&humanBase1024 != 0 {
		base = 1024
	}
	var amt uint64
	tenths, rounding := uint64(0), uint64(0)
	switch {
	case toSize <= fromSize && fromSize%toSize == 0:
		amt = n * (fromSize / toSize)
	case fromSize != 0 && toSize%fromSize == 0:
		div := toSize / fromSize
		r10 := (n % div) * 10
		r2 := (r10 % div) * 2
		amt = n / div
		tenths = r10 / div
		switch {
		case r2 < div:
			if r2 > 0 {
				rounding = 1
			}
		case div < r2:
			rounding = 3
		default:
			rounding = 2
		}
	default:
		// Sizes that do not divide each other: use floating point, as
		// gnulib does, rounding up.
		f := float64(n) * float64(fromSize) / float64(toSize)
		amt = uint64(f)
		if float64(amt) < f {
			amt++
		}
	}
	exponent := 0
	var frac []byte
	if opts&humanAutoscale != 0 && base <= amt {
		for {
			r10 := (amt%base)*10 + tenths
			r2 := (r10%base)*2 + (rounding >> 1)
			amt /= base
			tenths = r10 / base
			if r2 < base {
				if r2+rounding != 0 {
					rounding = 1
				} else {
					rounding = 0
				}
			} else if base < r2+rounding {
				rounding = 3
			} else {
				rounding = 2
			}
			exponent++
			if !(base <= amt && exponent < len(powerLetters)) {
				break
			}
		}
		if amt < 10 {
			if rounding > 0 {
				tenths++
				rounding = 0
				if tenths == 10 {
					amt++
					tenths = 0
				}
			}
			if amt < 10 {
				frac = []byte{'.', byte('0' + tenths)}
				tenths, rounding = 0, 0
			}
		}
	}
	if tenths+rounding > 0 {
		amt++
		if opts&humanAutoscale != 0 && amt == base && exponent < len(powerLetters) {
			exponent++
			frac = []byte{'.', '0'}
			amt = 1
		}
	}
	if opts&humanSI != 0 && opts&humanAutoscale == 0 {
		// A fixed unit named by letter (--block-size=K) is shown too.
		for power := uint64(1); power < toSize && exponent < len(powerLetters); power *= base {
			exponent++
		}
	}
	dst = strconv.AppendUint(dst, amt, 10)
	dst = append(dst, frac...)
	if opts&humanSI != 0 && exponent > 0 {
		letter := powerLetters[exponent-1]
		if base == 1000 && exponent == 1 {
			letter = 'k'
		}
		dst = append(dst, letter)
		if opts&humanB != 0 {
			if base == 1024 {
				dst = append(dst, 'i')
			}
			dst = append(dst, 'B')
		}
	}
	return dst
}

// parseBlockSize parses --block-size: a number with an optional unit (K,
// M, ... for powers of 1024, KB, MB, ... for powers of 1000), or a unit
// alone, which also asks for the unit to be printed after each size.
func parseBlockSize(s string) (humanOpts, uint64, bool) {
	var opts humanOpts
	switch s {
	case "human-readable":
		return humanAutoscale | humanSI | humanBase1024, 1, true
	case "si":
		return humanAutoscale | humanSI, 1, true
	}
	if strings.HasPrefix(s, "'") {
		s = s[1:] // thousands separators: meaningless in the C locale
	}
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	num, unit := s[:i], s[i:]
	n := uint64(1)
	if num != "" {
		v, err := strconv.ParseUint(num, 10, 64)
		if err != nil || v == 0 {
			return 0, 0, false
		}
		n = v
	}
	if unit == "" {
		if num == "" {
			return 0, 0, false
		}
		return 0, n, true
	}
	if num == "" {
		opts |= humanSI
		if strings.HasSuffix(unit, "B") {
			opts |= humanB
		}
	}
	idx := strings.IndexByte(powerLetters, unit[0]&^0x20)
	if unit[0] == 'k' {
		idx = 0
	}
	if idx < 0 {
		return 0, 0, false
	}
	base := uint64(1024)
	switch unit[1:] {
	case "":
		opts |= humanBase1024
	case "B":
		base = 1000
	case "iB":
		opts |= humanBase1024
	default:
		return 0, 0, false
	}
	for range idx + 1 {
		n *= base
	}
	return opts, n, true
}
