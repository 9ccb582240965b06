package su

import (
	"testing"

	"github.com/zinebox/zinebox/pkg/applet/applettest"
)

// The cases that do not switch users (a switch would replace the test
// process), each compared with util-linux su on this machine.
func TestErrors(t *testing.T) {
	for _, args := range [][]string{
		{"zinebox-no-such-user"},
		{"-", "zinebox-no-such-user"},
		{"-c", "true", "zinebox-no-such-user"},
		{"--bogus"},
	} {
		got := applettest.Run(&Applet, t.TempDir(), "", nil, args...)
		want := applettest.RunTool(t, "su", t.TempDir(), "", nil, args...)
		if got.Status != want.Status || got.Stderr != want.Stderr || got.Stdout != want.Stdout {
			t.Errorf("su %q:\n got %d %q %q\nwant %d %q %q", args, got.Status, got.Stdout, got.Stderr, want.Status, want.Stdout, want.Stderr)
		}
	}
}

func TestSetenv(t *testing.T) {
	got := setenv([]string{"HOME=/a", "X=1", "HOME=/b", "HOMER=x"}, "HOME", "/root")
	want := []string{"X=1", "HOMER=x", "HOME=/root"}
	if len(got) != len(want) {
		t.Fatalf("got %q, want %q", got, want)
	}
	for i := range got {
		if got[i] != want[i] {
			t.Errorf("got %q, want %q", got, want)
		}
	}
}
