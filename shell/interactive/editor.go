package interactive

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/sys/unix"
)

// ErrInterrupted is returned by ReadLine when the user typed Ctrl-C at the
// prompt: the shell discards any partial command, sets $? to 130 and
// prompts again.
var ErrInterrupted = errors.New("interrupted")

// errEOF is what readByte reports when the terminal is gone.
var errEOF = io.EOF

// Options configure an Editor. The zero value is usable.
type Options struct {
	// Complete proposes completions for the word at byte offset pos of
	// line (Completer.Complete fits). Nil disables Tab completion.
	Complete func(line string, pos int) Completion
	// Width returns the terminal width in columns, read again at every
	// redraw so a resized window (SIGWINCH) takes effect at the next key.
	// Nil means TerminalWidth(out).
	Width func() int
	// Height returns the terminal height in rows, for paging long
	// completion listings. Nil means TerminalHeight(out).
	Height func() int
	// HistorySize is how many history entries are kept (HISTSIZE): 0 means
	// 500, as in bash; negative means no limit. HistorySize(getenv) reads it.
	HistorySize int
}

// Completion is what a completer proposes for the word under the cursor:
// the line is rebuilt as Head + chosen word + Tail, with the cursor after
// the word.
type Completion struct {
	Head string // the line before the word being completed
	Tail string // the line after the cursor
	// Words replace the word being completed. They are already quoted for
	// the shell, and a complete one carries its suffix (" " after a command
	// or file, "/" after a directory) so that a lone match is finished.
	Words []string
	// Display, when not nil, is what a double Tab lists for each of Words
	// (bash lists file names without their directory and quoting).
	Display []string
}

// Editor reads command lines from a terminal with emacs-style editing,
// history and completion, or plain lines when its input is not a
// terminal. An Editor is not safe for concurrent use.
type Editor struct {
	in, out     *os.File
	inFd, outFd int
	opts        Options
	editing     bool // in is a terminal we can edit on

	history []string
	dropped int    // entries dropped from the front of history (HISTSIZE)
	killed  []rune // the kill buffer: what C-k, C-u, C-w, M-d took, for C-y

	// State of the line being edited.
	head       string // prompt lines before the last one, written once
	prompt     string // last line of the prompt, as written
	promptCols int    // its width on the screen
	buf        []rune
	pos        int // cursor, index into buf
	row        int // cursor row, counted from the prompt's last line
	out1       []byte

	wake *waker // nil unless EnableSignals was called
}

// New returns an Editor reading from in and drawing on out. A shell passes
// os.Stdin and os.Stderr: like bash and dash, prompts and echo go to
// standard error so that `sh -i > file` still shows them.
func New(in, out *os.File, opts Options) *Editor {
	e := &Editor{in: in, out: out, inFd: int(in.Fd()), outFd: int(out.Fd()), opts: opts}
	if _, err := getTermios(e.inFd); err == nil && os.Getenv("TERM") != "dumb" {
		e.editing = true
	}
	return e
}

// Close releases the editor's eventfd, if EnableSignals made one. The
// terminal settings are already restored whenever ReadLine returns.
func (e *Editor) Close() error { return e.closeWake() }

// Editing reports whether ReadLine edits lines on a terminal (true) or
// reads plain lines (false: input is a pipe or a file, or TERM=dumb).
func (e *Editor) Editing() bool { return e.editing }

