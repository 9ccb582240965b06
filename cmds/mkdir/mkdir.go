// Package mkdir implements mkdir(1): make directories.
//
// As in GNU mkdir, -m MODE is applied to a=rwx and set exactly, whatever
// the umask, but a set-group-ID bit inherited from the parent stays unless
// the mode names it; -p creates missing parents with the umask's mode plus
// u+wx (so that the rest of the path can be created in them) and accepts
// existing directories.
package mkdir

import (
	_ "embed"
	"fmt"
	"strings"

	"golang.org/x/sys/unix"

	"github.com/zinebox/zinebox/pkg/applet"
	"github.com/zinebox/zinebox/pkg/errno"
	"github.com/zinebox/zinebox/pkg/fsname"
	"github.com/zinebox/zinebox/pkg/getopt"
	"github.com/zinebox/zinebox/pkg/mode"
	"github.com/zinebox/zinebox/pkg/quote"
)

//go:embed mkdir.1
var manPage string

var Applet = applet.Applet{
	Name:    "mkdir",
	Summary: "make directories",
	Man:     &manPage,
	Main:    run,
}

var spec = getopt.Spec{
	Prog:    "mkdir",
	Usage:   []string{"[OPTION]... DIRECTORY..."},
	Summary: "Create the DIRECTORY(ies), if they do not already exist.",
	Options: []getopt.Option{
		{Short: 'm', Long: "mode", Arg: getopt.RequiredArg, ArgName: "MODE", Help: "set file mode (as in chmod), not a=rwx - umask"},
		{Short: 'p', Long: "parents", Help: "no error if existing, make parent directories as needed,\nwith their file modes unaffected by any -m option."},
		{Short: 'v', Long: "verbose", Help: "print a message for each created directory"},
		{Short: 'Z', Help: "set SELinux security context of each created directory\nto the default type (ignored)"},
		{Long: "context", Arg: getopt.OptionalArg, ArgName: "CTX", Help: "like -Z, or if CTX is specified then set the SELinux\nor SMACK security context to CTX (ignored)"},
	},
}

type mkdir struct {
	io         *applet.IO
	q          quote.Quoter
	perm       uint32 // the mode of the named directories
	modeBits   uint32 // bits -m set or cleared; 0 without -m
	hasMode    bool
	parents    bool
	verbose    bool
	parentPerm uint32 // the mode of parents made by -p
}

func run(io *applet.IO, args []string) int {
	r, done, status := io.Parse(&spec, args, 1)
	if done {
		return status
	}
	m := &mkdir{io: io, q: quote.ForEnv(io.Env), parents: r.Has("parents"), verbose: r.Has("verbose")}
	for _, o := range r.Opts {
		if o.Key == "context" && o.HasArg {
			io.Errorf("warning: ignoring --context; it requires an SELinux/SMACK-enabled kernel")
		}
	}
	if len(r.Operands) == 0 {
		return io.UsageError(1, "missing operand")
	}
	umask := mode.Umask()
	m.perm = 0o777 &^ umask
	m.parentPerm = m.perm | 0o300
	if s, ok := r.Last("mode"); ok {
		md, err := mode.Parse(s)
		if err != nil {
			io.Errorf("invalid mode %s", m.q.Locale(s))
			return 1
		}
		m.perm, m.modeBits = md.Apply(0o777, true, umask)
		m.hasMode = true
	}
	status = 0
	for _, name := range r.Operands {
		if !m.make(name) {
			status = 1
		}
	}
	return io.Finish(status)
}

// make creates the directory name (and its parents with -p).
func (m *mkdir) make(name string) bool {
	if m.parents {
		for i := 1; i < len(name); i++ {
			if name[i] != '/' || name[i-1] == '/' || strings.Trim(name[i:], "/") == "" {
				continue
			}
			prefix := name[:i]
			err := unix.Mkdir(fsname.Join(m.io.Dir, prefix), m.parentPerm)
			switch {
			case err == nil:
				m.announce(prefix)
			case err == unix.EEXIST:
				var st unix.Stat_t
				if serr := unix.Stat(fsname.Join(m.io.Dir, prefix), &st); serr == nil && st.Mode&mode.TypeMask == mode.TypeDir {
					continue
				} else if serr == nil {
					err = unix.ENOTDIR
				}
				fallthrough
			default:
				m.io.Errorf("cannot create directory %s: %s", m.q.Locale(prefix), errno.Message(err))
				return false
			}
		}
	}
	path := fsname.Join(m.io.Dir, name)
	if err := unix.Mkdir(path, m.perm&0o1777); err != nil {
		if m.parents && err == unix.EEXIST {
			var st unix.Stat_t
			if unix.Stat(path, &st) == nil && st.Mode&mode.TypeMask == mode.TypeDir {
				return true
			}
		}
		m.io.Errorf("cannot create directory %s: %s", m.q.Locale(name), errno.Message(err))
		return false
	}
	m.announce(name)
	if !m.hasMode {
		return true
	}
	// The umask and mkdir(2) (which ignores set-ID bits) may have left
	// bits the mode asked for; set them, keeping an inherited set-ID bit
	// the mode does not mention.
	var st unix.Stat_t
	if err := unix.Stat(path, &st); err != nil {
		m.io.Errorf("cannot change permissions of %s: %s", m.q.Always(name), errno.Message(err))
		return false
	}
	want := m.perm | st.Mode&(mode.SetUID|mode.SetGID)&^m.modeBits
	if st.Mode&mode.All != want {
		if err := unix.Chmod(path, want); err != nil {
			m.io.Errorf("cannot change permissions of %s: %s", m.q.Always(name), errno.Message(err))
			return false
		}
	}
	return true
}

func (m *mkdir) announce(name string) {
	if m.verbose {
		fmt.Fprintf(m.io.Stdout, "mkdir: created directory %s\n", m.q.Always(name))
	}
}
