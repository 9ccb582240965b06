package elfdeps

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// MissingError lists the libraries Closure could not find.
type MissingError struct {
	Program string
	Names   []string
}

func (e *MissingError) Error() string {
	return fmt.Sprintf("%s: libraries not found: %s", e.Program, strings.Join(e.Names, ", "))
}

// Closure returns the files a root filesystem must hold for the program at
// path to run: enough to copy it with its libraries into an initramfs.
//
// env is the program's environment (only LD_LIBRARY_PATH matters); path
// is taken relative to the process's working directory.
//
// The result holds absolute, cleaned paths, each once, in this order:
//
//   - the program;
//   - its interpreter exactly as PT_INTERP names it (what the kernel opens:
//     /lib64/ld-linux-x86-64.so.2), unless the program is static;
//   - every library as ld.so would open it when the program runs
//     (/lib/x86_64-linux-gnu/libc.so.6: the directory it was found in plus
//     the name it was asked for, so usually the soname link), breadth-first;
//
// and after each of those paths, when it is a symbolic link, every further
// link of its chain and finally the regular file it resolves to
// (filepath.EvalSymlinks: directory links such as /lib -> usr/lib are
// resolved too, so the real file may live under /usr/lib). An image that
// holds every returned path -- symbolic links as links, or each path as a
// copy of the file's contents -- lets ld.so find everything under the same
// names. The vDSO is not a file and is never returned.
//
// A static program gives just itself (and its link chain). A file that is
// not an ELF program of this machine gives ErrNotDynamic with the program
// alone in files. Libraries that cannot be found make the error a
// *MissingError, with every file that was found still returned.
func Closure(path string, env []string) (files []string, err error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	add := func(p string) {
		p = filepath.Clean(p)
		if seen[p] {
			return
		}
		seen[p] = true
		files = append(files, p)
		addChain(p, seen, &files)
	}
	r := NewResolver(Config{Env: env})
	t, err := r.Resolve(abs)
	if err != nil {
		if errors.Is(err, ErrNotDynamic) {
			if _, serr := os.Stat(abs); serr == nil {
				add(abs)
			}
		}
		return files, err
	}
	add(abs)
	if t.Static {
		return files, nil
	}
	if o := t.Main.Obj; o.HasInterp {
		add(o.Interp)
	}
	var missing []string
	for _, l := range t.List {
		switch {
		case l.VDSO:
			continue
		case l.RTLD:
			// Already added as the interpreter when the program names one;
			// a library run without one gets the platform's linker.
			if !t.Main.Obj.HasInterp {
				add(l.Path)
			}
		case l.Obj == nil:
			missing = append(missing, l.Name)
		default:
			add(r.abs(l.Path))
		}
	}
	if missing != nil {
		return files, &MissingError{Program: path, Names: missing}
	}
	return files, nil
}

// addChain appends, after a path p, the links p leads through and the real
// file it ends at.
func addChain(p string, seen map[string]bool, files *[]string) {
	cur := p
	for i := 0; i < 40; i++ { // ELOOP after 40 links, as the kernel does
		target, err := os.Readlink(cur)
		if err != nil {
			break
		}
		if !filepath.IsAbs(target) {
			target = filepath.Join(filepath.Dir(cur), target)
		}
		cur = filepath.Clean(target)
		if !seen[cur] {
			seen[cur] = true
			*files = append(*files, cur)
		}
	}
	if real, err := filepath.EvalSymlinks(p); err == nil && !seen[real] {
		seen[real] = true
		*files = append(*files, real)
	}
}
