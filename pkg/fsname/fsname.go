// Package fsname resolves file operands against an applet's working
// directory without changing what the kernel will make of them.
//
// filepath.Join cleans its result, which is wrong for file tools: "link/"
// (follow the link to a directory), "dir/." and "x/.." mean something
// different from "link", "dir" and ".", and GNU tools behave accordingly.
package fsname

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
