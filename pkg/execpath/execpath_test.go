package execpath

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"golang.org/x/sys/unix"
)

func TestLookPath(t *testing.T) {
	dir := t.TempDir()
	for name, mode := range map[string]os.FileMode{"a/run": 0o755, "a/noexec": 0o644, "b/noexec": 0o755, "b/run": 0o755} {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte("#!/bin/sh\n"), mode); err != nil {
			t.Fatal(err)
		}
	}
	os.Mkdir(filepath.Join(dir, "a", "sub"), 0o755)
	a, b := filepath.Join(dir, "a"), filepath.Join(dir, "b")
	tests := []struct {
		name, path, want string
		err              error
	}{
		{"run", a + ":" + b, a + "/run", nil},
		{"run", b + ":" + a, b + "/run", nil},
		{"noexec", a + ":" + b, b + "/noexec", nil},
		{"noexec", a, "", unix.EACCES},
		{"missing", a + ":" + b, "", unix.ENOENT},
		{"sub", a, "", unix.ENOENT},
		{"./x/y", a, "./x/y", nil},
	}
	for _, tt := range tests {
		got, err := LookPath(tt.name, []string{"PATH=" + tt.path})
		if got != tt.want || err != tt.err {
			t.Errorf("LookPath(%q, %q) = %q, %v; want %q, %v", tt.name, tt.path, got, err, tt.want, tt.err)
		}
	}
}

func TestEnv(t *testing.T) {
	env := []string{"A=1", "B=2", "A=3"}
	if v, ok := Getenv(env, "A"); v != "3" || !ok {
		t.Errorf("Getenv A = %q %v", v, ok)
	}
	if got := Setenv(env, "A", "9"); !reflect.DeepEqual(got, []string{"B=2", "A=9"}) {
		t.Errorf("Setenv = %q", got)
	}
	if got := Unsetenv(env, "A"); !reflect.DeepEqual(got, []string{"B=2"}) {
		t.Errorf("Unsetenv = %q", got)
	}
	if !reflect.DeepEqual(env, []string{"A=1", "B=2", "A=3"}) {
		t.Errorf("input changed: %q", env)
	}
}
