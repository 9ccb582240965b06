package manpages

import (
	"io/fs"
	"path"
	"strconv"
	"strings"
)

// TryIt is the TRY IT section of one teaching page: the commands a reader
// is asked to type, in order.
type TryIt struct {
	Page     string // "pipe.7"
	Commands []Command
}

// Command is one line of a TRY IT section and what the VM must show for
// it. The checks are roff comments right after the line, invisible to the
// reader:
//
//	$ pipebuf
//	.\" => ^wrote 65536 bytes
//	.\" status 0
//
// Each "=>" line is a regular expression (multi-line mode: ^ and $ match
// at line ends) the command's output must match; "!>" one it must not
// match; "status N" the exit status wanted (0 when absent).
type Command struct {
	Line    string   // what is typed
	Want    []string // regular expressions the output must match
	WantNot []string // regular expressions the output must not match
	Status  int
}

// TryIts returns the TRY IT commands of every page that has the section:
// the lines of its no-fill blocks that start with "$ ", with the roff
// escapes a page needs for shell text (\- \e \(aq \(dq \&) undone, and the
// checks that follow each. The VM test suite runs them all and checks
// their output, so the pages cannot drift from what the VM does.
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

func tryItCommands(page string) []Command {
	var cmds []Command
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
			cmds = append(cmds, Command{Line: unescape(strings.TrimPrefix(line, "$ "))})
		case inSection && len(cmds) > 0 && strings.HasPrefix(line, `.\" `):
			check := strings.TrimPrefix(line, `.\" `)
			c := &cmds[len(cmds)-1]
			if re, ok := strings.CutPrefix(check, "=> "); ok {
				c.Want = append(c.Want, re)
			} else if re, ok := strings.CutPrefix(check, "!> "); ok {
				c.WantNot = append(c.WantNot, re)
			} else if n, ok := strings.CutPrefix(check, "status "); ok {
				if status, err := strconv.Atoi(n); err == nil {
					c.Status = status
				}
			}
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