// ReadLine shows prompt and returns the line the user entered, without its
// newline. It returns io.EOF on Ctrl-D on an empty line (or at the end of
// non-terminal input) and ErrInterrupted on Ctrl-C. The terminal is in
// editing mode only inside ReadLine: its settings are read on entry and
// put back on every return path, so a command started afterwards gets
// the user's cooked terminal, and any change a command made with stty is
// kept.
//
// Prompt may contain "\n" (only its last line is redrawn while editing)
// and the markers \001 and \002 around invisible sequences such as colour
// codes, as ExpandPrompt produces for \[ and \].
func (e *Editor) ReadLine(prompt string) (string, error) {
	e.drainWake()
	if !e.editing {
		return e.readPlain(prompt)
	}
	cooked, err := getTermios(e.inFd)
	if err != nil {
		return e.readPlain(prompt)
	}
	if err := setTermios(e.inFd, editMode(cooked)); err != nil {
		return "", fmt.Errorf("setting terminal mode: %w", err)
	}
	defer setTermios(e.inFd, cooked)
	return e.edit(prompt)
}

// readPlain is ReadLine without a terminal: the prompt, then one line read
// a byte at a time, so that the rest of the input stays for the commands
// the line runs (`sh -i < script` with commands that read stdin).
func (e *Editor) readPlain(prompt string) (string, error) {
	if err := writeAll(e.outFd, []byte(stripMarkers(prompt))); err != nil && err != unix.EPIPE {
		return "", err
	}
	var line []byte
	for {
		b, err := e.readByte()
		if err == errWoken {
			if e.wake.interrupted.Swap(false) {
				// the terminal echoed ^C; the next prompt goes on a line
				// of its own, as in bash and dash
				writeAll(e.outFd, []byte("\n"))
				return "", ErrInterrupted
			}
			continue
		}
		if err != nil {
			if err == errEOF && len(line) > 0 {
				return string(line), nil
			}
			if err == errEOF || err == unix.EIO {
				return "", io.EOF
			}
			return "", err
		}
		if b == '\n' {
			return string(line), nil
		}
		line = append(line, b)
	}
}

// stripMarkers removes the \001 and \002 invisible-sequence markers.
func stripMarkers(s string) string {
	if !strings.ContainsAny(s, "\001\002") {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r == '\001' || r == '\002' {
			return -1
		}
		return r
	}, s)
}

// setPrompt splits prompt into the lines written once and the last line,
// and measures the last line, skipping what lies between \001 and \002.
func (e *Editor) setPrompt(prompt string) {
	e.head, e.prompt = "", prompt
	if i := strings.LastIndexByte(prompt, '\n'); i >= 0 {
		e.head, e.prompt = prompt[:i+1], prompt[i+1:]
	}
	e.head = strings.ReplaceAll(stripMarkers(e.head), "\n", "\r\n")
	e.promptCols = 0
	visible := true
	for _, r := range e.prompt {
		switch {
		case r == '\001':
			visible = false
		case r == '\002':
			visible = true
		case visible:
			e.promptCols += runeWidth(r)
		}
	}
	e.prompt = stripMarkers(e.prompt)
}

func (e *Editor) width() int {
	w := 0
	if e.opts.Width != nil {
		w = e.opts.Width()
	} else {
		w = TerminalWidth(e.outFd)
	}
	if w < 1 {
		w = 80
	}
	return w
}

func (e *Editor) flush() {
	if len(e.out1) > 0 {
		writeAll(e.outFd, e.out1)
		e.out1 = e.out1[:0]
	}
}

func (e *Editor) bell() { e.out1 = append(e.out1, '\a') }

// refresh redraws the prompt's last line and the buffer, wrapped over as
// many rows as it needs, with VT100 sequences only (CR, cursor up/right,
// erase to end of screen), which every terminal and serial console
// understands; no terminfo is needed.
func (e *Editor) refresh() {
	e.draw(e.prompt, e.promptCols, e.buf, e.pos)
}

