// Package initramfs implements `zinebox initramfs`: pack the running
// zinebox binary into an initramfs that boots the teaching VM.
//
// The image is a newc cpio archive (gzip'd by default) holding
// /bin/zinebox, /init, a link per applet, /etc, the home directories and
// the man pages (see initramfs/rootfs). --add copies host programs with
// the shared libraries and loader they need, --overlay a directory tree.
// --list prints the archive's table as `cpio -tv` would.
package initramfs

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/zinebox/zinebox/initramfs/image"
	"github.com/zinebox/zinebox/initramfs/rootfs"
	"github.com/zinebox/zinebox/pkg/applet"
	"github.com/zinebox/zinebox/pkg/elf"
	"github.com/zinebox/zinebox/pkg/elfdeps"
	"github.com/zinebox/zinebox/pkg/errno"
	"github.com/zinebox/zinebox/pkg/getopt"
	"github.com/zinebox/zinebox/pkg/ldcache"
	"golang.org/x/sys/unix"
)

//go:embed initramfs.1
var manPage string

// Applet is `initramfs`.
var Applet = applet.Applet{
	Name:    "initramfs",
	Summary: "pack zinebox into a bootable initramfs",
	Man:     &manPage,
	Main:    run,
}

var spec = getopt.Spec{
	Prog:  "initramfs",
	Usage: []string{"-o FILE [OPTION]...", "--list [OPTION]..."},
	Summary: "Pack the running zinebox binary, a link for every applet, /etc, the home\n" +
		"directories and the man pages into a newc cpio archive that Linux unpacks\n" +
		"as its first root file system and runs /init from.",
	Options: []getopt.Option{
		{Short: 'o', Long: "output", Arg: getopt.RequiredArg, ArgName: "FILE", Help: "write the archive to FILE ('-' for standard output)"},
		{Long: "compress", Arg: getopt.RequiredArg, ArgName: "METHOD", Help: "none or gzip (the default)"},
		{Long: "add", Arg: getopt.RequiredArg, ArgName: "PATH", Help: "copy the host program PATH with its shared libraries\nand dynamic loader (may be repeated)"},
		{Long: "overlay", Arg: getopt.RequiredArg, ArgName: "DIR", Help: "copy the tree DIR over the image's root (may be repeated)"},
		{Long: "list", Help: "print the archive's table of contents, as cpio -tv"},
	},
	Footer: "The environment variable SOURCE_DATE_EPOCH sets every file's time (default 0).",
}

// Sources are where the image's parts come from; run uses the real ones,
// tests may point them elsewhere.
type Sources struct {
	Exe      string // the binary to pack: /proc/self/exe
	ManPages fs.FS  // teaching pages man<N>/<name>.<N>, or nil
	// Closure returns a program followed by the libraries and loader it
	// needs (nil: the program alone).
	Closure func(path string, env []string) ([]string, error)
	// LDCache is the host's ld.so.cache, whose entries for the libraries
	// --add brought become the image's /etc/ld.so.cache ("": none).
	LDCache string
}

func run(io *applet.IO, args []string) int {
	return Run(io, args, DefaultSources())
}

// Run is the applet with its sources made explicit.
func Run(io *applet.IO, args []string, src Sources) int {
	r, done, status := io.Parse(&spec, args, 1)
	if done {
		return status
	}
	if len(r.Operands) > 0 {
		return io.UsageError(1, "extra operand '%s'", r.Operands[0])
	}
	out, hasOut := r.Last("output")
	list := r.Has("list")
	if !hasOut && !list {
		return io.UsageError(1, "missing -o FILE")
	}
	comp := image.Gzip
	if c, ok := r.Last("compress"); ok {
		comp = image.Compression(c)
		if comp != image.Gzip && comp != image.None {
			return io.UsageError(1, "invalid compression method '%s' (none or gzip)", c)
		}
	}

	exe, err := os.ReadFile(src.Exe)
	if err != nil {
		return io.PathError(src.Exe, err)
	}
	if dynamic(exe) {
		io.Errorf("warning: %s is dynamically linked: it will not start in the VM (build with CGO_ENABLED=0)", src.Exe)
	}
	im, err := rootfs.Build(rootfs.Config{Exe: exe, Applets: io.Applets, ManPages: src.ManPages})
	if err != nil {
		io.Errorf("%v", err)
		return 1
	}
	if epoch := io.Getenv("SOURCE_DATE_EPOCH"); epoch != "" {
		t, err := strconv.ParseInt(epoch, 10, 64)
		if err != nil || t < 0 {
			return io.UsageError(1, "invalid SOURCE_DATE_EPOCH '%s'", epoch)
		}
		im.MTime = t
	}
	for _, o := range r.Opts {
		switch o.Key {
		case "add":
			if st := addProgram(io, im, o.Value, src.Closure); st != 0 {
				return st
			}
		case "overlay":
			if err := im.AddTree(io.Path(o.Value), "/"); err != nil {
				return pathError(io, o.Value, err)
			}
		}
	}

	if r.Has("add") && src.LDCache != "" {
		if err := addLDCache(im, src.LDCache); err != nil {
			io.Errorf("warning: no /etc/ld.so.cache in the image: %v", err)
		}
	}

	var buf bytes.Buffer
	if err := im.WriteCompressed(&buf, comp); err != nil {
		io.Errorf("%v", err)
		return 1
	}
	if hasOut {
		if out == "-" {
			if _, err := io.Stdout.Write(buf.Bytes()); err != nil {
				return io.WriteFailed(err)
			}
		} else if err := os.WriteFile(io.Path(out), buf.Bytes(), 0o644); err != nil {
			return pathError(io, out, err)
		}
	}
	if list {
		entries, err := im.Entries()
		if err != nil {
			io.Errorf("%v", err)
			return 1
		}
		w := io.Stdout
		if out == "-" {
			w = nil // the archive owns standard output
		}
		for _, e := range entries {
			line := listLine(e, im.MTime, time.Now())
			if w != nil {
				if _, err := w.WriteString(line); err != nil {
					return io.WriteFailed(err)
				}
			} else {
				fmt.Fprint(io.Stderr, line)
			}
		}
	}
	return io.Finish(0)
}

