package tz

import (
	"os/exec"
	"strconv"
	"strings"
	"testing"
)

// TestAgainstDate formats one instant with each TZ value and with GNU
// date, which uses glibc's own rules.
func TestAgainstDate(t *testing.T) {
	if _, err := exec.LookPath("date"); err != nil {
		t.Skip("date not installed")
	}
	instants := []int64{0, 1700000000, 1720000000, 4102444800}
	for _, v := range []string{"UTC", "", ":Europe/Paris", "Asia/Kolkata", "America/New_York", "UTC0",
		"EST5EDT,M3.2.0,M11.1.0", "JST-9", "/usr/share/zoneinfo/Australia/Adelaide", "Nowhere/Special",
		// What glibc makes of strings it only partly reads.
		"Foo", "x", "12", "/nonexistent", ":Foo", "foo123", "ABC+3:15:20", "ABC-25:70", "<+05>-5", "America",
		// Zones that count leap seconds.
		"right/UTC", "right/Europe/Paris", "right/America/New_York"} {
		z := Load([]string{"TZ=x", "TZ=" + v})
		for _, sec := range instants {
			cmd := exec.Command("date", "-d", "@"+strconv.FormatInt(sec, 10), "+%Y-%m-%d %H:%M:%S %z %Z")
			cmd.Env = []string{"TZ=" + v, "LC_ALL=C"}
			out, err := cmd.Output()
			if err != nil {
				t.Fatal(err)
			}
			lt := z.Time(sec, 0)
			name, _ := lt.Zone()
			got := lt.Format("2006-01-02 15:04:05 -0700 ") + name
			if want := strings.TrimSuffix(string(out), "\n"); got != want {
				t.Errorf("TZ=%q at %d: got %s, date says %s", v, sec, got, want)
			}
		}
	}
}
