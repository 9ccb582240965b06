package magic

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/zinebox/zinebox/pkg/quote"
	"github.com/zinebox/zinebox/pkg/unpack"
)

func (d *detection) gzip() (Result, bool) {
	b := d.buf
	if len(b) < 10 || b[0] != 0x1f || b[1] != 0x8b || b[2] != 8 {
		return Result{}, false
	}
	d.kind = "gzip"
	flags := b[3]
	var w strings.Builder
	w.WriteString("gzip compressed data")
	if flags&0x08 != 0 { // FNAME: the original name follows the header
		off := 10
		if flags&0x04 != 0 && len(b) >= 12 { // FEXTRA comes first
			off += 2 + int(binary.LittleEndian.Uint16(b[10:]))
		}
		if off < len(b) {
			name := b[off:]
			if i := bytes.IndexByte(name, 0); i >= 0 {
				name = name[:i]
			}
			fmt.Fprintf(&w, ", was \"%s\"", name)
		}
	}
	if mtime := binary.LittleEndian.Uint32(b[4:]); mtime != 0 {
		w.WriteString(", last modified: " + time.Unix(int64(mtime), 0).Format("Mon Jan _2 15:04:05 2006"))
	}
	switch b[8] {
	case 2:
		w.WriteString(", max compression")
	case 4:
		w.WriteString(", max speed")
	}
	if os := gzipOS(b[9]); os != "" {
		w.WriteString(", from " + os)
	}
	if !d.opts.Uncompress {
		// The ISIZE trailer: the last four bytes of the file.
		var isize [4]byte
		if d.size >= 4 {
			if _, err := d.r.ReadAt(isize[:], d.size-4); err == nil {
				fmt.Fprintf(&w, ", original size modulo 2^32 %d", binary.LittleEndian.Uint32(isize[:]))
			}
		}
	}
	return found(w.String(), "application/gzip")
}

// gzipOS names the OS byte of a gzip header as file(1) does.
func gzipOS(b byte) string {
	switch b {
	case 0:
		return "FAT filesystem (MS-DOS, OS/2, NT)"
	case 1:
		return "Amiga"
	case 2:
		return "VMS"
	case 3:
		return "Unix"
	case 5:
		return "Atari"
	case 6:
		return "HPFS filesystem (OS/2, NT)"
	case 7:
		return "MacOS"
	case 10:
		return "Tops/20"
	case 11:
		return "NTFS filesystem (NT)"
	case 13:
		return "Acorn RISCOS"
	}
	return ""
}

// Escape renders a name or a description as file(1) prints it: what is
// not printable as an octal escape for each of its bytes. In a UTF-8
// locale printable characters beyond ASCII are kept, as libmagic does
// with mbrtowc and iswprint, unless the text is not valid UTF-8, in which
// case it falls back to bytes like the C locale.
func Escape(s string, utf8Locale bool) string {
	if !utf8Locale || !utf8.ValidString(s) {
		return printable([]byte(s))
	}
	var b strings.Builder
	for i, r := range s {
		if quote.IsPrint(r) {
			b.WriteRune(r)
			continue
		}
		for _, c := range []byte(s[i : i+utf8.RuneLen(r)]) {
			fmt.Fprintf(&b, "\\%03o", c)
		}
	}
	return b.String()
}

// Width is the number of columns file(1) counts for a name when it lines
// up the descriptions: a printable character its width, a byte that is
// not a character in the locale 4, any other character 4 when escaped and
// 1 with -r (measured on file 5.44).
func Width(s string, utf8Locale, raw bool) int {
	w := 0
	for len(s) > 0 {
		r, n := utf8.DecodeRuneInString(s)
		switch {
		case !utf8Locale && r >= utf8.RuneSelf || r == utf8.RuneError && n <= 1:
			w, n = w+4, 1 // mbrtowc failed: one byte
		case quote.IsPrint(r):
			w += quote.RuneWidth(r)
		case raw:
			w++
		default:
			w += 4
		}
		s = s[n:]
	}
	return w
}

