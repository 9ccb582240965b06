// Package image builds an initramfs: a newc cpio archive that the kernel
// unpacks into its first root file system (rootfs) before it runs /init.
//
// An Image is a set of entries keyed by path. Nothing is written until
// Write, which emits the entries sorted by name, each directory before what
// it holds, every missing parent directory as 0755 root-owned, and "." itself
// so the booted / gets mode 0755 (the kernel applies a directory entry's
// mode even when the directory already exists).
//
// Why not u-root's pkg/cpio: its WriteRecordsAndDirs makes "." and the
// missing parents 0777, so the VM's / came up drwxrwxrwx and every learner
// could delete /bin; its Recorder.GetRecord copies device numbers in a way
// the kernel decodes wrongly; and importing it at all (it pulls u-root's
// pkg/ls and go-humanize) made every zinebox start 20% slower. The records
// are built here and encoded by our own pkg/newc.
//
// The archive is reproducible: the same entries give the same bytes, with
// uid and gid 0, one fixed modification time (see MTime), inode numbers
// given in name order, and a gzip header without name or time.
package image

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/zinebox/zinebox/pkg/newc"
	"golang.org/x/sys/unix"
)

// Entry is one file of the image.
type Entry struct {
	Name string // path inside the image without a leading slash ("bin/ls"); "." is the root
	// Mode is st_mode as in stat(2): the type (unix.S_IFREG, S_IFDIR,
	// S_IFLNK, S_IFCHR, S_IFBLK, S_IFIFO) and the permission bits,
	// setuid/setgid/sticky included.
	Mode uint32
	Data []byte // a regular file's contents or a symbolic link's target
	// Rmajor and Rminor are the device number of a character or block
	// special file (e.g. 5, 1 for /dev/console).
	Rmajor, Rminor uint32
	UID, GID       uint32
}

// IsDir reports whether e is a directory.
func (e *Entry) IsDir() bool { return e.Mode&unix.S_IFMT == unix.S_IFDIR }

// Image is an initramfs being put together. The zero value is an empty
// image; MTime is the modification time of every entry (seconds since the
// epoch; 0 by default, so the image only depends on its contents).
type Image struct {
	MTime   int64
	entries map[string]*Entry
}

// Clean turns an image path ("/bin/ls", "bin//ls/", "/") into the form
// entries use ("bin/ls", ".").
func Clean(name string) string {
	name = strings.TrimLeft(path.Clean("/"+name), "/")
	if name == "" {
		return "."
	}
	return name
}

// Add puts e into the image, replacing an entry of the same name: later
// additions win, so an overlay can replace a default file.
func (im *Image) Add(e Entry) {
	if im.entries == nil {
		im.entries = make(map[string]*Entry)
	}
	e.Name = Clean(e.Name)
	im.entries[e.Name] = &e
}

// Dir adds a directory with permission bits perm (e.g. 0o755, 0o1777).
func (im *Image) Dir(name string, perm uint32) {
	im.Add(Entry{Name: name, Mode: unix.S_IFDIR | perm&0o7777})
}

// File adds a regular file.
func (im *Image) File(name string, data []byte, perm uint32) {
	im.Add(Entry{Name: name, Mode: unix.S_IFREG | perm&0o7777, Data: data})
}

// Symlink adds a symbolic link to target.
func (im *Image) Symlink(name, target string) {
	im.Add(Entry{Name: name, Mode: unix.S_IFLNK | 0o777, Data: []byte(target)})
}

// CharDev adds a character special file.
func (im *Image) CharDev(name string, perm, major, minor uint32) {
	im.Add(Entry{Name: name, Mode: unix.S_IFCHR | perm&0o7777, Rmajor: major, Rminor: minor})
}

// Lookup returns the entry named name (in any form Clean accepts).
func (im *Image) Lookup(name string) (Entry, bool) {
	e, ok := im.entries[Clean(name)]
	if !ok {
		return Entry{}, false
	}
	return *e, true
}

