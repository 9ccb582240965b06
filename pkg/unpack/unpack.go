// Package unpack decompresses data it recognises by its first bytes, for
// file -z and for man's compressed pages.
//
// gzip is read in-process: compress/gzip is in the binary anyway (the VM
// image and Debian's man pages are gzip'd). bzip2, xz and zstd data are
// handed to the system's own decompressor (bzip2 -cd, xz -cd, zstd -cd),
// found on PATH, as man-db always does and as libmagic does for the
// formats it was built without. Go decoders for them would add to the
// size and start-up of every applet, for files a Debian system rarely has.
package unpack

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"strings"

	"github.com/zinebox/zinebox/pkg/execpath"
)

// Format is a compression format unpack knows.
type Format struct {
	Name  string   // "gzip", "bzip2", "xz", "zstd"
	magic string   // the first bytes of such data
	argv  []string // the decompressor reading standard input; nil: in-process
}

// formats is what Detect recognises, by magic number.
func formats() []Format {
	return []Format{
		{Name: "gzip", magic: "\x1f\x8b"},
		{Name: "bzip2", magic: "BZh", argv: []string{"bzip2", "-cd"}},
		{Name: "xz", magic: "\xfd7zXZ\x00", argv: []string{"xz", "-cd"}},
		{Name: "zstd", magic: "\x28\xb5\x2f\xfd", argv: []string{"zstd", "-cd"}},
	}
}

// Detect returns the format of data starting with head, or false.
func Detect(head []byte) (Format, bool) {
	for _, f := range formats() {
		if bytes.HasPrefix(head, []byte(f.magic)) {
			return f, true
		}
	}
	return Format{}, false
}

// ErrNoProgram is returned when the decompressor a format needs is not
// on PATH.
var ErrNoProgram = errors.New("no program to decompress it")

// Decompress returns up to limit bytes of what r decompresses to, in
// format f. env is the environment whose PATH is searched for the
// decompressor and which it runs with (nil: glibc's default PATH and this
// process's environment). Data cut short by limit is not an error. For
// corrupt or truncated data it returns what could be read with the error,
// so that file -z can still describe the start and man can refuse.
func Decompress(f Format, r io.Reader, limit int64, env []string) ([]byte, error) {
	if f.argv == nil {
		zr, err := gzip.NewReader(r)
		if err != nil {
			return nil, fmt.Errorf("gzip: %w", err)
		}
		out, err := io.ReadAll(io.LimitReader(zr, limit))
		if err != nil {
			return out, fmt.Errorf("gzip: %w", err)
		}
		return out, nil
	}
	prog, err := execpath.LookPath(f.argv[0], env)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", f.argv[0], ErrNoProgram)
	}
	cmd := exec.Command(prog, f.argv[1:]...)
	cmd.Env = env
	cmd.Stdin = r
	var stderr strings.Builder
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("%s: %w", f.argv[0], err)
	}
	out, readErr := io.ReadAll(io.LimitReader(stdout, limit))
	if int64(len(out)) >= limit {
		// Enough read (file -z looks at the start only): the
		// decompressor need not finish.
		cmd.Process.Kill()
		cmd.Wait()
		return out, nil
	}
	waitErr := cmd.Wait()
	if readErr != nil {
		return out, readErr
	}
	if waitErr != nil {
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = waitErr.Error()
		}
		return out, fmt.Errorf("%s: %s", f.argv[0], msg)
	}
	return out, nil
}
