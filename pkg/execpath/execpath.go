// Package execpath finds a command the way execvp(3) does, in the PATH of
// an environment that is not necessarily the caller's own: env(1) and
// stdbuf(1) search the environment they are about to give the command.
package execpath

import (
	"os"
	"strings"

	"golang.org/x/sys/unix"
)

// DefaultPath is glibc's search path when PATH is unset.
const DefaultPath = "/bin:/usr/bin"

// Getenv returns the value of name in env (the last assignment wins).
func Getenv(env []string, name string) (string, bool) {
	for i := len(env) - 1; i >= 0; i-- {
		if v, ok := strings.CutPrefix(env[i], name+"="); ok {
			return v, true
		}
	}
	return "", false
}

// Setenv returns env with name set to value, replacing earlier assignments.
func Setenv(env []string, name, value string) []string {
	out := env[:0:0]
	for _, kv := range env {
		if !strings.HasPrefix(kv, name+"=") {
			out = append(out, kv)
		}
	}
	return append(out, name+"="+value)
}

// Unsetenv returns env without any assignment to name.
func Unsetenv(env []string, name string) []string {
	out := env[:0:0]
	for _, kv := range env {
		if n, _, _ := strings.Cut(kv, "="); n != name {
			out = append(out, kv)
		}
	}
	return out
}

// LookPath returns the file that execvp(3) would run for name with env's
// PATH: name itself if it contains a slash, else the first executable
// regular file in the PATH directories (an empty entry is the current
// directory). It returns unix.EACCES when a candidate exists but none is
// executable, unix.ENOENT when there is none, as execvp reports.
func LookPath(name string, env []string) (string, error) {
	if strings.Contains(name, "/") {
		return name, nil
	}
	if name == "" {
		return "", unix.ENOENT
	}
	path, ok := Getenv(env, "PATH")
	if !ok {
		path = DefaultPath
	}
	var firstErr error = unix.ENOENT
	for _, dir := range strings.Split(path, ":") {
		if dir == "" {
			dir = "."
		}
		candidate := dir + "/" + name
		st, err := os.Stat(candidate)
		if err != nil || st.IsDir() {
			continue
		}
		if unix.Access(candidate, unix.X_OK) == nil {
			return candidate, nil
		}
		firstErr = unix.EACCES
	}
	return "", firstErr
}