// AddHost copies the host's file at hostPath into the image as name,
// keeping its type and permission bits (not its owner: the image is
// root's). A symbolic link is copied as a link; a directory becomes an
// empty directory (see AddTree for its contents). Device nodes keep their
// numbers; sockets are skipped (they mean nothing outside their process).
func (im *Image) AddHost(hostPath, name string) error {
	var st unix.Stat_t
	if err := unix.Lstat(hostPath, &st); err != nil {
		return &os.PathError{Op: "lstat", Path: hostPath, Err: err}
	}
	e := Entry{Name: name, Mode: st.Mode}
	switch st.Mode & unix.S_IFMT {
	case unix.S_IFREG:
		data, err := os.ReadFile(hostPath)
		if err != nil {
			return err
		}
		e.Data = data
	case unix.S_IFLNK:
		target, err := os.Readlink(hostPath)
		if err != nil {
			return err
		}
		e.Data = []byte(target)
	case unix.S_IFCHR, unix.S_IFBLK:
		e.Rmajor, e.Rminor = unix.Major(st.Rdev), unix.Minor(st.Rdev)
	case unix.S_IFDIR, unix.S_IFIFO:
	default:
		return nil
	}
	im.Add(e)
	return nil
}

// AddHostPath copies the host file at the absolute path p into the image
// under the same path, so that a program and the libraries its loader
// looks for are where it expects them. The way there is kept: a symbolic
// link is copied as a link and the file it leads to is copied too; a
// directory link on the way (Debian's /lib -> usr/lib) becomes the same
// link in the image, unless the image already has a real directory of that
// name (its /bin), in which case p becomes a link to the file's real path.
func (im *Image) AddHostPath(p string) error {
	return im.addHostPath(filepath.Clean(p), 0)
}

func (im *Image) addHostPath(p string, depth int) error {
	if depth > 40 {
		return &os.PathError{Op: "open", Path: p, Err: unix.ELOOP}
	}
	if !filepath.IsAbs(p) {
		return &os.PathError{Op: "add", Path: p, Err: unix.EINVAL}
	}
	dir, err := filepath.EvalSymlinks(filepath.Dir(p))
	if err != nil {
		return err
	}
	if real := filepath.Join(dir, filepath.Base(p)); real != p {
		// Some directory on the way is a link: find the first one.
		q := "/"
		for _, part := range strings.Split(strings.TrimPrefix(filepath.Dir(p), "/"), "/") {
			q = filepath.Join(q, part)
			if fi, err := os.Lstat(q); err == nil && fi.Mode()&os.ModeSymlink != 0 {
				break
			}
		}
		if e, ok := im.Lookup(q); ok && e.IsDir() {
			im.Symlink(p, real)
		} else if !ok {
			target, err := os.Readlink(q)
			if err != nil {
				return err
			}
			im.Symlink(q, target)
		}
		return im.addHostPath(real, depth+1)
	}
	if err := im.AddHost(p, p); err != nil {
		return err
	}
	if e, _ := im.Lookup(p); e.Mode&unix.S_IFMT == unix.S_IFLNK {
		target := string(e.Data)
		if !filepath.IsAbs(target) {
			target = filepath.Join(filepath.Dir(p), target)
		}
		return im.addHostPath(target, depth+1)
	}
	return nil
}

// AddTree copies the host directory tree hostDir into the image under dest
// ("/" for an overlay of the whole root), entry by entry as AddHost does.
// Symbolic links are copied, not followed.
func (im *Image) AddTree(hostDir, dest string) error {
	return filepath.WalkDir(hostDir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(hostDir, p)
		if err != nil {
			return err
		}
		return im.AddHost(p, path.Join(Clean(dest), filepath.ToSlash(rel)))
	})
}

// Entries returns every entry that Write writes, in its order: sorted by
// name, "." first, with the parent directories that were not added
// explicitly filled in as 0755.
func (im *Image) Entries() ([]Entry, error) {
	all := make(map[string]*Entry, len(im.entries)+8)
	for name, e := range im.entries {
		all[name] = e
	}
	if _, ok := all["."]; !ok {
		all["."] = &Entry{Name: ".", Mode: unix.S_IFDIR | 0o755}
	}
	for name := range im.entries {
		for dir := path.Dir(name); dir != "."; dir = path.Dir(dir) {
			if _, ok := all[dir]; !ok {
				all[dir] = &Entry{Name: dir, Mode: unix.S_IFDIR | 0o755}
			}
		}
	}
	names := make([]string, 0, len(all))
	for name := range all {
		names = append(names, name)
	}
	// Plain byte order puts every directory before its contents: "a" is a
	// prefix of "a/b" and sorts first. "." is the root and goes first.
	slices.SortFunc(names, func(a, b string) int {
		switch {
		case a == b:
			return 0
		case a == ".":
			return -1
		case b == ".":
			return 1
		}
		return strings.Compare(a, b)
	})
	out := make([]Entry, 0, len(names))
	for _, name := range names {
		e := *all[name]
		if dir := path.Dir(name); name != "." && dir != "." && !all[dir].IsDir() {
			return nil, fmt.Errorf("image: %s: parent %s is not a directory", name, dir)
		}
		out = append(out, e)
	}
	return out, nil
}

