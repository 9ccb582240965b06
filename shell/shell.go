// Package shell is zinebox's POSIX shell: it parses with mvdan.cc/sh/v3's
// syntax package, expands words with its expand package, and executes
// everything itself the way dash does, so that what a learner sees in /proc
// and strace is what the zine draws:
//
//   - builtins (cd, echo, read, trap, ...) run inside the shell process;
//   - every other command, zinebox's own applets included, is a new process
//     made with fork/exec (syscall.ForkExec: clone+execve, nothing else);
//   - a pipeline of N commands is N processes joined by N-1 pipe(2)s;
//   - redirections are dup2(2)s on the real file descriptors 0-9.
//
// Go cannot fork(2) a copy of a running Go program, so where dash forks a
// subshell (a builtin or compound command in a pipeline, `( )`, `$( )`, `&`),
// this shell re-executes its own binary as `sh` and hands the child the
// state a fork would have copied (variables, functions, options, positional
// parameters, traps that stay ignored) through an inherited memfd; see
// subshell.go.
package shell

import (
	"io"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"

	"github.com/zinebox/zinebox/pkg/applet"
	"github.com/zinebox/zinebox/shell/interactive"
	"golang.org/x/sys/unix"
	"mvdan.cc/sh/v3/expand"
	"mvdan.cc/sh/v3/syntax"
)

// options are the shell's set -o flags.
type options struct {
	allexport, errexit, noglob, noexec, nounset, verbose, xtrace bool
	noclobber, pipefail, interactive, monitor, stdin, ignoreeof  bool
	notify, nolog, debug                                         bool
}

// control is a pending change of control flow: break, continue, return or
// exit unwind the executor until someone handles them.
type control int

const (
	ctlNone control = iota
	ctlBreak
	ctlContinue
	ctlReturn
	ctlExit
	// ctlInterrupt: a foreground job died of SIGINT (Ctrl-C): an
	// interactive shell abandons the rest of the command line, loops
	// included, as bash does, although the SIGINT went to the job alone
	ctlInterrupt
)

// Shell is one shell process's state. Everything a fork would copy lives
// here, so that subshell.go can serialise it.
type Shell struct {
	arg0    string // $0, also the prefix of error messages
	params  []string
	vars    map[string]*variable
	funcs   map[string]*funcDef
	aliases map[string]string
	opts    options

	status int // $?
	pid    int // $$
	lastBg int // $!
	lineno int

	ctl     control
	ctlN    int // levels left for break/continue
	loops   int // loop nesting, for break/continue
	funcs_  int // function call depth, for return
	noErrex int // >0 while -e is ignored (conditions, && || lists, !)

	// substStatus is the status of the last command substitution, which
	// becomes $? of a command made only of assignments.
	substStatus int

	traps    [maxSig + 1]*string // nil: default; "": ignored
	exitTrap *string
	ignored  [maxSig + 1]bool // ignored when the shell started: cannot be trapped
	sigCh    chan os.Signal
	inTrap   bool
	// syncCh receives the sentinel signal of syncSignals; signalsDue says
	// a child ended or we signalled ourselves since the last sync, so a
	// signal may still be on its way through os/signal.
	syncCh     chan os.Signal
	signalsDue bool

	hash         map[string]string // command name -> path
	envCache     []string
	envDirty     bool
	applets      []*applet.Applet
	appletSet    map[string]bool
	self         string // our own executable, for applets and subshells
	subshell     bool   // we are a re-executed subshell
	jobs         []*job
	sources      []*source
	cur          *source // the source being executed
	parser       *syntax.Parser
	cfg          *expand.Config
	localSaves   []map[string]*variable // per function call: saved variables of `local`
	getoptsPos   int                    // position inside a bundle of options (-abc)
	bashMode     bool
	capture      io.Writer // in-process command substitution: builtins' stdout
	inAlias      int
	aliasActive  map[string]bool // aliases being expanded
	aliasName    string
	lineSource   LineSource      // issue 8 line editor; nil reads fd 0
	intr         *interruptState // interactive: SIGINT while the shell runs (interrupt.go)
	pendingLine  string          // rest of a line longer than the parser buffer
	implicitExec bool            // execBuiltin runs a subshell's last command
	errCtx       string          // "eval: " or "./script: " before error messages
	optSaves     map[int]options // `local -`: options to restore, by call depth
	reaped       map[int]int     // statuses of jobs already waited for
	inSub        int             // depth of in-process subshells (command substitution)
	execEnv      []string        // assignments before exec
	lastOptind   int
	optReset     bool // set -- happened: getopts restarts at 1
	aliasSrc     *source
	deniedDir    bool
	noSlice      bool
	synPrefix    string // "eval: " while running eval's text
	denied       bool   // the last PATH search found only non-executable files
	curBuiltin   string
	lastSig      syscall.Signal // the last reaped child died of this signal
	lastCore     bool
	execLast     bool    // a subshell runs its last command with exec
	wbFree       []*wbuf // expansion buffers for reuse

	// job control (jobctl.go): only the top-level interactive shell
	// has a terminal (ttyFD > 0)
	ttyFD       int
	origPgid    int // the process group the shell started in
	shellPgid   int
	tmodes      *unix.Termios // the terminal settings commands start with
	jcSig       chan os.Signal
	jobSeq      int
	exitWarned  bool // "There are stopped jobs." was said for the last command
	exitWarnNow bool
	curStmt     *syntax.Stmt        // the simple command being run, for job lines
	triedTTY    bool                // job control was set up, or could not be
	login       bool                // -l or argv[0] "-sh": read /etc/profile, ~/.profile
	editor      *interactive.Editor // the line editor, when fd 0 is a terminal
}