// printable renders bytes as file(1) does in quoted strings: non-printing
// bytes as octal escapes.
func printable(b []byte) string {
	var s strings.Builder
	for _, c := range b {
		if c >= 0x20 && c < 0x7f {
			s.WriteByte(c)
		} else {
			fmt.Fprintf(&s, "\\%03o", c)
		}
	}
	return s.String()
}

// uncompressed returns the start of a compressed file's contents (-z):
// gzip read in-process, bzip2, xz and zstd through the system's
// decompressor (see pkg/unpack), as libmagic does for formats it was built
// without.
func (d *detection) uncompressed() ([]byte, bool) {
	f, ok := unpack.Detect(d.buf)
	if !ok {
		return nil, false
	}
	// The start of a damaged stream is still described, as file(1) does.
	out, _ := unpack.Decompress(f, io.NewSectionReader(d.r, 0, d.size), bufSize, d.opts.Env)
	if len(out) == 0 {
		return nil, false
	}
	return out, true
}

func (d *detection) xz() (Result, bool) {
	b := d.buf
	if len(b) < 8 || string(b[:6]) != "\xfd7zXZ\x00" {
		return Result{}, false
	}
	d.kind = "xz"
	desc := "XZ compressed data"
	switch b[7] & 0x0f {
	case 0:
		desc += ", checksum NONE"
	case 1:
		desc += ", checksum CRC32"
	case 4:
		desc += ", checksum CRC64"
	case 0xa:
		desc += ", checksum SHA-256"
	}
	return found(desc, "application/x-xz")
}

func (d *detection) zstd() (Result, bool) {
	b := d.buf
	if len(b) < 6 || string(b[:4]) != "\x28\xb5\x2f\xfd" {
		return Result{}, false
	}
	desc := "Zstandard compressed data (v0.8+), Dictionary ID: "
	fhd := b[4]
	idLen := [4]int{0, 1, 2, 4}[fhd&3]
	off := 5
	if fhd&0x20 == 0 { // no single-segment flag: a window descriptor byte
		off++
	}
	switch {
	case idLen == 0:
		desc += "None"
	case off+idLen <= len(b):
		var id uint32
		for i := idLen - 1; i >= 0; i-- {
			id = id<<8 | uint32(b[off+i])
		}
		desc += fmt.Sprint(id)
	}
	return found(desc, "application/zstd")
}

func (d *detection) bzip2() (Result, bool) {
	b := d.buf
	if len(b) < 4 || string(b[:3]) != "BZh" || b[3] < '1' || b[3] > '9' {
		return Result{}, false
	}
	d.kind = "bzip2"
	return found(fmt.Sprintf("bzip2 compressed data, block size = %dk", int(b[3]-'0')*100), "application/x-bzip2")
}

func (d *detection) zip() (Result, bool) {
	b := d.buf
	if len(b) < 30 || string(b[:4]) != "PK\x03\x04" {
		return Result{}, false
	}
	// A JAR starts with META-INF/ marked by the 0xCAFE extra field, or
	// with its manifest.
	if n, x := int(binary.LittleEndian.Uint16(b[26:])), int(binary.LittleEndian.Uint16(b[28:])); 30+n <= len(b) {
		name := string(b[30 : 30+n])
		cafe := x >= 4 && 30+n+4 <= len(b) && binary.LittleEndian.Uint16(b[30+n:]) == 0xcafe
		if name == "META-INF/MANIFEST.MF" || name == "META-INF/" && cafe {
			return found("Java archive data (JAR)", "application/java-archive")
		}
	}
	v := binary.LittleEndian.Uint16(b[4:])
	desc := fmt.Sprintf("Zip archive data, at least v%d.%d to extract", v/10, v%10)
	methods := map[uint16]string{0: "store", 8: "deflate", 9: "deflate64", 12: "bzip2", 14: "lzma", 93: "zstd", 95: "xz"}
	if m, ok := methods[binary.LittleEndian.Uint16(b[8:])]; ok {
		desc += ", compression method=" + m
	}
	return found(desc, "application/zip")
}

