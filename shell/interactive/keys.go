package interactive

import "unicode/utf8"

// A key is a rune typed by the user, or one of the special keys below
// (negative, so they never clash with a rune). Meta (Alt or ESC-prefixed)
// keys are the rune plus metaBit.
type key rune

const (
	keyNone key = -1 - iota
	keyUp
	keyDown
	keyLeft
	keyRight
	keyHome
	keyEnd
	keyDelete
	keyWordLeft  // Ctrl-Left, Alt-Left
	keyWordRight // Ctrl-Right, Alt-Right

	metaBit key = 1 << 24
)

const (
	ctrlA     = 1
	ctrlB     = 2
	ctrlC     = 3
	ctrlD     = 4
	ctrlE     = 5
	ctrlF     = 6
	ctrlG     = 7
	ctrlH     = 8
	tab       = 9
	ctrlJ     = 10
	ctrlK     = 11
	ctrlL     = 12
	ctrlM     = 13
	ctrlN     = 14
	ctrlP     = 16
	ctrlR     = 18
	ctrlT     = 20
	ctrlU     = 21
	ctrlW     = 23
	ctrlY     = 25
	esc       = 27
	backspace = 127
)

// readKey decodes the next key from the terminal: UTF-8 sequences, and
// the escape sequences a VT100 (and xterm, linux console, screen, tmux)
// sends for arrows, Home/End/Delete. ESC followed by any other byte is a
// meta key (M-b, M-f, M-d, M-Backspace), as in readline's emacs mode; no
// timeout is needed, which matters on a slow serial line.
func (e *Editor) readKey() (key, error) {
	b, err := e.readByte()
	if err != nil {
		return keyNone, err
	}
	switch {
	case b == esc:
		return e.readEscape()
	case b < utf8.RuneSelf:
		return key(b), nil
	}
	// A multi-byte UTF-8 sequence: its first byte says how long it is.
	n := 0
	switch {
	case b&0xE0 == 0xC0:
		n = 1
	case b&0xF0 == 0xE0:
		n = 2
	case b&0xF8 == 0xF0:
		n = 3
	default:
		return key(utf8.RuneError), nil
	}
	buf := []byte{b}
	for i := 0; i < n; i++ {
		c, err := e.readByte()
		if err != nil {
			return keyNone, err
		}
		buf = append(buf, c)
	}
	r, _ := utf8.DecodeRune(buf)
	return key(r), nil
}

func (e *Editor) readEscape() (key, error) {
	b, err := e.readByte()
	if err != nil {
		return keyNone, err
	}
	switch b {
	case '[':
		return e.readCSI()
	case 'O': // SS3: application cursor keys
		c, err := e.readByte()
		if err != nil {
			return keyNone, err
		}
		return ss3Key(c), nil
	}
	return key(b) | metaBit, nil
}

// readCSI reads "ESC [ params final" and names the key it encodes.
func (e *Editor) readCSI() (key, error) {
	var params []byte
	for {
		c, err := e.readByte()
		if err != nil {
			return keyNone, err
		}
		if c >= 0x40 && c <= 0x7E {
			return csiKey(string(params), c), nil
		}
		if len(params) < 16 {
			params = append(params, c)
		}
	}
}

func ss3Key(c byte) key {
	switch c {
	case 'A':
		return keyUp
	case 'B':
		return keyDown
	case 'C':
		return keyRight
	case 'D':
		return keyLeft
	case 'H':
		return keyHome
	case 'F':
		return keyEnd
	}
	return keyNone
}

func csiKey(params string, final byte) key {
	modified := len(params) > 2 && params[:2] == "1;" // xterm: 1;5 = Ctrl, 1;3 = Alt
	switch final {
	case 'A':
		return keyUp
	case 'B':
		return keyDown
	case 'C':
		if modified {
			return keyWordRight
		}
		return keyRight
	case 'D':
		if modified {
			return keyWordLeft
		}
		return keyLeft
	case 'H':
		return keyHome
	case 'F':
		return keyEnd
	case '~':
		switch params {
		case "1", "7":
			return keyHome
		case "4", "8":
			return keyEnd
		case "3":
			return keyDelete
		}
	}
	return keyNone
}
