package man

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/zinebox/zinebox/pkg/applet"
	"github.com/zinebox/zinebox/pkg/errno"
	"github.com/zinebox/zinebox/pkg/manpages"
	"github.com/zinebox/zinebox/pkg/unpack"
)

type man struct {
	io    *applet.IO
	o     options
	path  []string // manual directories, in search order
	order []string // sections, in search order
}

// page is one manual page found: a file, or a page embedded in zinebox.
type page struct {
	path     string // file name, or "man1/ls.1" for an embedded page
	file     bool   // given on the command line (-l, or a name with /)
	embedded string // the source of an embedded page
	isEmb    bool
	name     string
	sec      string
}

// where is what man -w prints for p.
func (p *page) where() string {
	if p.isEmb {
		return "(zinebox) " + p.path
	}
	if p.file {
		return p.path
	}
	// man-db names the file a symbolic link or a .so link leads to
	path := p.path
	if real, err := filepath.EvalSymlinks(path); err == nil {
		path = real
	}
	for i := 0; i < 5; i++ {
		src, err := readPage(path)
		if err != nil {
			break
		}
		target, ok := soLink(src)
		if !ok {
			break
		}
		next := ""
		for _, c := range []string{filepath.Join(filepath.Dir(filepath.Dir(path)), target), filepath.Join(filepath.Dir(path), target)} {
			for _, z := range compressed {
				if st, err := os.Stat(c + z); err == nil && st.Mode().IsRegular() {
					next = c + z
					break
				}
			}
			if next != "" {
				break
			}
		}
		if next == "" {
			break
		}
		path = next
		if real, err := filepath.EvalSymlinks(path); err == nil {
			path = real
		}
	}
	return path
}

// localeDirs returns the manual directories to search for pages: in each
// directory of the path, the subdirectories of the messages locale
// (fr_FR.UTF-8, fr_FR, fr) before the directory itself, as man-db does;
// translated pages are ignored unless the locale asks for them.
func (m *man) localeDirs() []string {
	lang := ""
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if lang = m.io.Getenv(v); lang != "" {
			break
		}
	}
	var names []string
	if lang != "" && lang != "C" && lang != "POSIX" && !strings.HasPrefix(lang, "C.") {
		names = append(names, lang)
		base, _, _ := strings.Cut(lang, "@")
		base, _, _ = strings.Cut(base, ".")
		if base != lang {
			names = append(names, base)
		}
		if ll, _, ok := strings.Cut(base, "_"); ok {
			names = append(names, ll)
		}
	}
	var out []string
	for _, dir := range m.path {
		for _, n := range names {
			if st, err := os.Stat(filepath.Join(dir, n)); err == nil && st.IsDir() {
				out = append(out, filepath.Join(dir, n))
			}
		}
		out = append(out, dir)
	}
	return out
}

// defaultOrder is man-db's default section search order.
const defaultOrder = "1 n l 8 3 2 5 4 9 6 7"

// isSection reports whether s names a manual section: man-db's standard
// sections, or one of them followed by a suffix (3p, 1ssl, 3const).
func isSection(s string) bool {
	if s == "" {
		return false
	}
	if s == "n" || s == "l" {
		return true
	}
	return s[0] >= '0' && s[0] <= '9' && !strings.ContainsAny(s, "/. ") && len(s) <= 10
}

// manPath returns the directories to search: -M, else $MANPATH (an empty
// element stands for the default), else the default.
func (m *man) manPath() []string {
	p := m.o.manpath
	if p == "" {
		p = m.io.Getenv("MANPATH")
	}
	if p == "" {
		return m.defaultPath()
	}
	var out []string
	for _, d := range strings.Split(p, ":") {
		if d == "" {
			out = append(out, m.defaultPath()...)
		} else {
			out = append(out, d)
		}
	}
	return dedupe(out)
}

// defaultPath follows man-db's idea: the man directories next to each
// directory of $PATH (X/bin -> X/share/man, X/man), then the system ones.
func (m *man) defaultPath() []string {
	var out []string
	for _, d := range filepath.SplitList(m.io.Getenv("PATH")) {
		if d == "" {
			continue
		}
		parent := filepath.Dir(filepath.Clean(d))
		for _, c := range []string{filepath.Join(parent, "share", "man"), filepath.Join(parent, "man")} {
			if st, err := os.Stat(c); err == nil && st.IsDir() {
				out = append(out, c)
			}
		}
	}
	out = append(out, "/usr/local/share/man", "/usr/share/man")
	return dedupe(out)
}