// maxSig is the highest signal number (glibc's SIGRTMAX).
const maxSig = 64

// funcDef is a defined function: its body and the source it came from,
// kept so a subshell can re-parse it.
type funcDef struct {
	body *syntax.Stmt
	src  *source
}

// source is one text that was parsed: a script, a -c string, an eval'd or
// dotted text. Subshells receive it with the offsets of the node to run,
// so their line numbers and messages are the parent's.
type source struct {
	id   int
	text string
	name string // for messages: "sh", or the script name
}

// exitStatus is the panic value that leaves the executor: an `exit`, or
// a fatal error in a non-interactive shell.
type exitStatus int

// shellError is an error whose message is printed as is after the
// "sh: LINE: " prefix.
type shellError struct{ msg string }

func (e *shellError) Error() string { return e.msg }

// New makes a shell with the process's environment imported.
func New(applets []*applet.Applet, env []string) *Shell {
	s := &Shell{
		arg0:     "sh",
		vars:     make(map[string]*variable, len(env)+16),
		funcs:    map[string]*funcDef{},
		aliases:  map[string]string{},
		pid:      os.Getpid(),
		applets:  applets,
		envDirty: true,
	}
	for _, kv := range env {
		name, val, ok := strings.Cut(kv, "=")
		if !ok || !isName(name) {
			continue
		}
		s.vars[name] = &variable{value: val, set: true, exported: true}
	}
	if s.vars["IFS"] == nil {
		s.vars["IFS"] = &variable{value: " \t\n", set: true}
	}
	s.vars["PPID"] = &variable{value: strconv.Itoa(os.Getppid()), set: true}
	if s.vars["PS1"] == nil {
		ps1 := "$ "
		if os.Geteuid() == 0 {
			ps1 = "# "
		}
		s.vars["PS1"] = &variable{value: ps1, set: true}
	}
	if s.vars["PS2"] == nil {
		s.vars["PS2"] = &variable{value: "> ", set: true}
	}
	if s.vars["PS4"] == nil {
		s.vars["PS4"] = &variable{value: "+ ", set: true}
	}
	if s.vars["OPTIND"] == nil {
		s.vars["OPTIND"] = &variable{value: "1", set: true}
	}
	if pwd, err := os.Getwd(); err == nil {
		if v := s.vars["PWD"]; v == nil || !samePath(v.value, pwd) {
			s.vars["PWD"] = &variable{value: pwd, set: true, exported: true}
		}
	}
	for _, sig := range []syscall.Signal{syscall.SIGHUP, syscall.SIGINT} {
		if signal.Ignored(sig) {
			s.ignored[sig] = true
		}
	}
	s.cfg = &expand.Config{Env: shellEnv{s}, CmdSubst: s.cmdSubst, ReadDir2: readDir}
	return s
}

