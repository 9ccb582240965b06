package manpages

import (
	"io/fs"
	"path"
	"strings"
)

// TryIt is the TRY IT section of one teaching page: the commands a reader
// is asked to type, in order.
type TryIt struct {
	Page     string // "pipe.7"
	Commands []string
}

// TryIts returns the TRY IT commands of every page that has the section:
// the lines of its no-fill blocks that start with "$ ", with the roff
// escapes a page needs for shell text (\- \e \(aq \(dq \&) undone. The VM
// test suite runs them all, so the pages cannot drift from what the VM does.
func TryIts() ([]TryIt, error) {
	var out []TryIt
	err := fs.WalkDir(FS(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(FS(), p)
		if err != nil {
			return err
		}
		if cmds := tryItCommands(string(data)); len(cmds) > 0 {
			out = append(out, TryIt{Page: path.Base(p), Commands: cmds})
		}
		return nil
	})
	return out, err
}

func tryItCommands(page string) []string {
	var cmds []string
	inSection, noFill := false, false
	for _, line := range strings.Split(page, "\n") {
		switch {
		case strings.HasPrefix(line, ".SH"):
			inSection = strings.Contains(line, "TRY IT")
		case line == ".nf":
			noFill = true
		case line == ".fi":
			noFill = false
		case inSection && noFill && strings.HasPrefix(line, "$ "):
			cmds = append(cmds, unescape(strings.TrimPrefix(line, "$ ")))
		}
	}
	return cmds
}

// unescape turns roff escapes of a TRY IT line back into what is typed.
// The replacer is built per call, not at package level: a package-level
// one would be built at every start-up of every applet, and TRY IT lines
// are few.
func unescape(s string) string {
	return strings.NewReplacer(`\-`, "-", `\e`, `\`, `\(aq`, "'", `\(dq`, `"`, `\&`, "", `\(ti`, "~", `\(ha`, "^").Replace(s)
}
