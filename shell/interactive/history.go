package interactive

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// DefaultHistorySize is bash's default HISTSIZE.
const DefaultHistorySize = 500

// HistoryFile returns where history is kept: $HISTFILE when set (set but
// empty means nowhere: ""), else ~/.zinebox_history. lookup is the
// shell's variable lookup.
func HistoryFile(lookup func(string) (string, bool)) string {
	if f, ok := lookup("HISTFILE"); ok {
		return f
	}
	home, _ := lookup("HOME")
	if home == "" {
		return ""
	}
	return filepath.Join(home, ".zinebox_history")
}

// HistorySize reads $HISTSIZE: unset or not a number means 500, a
// negative number means no limit (-1), 0 keeps no history.
func HistorySize(lookup func(string) (string, bool)) int {
	s, ok := lookup("HISTSIZE")
	if !ok {
		return DefaultHistorySize
	}
	n, err := strconv.Atoi(strings.TrimSpace(s))
	switch {
	case err != nil:
		return DefaultHistorySize
	case n < 0:
		return -1
	}
	return n
}

func (e *Editor) historyLimit() int {
	if e.opts.HistorySize == 0 {
		return DefaultHistorySize
	}
	if e.opts.HistorySize < 0 {
		return -1
	}
	return e.opts.HistorySize
}

// SetHistorySize changes how many entries are kept (after HISTSIZE was
// assigned): n < 0 keeps all, 0 none. Older entries are dropped at once.
func (e *Editor) SetHistorySize(n int) {
	if n == 0 {
		e.opts.HistorySize = -2 // distinct from the zero value, which means the default
	} else {
		e.opts.HistorySize = n
	}
	e.trimHistory()
}

func (e *Editor) trimHistory() {
	limit := e.historyLimit()
	if e.opts.HistorySize == -2 {
		limit = 0
	}
	if limit >= 0 && len(e.history) > limit {
		e.dropped += len(e.history) - limit
		e.history = append(e.history[:0:0], e.history[len(e.history)-limit:]...)
	}
}

// HistoryBase is the number of the oldest entry kept: 1, plus the entries
// dropped since to honour HISTSIZE (bash numbers on).
func (e *Editor) HistoryBase() int { return 1 + e.dropped }

// AppendHistory adds a command to the history, unless it is blank. A
// multi-line command is one entry (recalled whole, its newlines shown as
// ^J while editing).
func (e *Editor) AppendHistory(line string) {
	line = strings.TrimRight(line, "\n")
	if strings.TrimSpace(line) == "" {
		return
	}
	e.history = append(e.history, line)
	e.trimHistory()
}

// History returns a copy of the history, oldest first.
func (e *Editor) History() []string { return append([]string(nil), e.history...) }

// ClearHistory empties the history (`history -c`); numbering starts
// again at 1, as in bash.
func (e *Editor) ClearHistory() { e.history, e.dropped = nil, 0 }

// LoadHistory appends the lines of the history file at path; a missing
// file is not an error (a first session). Lines of bash's timestamp form
// (#1700000000) are skipped, so a copied ~/.bash_history works too.
func (e *Editor) LoadHistory(path string) error {
	if path == "" {
		return nil
	}
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("reading history: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if isTimestamp(line) {
			continue
		}
		e.AppendHistory(line)
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("reading history %s: %w", path, err)
	}
	return nil
}

func isTimestamp(line string) bool {
	if len(line) < 2 || line[0] != '#' {
		return false
	}
	for _, c := range line[1:] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// SaveHistory writes the history to path, one line per entry (a
// multi-line command comes back as several entries, as in bash without
// lithist), readable by its owner only: history can hold secrets typed on
// a command line. The file is rewritten in place so that a HISTFILE that
// is a symbolic link stays one.
func (e *Editor) SaveHistory(path string) error {
	if path == "" {
		return nil
	}
	var b strings.Builder
	for _, h := range e.history {
		b.WriteString(h)
		b.WriteByte('\n')
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return fmt.Errorf("writing history: %w", err)
	}
	if _, err := f.WriteString(b.String()); err != nil {
		f.Close()
		return fmt.Errorf("writing history %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("writing history %s: %w", path, err)
	}
	return nil
}

// FormatHistory is the `history [n]` builtin's listing: each entry as
// "%5d  %s", numbered from first (the number of entries[0], 1 unless
// older entries were dropped); n >= 0 lists only the last n.
func FormatHistory(entries []string, first, n int) string {
	start := 0
	if n >= 0 && n < len(entries) {
		start = len(entries) - n
	}
	var b strings.Builder
	for i := start; i < len(entries); i++ {
		fmt.Fprintf(&b, "%5d  %s\n", first+i, entries[i])
	}
	return b.String()
}

// FcList is `fc -l [-n] [-r] [first [last]]`. entries is the history
// without the fc command itself, numbered from base. first and last are
// as the user wrote them: a number, an offset from the end (-1 is the
// last entry, 0 the fc command itself), or a prefix of a command (the most recent one). The
// defaults are -16 and -1. Out-of-range numbers are clamped, as bash
// does; a prefix nothing matches is the error "no command found".
// Lines are "%d\t %s", or "\t %s" with -n.
func FcList(entries []string, base int, first, last string, noNum, reverse bool) (string, error) {
	if len(entries) == 0 {
		return "", nil
	}
	if first == "" {
		first = "-16"
		if last == "" {
			last = "-1"
		}
	}
	if last == "" {
		last = "-1"
	}
	from, err := fcIndex(entries, base, first)
	if err != nil {
		return "", err
	}
	to, err := fcIndex(entries, base, last)
	if err != nil {
		return "", err
	}
	if from > to {
		from, to = to, from
		reverse = !reverse
	}
	var b strings.Builder
	for k := 0; k <= to-from; k++ {
		i := from + k
		if reverse {
			i = to - k
		}
		if noNum {
			fmt.Fprintf(&b, "\t %s\n", entries[i])
		} else {
			fmt.Fprintf(&b, "%d\t %s\n", base+i, entries[i])
		}
	}
	return b.String(), nil
}

// fcIndex turns an fc history specification into an index of entries.
func fcIndex(entries []string, base int, spec string) (int, error) {
	if n, err := strconv.Atoi(spec); err == nil {
		i := n - base
		if n <= 0 { // relative to the fc command itself, which is 0
			i = len(entries) + n
		}
		return max(0, min(i, len(entries)-1)), nil
	}
	for i := len(entries) - 1; i >= 0; i-- {
		if strings.HasPrefix(entries[i], spec) {
			return i, nil
		}
	}
	return 0, errors.New("no command found")
}
