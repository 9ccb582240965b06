package man

import (
	"bufio"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/zinebox/zinebox/pkg/manpages"
	"github.com/zinebox/zinebox/pkg/roff"
)

// entry is one line of the whatis index: a name a page answers to (its
// file's name or one its NAME section lists), the page, its section, and
// the description from its NAME section.
type entry struct {
	name, page, sec, desc string
}

// String is the line whatis and apropos print: the page, not the alias
// that matched (man -k stpecpy finds string_copying(7)), as man-db does.
func (e entry) String() string {
	return fmt.Sprintf("%-20s - %s", e.page+" ("+e.sec+")", e.desc)
}

// line is String cut to width columns with "...", as man-db's whatis and
// apropos cut long descriptions.
func (e entry) line(width int) string {
	s := e.String()
	if r := []rune(s); len(r) > width && width > 3 {
		return string(r[:width-3]) + "..."
	}
	return s
}

// whatisMain is man -f (whatis: pages by exact name) and man -k (apropos:
// pages whose name or description matches a regular expression).
func (m *man) whatisMain(names []string) int {
	io := m.io
	if len(names) == 0 {
		// man-db prints this question on standard output
		if m.o.apropos {
			fmt.Fprintln(io.Stdout, "apropos what?")
		} else {
			fmt.Fprintln(io.Stdout, "whatis what?")
		}
		return io.Finish(exitUsage)
	}
	// man-db's whatis and apropos fail only when no name found anything
	status := exitNotFound
	idx := m.index()
	width := m.width(false)
	for _, n := range names {
		var match func(e entry) bool
		if m.o.whatis {
			match = func(e entry) bool { return strings.EqualFold(e.name, n) }
		} else {
			re, err := regexp.Compile("(?i)" + n)
			if err != nil {
				io.Stdout.Flush()
				fmt.Fprintf(io.Stderr, "man: %s: invalid regular expression\n", n)
				return exitUsage
			}
			match = func(e entry) bool { return re.MatchString(e.name) || re.MatchString(e.desc) }
		}
		shown := map[[2]string]bool{}
		for _, e := range idx {
			k := [2]string{e.page, e.sec}
			if m.sectionWanted(e.sec) && !shown[k] && match(e) {
				shown[k] = true
				fmt.Fprintln(io.Stdout, e.line(width))
			}
		}
		if len(shown) == 0 {
			io.Stdout.Flush()
			fmt.Fprintf(io.Stderr, "%s: nothing appropriate.\n", n)
		} else {
			status = exitOK
		}
	}
	return io.Finish(status)
}

// sectionWanted reports whether -S (or $MANSECT) lets section sec through.
func (m *man) sectionWanted(sec string) bool {
	if m.o.sections == "" && m.io.Getenv("MANSECT") == "" {
		return true
	}
	for _, s := range m.order {
		if s == sec || len(s) == 1 && strings.HasPrefix(sec, s) {
			return true
		}
	}
	return false
}

// describe returns the names and description of p's NAME section.
func (m *man) describe(p *page) ([]string, string, bool) {
	src, err := m.source(p)
	if err != nil {
		return nil, "", false
	}
	return nameSection(src)
}

// nameSection extracts "name1, name2 \- description" from a page's NAME
// section and renders it to plain text.
func nameSection(src string) ([]string, string, bool) {
	var body []string
	in := false
	sc := bufio.NewScanner(strings.NewReader(src))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for sc.Scan() {
		l := sc.Text()
		if strings.HasPrefix(l, ".SH") || strings.HasPrefix(l, ".Sh") {
			if in {
				break
			}
			h := strings.ToUpper(strings.Trim(strings.TrimSpace(l[3:]), `"`))
			in = h == "NAME" || h == "NOM" || h == "NOMBRE" || h == "NAMN"
			continue
		}
		if in && !strings.HasPrefix(l, `.\"`) {
			body = append(body, l)
		}
	}
	if len(body) == 0 {
		return nil, "", false
	}
	pre := ".ad l\n.nh\n"
	mdoc := strings.HasPrefix(src, ".Dd") || strings.Contains(src, "\n.Dd")
	if mdoc {
		pre = ".Dd\n" + pre // the mdoc macros (.Nm, .Nd) of a BSD page
	}
	text := ""
	for _, l := range roff.Render(pre+strings.Join(body, "\n"), roff.Options{Width: 4000, NoTitles: true}) {
		text += strings.TrimSpace(l.String()) + " "
	}
	text = strings.Join(strings.Fields(text), " ")
	if mdoc {
		text = strings.Replace(text, " \u2014 ", " - ", 1) // .Nd's dash
	}
	i := strings.Index(text, " - ")
	if i < 0 {
		return nil, "", false
	}
	var names []string
	for _, n := range strings.Split(text[:i], ",") {
		if n = strings.TrimSpace(n); n != "" {
			names = append(names, n)
		}
	}
	return names, strings.TrimSpace(text[i+3:]), true
}

