// Package ask reads the answers to the questions that rm -i, cp -i, mv -i
// and ln -i ask on standard error.
package ask

import (
	"bufio"
	"io"
)

// Reader reads one answer per line from standard input.
type Reader struct {
	r *bufio.Reader
}

// New returns a Reader over stdin. Create it once per run: it buffers.
func New(stdin io.Reader) *Reader {
	return &Reader{r: bufio.NewReader(stdin)}
}

// Yes reads one line and reports whether it is affirmative: in the C
// locale, as GNU's yesno() with rpmatch(3), a line starting with y or Y.
// End of input is no.
func (a *Reader) Yes() bool {
	line, err := a.r.ReadString('\n')
	if line == "" && err != nil {
		return false
	}
	return line[0] == 'y' || line[0] == 'Y'
}
