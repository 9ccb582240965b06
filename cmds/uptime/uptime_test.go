package uptime

import (
	"testing"
	"time"

	"github.com/zinebox/zinebox/pkg/applet/applettest"
)

// The line changes every second; each case is retried until both tools
// ran within the same second.
func TestAgainstProcps(t *testing.T) {
	for _, args := range [][]string{{}, {"-p"}, {"-s"}, {"--pretty"}, {"x"}} {
		var got, want applettest.Result
		for try := 0; try < 5; try++ {
			want = applettest.RunTool(t, "uptime", "", "", nil, args...)
			got = applettest.Run(&Applet, "", "", nil, args...)
			if got.Stdout == want.Stdout {
				break
			}
		}
		if got.Stdout != want.Stdout || got.Status != want.Status {
			t.Errorf("uptime %q:\n got %+v\nwant %+v", args, got, want)
		}
	}
}

func TestFormats(t *testing.T) {
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	for _, tc := range []struct {
		up    float64
		users int
		line  string
		p     string
	}{
		{59, 0, " 03:04:05 up 0 min,  0 user,  load average: 0.50, 1.00, 2.25", "up 0 minutes"},
		{61, 1, " 03:04:05 up 1 min,  1 user,  load average: 0.50, 1.00, 2.25", "up 1 minute"},
		{3600*2 + 60*5, 2, " 03:04:05 up  2:05,  2 users,  load average: 0.50, 1.00, 2.25", "up 2 hours, 5 minutes"},
		{86400 + 60, 3, " 03:04:05 up 1 day, 1 min,  3 users,  load average: 0.50, 1.00, 2.25", "up 1 day"}, // procps: exactly 60 s left is not "more than a minute",
		{86400*9 + 3600*13, 0, " 03:04:05 up 9 days, 13:00,  0 user,  load average: 0.50, 1.00, 2.25", "up 1 week, 2 days, 13 hours, 0 minutes"},
	} {
		if got := Line(now, tc.up, tc.users, [3]float64{0.5, 1, 2.25}); got != tc.line {
			t.Errorf("Line(%v) = %q, want %q", tc.up, got, tc.line)
		}
		if got := pretty(tc.up); got != tc.p {
			t.Errorf("pretty(%v) = %q, want %q", tc.up, got, tc.p)
		}
	}
}
