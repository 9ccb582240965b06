// Package fsname resolves file operands against an applet's working
// directory without changing what the kernel will make of them, and
// canonicalizes names as readlink -f and ln -r need.
//
// filepath.Join cleans its result, which is wrong for file tools: "link/"
// (follow the link to a directory), "dir/." and "x/.." mean something
// different from "link", "dir" and ".", and GNU tools behave accordingly.
package fsname

import (
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/sys/unix"
)

// Join returns name relative to dir: name itself when dir is empty or name
// is absolute, else dir + "/" + name, with name untouched.
func Join(dir, name string) string {
	if dir == "" || len(name) > 0 && name[0] == '/' {
		return name
	}
	if name == "" {
		return "" // an empty name is an error (ENOENT), wherever we are
	}
	if dir[len(dir)-1] == '/' {
		return dir + name
	}
	return dir + "/" + name
}

// Mode says which components of a name must exist for Canonicalize.
type Mode int

const (
	AllButLast Mode = iota // -f
	Existing               // -e
	Missing                // -m
)

// maxLinks bounds the symbolic links followed for one name, as the kernel
// bounds them for a path lookup (40); beyond it the name loops.
const maxLinks = 40

// Getwd returns the physical working directory for dir ("" is the
// process's own), without trusting $PWD as os.Getwd does.
func Getwd(dir string) (string, error) {
	if dir == "" {
		return unix.Getwd()
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	return filepath.EvalSymlinks(abs)
}

// Canonicalize returns the absolute name of name (relative to the
// directory dir, "" for the working directory) with every symbolic link,
// "." and ".." resolved, requiring existence as how says.
func Canonicalize(dir, name string, how Mode) (string, error) {
	if name == "" {
		return "", unix.ENOENT
	}
	resolved := ""
	if !strings.HasPrefix(name, "/") {
		wd, err := Getwd(dir)
		if err != nil {
			return "", err
		}
		resolved = strings.TrimSuffix(wd, "/")
	}
	rest := name
	links := 0
	missing := false // a component did not exist (only with Missing or the last with AllButLast)
	for rest != "" {
		comp := rest
		i := strings.IndexByte(rest, '/')
		hadSlash := i >= 0 // a slash follows: comp must be a directory
		if hadSlash {
			comp, rest = rest[:i], rest[i+1:]
		} else {
			rest = ""
		}
		switch comp {
		case "", ".":
			continue
		case "..":
			resolved = resolved[:max(strings.LastIndexByte(resolved, '/'), 0)]
			continue
		}
		candidate := resolved + "/" + comp
		more := strings.Trim(rest, "/") != ""
		if missing {
			resolved = candidate
			continue
		}
		var st unix.Stat_t
		if err := unix.Lstat(candidate, &st); err != nil {
			switch {
			case how == Missing:
			case how == AllButLast && !more && err == unix.ENOENT:
			default:
				return "", err
			}
			missing = true
			resolved = candidate
			continue
		}
		if st.Mode&unix.S_IFMT == unix.S_IFLNK {
			links++
			if links > maxLinks {
				if how == Missing {
					missing = true
					resolved = candidate
					continue
				}
				return "", unix.ELOOP
			}
			target, err := os.Readlink(candidate)
			if err != nil {
				return "", err
			}
			if strings.HasPrefix(target, "/") {
				resolved = ""
			}
			if hadSlash {
				rest = target + "/" + rest
			} else {
				rest = target
			}
			continue
		}
		if st.Mode&unix.S_IFMT != unix.S_IFDIR && hadSlash {
			if how != Missing {
				return "", unix.ENOTDIR
			}
			missing = true
		}
		resolved = candidate
	}
	if resolved == "" {
		return "/", nil
	}
	return resolved, nil
}

// LastComponent returns the last component of name with its trailing
// slashes, as gnulib's last_component does: "a/b/" gives "b/", "/" stays
// "/". cp, mv and ln use it to name an operand inside a target directory.
func LastComponent(name string) string {
	trimmed := strings.TrimRight(name, "/")
	if trimmed == "" {
		return name
	}
	return name[strings.LastIndexByte(trimmed, '/')+1:]
}

// Concat joins a directory and a name with one slash, as gnulib's
// file_name_concat does ("d/" + "x" is "d/x", not "d//x"); unlike Join it
// never treats name as absolute or empty specially.
func Concat(dir, name string) string {
	if strings.HasSuffix(dir, "/") {
		return dir + name
	}
	return dir + "/" + name
}

// DirName returns the directory part of name as gnulib's dir_name does:
// what comes before the last component, without trailing slashes but
// keeping a leading one; "." when there is none ("x/" gives ".", "a/b"
// gives "a", "/x" gives "/").
func DirName(name string) string {
	if strings.TrimRight(name, "/") == "" {
		if name == "" {
			return "."
		}
		return "/"
	}
	n := len(name) - len(LastComponent(name))
	for n > 1 && name[n-1] == '/' {
		n--
	}
	if n == 0 {
		return "."
	}
	return name[:n]
}
