package interactive

import "io"

// Reader returns the lines ReadLine reads, each with its newline, as an
// io.Reader for a parser that pulls bytes (syntax.Parser.Interactive).
// prompt is called before every line, so it can choose PS1 or PS2 (the
// parser's Incomplete) and expand it afresh (after cd, with new jobs).
// ReadLine's errors come out of Read: io.EOF, and ErrInterrupted, which
// the parser passes up (it is not io.EOF) so the shell can start over.
func (e *Editor) Reader(prompt func() string) io.Reader {
	return &lineReader{e: e, prompt: prompt}
}

type lineReader struct {
	e      *Editor
	prompt func() string
	buf    []byte
}

func (r *lineReader) Read(p []byte) (int, error) {
	if len(r.buf) == 0 {
		line, err := r.e.ReadLine(r.prompt())
		if err != nil {
			return 0, err
		}
		r.buf = append(r.buf[:0], line...)
		r.buf = append(r.buf, '\n')
	}
	n := copy(p, r.buf)
	r.buf = r.buf[n:]
	return n, nil
}