func (e *Editor) draw(prompt string, promptCols int, buf []rune, pos int) {
	cols := e.width()
	b := e.out1
	if e.row > 0 {
		b = fmt.Appendf(b, "\x1b[%dA", e.row)
	}
	b = append(b, "\r\x1b[J"...)
	b = append(b, prompt...)
	b = appendVisible(b, buf)
	total := promptCols + textWidth(buf)
	if total > 0 && total%cols == 0 {
		// The cursor sits in the last column waiting to wrap; move it to
		// the next row so that its position is known.
		b = append(b, "\r\n"...)
	}
	endRow := total / cols
	cur := promptCols + textWidth(buf[:pos])
	row, col := cur/cols, cur%cols
	if up := endRow - row; up > 0 {
		b = fmt.Appendf(b, "\x1b[%dA", up)
	}
	b = append(b, '\r')
	if col > 0 {
		b = fmt.Appendf(b, "\x1b[%dC", col)
	}
	e.row = row
	e.out1 = b
	e.flush()
}

// finish moves the cursor past the end of the line and to a new row.
func (e *Editor) finish(mark string) {
	e.pos = len(e.buf)
	e.refresh()
	e.out1 = append(e.out1, mark...)
	// A line that fills its last row exactly has already moved the
	// cursor to the next one.
	if total := e.promptCols + textWidth(e.buf); total == 0 || total%e.width() != 0 || mark != "" {
		e.out1 = append(e.out1, "\r\n"...)
	}
	e.flush()
	e.row = 0
}

// appendVisible writes runes, showing control characters as ^X (a
// recalled multi-line command shows its newlines as ^J).
func appendVisible(b []byte, rs []rune) []byte {
	for _, r := range rs {
		if r < 0x20 || r == 0x7f {
			b = append(b, '^', byte(r^0x40))
			continue
		}
		b = utf8.AppendRune(b, r)
	}
	return b
}

func textWidth(rs []rune) int {
	n := 0
	for _, r := range rs {
		n += runeWidth(r)
	}
	return n
}

// runeWidth is the number of columns r takes: 2 for control characters
// (drawn as ^X) and East Asian wide characters, 0 for combining marks.
func runeWidth(r rune) int {
	switch {
	case r < 0x20 || r == 0x7f:
		return 2
	case r < 0x300:
		return 1
	case unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf):
		return 0
	case r >= 0x1100 && r <= 0x115F, r >= 0x2E80 && r <= 0xA4CF && r != 0x303F,
		r >= 0xAC00 && r <= 0xD7A3, r >= 0xF900 && r <= 0xFAFF, r >= 0xFE30 && r <= 0xFE4F,
		r >= 0xFF00 && r <= 0xFF60, r >= 0xFFE0 && r <= 0xFFE6,
		r >= 0x1F300 && r <= 0x1F64F, r >= 0x1F900 && r <= 0x1F9FF,
		r >= 0x20000 && r <= 0x3FFFD:
		return 2
	}
	return 1
}

