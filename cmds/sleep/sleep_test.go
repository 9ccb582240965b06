package sleep

import (
	"os/exec"
	"testing"
)

// TestParseIntervalAgainstGNU asks GNU sleep which intervals it takes
// (every one is zero or tiny, so nothing waits) and compares.
func TestParseIntervalAgainstGNU(t *testing.T) {
	gnu, err := exec.LookPath("sleep")
	if err != nil {
		t.Skip("sleep not installed")
	}
	for _, in := range []string{
		"0", "0s", "0m", "0h", "0d", ".0", "0.", "-0", "-0.0s", "+0", " 0", "\t0", "\v0", "0x0", "0x0p3",
		"1e-400", "1e-10", "0e5", "-1", "-1e-400", "nan", "NaN", "-nan", "-inf", "0x_0", "0_0", "0 ", "0 s",
		"", "s", "0ss", "0x", "x", "++0", "0sm", "0.0.0",
	} {
		_, err := ParseInterval(in)
		gnuErr := exec.Command(gnu, "--", in).Run()
		if (err == nil) != (gnuErr == nil) {
			t.Errorf("ParseInterval(%q): error %v, GNU sleep: %v", in, err, gnuErr)
		}
	}
}