func (d *detection) png() (Result, bool) {
	b := d.buf
	if len(b) < 29 || string(b[:8]) != "\x89PNG\r\n\x1a\n" || string(b[12:16]) != "IHDR" {
		return Result{}, false
	}
	wd, ht := binary.BigEndian.Uint32(b[16:]), binary.BigEndian.Uint32(b[20:])
	depth, color := b[24], b[25]
	desc := fmt.Sprintf("PNG image data, %d x %d, %d-bit", wd, ht, depth)
	switch color {
	case 0:
		desc += " grayscale"
	case 2:
		desc += "/color RGB"
	case 3:
		desc += " colormap"
	case 4:
		desc += " gray+alpha"
	case 6:
		desc += "/color RGBA"
	}
	switch b[28] {
	case 0:
		desc += ", non-interlaced"
	case 1:
		desc += ", interlaced"
	}
	return found(desc, "image/png")
}

func (d *detection) gif() (Result, bool) {
	b := d.buf
	if len(b) < 10 || (string(b[:6]) != "GIF87a" && string(b[:6]) != "GIF89a") {
		return Result{}, false
	}
	return found(fmt.Sprintf("GIF image data, version %s, %d x %d", b[3:6],
		binary.LittleEndian.Uint16(b[6:]), binary.LittleEndian.Uint16(b[8:])), "image/gif")
}

func (d *detection) jpeg() (Result, bool) {
	b := d.buf
	if len(b) < 4 || b[0] != 0xff || b[1] != 0xd8 || b[2] != 0xff {
		return Result{}, false
	}
	var w strings.Builder
	w.WriteString("JPEG image data")
	if len(b) >= 20 && b[3] == 0xe0 && string(b[6:11]) == "JFIF\x00" {
		fmt.Fprintf(&w, ", JFIF standard %d.%02d", b[11], b[12])
		switch b[13] {
		case 0:
			w.WriteString(", aspect ratio")
		case 1:
			w.WriteString(", resolution (DPI)")
		case 2:
			w.WriteString(", resolution (DPCM)")
		}
		fmt.Fprintf(&w, ", density %dx%d", binary.BigEndian.Uint16(b[14:]), binary.BigEndian.Uint16(b[16:]))
		fmt.Fprintf(&w, ", segment length %d", binary.BigEndian.Uint16(b[4:]))
	}
	// Walk the segments to the frame header, which gives the geometry.
	for off := 2; off+4 <= len(b); {
		if b[off] != 0xff {
			break
		}
		marker := b[off+1]
		seglen := int(binary.BigEndian.Uint16(b[off+2:]))
		if marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc && off+10 <= len(b) {
			switch marker {
			case 0xc0:
				w.WriteString(", baseline")
			case 0xc1:
				w.WriteString(", extended sequential")
			case 0xc2:
				w.WriteString(", progressive")
			case 0xc3:
				w.WriteString(", lossless")
			}
			fmt.Fprintf(&w, ", precision %d, %dx%d, components %d", b[off+4],
				binary.BigEndian.Uint16(b[off+7:]), binary.BigEndian.Uint16(b[off+5:]), b[off+9])
			break
		}
		if seglen < 2 {
			break
		}
		off += 2 + seglen
	}
	return found(w.String(), "image/jpeg")
}

func (d *detection) pdf() (Result, bool) {
	b := d.buf
	if len(b) < 8 || string(b[:5]) != "%PDF-" {
		return Result{}, false
	}
	v := b[5:]
	if i := bytes.IndexAny(v, "\r\n \t%"); i >= 0 {
		v = v[:i]
	}
	return Result{Desc: "PDF document, version " + string(v), MimeType: "application/pdf", Charset: charset(d.buf)}, true
}

func (d *detection) sqlite() (Result, bool) {
	b := d.buf
	if len(b) < 100 || string(b[:16]) != "SQLite format 3\x00" {
		return Result{}, false
	}
	be := binary.BigEndian
	desc := fmt.Sprintf("SQLite 3.x database, last written using SQLite version %d, file counter %d, database pages %d, cookie %#x, schema %d",
		be.Uint32(b[96:]), be.Uint32(b[24:]), be.Uint32(b[28:]), be.Uint32(b[40:]), be.Uint32(b[44:]))
	switch be.Uint32(b[56:]) {
	case 1:
		desc += ", UTF-8"
	case 2:
		desc += ", UTF-16 little endian"
	case 3:
		desc += ", UTF-16 big endian"
	}
	desc += fmt.Sprintf(", version-valid-for %d", be.Uint32(b[92:]))
	return found(desc, "application/vnd.sqlite3")
}