// addProgram copies the host program at p into the image at the same path,
// with everything its Closure names (libraries and the loader), so it runs
// in the VM as it does on the host.
func addProgram(io *applet.IO, im *image.Image, p string, closure func(string, []string) ([]string, error)) int {
	files := []string{p}
	if closure != nil {
		var err error
		files, err = closure(io.Path(p), io.Env)
		// A script or a static program is copied alone.
		if err != nil && !(errors.Is(err, elfdeps.ErrNotDynamic) && len(files) > 0) {
			io.Errorf("--add %s: %v", p, err)
			return 1
		}
	}
	for _, f := range files {
		if !strings.HasPrefix(f, "/") {
			f = io.Path(f)
			if abs, err := filepath.Abs(f); err == nil {
				f = abs
			}
		}
		if err := im.AddHostPath(f); err != nil {
			return pathError(io, f, err)
		}
	}
	return 0
}

// addLDCache gives the image an /etc/ld.so.cache listing the libraries
// that --add copied into it, taken from the host's cache at hostCache, so
// that `ldconfig -p` in the VM shows what the VM has and ld.so finds the
// libraries as it does on the host. A cache the image already has (from
// --overlay, or --add /etc/ld.so.cache) is kept.
func addLDCache(im *image.Image, hostCache string) error {
	if _, ok := im.Lookup(ldcache.DefaultPath); ok {
		return nil
	}
	host, err := ldcache.Load(hostCache)
	if errors.Is(err, os.ErrNotExist) {
		return nil // a host without a cache (a static system)
	}
	if err != nil {
		return fmt.Errorf("%s: %w", hostCache, err)
	}
	c := ldcache.Cache{New: true, Generator: "zinebox initramfs, from the host's cache"}
	for _, e := range host.Entries {
		if f, ok := im.Resolve(e.Path); ok && f.Mode&unix.S_IFMT == unix.S_IFREG {
			c.Entries = append(c.Entries, e)
		}
	}
	if len(c.Entries) == 0 {
		return nil
	}
	im.File(ldcache.DefaultPath, c.Marshal(), 0o644)
	return nil
}

func pathError(io *applet.IO, p string, err error) int {
	io.Errorf("%s: %s", p, errno.Message(err))
	return 1
}

// listLine formats e as GNU cpio -tv does: mode, links, owner, group,
// size (or major, minor), date, name and a link's target.
func listLine(e image.Entry, mtime int64, now time.Time) string {
	size := fmt.Sprintf("%8d", len(e.Data))
	if t := e.Mode & unix.S_IFMT; t == unix.S_IFCHR || t == unix.S_IFBLK {
		size = fmt.Sprintf("%3d, %3d", e.Rmajor, e.Rminor)
	}
	nlink := 1
	if e.IsDir() {
		nlink = 2
	}
	t := time.Unix(mtime, 0)
	date := t.Format("Jan _2  2006")
	if d := now.Sub(t); d >= 0 && d < 183*24*time.Hour {
		date = t.Format("Jan _2 15:04")
	}
	line := fmt.Sprintf("%s %3d %-8s %-8s %s %s %s", modeString(e.Mode), nlink, owner(e.UID), owner(e.GID), size, date, e.Name)
	if e.Mode&unix.S_IFMT == unix.S_IFLNK {
		line += " -> " + string(e.Data)
	}
	return line + "\n"
}

func owner(id uint32) string {
	if id == 0 {
		return "root"
	}
	return strconv.FormatUint(uint64(id), 10)
}

// modeString is the ls -l mode column: type letter and nine permission
// letters, with s/S and t/T for setuid, setgid and sticky.
func modeString(m uint32) string {
	b := []byte("?rwxrwxrwx")
	switch m & unix.S_IFMT {
	case unix.S_IFREG:
		b[0] = '-'
	case unix.S_IFDIR:
		b[0] = 'd'
	case unix.S_IFLNK:
		b[0] = 'l'
	case unix.S_IFCHR:
		b[0] = 'c'
	case unix.S_IFBLK:
		b[0] = 'b'
	case unix.S_IFIFO:
		b[0] = 'p'
	case unix.S_IFSOCK:
		b[0] = 's'
	}
	for i := 0; i < 9; i++ {
		if m&(1<<(8-i)) == 0 {
			b[i+1] = '-'
		}
	}
	special := func(bit uint32, i int, set, unset byte) {
		if m&bit != 0 {
			if b[i] == '-' {
				b[i] = unset
			} else {
				b[i] = set
			}
		}
	}
	special(unix.S_ISUID, 3, 's', 'S')
	special(unix.S_ISGID, 6, 's', 'S')
	special(unix.S_ISVTX, 9, 't', 'T')
	return string(b)
}

// dynamic reports whether the ELF program exe needs a dynamic loader: a
// zinebox built with cgo would, and the image has no loader for it.
func dynamic(exe []byte) bool {
	f, err := elf.NewFile(bytes.NewReader(exe), int64(len(exe)))
	if err != nil {
		return false
	}
	progs, err := f.Progs()
	if err != nil {
		return false
	}
	for _, p := range progs {
		if p.Type == elf.PT_INTERP {
			return true
		}
	}
	return false
}