func dedupe(in []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, d := range in {
		if !seen[d] {
			seen[d] = true
			out = append(out, d)
		}
	}
	return out
}

// sectionOrder returns -S, else $MANSECT, else man-db's default order.
func (m *man) sectionOrder() []string {
	s := m.o.sections
	if s == "" {
		s = m.io.Getenv("MANSECT")
	}
	if s == "" {
		return strings.Fields(defaultOrder)
	}
	return strings.FieldsFunc(s, func(r rune) bool { return r == ':' || r == ',' })
}

// compressed lists the suffixes of compressed pages we look for, in
// man-db's order.
var compressed = [...]string{"", ".gz", ".bz2", ".xz", ".zst"}

// exists reports whether any page is named name.
func (m *man) exists(name string) bool {
	return len(m.find(name, "", false)) > 0
}

// find returns the pages named name, in search order: for each section,
// every manual directory, then the pages inside zinebox. With all false
// it stops at the first.
func (m *man) find(name, section string, all bool) []*page {
	var out []*page
	seen := map[string]bool{}
	secs := m.order
	if section != "" {
		secs = []string{section}
	}
	dirs := m.localeDirs()
	for _, sec := range secs {
		top := sec[:1] // the directory: man3 holds 3, 3p, 3ssl...
		for _, dir := range dirs {
			for _, p := range findInDir(filepath.Join(dir, "man"+top), name, sec, m.o.matchCase, all) {
				real, err := filepath.EvalSymlinks(p.path)
				if err != nil {
					real = p.path
				}
				if seen[real] {
					continue
				}
				seen[real] = true
				out = append(out, p)
				if !all {
					return out
				}
			}
		}
		for _, p := range m.embeddedPages(name, sec) {
			out = append(out, p)
			if !all {
				return out
			}
		}
	}
	return out
}

// findInDir finds NAME.SEC* (plain or compressed) in dir: the exact
// section first, then pages whose extension extends it (3 finds 3p).
// Without all, an exact match ends the search before the directory is
// listed (/usr/share/man/man1 can hold tens of thousands of names).
func findInDir(dir, name, sec string, matchCase, all bool) []*page {
	var out []*page
	for _, z := range compressed {
		p := filepath.Join(dir, name+"."+sec+z)
		if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() {
			out = append(out, &page{path: p, name: name, sec: sec})
			break
		}
	}
	if len(out) > 0 && !all {
		return out
	}
	matches, _ := filepath.Glob(filepath.Join(dir, globEscape(name)+"."+globEscape(sec)+"?*"))
	sort.Strings(matches)
	for _, p := range matches {
		base := filepath.Base(p)
		ext := strings.TrimPrefix(base, name+".")
		for _, z := range compressed[1:] {
			ext = strings.TrimSuffix(ext, z)
		}
		if ext == sec || strings.Contains(ext, ".") {
			continue
		}
		out = append(out, &page{path: p, name: name, sec: ext})
	}
	if len(out) == 0 && !matchCase {
		// man-db looks case-insensitively by default
		ents, err := os.ReadDir(dir)
		if err != nil {
			return nil
		}
		prefix := strings.ToLower(name + "." + sec)
		for _, e := range ents {
			n := e.Name()
			if strings.HasPrefix(strings.ToLower(n), prefix) {
				ext := n[len(name)+1:]
				for _, z := range compressed[1:] {
					ext = strings.TrimSuffix(ext, z)
				}
				if strings.Contains(ext, ".") {
					continue
				}
				out = append(out, &page{path: filepath.Join(dir, n), name: n[:len(name)], sec: ext})
				break
			}
		}
	}
	return out
}

