package initcmd

import (
	"fmt"
	"testing"
)

func TestParseCIDR4(t *testing.T) {
	tests := []struct{ in, ip, mask string }{
		{"10.0.2.15/24", "[10 0 2 15]", "[255 255 255 0]"},
		{"192.168.1.7/32", "[192 168 1 7]", "[255 255 255 255]"},
		{"172.16.5.4/12", "[172 16 5 4]", "[255 240 0 0]"},
		{"10.1.2.3/0", "[10 1 2 3]", "[0 0 0 0]"},
		{"10.1.2.3/1", "[10 1 2 3]", "[128 0 0 0]"},
		{"10.0.2.15", "", ""},
		{"10.0.2.15/33", "", ""},
		{"10.0.2.15/-1", "", ""},
		{"10.0.2.15/+8", "", ""},
		{"10.0.2.15/", "", ""},
		{"10.0.2/24", "", ""},
		{"fe80::1/64", "", ""},
		{"", "", ""},
	}
	for _, tt := range tests {
		ip, mask, ok := parseCIDR4(tt.in)
		if ok != (tt.ip != "") {
			t.Errorf("parseCIDR4(%q) ok = %v", tt.in, ok)
			continue
		}
		if ok && (fmt.Sprint(ip) != tt.ip || fmt.Sprint(mask) != tt.mask) {
			t.Errorf("parseCIDR4(%q) = %v %v, want %s %s", tt.in, ip, mask, tt.ip, tt.mask)
		}
	}
}