// edit is the key loop of ReadLine on a terminal in editing mode.
func (e *Editor) edit(prompt string) (string, error) {
	e.setPrompt(prompt)
	e.buf, e.pos, e.row = e.buf[:0], 0, 0
	e.out1 = append(e.out1, e.head...)
	e.refresh()

	// hist is the history plus the new line; moving through it keeps the
	// edits made to each entry until the line is accepted.
	hist := append(append(make([]string, 0, len(e.history)+1), e.history...), "")
	hi := len(hist) - 1
	var last key
	lastArgBack, lastArgLen := 0, 0 // for repeated M-.
	undos := map[int][]undoState{}
	inserted := 0 // characters typed since the last undo point
	for {
		var k key
		var err error
		if e.wake != nil && e.wake.interrupted.Load() {
			err = errWoken // it came while a listing was asking y or n
		} else {
			k, err = e.readKey()
		}
		if k == ctrlR && err == nil {
			k, err = e.search(hist, &hi)
		}
		if err == errWoken {
			if e.wake.interrupted.Swap(false) {
				e.finish("")
				return "", ErrInterrupted
			}
			e.wake.resized.Store(false)
			e.refresh()
			continue
		}
		if err != nil {
			e.finish("")
			if err == errEOF || err == unix.EIO {
				return "", io.EOF
			}
			return "", fmt.Errorf("reading terminal: %w", err)
		}
		wasKill := isKill(last)
		if k == 0x18 { // C-x prefix: only C-x C-u (undo) is bound
			if k2, err := e.readKey(); err == nil && k2 == ctrlU {
				k = 0x1f
			} else {
				k = keyNone
			}
		}
		before, beforePos, lineNo := string(e.buf), e.pos, hi
		switch k {
		case keyNone:
		case '\r', ctrlJ:
			e.finish("")
			return string(e.buf), nil
		case ctrlC:
			e.finish("^C")
			return "", ErrInterrupted
		case ctrlD:
			if len(e.buf) == 0 {
				e.flush()
				return "", io.EOF
			}
			e.deleteRange(e.pos, e.pos+1)
		case keyDelete:
			e.deleteRange(e.pos, e.pos+1)
		case backspace, ctrlH:
			e.deleteRange(e.pos-1, e.pos)
		case ctrlA, keyHome:
			e.pos = 0
		case ctrlE, keyEnd:
			e.pos = len(e.buf)
		case ctrlB, keyLeft:
			if e.pos > 0 {
				e.pos--
			}
		case ctrlF, keyRight:
			if e.pos < len(e.buf) {
				e.pos++
			}
		case metaBit | 'b', keyWordLeft:
			e.pos = e.wordStart(e.pos)
		case metaBit | 'f', keyWordRight:
			e.pos = e.wordEnd(e.pos)
		case ctrlK:
			e.kill(e.pos, len(e.buf), wasKill, false)
		case ctrlU:
			e.kill(0, e.pos, wasKill, true)
		case ctrlW:
			start := e.pos
			for start > 0 && unicode.IsSpace(e.buf[start-1]) {
				start--
			}
			for start > 0 && !unicode.IsSpace(e.buf[start-1]) {
				start--
			}
			e.kill(start, e.pos, wasKill, true)
		case metaBit | 'd':
			e.kill(e.pos, e.wordEnd(e.pos), wasKill, false)
		case metaBit | backspace, metaBit | ctrlH:
			e.kill(e.wordStart(e.pos), e.pos, wasKill, true)
		case ctrlY:
			e.insert(e.killed...)
		case ctrlT:
			if e.pos > 0 && len(e.buf) > 1 {
				if e.pos == len(e.buf) {
					e.pos--
				}
				e.buf[e.pos-1], e.buf[e.pos] = e.buf[e.pos], e.buf[e.pos-1]
				e.pos++
			}
		case ctrlL:
			e.out1 = append(e.out1, "\x1b[H\x1b[2J"...)
			e.out1 = append(e.out1, e.head...)
			e.row = 0
		case ctrlP, keyUp:
			if hi > 0 {
				hist[hi] = string(e.buf)
				hi--
				e.setLine(hist[hi])
			}
		case ctrlN, keyDown:
			if hi < len(hist)-1 {
				hist[hi] = string(e.buf)
				hi++
				e.setLine(hist[hi])
			}
		case metaBit | '<':
			hist[hi] = string(e.buf)
			hi = 0
			e.setLine(hist[hi])
		case metaBit | '>':
			hist[hi] = string(e.buf)
			hi = len(hist) - 1
			e.setLine(hist[hi])
		case metaBit | '.', metaBit | '_':
			// yank-last-arg: the last word of the previous command;
			// again, of the one before, replacing what was inserted.
			if last == k {
				e.deleteRange(e.pos-lastArgLen, e.pos)
				lastArgBack++
			} else {
				lastArgBack = 1
			}
			lastArgLen = 0
			if i := hi - lastArgBack; i >= 0 {
				if f := strings.Fields(hist[i]); len(f) > 0 {
					w := []rune(f[len(f)-1])
					e.insert(w...)
					lastArgLen = len(w)
				}
			}
		case tab:
			e.complete(last == tab)
		case 0x16: // Ctrl-V: insert the next character literally
			if k2, err := e.readKey(); err == nil && k2 >= 0 && k2 < metaBit {
				e.insert(rune(k2))
			}
		default:
			if k >= 0x20 && k != 0x7f && k < metaBit {
				e.insert(rune(k))
			}
			// Other control and meta keys do nothing, as Ctrl-Z and
			// Ctrl-\ at a bash prompt with job control.
		}
		// Each line (the new one, every history entry visited) has its
		// own undo list, kept while moving through the history.
		undo := undos[hi]
		switch {
		case k == 0x1f: // C-_ (also C-/ on most terminals), C-x C-u: undo
			if n := len(undo); n > 0 {
				e.setLine(undo[n-1].line)
				e.pos = undo[n-1].pos
				undo = undo[:n-1]
			}
			inserted = 0
		case hi != lineNo:
			inserted = 0
		case string(e.buf) != before:
			// Typed characters are undone together, up to 20 at a
			// time; every other change is undone by itself.
			if isSelfInsert(k) && isSelfInsert(last) && inserted > 0 && inserted < 20 {
				inserted++
				break
			}
			undo = append(undo, undoState{before, beforePos})
			inserted = 0
			if isSelfInsert(k) {
				inserted = 1
			}
		}
		undos[hi] = undo
		last = k
		if !e.quickUpdate(k, before) {
			e.refresh()
		}
	}
}

