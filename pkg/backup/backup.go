// Package backup implements the --backup and --suffix options that cp, mv
// and ln share with GNU: before a file is replaced it is renamed to NAME~
// (simple) or NAME.~N~ (numbered).
package backup

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// Kind is a backup method.
type Kind int

const (
	None     Kind = iota // no backups
	Simple               // NAME + suffix
	Numbered             // NAME.~N~
	Existing             // numbered if numbered backups exist, else simple
)

// words are the CONTROL values GNU accepts, in its order.
var words = [...]struct {
	word string
	kind Kind
}{{"none", None}, {"off", None}, {"simple", Simple}, {"never", Simple},
	{"existing", Existing}, {"nil", Existing}, {"numbered", Numbered}, {"t", Numbered}}

// ValidList is GNU's list of valid arguments, for error messages.
const ValidList = "Valid arguments are:\n  - 'none', 'off'\n  - 'simple', 'never'\n  - 'existing', 'nil'\n  - 'numbered', 't'\n"

// Parse resolves a CONTROL word or an unambiguous abbreviation. ambiguous
// tells apart the two ways to fail.
func Parse(control string) (k Kind, ok, ambiguous bool) {
	found := -1
	for i, w := range words {
		if w.word == control {
			return w.kind, true, false
		}
		if control != "" && strings.HasPrefix(w.word, control) {
			if found >= 0 && words[found].kind != w.kind {
				ambiguous = true
			}
			found = i
		}
	}
	if found >= 0 && !ambiguous {
		return words[found].kind, true, false
	}
	return None, false, ambiguous
}

// Options are the backup settings of one run.
type Options struct {
	Kind   Kind
	Suffix string
}

// FromEnv returns the settings for -b or --backup without an argument:
// VERSION_CONTROL names the kind (default existing) and
// SIMPLE_BACKUP_SUFFIX the suffix (default ~). The caller overrides them
// with --backup=CONTROL and -S.
func FromEnv(getenv func(string) string) (Options, bool) {
	o := Options{Kind: Existing, Suffix: "~"}
	if s := getenv("SIMPLE_BACKUP_SUFFIX"); s != "" && !strings.Contains(s, "/") {
		o.Suffix = s
	}
	if v := getenv("VERSION_CONTROL"); v != "" {
		k, ok, _ := Parse(v)
		if !ok {
			return o, false
		}
		o.Kind = k
	}
	return o, true
}

// Name returns the name a backup of path takes.
func (o Options) Name(path string) string {
	switch o.Kind {
	case Simple:
		return path + o.Suffix
	case None:
		return ""
	}
	highest := 0
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	entries, _ := os.ReadDir(dir)
	prefix := base + ".~"
	for _, e := range entries {
		n, ok := strings.CutPrefix(e.Name(), prefix)
		if !ok || !strings.HasSuffix(n, "~") {
			continue
		}
		if v, err := strconv.Atoi(strings.TrimSuffix(n, "~")); err == nil && v > highest {
			highest = v
		}
	}
	if o.Kind == Existing && highest == 0 {
		return path + o.Suffix
	}
	return path + ".~" + strconv.Itoa(highest+1) + "~"
}
