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

// ArgError is an invalid or ambiguous backup method, for the caller to
// word as GNU does: "ambiguous argument 'n' for 'backup type'" followed by
// ValidList.
type ArgError struct {
	Kind  string // "invalid" or "ambiguous"
	Value string // the word given
	What  string // "backup type" (--backup=) or "$VERSION_CONTROL"
}

// Resolve returns the settings for -b or --backup[=CONTROL], as gnulib's
// xget_version decides them for cp, mv and ln alike: the method is CONTROL
// when it is not empty, else $VERSION_CONTROL, else existing (so a bad
// VERSION_CONTROL does not matter when CONTROL is given); the suffix is
// SIMPLE_BACKUP_SUFFIX or "~". The caller applies -S.
func Resolve(getenv func(string) string, control string) (Options, *ArgError) {
	o := Options{Kind: Existing, Suffix: "~"}
	if s := getenv("SIMPLE_BACKUP_SUFFIX"); s != "" && !strings.Contains(s, "/") {
		o.Suffix = s
	}
	word, what := control, "backup type"
	if word == "" {
		word, what = getenv("VERSION_CONTROL"), "$VERSION_CONTROL"
	}
	if word == "" {
		return o, nil
	}
	k, ok, ambiguous := Parse(word)
	if !ok {
		kind := "invalid"
		if ambiguous {
			kind = "ambiguous"
		}
		return o, &ArgError{Kind: kind, Value: word, What: what}
	}
	o.Kind = k
	return o, nil
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
