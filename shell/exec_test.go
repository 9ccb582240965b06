package shell_test

// Executor tests: the same -c script is run by `zinebox sh` and by
// /bin/dash, and stdout and the exit status must be identical. Where the
// point is what the kernel sees (pipes in /proc, processes, fds), the
// script prints that. The conformance corpus covers the language; these
// cover the process plumbing the zine draws.

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"
)

type shResult struct {
	stdout, stderr string
	status         int
}

// runSh runs argv with script as the -c string in dir, stdin empty.
func runSh(t *testing.T, dir string, argv []string, script string) shResult {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	args := append(append([]string{}, argv[1:]...), "-c", script)
	cmd := exec.CommandContext(ctx, argv[0], args...)
	cmd.Dir = dir
	cmd.Env = []string{"PATH=/usr/bin:/bin", "HOME=" + dir, "LC_ALL=C"}
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	err := cmd.Run()
	status := 0
	if ee, ok := err.(*exec.ExitError); ok {
		ws := ee.Sys().(syscall.WaitStatus)
		if ws.Signaled() {
			status = 128 + int(ws.Signal())
		} else {
			status = ws.ExitStatus()
		}
	} else if err != nil {
		t.Fatalf("%v: %v", argv, err)
	}
	return shResult{out.String(), errb.String(), status}
}

func TestExecutorAgainstDash(t *testing.T) {
	if buildErr != nil {
		t.Skip(buildErr)
	}
	if _, err := os.Stat("/bin/dash"); err != nil {
		t.Skip("no /bin/dash")
	}
	tests := []struct{ name, script string }{
		{"pipe_on_fd1", `ls -l /proc/self/fd/1 | cat | sed 's/.*-> //; s/\[.*//'`},
		{"pipe_on_fd0", `echo x | ls -l /proc/self/fd/0 | sed 's/.*-> //; s/\[.*//'`},
		{"child_pid_differs", `[ "$(sh -c 'echo $PPID')" = $$ ] && echo parent-is-shell`},
		{"pipeline_status_last", `false | true; echo $?; true | false; echo $?`},
		{"sigpipe_builtin_loop", `while :; do echo y; done | head -1; echo $?`},
		{"sigpipe_external", `yes | head -2; echo $?`},
		{"exec_fd3", `exec 3>f; echo to3 >&3; exec 3>&-; cat f; echo x >&3; echo $?`},
		{"exec_fd_readwrite", `echo abc > f; exec 4<>f; read x <&4; echo $x; exec 4>&-`},
		{"noclobber", `set -C; echo a > f; echo b > f; echo $?; echo c >| f; cat f`},
		{"exec_replaces", `exec sh -c 'echo replaced'; echo not-reached`},
		{"background_bang", `sleep 0.1 & p=$!; wait $p; echo $?; [ "$p" -gt 0 ] && echo pid`},
		{"trap_usr1_self", `trap 'echo got' USR1; kill -USR1 $$; echo after`},
		{"trap_exit_status", `trap 'echo bye $?' EXIT; (exit 3); exit 5`},
		{"untrapped_usr1_kills", `kill -USR1 $$; echo not-reached`},
		{"subshell_isolation", `x=1; (x=2; cd /; umask 077); echo $x; pwd | grep -c /; umask`},
		{"cmdsubst_function", `f() { echo "f:$1"; }; y=$(f a; f b); echo "$y"`},
		{"cmdsubst_exit_isolated", `y=$(exit 4); echo $?; echo alive`},
		{"heredoc_fd", `cat <<EOF 3<&0
line $((1+2))
EOF`},
		{"redirect_stderr", `ls /nonexistent-zz 2>&1 | grep -c nonexistent`},
		{"not_found", `nosuchcommand-zz; echo $?`},
		{"not_executable", `echo 'echo hi' > s; chmod 644 s; ./s; echo $?`},
		{"script_without_shebang", `printf 'echo from-script $#\n' > s; chmod 755 s; ./s a b`},
		{"ignored_signal_inherited", `trap '' TERM; sh -c 'kill -TERM $$; echo survived'`},
		{"errexit_exempt", `set -e; false || true; if false; then :; fi; ! true; echo ok; false; echo no`},
		{"special_builtin_error_exits", `shift 5; echo not-reached`},
		{"umask_symbolic", `umask u=rwx,g=rx,o=; umask; umask -S`},
		{"read_ifs", `echo 'a:b:c d' | { IFS=: read x y; echo "$x|$y"; }`},
		{"getopts", `set -- -a -b val x; while getopts ab: o; do echo "$o ${OPTARG-}"; done; echo $OPTIND`},
		{"printf_formats", `printf '%5s|%-3d|%x|%b|%c\n' ab 7 255 'a\tb' xyz`},
		{"set_listing", `unset -v $(set | sed -n 's/=.*//p' | grep -v -e '^PATH$' -e '^HOME$' -e '^IFS$' -e '^PS.$' -e '^OPTIND$' -e '^PPID$' -e '^PWD$' -e '^LC_ALL$') 2>/dev/null; x="it's"; set | grep '^x='`},
		{"times_shape", `times | sed 's/[0-9.]//g'`},
	}
	dir := t.TempDir()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			os.RemoveAll(dir)
			os.MkdirAll(dir, 0o755)
			want := runSh(t, dir, []string{"/bin/dash"}, tc.script)
			os.RemoveAll(dir)
			os.MkdirAll(dir, 0o755)
			got := runSh(t, dir, []string{zinebox, "sh"}, tc.script)
			if got.stdout != want.stdout || got.status != want.status {
				t.Errorf("script %q\n got: %q status %d (stderr %q)\nwant: %q status %d (stderr %q)",
					tc.script, got.stdout, got.status, got.stderr, want.stdout, want.status, want.stderr)
			}
			if strings.Contains(got.stderr, "goroutine ") || strings.Contains(got.stderr, "panic:") {
				t.Errorf("Go panic:\n%s", got.stderr)
			}
		})
	}
}

// TestBuiltinsInPipelineAreProcesses checks that a builtin in a pipeline
// runs in its own process: its $$ is the shell's, but /proc/self is not.
func TestBuiltinsInPipelineAreProcesses(t *testing.T) {
	if buildErr != nil {
		t.Skip(buildErr)
	}
	r := runSh(t, t.TempDir(), []string{zinebox, "sh"},
		`echo $$ > shellpid; read self < /proc/self/stat | cat; { read p _ < /proc/self/stat; echo $p; } | cat > stagepid; [ "$(cat shellpid)" != "$(cat stagepid)" ] && echo separate`)
	if r.stdout != "separate\n" {
		t.Errorf("got %q (stderr %q), want a separate process for the stage", r.stdout, r.stderr)
	}
}