// quickUpdate draws the two commonest edits, typing and Backspace at the
// end of the line, without redrawing the line: on a 9600-baud serial
// console a redraw per key can be felt. It reports false when a full
// redraw is needed (a row boundary is near, or anything else changed).
func (e *Editor) quickUpdate(k key, before string) bool {
	if e.pos != len(e.buf) || len(e.out1) > 0 {
		return false
	}
	cols := e.width()
	total := e.promptCols + textWidth(e.buf)
	switch {
	case isSelfInsert(k) && len(e.buf) > 0 && string(e.buf[:len(e.buf)-1]) == before:
		r := e.buf[len(e.buf)-1]
		// The new character must end before the last column, on the
		// cursor's row.
		if runeWidth(r) != 1 || total%cols == 0 || total/cols != e.row {
			return false
		}
		e.out1 = appendVisible(e.out1, e.buf[len(e.buf)-1:])
	case (k == backspace || k == ctrlH) && len(before) > 0 && before[:len(before)-1] == string(e.buf):
		// One single-column ASCII character gone, not the first of a row.
		if before[len(before)-1] < 0x20 || before[len(before)-1] >= 0x7f || total%cols == 0 || total/cols != e.row {
			return false
		}
		e.out1 = append(e.out1, "\b\x1b[K"...)
	default:
		return false
	}
	e.flush()
	return true
}

// undoState is the line as it was before a change.
type undoState struct {
	line string
	pos  int
}

func isSelfInsert(k key) bool { return k >= 0x20 && k != 0x7f && k < metaBit }

func isKill(k key) bool {
	switch k {
	case ctrlK, ctrlU, ctrlW, metaBit | 'd', metaBit | backspace, metaBit | ctrlH:
		return true
	}
	return false
}

// kill removes buf[from:to] into the kill buffer; consecutive kills add to
// it (before, for backward kills), so C-w C-w then C-y brings back both.
func (e *Editor) kill(from, to int, appendToLast, backward bool) {
	if from >= to {
		return
	}
	text := append([]rune(nil), e.buf[from:to]...)
	switch {
	case !appendToLast:
		e.killed = text
	case backward:
		e.killed = append(text, e.killed...)
	default:
		e.killed = append(e.killed, text...)
	}
	e.deleteRange(from, to)
}

func (e *Editor) deleteRange(from, to int) {
	if from < 0 || to > len(e.buf) || from >= to {
		return
	}
	e.buf = append(e.buf[:from], e.buf[to:]...)
	if e.pos > to {
		e.pos -= to - from
	} else if e.pos > from {
		e.pos = from
	}
}