// samePath reports whether the logical path a names the directory b.
func samePath(a, b string) bool {
	if a == b {
		return true
	}
	if !strings.HasPrefix(a, "/") {
		return false
	}
	var sa, sb syscall.Stat_t
	return syscall.Stat(a, &sa) == nil && syscall.Stat(b, &sb) == nil && sa.Dev == sb.Dev && sa.Ino == sb.Ino
}

// isApplet reports whether name is one of the multicall binary's applets
// that the shell runs as /proc/self/exe with argv[0] = name.
func (s *Shell) isApplet(name string) bool {
	if s.appletSet == nil {
		s.appletSet = make(map[string]bool, len(s.applets))
		for _, a := range s.applets {
			s.appletSet[a.Name] = true
		}
	}
	return s.appletSet[name]
}

// selfExe is the path that re-executes this binary.
func (s *Shell) selfExe() string {
	if s.self == "" {
		s.self = "/proc/self/exe"
		if _, err := os.Stat(s.self); err != nil {
			// no /proc (an early boot shell): our argv[0], or zinebox in PATH
			switch {
			case strings.Contains(os.Args[0], "/"):
				s.self = os.Args[0]
			default:
				if p, ok := s.lookPath(os.Args[0]); ok {
					s.self = p
				} else if p, ok := s.lookPath("zinebox"); ok {
					s.self = p
				}
			}
		}
	}
	return s.self
}

// optFlags is $-.
func (s *Shell) optFlags() string {
	var b []byte
	o := &s.opts
	for _, f := range []struct {
		c  byte
		on bool
	}{ // dash's order: its option table, last first
		{'u', o.nounset}, {'b', o.notify}, {'a', o.allexport}, {'C', o.noclobber}, {'v', o.verbose}, {'x', o.xtrace},
		{'s', o.stdin}, {'n', o.noexec}, {'m', o.monitor}, {'i', o.interactive}, {'I', o.ignoreeof}, {'f', o.noglob}, {'e', o.errexit}} {
		if f.on {
			b = append(b, f.c)
		}
	}
	return string(b)
}

// optionTable lists the set -o names in dash's order with their letters.
func (s *Shell) optionTable() []struct {
	name   string
	letter byte
	p      *bool
} {
	o := &s.opts
	return []struct {
		name   string
		letter byte
		p      *bool
	}{
		{"errexit", 'e', &o.errexit}, {"noglob", 'f', &o.noglob}, {"ignoreeof", 'I', &o.ignoreeof},
		{"interactive", 'i', &o.interactive}, {"monitor", 'm', &o.monitor}, {"noexec", 'n', &o.noexec},
		{"stdin", 's', &o.stdin}, {"xtrace", 'x', &o.xtrace}, {"verbose", 'v', &o.verbose},
		{"vi", 0, new(bool)}, {"emacs", 0, new(bool)}, {"noclobber", 'C', &o.noclobber},
		{"allexport", 'a', &o.allexport}, {"notify", 'b', &o.notify}, {"nounset", 'u', &o.nounset},
		{"nolog", 0, &o.nolog}, {"debug", 0, &o.debug}, {"pipefail", 0, &o.pipefail},
	}
}

// setOption turns an option on or off by letter or name.
func (s *Shell) setOption(letter byte, name string, on bool) bool {
	for _, o := range s.optionTable() {
		if (letter != 0 && o.letter == letter) || (name != "" && o.name == name) {
			*o.p = on
			return true
		}
	}
	return false
}
