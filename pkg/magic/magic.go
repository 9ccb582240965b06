// Package magic guesses what a file holds, the way file(1) 5.44 and its
// libmagic database describe the files of a Debian system: the same words,
// in the same order, for the kinds of files such a system is made of
// (ELF programs and libraries, compressed man pages, scripts, text,
// archives, images, certificates).
//
// It is not an interpreter of magic(5) databases: each format is a small Go
// function that reads the header fields file(1) prints. Nothing is built at
// package initialisation; detectors are tried in order, the most specific
// first. Binary formats are recognised from the first 8 KiB, text from the
// first 64 KiB (libmagic's encoding window); only a JSON candidate is read
// further, up to libmagic's 7 MiB, because file(1) parses all of it.
package magic

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/sys/unix"

	"github.com/zinebox/zinebox/pkg/errno"
)

// bufSize is how much of a file the detectors see; libmagic classifies text
// from this much (its encoding_max) and finds every magic we know in it.
const bufSize = 64 << 10

// headSize is how much is read first, for the binary formats.
const headSize = 8 << 10

// Options select what Describe reports.
type Options struct {
	Follow  bool // follow symbolic links (-L)
	Special bool // read block and character devices like files (-s)
	// StatErrors reports a file that cannot be examined as an error that
	// fails the run (-E): "ERROR: cannot stat `x' (...)"
	StatErrors bool
	Uncompress bool // look inside compressed files (-z); see uncompressed
	// Env is the environment in which -z looks for and runs bzip2, xz and
	// zstd (its PATH); nil: glibc's default PATH.
	Env []string
	// decompressed: the data came out of a decompressor (-z), so formats
	// that file(1) reads through a file descriptor show less.
	decompressed bool
	Mime         MimeMode
	Dir          string // working directory for relative names; "" = the process's
}

// MimeMode selects MIME output instead of the description.
type MimeMode int

const (
	MimeNone     MimeMode = iota
	MimeType              // --mime-type: "text/plain"
	MimeEncoding          // --mime-encoding: "us-ascii"
	MimeBoth              // -i: "text/plain; charset=us-ascii"
)

// Result is what was found out about one file.
type Result struct {
	Desc     string // file(1)'s description
	MimeType string
	Charset  string // "binary" for non-text
	// Error is set when the file could not be examined: Desc is then the
	// message, printed whatever the mode.
	Error bool
	// brokenLink: MIME output for a dangling symlink is peculiar.
	brokenLink bool
	// fatal: an error that -E makes fail the run
	fatal bool
	// compressedMime is the MIME type of the compressed file whose
	// contents the rest describes (-z): file -zi prints both.
	compressedMime string
}

// String returns the result in the form mode asks for.
func (r Result) String(mode MimeMode) string {
	if r.Error {
		return r.Desc
	}
	if r.brokenLink {
		switch mode {
		case MimeType, MimeBoth:
			return "inode/symlink"
		case MimeEncoding:
			return "ERROR: (null)" // what file(1) 5.44 prints
		}
	}
	switch mode {
	case MimeType:
		return r.MimeType
	case MimeEncoding:
		return r.Charset
	case MimeBoth:
		if r.compressedMime != "" {
			return r.MimeType + "; charset=" + r.Charset + " compressed-encoding=" + r.compressedMime + "; charset=binary"
		}
		return r.MimeType + "; charset=" + r.Charset
	}
	return r.Desc
}

// Failed reports whether printing the result in mode is an error for
// file(1)'s exit status: the MIME encoding of a dangling symbolic link,
// which libmagic cannot produce, and errors under -E.
func (r Result) Failed(mode MimeMode) bool {
	return r.fatal || r.brokenLink && mode == MimeEncoding
}

