package free

import (
	"regexp"
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
		if got.Status != want.Status || got.Stdout != want.Stdout {
			t.Errorf("free %q:\n got %+v\nwant %+v", args, got, want)
		}
	}
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