func globEscape(s string) string {
	r := strings.NewReplacer(`*`, `\*`, `?`, `\?`, `[`, `\[`, `\`, `\\`)
	return r.Replace(s)
}

// embeddedPages returns the pages inside zinebox named name in section
// sec: applets' pages first, then pkg/manpages.
func (m *man) embeddedPages(name, sec string) []*page {
	var out []*page
	for _, a := range m.io.Applets {
		if a.Page() == "" || a.Name != name && !(!m.o.matchCase && strings.EqualFold(a.Name, name)) {
			continue
		}
		s := a.ManSection()
		if s == sec || strings.HasPrefix(s, sec) && sec == s[:1] {
			out = append(out, &page{path: fmt.Sprintf("man%s/%s.%s", s[:1], a.Name, s), embedded: a.Page(), isEmb: true, name: a.Name, sec: s})
		}
	}
	if len(out) > 0 {
		return out
	}
	fsys := manpages.FS()
	ents, _ := fs.ReadDir(fsys, "man"+sec[:1])
	for _, e := range ents {
		n := e.Name()
		i := strings.LastIndexByte(n, '.')
		if i < 0 || n[:i] != name && !(!m.o.matchCase && strings.EqualFold(n[:i], name)) {
			continue
		}
		s := n[i+1:]
		if s != sec && !(len(sec) == 1 && strings.HasPrefix(s, sec)) {
			continue
		}
		p := path.Join("man"+sec[:1], n)
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			continue
		}
		out = append(out, &page{path: p, embedded: string(b), isEmb: true, name: n[:i], sec: s})
	}
	return out
}

// source returns a page's roff source, decompressed, with a page that is
// only a .so line (a link to another page) followed.
func (m *man) source(p *page) (string, error) {
	if p.isEmb {
		return p.embedded, nil
	}
	src, err := readPage(m.io.Path(p.path))
	if err != nil {
		return "", err
	}
	for i := 0; i < 5; i++ {
		target, ok := soLink(src)
		if !ok {
			break
		}
		next, err := m.readRelative(p, target)
		if err != nil {
			break
		}
		src = next
	}
	return src, nil
}

// soLink reports whether src is just a ".so FILE" link, and to what.
func soLink(src string) (string, bool) {
	for _, l := range strings.Split(src, "\n") {
		t := strings.TrimSpace(l)
		if t == "" || strings.HasPrefix(t, `.\"`) || strings.HasPrefix(t, `'\"`) {
			continue
		}
		if strings.HasPrefix(t, ".so ") {
			return strings.TrimSpace(t[4:]), true
		}
		return "", false
	}
	return "", false
}

// readRelative reads the file a .so request names: relative to the
// manual directory that holds p's section directory, or to p's directory.
func (m *man) readRelative(p *page, name string) (string, error) {
	if p.isEmb {
		b, err := fs.ReadFile(manpages.FS(), name)
		return string(b), err
	}
	file := m.io.Path(p.path)
	var cands []string
	if filepath.IsAbs(name) {
		cands = []string{name}
	} else {
		dir := filepath.Dir(file)
		cands = []string{filepath.Join(filepath.Dir(dir), name), filepath.Join(dir, name)}
	}
	var firstErr error
	for _, c := range cands {
		for _, z := range compressed {
			s, err := readPage(c + z)
			if err == nil {
				return s, nil
			}
			if firstErr == nil {
				firstErr = err
			}
		}
	}
	return "", firstErr
}

// includer returns the .so resolver for the renderer.
func (m *man) includer(p *page) func(string) (string, error) {
	return func(name string) (string, error) { return m.readRelative(p, name) }
}

// maxPage bounds what is read of one page (bash(1) is 330 KB).
const maxPage = 16 << 20

// readPage reads a page file, decompressing gzip by content.
func readPage(name string) (string, error) {
	f, err := os.Open(name)
	if err != nil {
		return "", err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return "", err
	}
	if st.IsDir() {
		return "", errors.New("is a directory")
	}
	b, err := io.ReadAll(io.LimitReader(f, maxPage))
	if err != nil {
		return "", err
	}
	return decompress(b)
}

// decompress returns a page's text: gzip'd pages are read in-process,
// bzip2, xz and zstd ones through the system's decompressor, as man-db
// does (pkg/unpack), found in glibc's default PATH.
func decompress(b []byte) (string, error) {
	f, ok := unpack.Detect(b)
	if !ok {
		return string(b), nil
	}
	out, err := unpack.Decompress(f, bytes.NewReader(b), maxPage, nil)
	if err != nil {
		return "", fmt.Errorf("%s-compressed page: %w", f.Name, err)
	}
	return string(out), nil
}

func errMessage(err error) string {
	if err.Error() == "is a directory" {
		return "Is a directory"
	}
	return errno.Message(err)
}