// Describe examines the file name. Errors are part of the description, as
// file(1) prints them: "cannot open `x' (No such file or directory)".
func Describe(name string, o Options) Result {
	path := name
	if o.Dir != "" && !filepath.IsAbs(name) {
		path = filepath.Join(o.Dir, name)
	}
	var st unix.Stat_t
	var err error
	if o.Follow {
		err = unix.Stat(path, &st)
	} else {
		err = unix.Lstat(path, &st)
	}
	if err != nil {
		if o.StatErrors {
			return Result{Desc: fmt.Sprintf("ERROR: cannot stat `%s' (%s)", name, errno.Message(err)), Error: true, fatal: true}
		}
		return cannotOpen(name, err)
	}
	if o.Special && (st.Mode&unix.S_IFMT == unix.S_IFCHR || st.Mode&unix.S_IFMT == unix.S_IFBLK) {
		return describeDevice(name, path, o)
	}
	var prefix []string
	if st.Mode&unix.S_ISUID != 0 {
		prefix = append(prefix, "setuid")
	}
	if st.Mode&unix.S_ISGID != 0 {
		prefix = append(prefix, "setgid")
	}
	if st.Mode&unix.S_ISVTX != 0 {
		prefix = append(prefix, "sticky")
	}
	inode := func(desc, mime string) Result {
		return Result{Desc: strings.Join(append(prefix, desc), ", "), MimeType: mime, Charset: "binary"}
	}
	switch st.Mode & unix.S_IFMT {
	case unix.S_IFDIR:
		return inode("directory", "inode/directory")
	case unix.S_IFCHR:
		return inode(fmt.Sprintf("character special (%d/%d)", unix.Major(st.Rdev), unix.Minor(st.Rdev)), "inode/chardevice")
	case unix.S_IFBLK:
		return inode(fmt.Sprintf("block special (%d/%d)", unix.Major(st.Rdev), unix.Minor(st.Rdev)), "inode/blockdevice")
	case unix.S_IFIFO:
		if o.Special {
			// file 5.44 -s reads a named pipe without blocking, finds
			// nothing and fails with a null message (measured)
			return Result{Desc: "ERROR: (null)", Error: true, fatal: true}
		}
		return inode("fifo (named pipe)", "inode/fifo")
	case unix.S_IFSOCK:
		return inode("socket", "inode/socket")
	case unix.S_IFLNK:
		target, err := os.Readlink(path)
		if err != nil {
			return inode(fmt.Sprintf("unreadable symlink `%s' (%s)", name, errno.Message(err)), "inode/symlink")
		}
		if _, err := os.Stat(path); err != nil {
			if o.Follow {
				return cannotOpen(name, err)
			}
			r := inode("broken symbolic link to "+target, "inode/symlink")
			r.brokenLink = true
			return r
		}
		return inode("symbolic link to "+target, "inode/symlink")
	}
	f, err := os.Open(path)
	if err != nil {
		return cannotOpen(name, err)
	}
	defer f.Close()
	if st.Size == 0 {
		return inode("empty", "inode/x-empty")
	}
	r := describeReader(f, st.Size, o, st.Mode&0o111 != 0)
	if len(prefix) > 0 {
		// file(1) joins the mode words to the description with a space.
		r.Desc = strings.Join(prefix, ", ") + " " + r.Desc
	}
	return r
}

// describeDevice reads a block or character device like a file (-s):
// what a disk or partition holds, "empty" for one that reads nothing.
// It opens without blocking, so a terminal or a device with no data
// does not hang file.
func describeDevice(name, path string, o Options) Result {
	fd, err := unix.Open(path, unix.O_RDONLY|unix.O_NONBLOCK|unix.O_CLOEXEC, 0)
	if err != nil {
		return cannotOpen(name, err)
	}
	f := os.NewFile(uintptr(fd), path)
	defer f.Close()
	buf := make([]byte, bufSize)
	n := 0
	for n < len(buf) {
		m, err := unix.Read(fd, buf[n:])
		if m <= 0 || err != nil {
			break
		}
		n += m
	}
	if n == 0 {
		return Result{Desc: "empty", MimeType: "application/x-empty", Charset: "binary"}
	}
	return DescribeBytes(buf[:n], o)
}

func cannotOpen(name string, err error) Result {
	return Result{Desc: fmt.Sprintf("cannot open `%s' (%s)", name, errno.Message(err)), Error: true}
}

// DescribeStdin examines standard input, which file(1) reads to the end
// of its buffer like any other file.
func DescribeStdin(r io.Reader, o Options) Result {
	buf, err := io.ReadAll(io.LimitReader(r, bufSize))
	if err != nil && len(buf) == 0 {
		return Result{Desc: fmt.Sprintf("cannot read `/dev/stdin' (%s)", errno.Message(err)), Error: true}
	}
	if len(buf) == 0 {
		// read, not examined by its inode: libmagic's MIME type for
		// empty data
		return Result{Desc: "empty", MimeType: "application/x-empty", Charset: "binary"}
	}
	return DescribeBytes(buf, o)
}

