package ask

import (
	"strings"
	"testing"
)

func TestYes(t *testing.T) {
	a := New(strings.NewReader("y\nn\nYes please\n\nno\nyes"))
	for i, want := range []bool{true, false, true, false, false, true, false, false} {
		if got := a.Yes(); got != want {
			t.Errorf("answer %d: got %v, want %v", i, got, want)
		}
	}
}