func (e *Editor) insert(rs ...rune) {
	tail := append([]rune(nil), e.buf[e.pos:]...)
	e.buf = append(append(e.buf[:e.pos], rs...), tail...)
	e.pos += len(rs)
}

func (e *Editor) setLine(s string) {
	e.buf = append(e.buf[:0], []rune(s)...)
	e.pos = len(e.buf)
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// wordStart and wordEnd move over words of letters and digits, like
// readline's backward-word and forward-word.
func (e *Editor) wordStart(i int) int {
	for i > 0 && !isWordRune(e.buf[i-1]) {
		i--
	}
	for i > 0 && isWordRune(e.buf[i-1]) {
		i--
	}
	return i
}

func (e *Editor) wordEnd(i int) int {
	for i < len(e.buf) && !isWordRune(e.buf[i]) {
		i++
	}
	for i < len(e.buf) && isWordRune(e.buf[i]) {
		i++
	}
	return i
}

// search is Ctrl-R, reverse incremental search: each typed character
// narrows the search, Ctrl-R again finds an older match, Backspace
// shortens the query, Ctrl-G gives the original line back. Any other key
// accepts the match and is returned to be acted on (Enter runs the line,
// C-e and the arrows start editing it), as in readline.
func (e *Editor) search(hist []string, hi *int) (key, error) {
	origLine, origPos, origHi := string(e.buf), e.pos, *hi
	hist[origHi] = origLine
	var query []rune
	matchHi, matchPos := origHi, origPos
	failed := false
	// find looks for query starting at or before rune maxStart of entry
	// from, then anywhere in older entries, last occurrence first.
	find := func(from, maxStart int) bool {
		for i := from; i >= 0; i-- {
			s := []rune(hist[i])
			if i != from {
				maxStart = len(s)
			}
			if j := lastIndex(s, query, maxStart); j >= 0 {
				matchHi, matchPos = i, j
				return true
			}
		}
		return false
	}
	for {
		p := "(reverse-i-search)`" + string(query) + "': "
		if failed {
			p = "(failed " + p[1:]
		}
		line := []rune(hist[matchHi])
		e.draw(p, textWidth([]rune(p)), line, min(matchPos, len(line)))
		k, err := e.readKey()
		if err == errWoken && !e.wake.interrupted.Load() {
			e.wake.resized.Store(false)
			continue // redraw at the new width
		}
		if err != nil {
			*hi = origHi
			e.setLine(origLine)
			e.pos = origPos
			return keyNone, err
		}
		switch {
		case k == ctrlR:
			if len(query) > 0 && !failed {
				failed = !find(matchHi, matchPos-1)
			}
		case k == backspace || k == ctrlH:
			// The shorter query still matches where the longer one did:
			// stay there, as readline does.
			if len(query) > 0 {
				query = query[:len(query)-1]
				failed = !find(matchHi, matchPos)
			}
		case k == ctrlG:
			*hi = origHi
			e.setLine(origLine)
			e.pos = origPos
			return keyNone, nil
		case k >= 0x20 && k != 0x7f && k < metaBit:
			query = append(query, rune(k))
			if !failed {
				failed = !find(matchHi, matchPos)
			}
		default:
			// Accept the match as the line being edited.
			*hi = matchHi
			e.setLine(hist[matchHi])
			e.pos = min(matchPos, len(e.buf))
			if k == ctrlC || k == ctrlD {
				*hi = origHi
				e.setLine(origLine)
			}
			e.refresh()
			return k, nil
		}
	}
}

// lastIndex returns the start of the last occurrence of q in s that
// starts at or before maxStart, or -1.
func lastIndex(s, q []rune, maxStart int) int {
	for j := min(maxStart, len(s)-len(q)); j >= 0; j-- {
		if string(s[j:j+len(q)]) == string(q) {
			return j
		}
	}
	return -1
}