func (d *detection) ar() (Result, bool) {
	if !bytes.HasPrefix(d.buf, []byte("!<arch>\n")) {
		return Result{}, false
	}
	if bytes.HasPrefix(d.buf[8:], []byte("debian-binary")) {
		return Result{Desc: "Debian binary package", MimeType: "application/vnd.debian.binary-package", Charset: "binary"}, true
	}
	return Result{Desc: "current ar archive", MimeType: "application/x-archive", Charset: charset(d.buf)}, true
}

func (d *detection) cpio() (Result, bool) {
	b := d.buf
	if len(b) >= 6 {
		switch string(b[:6]) {
		case "070701":
			return found("ASCII cpio archive (SVR4 with no CRC)", "application/x-cpio")
		case "070702":
			return found("ASCII cpio archive (SVR4 with CRC)", "application/x-cpio")
		case "070707":
			return found("ASCII cpio archive (pre-SVR4 or odc)", "application/x-cpio")
		}
	}
	if len(b) >= 2 && (b[0] == 0xc7 && b[1] == 0x71 || b[0] == 0x71 && b[1] == 0xc7) {
		return found("cpio archive", "application/x-cpio")
	}
	return Result{}, false
}

// tar recognises a tar header by its checksum, as file(1) does, and tells
// the old V7 format, POSIX ustar and GNU's variant apart.
func (d *detection) tar() (Result, bool) {
	b := d.buf
	if len(b) < 512 {
		return Result{}, false
	}
	sum, ok := octal(b[148:156])
	if !ok {
		return Result{}, false
	}
	var calc int64
	for i := 0; i < 512; i++ {
		if i >= 148 && i < 156 {
			calc += ' '
		} else {
			calc += int64(b[i])
		}
	}
	if calc != sum {
		return Result{}, false
	}
	switch {
	case string(b[257:265]) == "ustar  \x00":
		return found("POSIX tar archive (GNU)", "application/x-tar")
	case string(b[257:263]) == "ustar\x00":
		return found("POSIX tar archive", "application/x-tar")
	}
	return found("tar archive", "application/x-tar")
}

// octal parses a tar header number: spaces, octal digits, NUL or space.
func octal(f []byte) (int64, bool) {
	s := strings.TrimSpace(strings.TrimRight(string(f), "\x00 "))
	if s == "" {
		return 0, false
	}
	var n int64
	for _, c := range s {
		if c < '0' || c > '7' {
			return 0, false
		}
		n = n*8 + int64(c-'0')
	}
	return n, true
}

// gir is GObject introspection's typelib format.
func (d *detection) gir() (Result, bool) {
	b := d.buf
	if len(b) < 24 || string(b[:16]) != "GOBJ\nMETADATA\r\n\x1a" {
		return Result{}, false
	}
	return found(fmt.Sprintf("G-IR binary database, v%d.%d, %d entries/%d local", b[16], b[17],
		binary.LittleEndian.Uint16(b[20:]), binary.LittleEndian.Uint16(b[22:])), "application/octet-stream")
}

// gconv is glibc's iconv module cache (/usr/lib/x86_64-linux-gnu/gconv/gconv-modules.cache).
func (d *detection) gconv() (Result, bool) {
	if len(d.buf) < 4 || binary.LittleEndian.Uint32(d.buf) != 0x20010324 {
		return Result{}, false
	}
	return found("gconv module configuration cache data", "application/octet-stream")
}

func (d *detection) javaKeyStore() (Result, bool) {
	if len(d.buf) < 8 || binary.BigEndian.Uint32(d.buf) != 0xfeedfeed {
		return Result{}, false
	}
	return found("Java KeyStore", "application/x-java-keystore")
}

