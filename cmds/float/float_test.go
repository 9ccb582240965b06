package float

import (
	"os/exec"
	"strings"
	"testing"

	"github.com/zinebox/zinebox/pkg/applet/applettest"
)

func TestFloat(t *testing.T) {
	tests := []struct {
		args []string
		want []string // lines that must appear
	}{
		{[]string{"0.1"}, []string{
			"  bits      0 01111111011 1001100110011001100110011001100110011001100110011010\n",
			"  exponent  1019 - bias 1023 = -4\n",
			"  exactly   0.1000000000000000055511151231257827021181583404541015625\n"}},
		{[]string{"-2"}, []string{"  sign      1 (-)\n", "  value     -1 x 2^1\n", "  exactly   -2\n"}},
		{[]string{"0"}, []string{"all zeros, fraction zero: zero"}},
		{[]string{"-0"}, []string{"  sign      1 (-)\n", "  exactly   -0\n"}},
		{[]string{"1", "-0.5", "3"}, []string{"1 as a", "\n\n-0.5 as a", "\n\n3 as a"}},
		{[]string{"inf"}, []string{"infinity", "  exactly   +Inf\n"}},
		{[]string{"nan"}, []string{"not a number"}},
		{[]string{"2^-1074"}, []string{"subnormal", "  bits      0 00000000000 0000000000000000000000000000000000000000000000000001\n"}},
		{[]string{"10^-3"}, []string{"  exactly   0.001000000000000000020816681711721685132943093776702880859375\n"}},
		{[]string{"0x1p-3"}, []string{"  exactly   0.125\n"}},
		{[]string{"-s", "0.1"}, []string{"32-bit single", "  exactly   0.100000001490116119384765625\n"}},
		{[]string{"next", "2^52"}, []string{"number   4503599627370496\n", "next     4503599627370497\n", "gap      1 (2^0)\n"}},
		{[]string{"next", "2^53"}, []string{"gap      2 (2^1)\n"}},
		{[]string{"next", "1"}, []string{"gap      0.0000000000000002220446049250313080847263336181640625 (2^-52)\n"}},
		{[]string{"-s", "next", "16777216"}, []string{"next     16777218\n"}},
	}
	for _, tt := range tests {
		r := applettest.Run(&Applet, "", "", nil, tt.args...)
		if r.Status != 0 || r.Stderr != "" {
			t.Errorf("float %q: status %d, stderr %q", tt.args, r.Status, r.Stderr)
		}
		for _, w := range tt.want {
			if !strings.Contains(r.Stdout, w) {
				t.Errorf("float %q lacks %q:\n%s", tt.args, w, r.Stdout)
			}
		}
	}
}

func TestBadInput(t *testing.T) {
	for _, args := range [][]string{{}, {"x"}, {"2^x"}, {"next"}, {"next", "1", "2"}, {"1e"}} {
		r := applettest.Run(&Applet, "", "", nil, args...)
		if r.Status == 0 || r.Stderr == "" {
			t.Errorf("float %q: status %d, stderr %q", args, r.Status, r.Stderr)
		}
	}
}

// TestAgainstPython compares the bits, the exact value and the next number
// with Python's own: struct packs the IEEE 754 bits, decimal.Decimal(x)
// converts a float exactly, and math.nextafter steps to its neighbour.
func TestAgainstPython(t *testing.T) {
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("no python3")
	}
	inputs := []string{"0.1", "0.2", "0.3", "0.5", "-2", "1", "3", "1e-3", "-0.0", "0", "1e300", "5e-324", "2.2250738585072014e-308",
		"1.7976931348623157e308", "123456789.123456789", "-1e-310", "4503599627370496", "9007199254740993", "inf", "-inf", "nan", "-nan", "1e400"}
	script := `
import decimal, math, struct, sys
for a in sys.argv[1:]:
    x = float(a)
    b = struct.unpack('>Q', struct.pack('>d', x))[0]
    s = '%d %s %s' % (b >> 63, format(b >> 52 & 0x7ff, '011b'), format(b & (2**52 - 1), '052b'))
    if math.isfinite(x):
        e = format(decimal.Decimal(x), 'f')
        n = format(decimal.Decimal(math.nextafter(x, math.inf)), 'f')
    else:
        e = n = ''
    print(s + '|' + e + '|' + n)
`
	out, err := exec.Command(py, append([]string{"-c", script}, inputs...)...).Output()
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	for i, in := range inputs {
		want := strings.Split(lines[i], "|")
		r := applettest.Run(&Applet, "", "", nil, in)
		if !strings.Contains(r.Stdout, "  bits      "+want[0]+"\n") {
			t.Errorf("float %s: python's bits are %s:\n%s", in, want[0], r.Stdout)
		}
		if want[1] == "" {
			continue
		}
		exact := strings.TrimSuffix(strings.TrimSuffix(want[1], ".0"), ".")
		if in == "-0.0" {
			exact = "-0"
		}
		if !strings.Contains(r.Stdout, "  exactly   "+exact+"\n") {
			t.Errorf("float %s: python's exact value is %s:\n%s", in, exact, r.Stdout)
		}
		n := applettest.Run(&Applet, "", "", nil, "next", in)
		if next := strings.TrimSuffix(want[2], ".0"); !strings.Contains(n.Stdout, "next     "+next+"\n") && !strings.HasPrefix(want[2], "Infinity") {
			t.Errorf("float next %s: python's next is %s:\n%s", in, next, n.Stdout)
		}
	}
}
