// Package newc reads and writes "newc" cpio archives (SVR4 with no CRC),
// the format the Linux kernel unpacks as an initramfs
// (Documentation/filesystems/ramfs-rootfs-initramfs.rst in the kernel).
//
// Why not u-root's pkg/cpio, which does the same: it imports u-root's
// pkg/ls, which pulls in go-humanize and os/user, whose package
// initialisation alone made every zinebox start ~20% slower (measured with
// `make bench`: a static Go program importing only u-root's cpio starts
// 1.21x slower than one importing nothing). A newc archive is a 110-byte
// ASCII header, a name and the data, each padded to four bytes: this is
// all of it.
package newc

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
)

// Magic starts every newc header.
const Magic = "070701"

// Trailer is the name of the record that ends an archive.
const Trailer = "TRAILER!!!"

// Record is one archive member. Mode holds the file type bits as in
// st_mode (S_IFREG 0100000, S_IFDIR 040000, S_IFLNK 0120000, S_IFCHR
// 020000, ...). For a symbolic link Data is the target.
type Record struct {
	Name      string
	Ino       uint32
	Mode      uint32
	UID, GID  uint32
	NLink     uint32
	MTime     uint32
	DevMajor  uint32
	DevMinor  uint32
	RDevMajor uint32 // device numbers of a character or block device node
	RDevMinor uint32
	Data      []byte
}

// File type bits of Record.Mode.
const (
	TypeMask = 0o170000
	Regular  = 0o100000
	Dir      = 0o040000
	Symlink  = 0o120000
	CharDev  = 0o020000
	BlockDev = 0o060000
	FIFO     = 0o010000
	Socket   = 0o140000
)

const headerSize = 110

// Writer writes records in order.
type Writer struct {
	w   io.Writer
	ino uint32
	err error
}

// NewWriter returns a Writer to w.
func NewWriter(w io.Writer) *Writer { return &Writer{w: w} }

// Write appends r. A zero Ino is replaced by a fresh number, and a zero
// NLink by 1 (2 for a directory), so callers need not track either.
func (w *Writer) Write(r Record) error {
	if w.err != nil {
		return w.err
	}
	if len(r.Name) == 0 {
		return errors.New("newc: record with an empty name")
	}
	if r.Ino == 0 {
		w.ino++
		r.Ino = w.ino
	}
	if r.NLink == 0 {
		r.NLink = 1
		if r.Mode&TypeMask == Dir {
			r.NLink = 2
		}
	}
	if uint64(len(r.Data)) > 0xffffffff {
		return fmt.Errorf("newc: %s: %d bytes is more than the format holds", r.Name, len(r.Data))
	}
	fields := [...]uint32{r.Ino, r.Mode, r.UID, r.GID, r.NLink, r.MTime, uint32(len(r.Data)),
		r.DevMajor, r.DevMinor, r.RDevMajor, r.RDevMinor, uint32(len(r.Name) + 1), 0}
	hdr := make([]byte, 0, headerSize+len(r.Name)+4)
	hdr = append(hdr, Magic...)
	for _, f := range fields {
		hdr = fmt.Appendf(hdr, "%08X", f) // upper case, as the kernel's gen_init_cpio writes
	}
	hdr = append(hdr, r.Name...)
	hdr = append(hdr, 0)
	hdr = pad(hdr, len(hdr))
	if _, w.err = w.w.Write(hdr); w.err != nil {
		return w.err
	}
	if _, w.err = w.w.Write(r.Data); w.err != nil {
		return w.err
	}
	_, w.err = w.w.Write(make([]byte, padding(len(r.Data))))
	return w.err
}

// Close writes the trailer record. It does not close the underlying writer.
func (w *Writer) Close() error {
	return w.Write(Record{Name: Trailer, Ino: ^uint32(0), NLink: 1})
}

func padding(n int) int { return (4 - n%4) % 4 }

func pad(b []byte, n int) []byte {
	for range padding(n) {
		b = append(b, 0)
	}
	return b
}

// Reader reads records in order.
type Reader struct {
	r   *bufio.Reader
	off int64 // bytes consumed, for padding
}

// NewReader returns a Reader from r.
func NewReader(r io.Reader) *Reader { return &Reader{r: bufio.NewReader(r)} }

// maxName bounds a record name: PATH_MAX, as the kernel's unpacker does.
const maxName = 4096

// Next returns the next record, or io.EOF after the trailer. Data of more
// than maxData bytes is refused, so a hostile archive cannot make us
// allocate without bound.
func (rd *Reader) Next(maxData int) (Record, error) {
	var hdr [headerSize]byte
	if err := rd.read(hdr[:]); err != nil {
		if err == io.EOF {
			return Record{}, io.ErrUnexpectedEOF // no trailer
		}
		return Record{}, err
	}
	if string(hdr[:6]) != Magic {
		return Record{}, fmt.Errorf("newc: bad magic %q at offset %d", hdr[:6], rd.off-headerSize)
	}
	var f [13]uint32
	for i := range f {
		v, err := strconv.ParseUint(string(hdr[6+8*i:14+8*i]), 16, 32)
		if err != nil {
			return Record{}, fmt.Errorf("newc: bad header field %q", hdr[6+8*i:14+8*i])
		}
		f[i] = uint32(v)
	}
	nameSize, dataSize := int(f[11]), int(f[6])
	if nameSize < 1 || nameSize > maxName {
		return Record{}, fmt.Errorf("newc: bad name size %d", nameSize)
	}
	if dataSize > maxData {
		return Record{}, fmt.Errorf("newc: record of %d bytes exceeds the limit of %d", dataSize, maxData)
	}
	name := make([]byte, nameSize+padding(headerSize+nameSize))
	if err := rd.read(name); err != nil {
		return Record{}, unexpected(err)
	}
	data := make([]byte, dataSize+padding(dataSize))
	if err := rd.read(data); err != nil {
		return Record{}, unexpected(err)
	}
	r := Record{
		Name: string(name[:nameSize-1]), Ino: f[0], Mode: f[1], UID: f[2], GID: f[3], NLink: f[4],
		MTime: f[5], DevMajor: f[7], DevMinor: f[8], RDevMajor: f[9], RDevMinor: f[10],
		Data: data[:dataSize],
	}
	if r.Name == Trailer {
		return Record{}, io.EOF
	}
	return r, nil
}

func (rd *Reader) read(p []byte) error {
	n, err := io.ReadFull(rd.r, p)
	rd.off += int64(n)
	return err
}

func unexpected(err error) error {
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
}
