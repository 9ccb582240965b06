package shell

import (
	"sort"
	"strings"
)

// LineSource gives an interactive shell its input one line at a time:
// the hook for issue 8's line editor (history, completion). prompt is PS1
// or PS2, already expanded. A line ends with "\n" except at end of input,
// where ReadLine returns io.EOF.
type LineSource interface {
	ReadLine(prompt string) (string, error)
}

// SetLineSource makes an interactive shell read its commands from ls
// instead of from fd 0 with prompts on fd 2.
func (s *Shell) SetLineSource(ls LineSource) { s.lineSource = ls }

// Interactive reports whether the shell is interactive (-i, or a
// terminal on fds 0 and 2).
func (s *Shell) Interactive() bool { return s.opts.interactive }

// BuiltinNames lists the builtins, for completion.
func (s *Shell) BuiltinNames() []string {
	return []string{":", ".", "[", "alias", "bg", "break", "cd", "command", "continue", "disown", "echo", "eval", "exec",
		"exit", "export", "false", "fc", "fg", "getopts", "hash", "history", "jobs", "kill", "local", "printf", "pwd", "read",
		"readonly", "return", "set", "shift", "test", "times", "trap", "true", "type", "ulimit", "umask",
		"unalias", "unset", "wait"}
}

// FunctionNames lists the defined functions, sorted.
func (s *Shell) FunctionNames() []string { return sortedKeys(s.funcs) }

// AliasNames lists the aliases, sorted.
func (s *Shell) AliasNames() []string { return sortedKeys(s.aliases) }

// VarNames lists the set variables, sorted.
func (s *Shell) VarNames() []string {
	var names []string
	for n, v := range s.vars {
		if v.set {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	return names
}

// AppletNames lists the applets the shell runs without a PATH search.
func (s *Shell) AppletNames() []string {
	names := make([]string, 0, len(s.applets))
	for _, a := range s.applets {
		names = append(names, a.Name)
	}
	return names
}

// Getvar returns a shell variable's value ("" when unset).
func (s *Shell) Getvar(name string) string {
	v, _ := s.getVar(name)
	return v
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// expandPrompt expands parameters, command substitutions and
// arithmetic in PS1/PS2/PS4, as dash does.
func (s *Shell) expandPrompt(v string) string {
	if !strings.ContainsAny(v, "$`\\") {
		return v
	}
	w, err := s.newParser().Document(strings.NewReader(v))
	if err != nil {
		return v
	}
	out, err := s.document(w)
	if err != nil {
		return v
	}
	return out
}
