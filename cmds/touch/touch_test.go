package touch

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/zinebox/zinebox/pkg/fixture"
	"github.com/zinebox/zinebox/pkg/tz"
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

// TestDatesFromReference runs -d items of GNU's parse_datetime grammar
// relative to the times of a reference file (-r with -d moves each of its
// times), which makes every result independent of the current time, so the
// times can be compared with GNU's too. The zones include daylight saving
// time (the reference is in winter, some results in summer).
func TestDatesFromReference(t *testing.T) {
	var cases []fixture.Case
	for _, tzone := range []string{"Europe/London", "America/New_York"} {
		for _, date := range []string{
			// Calendar dates.
			"jan 5", "5 jan", "5 Jan 2010", "jan 5 2010", "Jan 5, 2010", "5-jan-2010", "jan-05-2010",
			"1/2", "1/2/2010", "2010/1/2", "1/2/10", "20100102", "99-12-31", "69-01-01", "68-01-01",
			"sept 5", "Sep. 5", "jan 5 1430", "jan", "jan 32", "2010-02-30", "2010-13-01", "2010-1-2",
			// Days of the week.
			"monday", "next monday", "last friday", "saturday", "this saturday", "third monday",
			"2 monday", "tues", "wednes", "thurs", "mon tue", "monday 10:00", "monday next week",
			// Times of day, meridians and zones.
			"10am", "10 pm", "12am", "12:30pm", "13pm", "0am", "1430", "14", "3", "10:00:00.5",
			"10:00 -5", "10:00 +0530", "10:00 +05:30", "utc+3", "utc+3 10:00", "est", "10:00 est",
			"10:00 edt", "10:00 cest", "ist", "a", "z", "n", "j", "10:00 a", "cet dst", "10:00 dst",
			"utc est", "10:00 11:00", "24:00", "23:59:60", "10:61",
			// The local zone's own names say whether DST is in effect.
			"10:00 edt", "10:00 est", "jul 1 10:00 edt", "jul 1 10:00 est", "10:00 bst", "jul 1 bst",
			"edt dst", "10:00 gmt",
			"2010-01-02t03:04", "2010-01-02T03:04:05Z", "2010-01-02 t", "20-01-02x",
			"Sat, 02 Jan 2010 03:04:05 +0100", "2010-01-02 10:00 +1 day", "(comment) 10:00",
			`TZ="Asia/Tokyo" 2010-01-01`, `TZ="Asia/Tokyo"`, "TZ=UTC 10:00",
			// Relative items.
			"1 day 2 hours ago", "ago", "2 ago", "day", "1.5 seconds", "+1.5 sec", "1.5 min",
			"tomorrow tomorrow", "+1", "1 fortnight", "1 week ago ago", "now now", "1 year 1 month",
			"6 months", "6 months ago", "jan 31 1 month", "yesterday 10:00", "tomorrow 10:00",
			"first day", "twelfth hour", "second", "2 second", "11:30 pm yesterday", "", "  ",
			"@1.5", "@-1.5", "@1 day", "midnight",
		} {
			if tzone == "Europe/London" && !strings.Contains(date, "st") && !strings.Contains(date, "gmt") {
				continue // London for its zone names; its DST in TestAroundDST
			}
			cases = append(cases, fixture.Case{Args: []string{"-r", "old", "-d", date, "x"}, Env: []string{"TZ=" + tzone}})
		}
	}
	// -a or -m moves only that time of the reference ("f" has fixed times).
	for _, date := range []string{"1 year 1 month", "next monday", "10:00", "@5", "bogus"} {
		for _, which := range []string{"-a", "-m"} {
			cases = append(cases, fixture.Case{Args: []string{which, "-r", "old", "-d", date, "f"}, Env: []string{"TZ=Europe/London"}})
		}
	}
	fixture.Compare(t, &Applet, "touch", fixture.ATimeMTime, cases)
}

// TestAroundDST checks local times that happen twice or never, where
// glibc's mktime decides by the offset of its previous answer: relative to
// reference files an hour before and after the end and start of DST, and
// -t stamps in those hours.
func TestAroundDST(t *testing.T) {
	refAt := func(when string) func(t testing.TB, dir string) {
		return func(t testing.TB, dir string) {
			at, err := time.Parse("2006-01-02 15:04", when)
			if err != nil {
				t.Fatal(err)
			}
			fixture.MakeFile(t, dir, "ref")
			if err := os.Chtimes(filepath.Join(dir, "ref"), at, at); err != nil {
				t.Fatal(err)
			}
		}
	}
	var cases []fixture.Case
	// right/Europe/London: the same with leap seconds in time_t.
	for _, tzone := range []string{"Europe/London", "America/New_York", "right/Europe/London"} {
		env := []string{"TZ=" + tzone}
		refs := []string{"2021-10-30 12:00", "2021-10-31 00:30", "2021-10-31 01:30", "2021-11-07 05:30", "2021-11-07 06:30", "2021-03-27 12:00"}
		if strings.HasPrefix(tzone, "right/") {
			refs = refs[1:2]
		}
		for _, ref := range refs {
			for _, date := range []string{"today", "24 hours", "+1 day", "01:30 tomorrow", "sunday 01:30", "2021-10-31 01:30",
				"2021-11-07 01:30", "2021-03-28 01:30", "next month", "2021-10-31 01:30 bst", "2021-11-07 01:30 est"} {
				cases = append(cases, fixture.Case{Args: []string{"-r", "ref", "-d", date, "x"}, Env: env, Setup: refAt(ref)})
			}
		}
		for _, stamp := range []string{"202110310130", "202111070130", "202103280130", "202103140230", "202012312359.60", "201612312359.60"} {
			cases = append(cases, fixture.Case{Args: []string{"-t", stamp, "x"}, Env: env})
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
		[]string{"-d", "next monday", "x"},
		[]string{"-d", "tomorrow 10:00", "x"},
		[]string{"-d", "Jan 5", "x"},
		[]string{"-d", "bogus words", "x"},
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
		got, ok := parseDate(s, now, &tz.Zone{Loc: loc}, &mktimer{})
		if !ok || !got.Equal(want) {
			t.Errorf("parseDate(%q) = %v, %v; want %v", s, got, ok, want)
		}
	}
	for _, bad := range []string{"2020-1", "25:00", "@x", "2020-01-02 03:04:05.x", "10:61", "ago", "2 parsecs ago", "jan", "2010-01-02 t"} {
		if _, ok := parseDate(bad, now, &tz.Zone{Loc: loc}, &mktimer{}); ok {
			t.Errorf("parseDate(%q) accepted", bad)
		}
	}
}
