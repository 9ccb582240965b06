package shell

import (
	"sort"
	"strconv"
	"strings"

	"mvdan.cc/sh/v3/expand"
)

// variable is one shell variable. Unset-but-exported (`export x` before
// x is assigned) is a variable with set false and exported true.
type variable struct {
	value    string
	set      bool
	exported bool
	readonly bool
}

// lookup returns the variable name, or nil.
func (s *Shell) lookup(name string) *variable {
	return s.vars[name]
}

// getVar returns the value of a variable, special parameters included, and
// whether it is set.
func (s *Shell) getVar(name string) (string, bool) {
	if len(name) == 1 || name == "LINENO" {
		if v, ok, special := s.special(name); special {
			return v, ok
		}
	} else if len(name) > 1 && name[0] >= '1' && name[0] <= '9' {
		if n, err := strconv.Atoi(name); err == nil {
			if n <= len(s.params) {
				return s.params[n-1], true
			}
			return "", false
		}
	}
	v := s.vars[name]
	if v == nil || !v.set {
		return "", false
	}
	return v.value, true
}

// special answers the special parameters; special is false for ordinary
// names.
func (s *Shell) special(name string) (val string, set, special bool) {
	switch name {
	case "?":
		return strconv.Itoa(s.status), true, true
	case "$":
		return strconv.Itoa(s.pid), true, true
	case "!":
		if s.lastBg == 0 {
			return "", false, true
		}
		return strconv.Itoa(s.lastBg), true, true
	case "#":
		return strconv.Itoa(len(s.params)), true, true
	case "-":
		return s.optFlags(), true, true
	case "0":
		return s.arg0, true, true
	case "*", "@":
		return strings.Join(s.params, " "), true, true
	case "LINENO":
		return strconv.Itoa(s.lineno), true, true
	}
	if name[0] >= '1' && name[0] <= '9' {
		n := int(name[0] - '0')
		if n <= len(s.params) {
			return s.params[n-1], true, true
		}
		return "", false, true
	}
	return "", false, false
}

// setVar assigns a variable, honouring readonly and allexport.
func (s *Shell) setVar(name, value string) error {
	v := s.vars[name]
	if v == nil {
		v = &variable{}
		s.vars[name] = v
	} else if v.readonly {
		return &shellError{msg: name + ": is read only"}
	}
	v.value, v.set = value, true
	if s.opts.allexport {
		v.exported = true
	}
	if v.exported {
		s.envDirty = true
	}
	if name == "PATH" {
		s.hash = nil
	} else if name == "OPTIND" {
		s.optReset = false
	}
	return nil
}

// unsetVar removes a variable; readonly ones cannot be unset.
func (s *Shell) unsetVar(name string) error {
	v := s.vars[name]
	if v == nil {
		return nil
	}
	if v.readonly {
		return &shellError{msg: name + ": is read only"}
	}
	if v.exported {
		s.envDirty = true
	}
	delete(s.vars, name)
	if name == "PATH" {
		s.hash = nil
	}
	return nil
}

// environ builds the environment of a child process: every exported,
// set variable plus the command's own assignments. The list is cached
// until an exported variable changes, so a loop running /bin/true does not
// rebuild it each time.
func (s *Shell) environ(extra []string) []string {
	if s.envDirty || s.envCache == nil {
		env := make([]string, 0, len(s.vars))
		for name, v := range s.vars {
			if v.exported && v.set {
				env = append(env, name+"="+v.value)
			}
		}
		sort.Strings(env)
		s.envCache, s.envDirty = env, false
	}
	if len(extra) == 0 {
		return s.envCache
	}
	env := make([]string, 0, len(s.envCache)+len(extra))
	for _, kv := range s.envCache {
		name := kv[:strings.IndexByte(kv, '=')]
		keep := true
		for _, e := range extra {
			if strings.HasPrefix(e, name+"=") {
				keep = false
				break
			}
		}
		if keep {
			env = append(env, kv)
		}
	}
	return append(env, extra...)
}

// sortedNames returns the variable names in the order `set` and `export
// -p` print them.
func (s *Shell) sortedNames() []string {
	names := make([]string, 0, len(s.vars))
	for n := range s.vars {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// shellEnv adapts the shell's variables to expand.Environ.
type shellEnv struct{ s *Shell }

func (e shellEnv) Get(name string) expand.Variable {
	s := e.s
	switch name {
	case "@", "*":
		return expand.Variable{Set: true, Kind: expand.Indexed, List: s.params}
	}
	v, ok := s.getVar(name)
	if !ok {
		if vr := s.vars[name]; vr != nil {
			return expand.Variable{Kind: expand.String, Exported: vr.exported, ReadOnly: vr.readonly}
		}
		return expand.Variable{}
	}
	return expand.Variable{Set: true, Kind: expand.String, Str: v}
}

func (e shellEnv) Each(fn func(name string, vr expand.Variable) bool) {
	for _, name := range e.s.sortedNames() {
		v := e.s.vars[name]
		if !fn(name, expand.Variable{Set: v.set, Kind: expand.String, Str: v.value, Exported: v.exported, ReadOnly: v.readonly}) {
			return
		}
	}
}

func (e shellEnv) Set(name string, vr expand.Variable) error {
	if !vr.IsSet() {
		return e.s.unsetVar(name)
	}
	if vr.Kind == expand.KeepValue {
		return nil
	}
	return e.s.setVar(name, vr.String())
}

// isName reports whether s is a valid shell variable name.
func isName(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || i > 0 && c >= '0' && c <= '9' {
			continue
		}
		return false
	}
	return true
}

// shellQuote quotes a value the way dash's `set` and `export -p` print it:
// always in single quotes, an embedded single quote as '"'"'.
func shellQuote(v string) string {
	if v == "" {
		return "''"
	}
	// dash: runs without ' in single quotes, runs of ' in double quotes
	var b strings.Builder
	for len(v) > 0 {
		i := strings.IndexByte(v, '\'')
		if i != 0 {
			if i < 0 {
				i = len(v)
			}
			b.WriteString("'" + v[:i] + "'")
			v = v[i:]
			continue
		}
		j := 0
		for j < len(v) && v[j] == '\'' {
			j++
		}
		b.WriteString("\"" + v[:j] + "\"")
		v = v[j:]
	}
	return b.String()
}
