package touch

import (
	"testing"
	"time"

	"github.com/zinebox/zinebox/pkg/fixture"
)

// TestAgainstGNU compares results that do not depend on the current time,
// times included.
func TestAgainstGNU(t *testing.T) {
	var cases []fixture.Case
	for _, tzone := range []string{"Asia/Kolkata", "UTC0", "America/New_York"} {
		for _, args := range [][]string{
			{"-d", "2020-01-02", "x1", "f"},
			{"-d", "2020-01-02 03:04:05", "x2"},
			{"-d", "@1234567890", "x3", "d"},
			{"-d", "@1234567890.5", "x3b"},
			{"-d", "@-1.25", "neg"},
			{"-d", "bogus", "x4"},
			{"-t", "202001020304", "x5"},
			{"-t", "2001020304.05", "x6"},
			{"-t", "6901020304", "x6b"},
			{"-t", "1x", "x8"},
			{"-t", "202013020304", "x17"},
			{"-d", "2020-02-30", "x18"},
			{"-d", "2024-02-29 23:59:59.999999999", "leap"},
			{"-r", "nofile", "x9"},
			{"-r", "old", "x10", "f"},
			{"-r", "future", "-a", "f"},
			{"-r", "old", "-m", "f", "exec"},
			{"-a", "-d", "@5", "old"},
			{"-m", "-d", "@7", "old"},
			{"--time=atime", "-d", "@9", "old"},
			{"--time=mod", "-d", "@9", "old"},
			{"--time=bogus", "old"},
			{"--time=m", "-d", "@3", "old"},
			{"-d", "2020-01-02T03:04:05Z", "x11"},
			{"-d", "2020-01-02 03:04:05.123456789 +0530", "x12"},
			{"-d", "2020-01-02 03:04:05 -08:00", "x12b"},
			{"-d", "2020-01-02 03:04", "x15"},
			{"-d", "2020-03-29 02:30", "dst"},
			{"-d", "@0", "-t", "202001020304", "x"},
			{"-d", "@0", "-h", "link", "dangling", "nolink"},
			{"-d", "@0", "fifo", "sock", "null", "d/sub", "link"},
			{"-d", "@0", "-c", "nofile", "f"},
			{"-d", "@0", "nodir/x", "f/x", "a b"},
			{"-d", "@0", "/proc/sys/zz"},
			{"-d", "@0", "f/", "linkdir/", "new/", "d/."},
		} {
			cases = append(cases, fixture.Case{Args: args, Env: []string{"TZ=" + tzone}})
		}
	}
	fixture.Compare(t, &Applet, "touch", fixture.ATimeMTime, cases)
}

// TestNow compares what depends on the current time without the times.
func TestNow(t *testing.T) {
	fixture.Compare(t, &Applet, "touch", fixture.NoTimes, fixture.Args(
		[]string{},
		[]string{"new", "f", "d"},
		[]string{"-c", "nofile"},
		[]string{"-d", "now", "x"},
		[]string{"-d", "yesterday", "x"},
		[]string{"-a", "new"},
		[]string{"-x"},
	))
}

func TestRelativeDates(t *testing.T) {
	loc := time.FixedZone("X", 5*3600)
	now := time.Date(2021, 3, 1, 12, 30, 0, 5, loc)
	for s, want := range map[string]time.Time{
		"":                     time.Date(2021, 3, 1, 0, 0, 0, 0, loc),
		"now":                  now,
		"today":                now,
		"Yesterday":            time.Date(2021, 2, 28, 12, 30, 0, 5, loc),
		"tomorrow":             time.Date(2021, 3, 2, 12, 30, 0, 5, loc),
		"10:11":                time.Date(2021, 3, 1, 10, 11, 0, 0, loc),
		"2 days ago":           time.Date(2021, 2, 27, 12, 30, 0, 5, loc),
		"1 hour ago":           time.Date(2021, 3, 1, 11, 30, 0, 5, loc),
		"+3 days":              time.Date(2021, 3, 4, 12, 30, 0, 5, loc),
		"-2 weeks":             time.Date(2021, 2, 15, 12, 30, 0, 5, loc),
		"last week":            time.Date(2021, 2, 22, 12, 30, 0, 5, loc),
		"next month":           time.Date(2021, 4, 1, 12, 30, 0, 5, loc),
		"2 days 3 hours ago":   time.Date(2021, 3, 3, 9, 30, 0, 5, loc),
		"day ago":              time.Date(2021, 2, 28, 12, 30, 0, 5, loc),
		"tomorrow 2 hours ago": time.Date(2021, 3, 2, 10, 30, 0, 5, loc),
		"10 minutes ago":       time.Date(2021, 3, 1, 12, 20, 0, 5, loc),
		"5 fortnights ago":     time.Date(2020, 12, 21, 12, 30, 0, 5, loc),
		"10:11:12":             time.Date(2021, 3, 1, 10, 11, 12, 0, loc),
	} {
		got, ok := parseDate(s, now, loc)
		if !ok || !got.Equal(want) {
			t.Errorf("parseDate(%q) = %v, %v; want %v", s, got, ok, want)
		}
	}
	for _, bad := range []string{"2020-1", "20-01-02x", "25:00", "@x", "2020-01-02 03:04:05.x", "10:61", "ago", "3", "2 parsecs ago"} {
		if _, ok := parseDate(bad, now, loc); ok {
			t.Errorf("parseDate(%q) accepted", bad)
		}
	}
}
