package strace

import (
	"fmt"
	"strconv"
	"testing"
)

func TestSet(t *testing.T) {
	mark := func(item string, want []bool) error {
		n, err := strconv.Atoi(item)
		if err != nil || n >= len(want) {
			return fmt.Errorf("invalid '%s'", item)
		}
		want[n] = true
		return nil
	}
	for _, tc := range []struct {
		set  string
		want string // membership of -1..5: x in, - out
	}{
		{"1,3", "--x-x--"}, {"!1,3", "xx-x-xx"}, {"all", "-xxxxx-"}, {"!all", "x-----x"},
		{"none", "-------"}, {"!none", "xxxxxxx"}, {"", "-------"}, {"2,,4", "---x-x-"},
	} {
		f, err := Set(tc.set, 5, mark)
		if err != nil {
			t.Fatalf("Set(%q): %v", tc.set, err)
		}
		got := ""
		for i := -1; i <= 5; i++ {
			if f(i) {
				got += "x"
			} else {
				got += "-"
			}
		}
		if got != tc.want {
			t.Errorf("Set(%q) = %s, want %s", tc.set, got, tc.want)
		}
	}
	if _, err := Set("1,x", 5, mark); err == nil || err.Error() != "invalid 'x'" {
		t.Errorf("Set(1,x) error %v", err)
	}
}