// openPGPKey describes a binary OpenPGP certificate (a keyring such as
// /etc/apt/trusted.gpg): the public key packet, then the kinds of the two
// packets after it.
func (d *detection) openPGPKey() (Result, bool) {
	b := d.buf
	tag, body, next, ok := pgpPacket(b)
	if !ok || tag != 6 || len(body) < 6 || body[0] != 4 {
		return Result{}, false
	}
	created := time.Unix(int64(binary.BigEndian.Uint32(body[1:])), 0).Format("Mon Jan _2 15:04:05 2006")
	desc := "OpenPGP Public Key Version 4, Created " + created
	switch body[5] {
	case 1, 2, 3:
		if len(body) >= 8 {
			desc += fmt.Sprintf(", RSA (Encrypt or Sign, %d bits)", binary.BigEndian.Uint16(body[6:]))
		}
	case 16:
		desc += ", El Gamal"
	case 17:
		desc += ", DSA"
	case 18:
		desc += ", ECDH"
	case 19:
		desc += ", ECDSA"
	case 22:
		desc += ", EdDSA"
	}
	rest := b[next:]
	for i := 0; i < 2; i++ {
		t, _, n, ok := pgpPacket(rest)
		if !ok {
			break
		}
		switch t {
		case 2:
			desc += "; Signature"
		case 13:
			desc += "; User ID"
		case 14:
			desc += "; Public Subkey"
		case 17:
			desc += "; User Attribute"
		case 12:
			desc += "; Trust"
		}
		rest = rest[n:]
	}
	return found(desc+"; OpenPGP Certificate", "application/pgp-keys")
}

// pgpPacket parses an OpenPGP packet header (RFC 4880 section 4.2) and
// returns the tag, the body (cut to what is in b) and the offset of the
// next packet.
func pgpPacket(b []byte) (tag int, body []byte, next int, ok bool) {
	if len(b) < 2 || b[0]&0x80 == 0 {
		return 0, nil, 0, false
	}
	var hdr, n int
	if b[0]&0x40 == 0 { // old format
		tag = int(b[0]>>2) & 0xf
		switch b[0] & 3 {
		case 0:
			hdr, n = 2, int(b[1])
		case 1:
			if len(b) < 3 {
				return 0, nil, 0, false
			}
			hdr, n = 3, int(binary.BigEndian.Uint16(b[1:]))
		case 2:
			if len(b) < 5 {
				return 0, nil, 0, false
			}
			hdr, n = 5, int(binary.BigEndian.Uint32(b[1:])&0x7fffffff)
		default:
			return 0, nil, 0, false
		}
	} else {
		tag = int(b[0] & 0x3f)
		switch c := int(b[1]); {
		case c < 192:
			hdr, n = 2, c
		case c < 224 && len(b) >= 3:
			hdr, n = 3, (c-192)<<8+int(b[2])+192
		case c == 255 && len(b) >= 6:
			hdr, n = 6, int(binary.BigEndian.Uint32(b[2:])&0x7fffffff)
		default:
			return 0, nil, 0, false
		}
	}
	end := hdr + n
	if end > len(b) {
		return tag, b[hdr:], len(b), true
	}
	return tag, b[hdr:end], end, true
}

func (d *detection) gdbm() (Result, bool) {
	b := d.buf
	if len(b) < 4 {
		return Result{}, false
	}
	switch binary.LittleEndian.Uint32(b) {
	case 0x13579ace:
		return found("GNU dbm 1.x or ndbm database, little endian, old", "application/x-gdbm")
	case 0x13579acd:
		return found("GNU dbm 1.x or ndbm database, little endian, 32-bit", "application/x-gdbm")
	case 0x13579acf:
		return found("GNU dbm 1.x or ndbm database, little endian, 64-bit", "application/x-gdbm")
	}
	return Result{}, false
}