// Write writes the image as an uncompressed newc cpio archive with its
// trailer.
func (im *Image) Write(w io.Writer) error {
	entries, err := im.Entries()
	if err != nil {
		return err
	}
	nw := newc.NewWriter(w)
	for i, e := range entries {
		rec := newc.Record{
			Name:      e.Name,
			Ino:       uint32(i + 1), // 0 means "no inode" to some readers
			Mode:      e.Mode,
			UID:       e.UID,
			GID:       e.GID,
			MTime:     uint32(im.MTime),
			RDevMajor: e.Rmajor,
			RDevMinor: e.Rminor,
		}
		switch e.Mode & unix.S_IFMT {
		case unix.S_IFREG, unix.S_IFLNK:
			rec.Data = e.Data
		}
		if err := nw.Write(rec); err != nil {
			return fmt.Errorf("image: writing %s: %w", e.Name, err)
		}
	}
	return nw.Close()
}

// Compression names how WriteCompressed compresses the archive.
type Compression string

const (
	None Compression = "none"
	Gzip Compression = "gzip" // every kernel that can unpack an initramfs can gunzip it
)

// ErrCompression is returned for a compression that is not supported.
var ErrCompression = errors.New("unsupported compression")

// WriteCompressed writes the archive compressed with c.
func (im *Image) WriteCompressed(w io.Writer, c Compression) error {
	switch c {
	case None:
		return im.Write(w)
	case Gzip:
		zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
		if err != nil {
			return err
		}
		if err := im.Write(zw); err != nil {
			return err
		}
		return zw.Close()
	}
	return fmt.Errorf("%w: %q", ErrCompression, string(c))
}

// Read reads a newc archive (plain or gzip'd) back into entries, in archive
// order, without the trailer: for listing an image and for tests.
func Read(r io.Reader) ([]Entry, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	if bytes.HasPrefix(data, []byte{0x1f, 0x8b}) {
		zr, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			return nil, err
		}
		if data, err = io.ReadAll(zr); err != nil {
			return nil, err
		}
	}
	rd := newc.NewReader(bytes.NewReader(data))
	var out []Entry
	for {
		rec, err := rd.Next(len(data))
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("image: %w", err)
		}
		out = append(out, Entry{Name: rec.Name, Mode: rec.Mode, UID: rec.UID, GID: rec.GID,
			Rmajor: rec.RDevMajor, Rminor: rec.RDevMinor, Data: rec.Data})
	}
	return out, nil
}

// Resolve returns the entry that name leads to inside the image, following
// symbolic links (relative or absolute, on the way or at the end) as the
// kernel would once the image is the root; false when it leads nowhere.
// Parent directories that were never added explicitly count as there, as
// Entries fills them in.
func (im *Image) Resolve(name string) (Entry, bool) {
	p := Clean(name)
	for hops := 0; hops <= 40; hops++ {
		parts := strings.Split(p, "/")
		moved := false
		for i := range parts {
			prefix := strings.Join(parts[:i+1], "/")
			e, ok := im.entries[prefix]
			if !ok && i < len(parts)-1 {
				continue // a parent directory that Entries fills in
			}
			if !ok {
				return Entry{}, false
			}
			if e.Mode&unix.S_IFMT != unix.S_IFLNK {
				continue
			}
			target := string(e.Data)
			if !path.IsAbs(target) {
				target = path.Join(path.Dir("/"+prefix), target)
			}
			p = Clean(path.Join(append([]string{target}, parts[i+1:]...)...))
			moved = true
			break
		}
		if !moved {
			return *im.entries[p], true
		}
	}
	return Entry{}, false
}
