// Package rootfs lays out the teaching VM's root file system: the zinebox
// binary as /bin/zinebox and /init, a link per applet in /bin, the few
// device nodes the kernel needs before devtmpfs is mounted, the files under
// skel/ (/etc/passwd, /etc/profile, ...), the home directories, and every
// man page the binary carries.
//
// It only decides what goes where; package image writes the archive.
package rootfs

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/zinebox/zinebox/initramfs/image"
	"github.com/zinebox/zinebox/pkg/applet"
)

// skel holds the configuration files copied to the image as they are; read
// them in the repository to see exactly what the VM's /etc holds.
//
//go:embed skel
var skel embed.FS

// Config is what a default image is made of.
type Config struct {
	Exe     []byte           // the zinebox binary (its own /proc/self/exe)
	Applets []*applet.Applet // the registry: one link and one man page each
	// ManPages holds extra pages as man<N>/<name>.<N> (the teaching pages
	// of section 2, 5 and 7); nil for none.
	ManPages fs.FS
}

// Build returns the default image for c. Callers add --add programs and
// --overlay trees to it afterwards, so those win over the defaults.
func Build(c Config) (*image.Image, error) {
	im := &image.Image{}

	// The standard directories, with the modes a Debian system has: /tmp is
	// world-writable with the sticky bit (anyone may create, only the
	// owner may delete), /root is root's alone.
	for _, d := range []struct {
		name string
		perm uint32
	}{
		{"bin", 0o755}, {"sbin", 0o755}, {"dev", 0o755}, {"dev/pts", 0o755},
		{"etc", 0o755}, {"home", 0o755}, {"proc", 0o555}, {"sys", 0o555},
		{"run", 0o755}, {"root", 0o700}, {"tmp", 0o1777}, {"usr", 0o755},
		{"usr/bin", 0o755}, {"usr/sbin", 0o755}, {"usr/share/man", 0o755},
		{"var", 0o755}, {"var/tmp", 0o1777},
	} {
		im.Dir(d.name, d.perm)
	}
	im.Add(image.Entry{Name: "home/learner", Mode: 0o40755, UID: 1000, GID: 1000})

	// The kernel opens /dev/console for init's stdin, stdout and stderr
	// before anything can mount devtmpfs: without this node, init starts
	// with no standard streams at all. /dev/null is there for the same
	// early moments. devtmpfs, mounted over /dev by init, replaces both.
	im.CharDev("dev/console", 0o600, 5, 1)
	im.CharDev("dev/null", 0o666, 1, 3)

	// What mount and df read on a system without a mount table of its own.
	im.Symlink("etc/mtab", "../proc/self/mounts")

	im.File("bin/zinebox", c.Exe, 0o755)
	// /init is what the kernel runs from an initramfs. A symbolic link is
	// enough: the multicall binary follows it and runs the init applet.
	im.Symlink("init", "bin/zinebox")
	for _, a := range c.Applets {
		if a.Name == "zinebox" {
			continue
		}
		im.Symlink("bin/"+a.Name, "zinebox")
		if a.Page() != "" {
			sec := a.ManSection()
			im.File(fmt.Sprintf("usr/share/man/man%s/%s.%s", sec, a.Name, sec), []byte(a.Page()), 0o644)
		}
	}
	if c.ManPages != nil {
		if err := addManPages(im, c.ManPages); err != nil {
			return nil, err
		}
	}

	err := fs.WalkDir(skel, "skel", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := skel.ReadFile(p)
		if err != nil {
			return err
		}
		im.File(strings.TrimPrefix(p, "skel/"), data, 0o644)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("rootfs: %w", err)
	}
	return im, nil
}

// addManPages copies man<N>/<name>.<N> files from pages. An applet's own
// page wins over a teaching page of the same name and section.
func addManPages(im *image.Image, pages fs.FS) error {
	return fs.WalkDir(pages, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		dir := path.Base(path.Dir(p))
		if !strings.HasPrefix(dir, "man") {
			return nil
		}
		dest := "usr/share/man/" + dir + "/" + path.Base(p)
		if _, ok := im.Lookup(dest); ok {
			return nil
		}
		data, err := fs.ReadFile(pages, p)
		if err != nil {
			return fmt.Errorf("rootfs: man page %s: %w", p, err)
		}
		im.File(dest, data, 0o644)
		return nil
	})
}