// glibcLocale is a compiled locale category (/usr/lib/locale/*/LC_*):
// glibc marks each with a magic number of its own, a constant XORed with
// the category's number.
func (d *detection) glibcLocale() (Result, bool) {
	b := d.buf
	if len(b) < 8 {
		return Result{}, false
	}
	names := [...]string{"LC_CTYPE", "LC_NUMERIC", "LC_TIME", "LC_COLLATE", "LC_MONETARY", "LC_MESSAGES", "",
		"LC_PAPER", "LC_NAME", "LC_ADDRESS", "LC_TELEPHONE", "LC_MEASUREMENT", "LC_IDENTIFICATION"}
	m := binary.LittleEndian.Uint32(b)
	for cat, name := range names {
		magic := uint32(0x20031115)
		switch cat {
		case 0:
			magic = 0x20090720
		case 3:
			magic = 0x20051014
		}
		if name != "" && m == magic^uint32(cat) {
			return found("glibc locale file "+name, "application/octet-stream")
		}
	}
	return Result{}, false
}

// tzif is a compiled time zone (/usr/share/zoneinfo).
func (d *detection) tzif() (Result, bool) {
	b := d.buf
	if len(b) < 44 || string(b[:4]) != "TZif" {
		return Result{}, false
	}
	count := func(n uint32, one, many string) string {
		switch n {
		case 0:
			return "no " + many
		case 1:
			return "1 " + one
		}
		return fmt.Sprintf("%d %s", n, many)
	}
	be := binary.BigEndian
	version := "1"
	if b[4] != 0 {
		version = string(b[4:5])
	}
	desc := fmt.Sprintf("timezone data (fat), version %s, %s, %s, %s, %s, %s, %s", version,
		count(be.Uint32(b[20:]), "gmt time flag", "gmt time flags"),
		count(be.Uint32(b[24:]), "std time flag", "std time flags"),
		count(be.Uint32(b[28:]), "leap second", "leap seconds"),
		count(be.Uint32(b[32:]), "transition time", "transition times"),
		count(be.Uint32(b[36:]), "local time type", "local time types"),
		count(be.Uint32(b[40:]), "abbreviation char", "abbreviation chars"))
	return found(desc, "application/octet-stream")
}

// pyc is CPython's byte code cache; the version comes from the magic
// number (CPython's table), the header from PEP 552.
func (d *detection) pyc() (Result, bool) {
	b := d.buf
	if len(b) < 16 || b[2] != '\r' || b[3] != '\n' {
		return Result{}, false
	}
	m := binary.LittleEndian.Uint16(b)
	var version string
	switch {
	case m >= 3390 && m <= 3394:
		version = "3.7"
	case m >= 3400 && m <= 3413:
		version = "3.8"
	case m >= 3420 && m <= 3425:
		version = "3.9"
	case m >= 3430 && m <= 3439:
		version = "3.10"
	case m >= 3450 && m <= 3495:
		version = "3.11"
	case m >= 3500 && m < 4000:
		version = "3.12 or newer"
	default:
		return Result{}, false
	}
	desc := "Byte-compiled Python module for CPython " + version
	if binary.LittleEndian.Uint32(b[4:])&1 != 0 {
		desc += ", hash-based"
	} else {
		ts := time.Unix(int64(binary.LittleEndian.Uint32(b[8:])), 0).UTC()
		desc += fmt.Sprintf(", timestamp-based, .py timestamp: %s UTC, .py size: %d bytes",
			ts.Format("Mon Jan _2 15:04:05 2006"), binary.LittleEndian.Uint32(b[12:]))
	}
	return found(desc, "application/x-bytecode.python")
}

// terminfo is a compiled terminal description (/usr/share/terminfo).
func (d *detection) terminfo() (Result, bool) {
	b := d.buf
	if len(b) < 14 {
		return Result{}, false
	}
	kind, mime := "Compiled terminfo entry", "application/x-terminfo"
	if m := binary.LittleEndian.Uint16(b); m == 0o1036 {
		// ncurses 6.1's extended numbers
		kind, mime = "Compiled 32-bit terminfo entry", "application/x-terminfo2"
	} else if m != 0o432 {
		return Result{}, false
	}
	n := int(binary.LittleEndian.Uint16(b[2:]))
	if n == 0 || 12+n > len(b) {
		return Result{}, false
	}
	names := b[12 : 12+n]
	if i := bytes.IndexAny(names, "|\x00"); i >= 0 {
		names = names[:i]
	}
	return found(fmt.Sprintf("%s \"%s\"", kind, names), mime)
}
