// Package su implements su(1): run a shell as another user.
//
// In the teaching VM there are no passwords: root may become anyone (as
// root may on any Unix), and a user may "become" themselves; anyone else
// is refused. The switch itself is the real thing: setgroups(2), setgid(2)
// and setuid(2), in that order (after setuid the process could no longer
// change its groups), then execve(2) of the user's shell.
package su

import (
	_ "embed"
	"os"
	"path/filepath"
	"syscall"

	"github.com/zinebox/zinebox/pkg/applet"
	"github.com/zinebox/zinebox/pkg/errno"
	"github.com/zinebox/zinebox/pkg/getopt"
	"github.com/zinebox/zinebox/pkg/userdb"
)

//go:embed su.1
var manPage string

// Applet is su.
var Applet = applet.Applet{
	Name:    "su",
	Summary: "run a shell as another user",
	Man:     &manPage,
	Main:    run,
}

var spec = getopt.Spec{
	Prog:    "su",
	Usage:   []string{"[options] [-] [<user> [<argument>...]]"},
	Summary: "Change the effective user ID and group ID to that of <user>.\nA mere - implies -l. If <user> is not given, root is assumed.",
	Options: []getopt.Option{
		{Short: 'm', Long: "preserve-environment", Help: "do not reset environment variables"},
		{Short: 'p', Help: "same as -m"},
		{Short: 'c', Long: "command", Arg: getopt.RequiredArg, ArgName: "command", Help: "pass a single command to the shell with -c"},
		{Short: 'l', Long: "login", Help: "make the shell a login shell"},
		{Short: 's', Long: "shell", Arg: getopt.RequiredArg, ArgName: "shell", Help: "run <shell> if /etc/shells allows it"},
	},
	// Options may follow the user, as util-linux's su (GNU getopt_long,
	// which permutes) takes them: su nobody -s /bin/sh -c id.
}

// rootPath and userPath are the PATHs su gives a login shell, as
// util-linux's su does (ENV_ROOTPATH and ENV_PATH).
const (
	rootPath = "/usr/local/sbin:/usr/local/bin:/sbin:/bin:/usr/sbin:/usr/bin"
	userPath = "/usr/local/bin:/bin:/usr/bin"
)

func run(io *applet.IO, args []string) int {
	r, done, status := io.Parse(&spec, args, 1)
	if done {
		return status
	}
	login := r.Has("login")
	ops := r.Operands
	if len(ops) > 0 && ops[0] == "-" {
		login, ops = true, ops[1:]
	}
	name := "root"
	if len(ops) > 0 {
		name, ops = ops[0], ops[1:]
	}
	db := userdb.New("/etc")
	u, ok := db.LookupUser(name)
	if !ok {
		io.Errorf("user %s does not exist or the user entry does not contain all the required fields", name)
		return 1
	}
	if me := uint32(syscall.Getuid()); me != 0 && me != u.UID {
		io.Errorf("Authentication failure")
		return 1
	}
	shell := u.Shell
	if shell == "" {
		shell = "/bin/sh"
	}
	if s, ok := r.Last("shell"); ok {
		shell = s
	}

	env := io.Env
	if login {
		env = nil
		if t, ok := io.LookupEnv("TERM"); ok {
			env = append(env, "TERM="+t)
		}
		path := userPath
		if u.UID == 0 {
			path = rootPath
		}
		env = append(env, "PATH="+path)
	}
	if login || !(r.Has("preserve-environment") || r.Has("p")) {
		env = setenv(env, "HOME", u.Home)
		env = setenv(env, "SHELL", shell)
		if login || u.UID != 0 {
			env = setenv(env, "USER", u.Name)
			env = setenv(env, "LOGNAME", u.Name)
		}
	}

	// A login shell's argv[0] starts with '-': that is how sh knows to
	// read /etc/profile (-l says it too, for shells that only look there).
	argv := []string{filepath.Base(shell)}
	if login {
		argv = []string{"-" + filepath.Base(shell), "-l"}
	}
	if c, ok := r.Last("command"); ok {
		argv = append(argv, "-c", c)
	}
	argv = append(argv, ops...)

	groups := db.GroupsOf(u.Name, u.GID)
	gids := make([]int, len(groups))
	for i, g := range groups {
		gids[i] = int(g)
	}
	// syscall's Setgroups, Setgid and Setuid change every thread of the
	// process (Go runs on several), not only the calling one.
	if err := syscall.Setgroups(gids); err != nil {
		io.Errorf("cannot set groups: %s", errno.Message(err))
		return 1
	}
	if err := syscall.Setgid(int(u.GID)); err != nil {
		io.Errorf("cannot set group id: %s", errno.Message(err))
		return 1
	}
	if err := syscall.Setuid(int(u.UID)); err != nil {
		io.Errorf("cannot set user id: %s", errno.Message(err))
		return 1
	}
	if login {
		if err := os.Chdir(u.Home); err != nil {
			io.Errorf("warning: cannot change directory to %s: %s", u.Home, errno.Message(err))
		}
	}
	io.Stdout.Flush()
	err := syscall.Exec(shell, argv, env)
	io.Errorf("failed to execute %s: %s", shell, errno.Message(err))
	if err == syscall.ENOENT {
		return 127
	}
	return 126
}

// setenv returns env with name set to value, replacing earlier settings.
func setenv(env []string, name, value string) []string {
	out := env[:0:0]
	for _, kv := range env {
		if len(kv) > len(name) && kv[:len(name)+1] == name+"=" {
			continue
		}
		out = append(out, kv)
	}
	return append(out, name+"="+value)
}