// DescribeBytes examines data held in memory: the start of a file, or
// what standard input gave.
func DescribeBytes(buf []byte, o Options) Result {
	return describeReader(bytes.NewReader(buf), int64(len(buf)), o, false)
}

// describeReader examines a file of size bytes through r; executable
// tells whether any of its execute permission bits is set.
func describeReader(r io.ReaderAt, size int64, o Options, executable bool) Result {
	// Binary formats show in the first few KiB; only text needs the whole
	// 64 KiB, so read that much only when no binary format matched.
	n := int64(headSize)
	if size < n {
		n = size
	}
	buf := make([]byte, n, min(size, bufSize))
	m, err := r.ReadAt(buf, 0)
	if err != nil && !errors.Is(err, io.EOF) && m == 0 {
		return Result{Desc: "cannot read (" + errno.Message(err) + ")", Error: true}
	}
	buf = buf[:m]
	if len(buf) == 1 {
		return Result{Desc: "very short file (no magic)", MimeType: "application/octet-stream", Charset: "binary"}
	}
	d := &detection{buf: buf, r: r, size: size, opts: o, executable: executable}
	res := d.run()
	if o.Uncompress {
		if inner, ok := d.uncompressed(); ok {
			ir := DescribeBytes(inner, Options{Mime: o.Mime, decompressed: true})
			res.Desc = ir.Desc + " (" + res.Desc + ")"
			res.compressedMime = res.MimeType
			res.MimeType, res.Charset = ir.MimeType, ir.Charset
		}
	}
	return res
}

// detection is one file being examined.
type detection struct {
	buf  []byte
	r    io.ReaderAt
	size int64
	opts Options
	// executable: the file has an execute bit, which is all file(1) has
	// to tell a PIE from a library when the dynamic section is unreadable.
	executable bool
	kind       string // internal name of the binary format found, for -z
}

func (d *detection) run() Result {
	for _, try := range []func() (Result, bool){
		d.elf, d.gzip, d.xz, d.zstd, d.bzip2, d.zip, d.png, d.gif, d.jpeg, d.pdf,
		d.sqlite, d.ar, d.cpio, d.tar, d.tzif, d.glibcLocale, d.pyc, d.terminfo, d.gir, d.gconv, d.javaKeyStore, d.openPGPKey, d.gdbm,
	} {
		if r, ok := try(); ok {
			if r.Charset == "binary" && d.opts.Mime != MimeNone {
				r.Charset = charset(d.buf) // an all-text header (cpio, ar) is us-ascii
			}
			return r
		}
	}
	if len(d.buf) == headSize && d.size > headSize {
		more := d.buf[headSize:min(d.size, bufSize)]
		m, _ := d.r.ReadAt(more, headSize)
		d.buf = d.buf[:headSize+m]
	}
	if r, ok := d.json(); ok {
		return r
	}
	if r, ok := classifyText(d.buf); ok {
		return r
	}
	return Result{Desc: "data", MimeType: "application/octet-stream", Charset: "binary"}
}

// jsonMax is how much of a file libmagic reads (its bytes_max), and so the
// largest JSON document it can recognise.
const jsonMax = 7 << 20

// json recognises a JSON object or array, or several (New Line Delimited
// JSON); libmagic parses all of the file it read for this, not only the
// text window.
func (d *detection) json() (Result, bool) {
	t := bytes.TrimLeft(d.buf, " \t\r\n")
	if len(t) == 0 || (t[0] != '{' && t[0] != '[') {
		return Result{}, false
	}
	// libmagic tries JSON before it looks at the encoding: control bytes
	// in strings are JSON too, with the charset "binary".
	charset := "binary"
	if enc, ok := encoding(d.buf); ok {
		charset = enc.charset
	}
	data := d.buf
	if d.size > int64(len(d.buf)) {
		data = make([]byte, min(d.size, jsonMax))
		n, _ := d.r.ReadAt(data, 0)
		data = data[:n]
	}
	switch jsonKind(data) {
	case jsonText:
		return Result{Desc: "JSON text data", MimeType: "application/json", Charset: charset}, true
	case ndJSON:
		return Result{Desc: "New Line Delimited JSON text data", MimeType: "application/x-ndjson", Charset: charset}, true
	}
	return Result{}, false
}

// found builds the Result of a binary format.
func found(desc, mime string) (Result, bool) {
	return Result{Desc: desc, MimeType: mime, Charset: "binary"}, true
}