// index returns every page's whatis entries, sorted by name then section:
// the pages of the manual path (cached, rebuilt when a section directory
// changes) and the pages inside zinebox.
func (m *man) index() []entry {
	var all []entry
	seen := map[[3]string]bool{}
	add := func(e entry) {
		k := [3]string{e.name, e.page, e.sec}
		if !seen[k] {
			seen[k] = true
			all = append(all, e)
		}
	}
	for _, dir := range m.path {
		for _, e := range m.dirIndex(dir) {
			add(e)
		}
	}
	for _, a := range m.io.Applets {
		if a.Page() == "" {
			continue
		}
		if names, desc, ok := nameSection(a.Page()); ok {
			add(entry{a.Name, a.Name, a.ManSection(), desc})
			for _, n := range names {
				add(entry{n, a.Name, a.ManSection(), desc})
			}
		}
	}
	fs.WalkDir(manpages.FS(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		b, err := fs.ReadFile(manpages.FS(), p)
		if err != nil {
			return nil
		}
		base := filepath.Base(p)
		i := strings.LastIndexByte(base, '.')
		if i < 0 {
			return nil
		}
		if names, desc, ok := nameSection(string(b)); ok {
			add(entry{base[:i], base[:i], base[i+1:], desc})
			for _, n := range names {
				add(entry{n, base[:i], base[i+1:], desc})
			}
		}
		return nil
	})
	// an alias that has a page of its own in the same section (pipe2 in
	// pipe(2)'s NAME line, and pipe2.2) is found through that page only
	direct := map[[2]string]bool{}
	for _, e := range all {
		if e.name == e.page {
			direct[[2]string{e.name, e.sec}] = true
		}
	}
	kept := all[:0]
	for _, e := range all {
		if e.name == e.page || !direct[[2]string{e.name, e.sec}] {
			kept = append(kept, e)
		}
	}
	all = kept
	sort.SliceStable(all, func(i, j int) bool {
		a, b := strings.ToLower(all[i].page), strings.ToLower(all[j].page)
		if a != b {
			return a < b
		}
		return all[i].sec < all[j].sec
	})
	return all
}

// indexFormat names the layout of the cache files, so that a new layout
// does not read an old file.
const indexFormat = "whatis 4\n"

// fnv64 is the 64-bit FNV-1a hash of s: enough to give each manual
// directory its own cache file name (crypto/sha256 would cost zinebox's
// start-up far more than it buys here).
func fnv64(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// isLink reports whether a page file is a symbolic link or a .so stub.
func isLink(e os.DirEntry, path string) bool {
	if e.Type()&os.ModeSymlink != 0 {
		return true
	}
	src, err := readPage(path)
	if err != nil {
		return false
	}
	_, ok := soLink(src)
	return ok
}

// dirIndex returns the entries of one manual directory, from the cache
// when the directory's section subdirectories have not changed since.
func (m *man) dirIndex(dir string) []entry {
	subs, _ := filepath.Glob(filepath.Join(dir, "man*"))
	stamp := indexFormat + dir
	for _, s := range subs {
		if st, err := os.Stat(s); err == nil && st.IsDir() {
			stamp += fmt.Sprintf("|%s %d", s, st.ModTime().UnixNano())
		}
	}
	// The cache file is named after the directory and starts with the
	// stamp, so a changed directory is noticed by comparing the stamp
	// itself (a path holds no NUL) and rewrites the same file.
	header := stamp + "\x00"
	cache := ""
	if cd, err := os.UserCacheDir(); err == nil {
		cache = filepath.Join(cd, "zinebox", fmt.Sprintf("whatis-%016x", fnv64(dir)))
		if b, err := os.ReadFile(cache); err == nil && strings.HasPrefix(string(b), header) {
			var out []entry
			for _, l := range strings.Split(string(b[len(header):]), "\n") {
				if f := strings.SplitN(l, "\t", 4); len(f) == 4 {
					out = append(out, entry{f[0], f[1], f[2], f[3]})
				}
			}
			return out
		}
	}
	var out []entry
	for _, s := range subs {
		ents, err := os.ReadDir(s)
		if err != nil {
			continue
		}
		for _, e := range ents {
			n := e.Name()
			for _, z := range compressed[1:] {
				n = strings.TrimSuffix(n, z)
			}
			i := strings.LastIndexByte(n, '.')
			if i <= 0 || !isSection(n[i+1:]) {
				continue
			}
			p := &page{path: filepath.Join(s, e.Name()), name: n[:i], sec: n[i+1:]}
			names, desc, ok := m.describe(p)
			if !ok {
				continue
			}
			out = append(out, entry{p.name, p.name, p.sec, desc})
			if isLink(e, p.path) {
				// another name of a page: the page itself gives the aliases
				continue
			}
			for _, nm := range names {
				if nm != p.name {
					out = append(out, entry{nm, p.name, p.sec, desc})
				}
			}
		}
	}
	if cache != "" {
		var b strings.Builder
		b.WriteString(header)
		for _, e := range out {
			fmt.Fprintf(&b, "%s\t%s\t%s\t%s\n", e.name, e.page, e.sec, strings.ReplaceAll(e.desc, "\n", " "))
		}
		if os.MkdirAll(filepath.Dir(cache), 0o755) == nil {
			tmp := cache + ".tmp"
			if os.WriteFile(tmp, []byte(b.String()), 0o644) == nil {
				os.Rename(tmp, cache)
			}
		}
	}
	return out
}
