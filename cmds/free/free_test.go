package free

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/zinebox/zinebox/pkg/applet/applettest"
)

// Memory changes between two runs, so each case is tried a few times until
// both tools saw the same numbers.
func TestAgainstProcps(t *testing.T) {
	for _, args := range [][]string{
		{}, {"-h"}, {"-m"}, {"-g"}, {"-b"}, {"-k", "-w"}, {"-t"}, {"-h", "--si"}, {"--mega"},
		{"--giga"}, {"--kilo"}, {"--tebi"}, {"-wh"}, {"-l"}, {"-c", "2", "-s", "0"}, {"-c", "2", "-s", "0.01"}, {"x"}, {"--bogus"},
	} {
		var got, want applettest.Result
		for try := 0; try < 5; try++ {
			want = applettest.RunTool(t, "free", "", "", nil, args...)
			got = applettest.Run(&Applet, "", "", nil, args...)
			if got == want {
				break
			}
		}
		if len(args) > 0 && args[0] == "-c" {
			// Memory moves between the samples: compare the layout.
			got.Stdout, want.Stdout = digits.ReplaceAllString(got.Stdout, "N"), digits.ReplaceAllString(want.Stdout, "N")
		}
		if got.Status != want.Status || got.Stdout != want.Stdout && !drifted(got.Stdout, want.Stdout) {
			t.Errorf("free %q:\n got %+v\nwant %+v", args, got, want)
		}
	}
}

// number is a column of free's output: the padding before it and the
// value, with -h's unit.
var number = regexp.MustCompile(` *([0-9]+(?:[.,][0-9]+)?)([BKMGTP]i?)?\b`)

// drifted reports whether two outputs differ only because memory moved
// between the two runs (on a busy machine it moves every millisecond):
// the same text and units around the numbers, and each number within 2%
// of the other's or a few units apart.
func drifted(got, want string) bool {
	if number.ReplaceAllString(got, " N$2") != number.ReplaceAllString(want, " N$2") {
		return false
	}
	g, w := number.FindAllStringSubmatch(got, -1), number.FindAllStringSubmatch(want, -1)
	if len(g) != len(w) {
		return false
	}
	for i := range g {
		a, errA := strconv.ParseFloat(strings.Replace(g[i][1], ",", ".", 1), 64)
		b, errB := strconv.ParseFloat(strings.Replace(w[i][1], ",", ".", 1), 64)
		if errA != nil || errB != nil {
			return false
		}
		if d := math.Abs(a - b); d > 0.02*math.Max(a, b) && d > 3 {
			return false
		}
	}
	return true
}

func TestScale(t *testing.T) {
	for _, tc := range []struct {
		f    format
		kb   int64
		want string
	}{
		{format{human: true}, 0, "0B"}, {format{human: true}, 8856, "8.6Mi"}, {format{human: true}, 24684092, "23Gi"},
		{format{human: true}, 630472, "615Mi"}, {format{human: true, si: true}, 8856, "9.1M"}, {format{exponent: 1}, 1, "1024"},
		{format{exponent: 3}, 24684092, "24105"}, {format{}, 1, "1"},
	} {
		if got := tc.f.scale(tc.kb); got != tc.want {
			t.Errorf("%+v.scale(%d) = %q, want %q", tc.f, tc.kb, got, tc.want)
		}
	}
}

var digits = regexp.MustCompile(`[0-9]+`)

// drifted must forgive moving numbers only, never a different layout.
func TestDrifted(t *testing.T) {
	base := "               total        used        free\nMem:        24684092      503944    23359204\n"
	for _, tc := range []struct {
		other string
		want  bool
	}{
		{"               total        used        free\nMem:        24684092      503990    23359160\n", true},
		{"               total        used        free\nMem:        24684092      803944    23059204\n", false},
		{"               total       used        free\nMem:        24684092      503944    23359204\n", false},
		{"               total        used        free\nMem:        24684092Ki    503944    23359204\n", false},
		{"               total        used        free\nSwap:       24684092      503944    23359204\n", false},
	} {
		if got := drifted(tc.other, base); got != tc.want {
			t.Errorf("drifted(%q) = %v, want %v", tc.other, got, tc.want)
		}
	}
}
