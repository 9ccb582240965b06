package man

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
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

// entry is one line of the whatis index: a name a page answers to, its
// section, and the description from its NAME section.
type entry struct {
	name, sec, desc string
}

func (e entry) String() string {
	return fmt.Sprintf("%-20s - %s", e.name+" ("+e.sec+")", e.desc)
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
	status := exitOK
	if m.o.whatis {
		for _, n := range names {
			var found []entry
			seen := map[string]bool{}
			for _, p := range m.find(n, "", true) {
				if _, desc, ok := m.describe(p); ok && !seen[p.sec] {
					seen[p.sec] = true
					found = append(found, entry{n, p.sec, desc})
				}
			}
			if len(found) == 0 {
				io.Stdout.Flush()
				fmt.Fprintf(io.Stderr, "%s: nothing appropriate.\n", n)
				status = exitNotFound
			}
			for _, e := range found {
				fmt.Fprintln(io.Stdout, e)
			}
		}
		return io.Finish(status)
	}
	idx := m.index()
	for _, n := range names {
		re, err := regexp.Compile("(?i)" + n)
		if err != nil {
			io.Stdout.Flush()
			fmt.Fprintf(io.Stderr, "man: %s: invalid regular expression\n", n)
			return exitUsage
		}
		any := false
		for _, e := range idx {
			if re.MatchString(e.name) || re.MatchString(e.desc) {
				fmt.Fprintln(io.Stdout, e)
				any = true
			}
		}
		if !any {
			io.Stdout.Flush()
			fmt.Fprintf(io.Stderr, "%s: nothing appropriate.\n", n)
			status = exitNotFound
		}
	}
	return io.Finish(status)
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
	text := ""
	for _, l := range roff.Render(".ad l\n.nh\n"+strings.Join(body, "\n"), roff.Options{Width: 4000, NoTitles: true}) {
		text += strings.TrimSpace(l.String()) + " "
	}
	text = strings.TrimSpace(text)
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
	seen := map[[2]string]bool{}
	add := func(e entry) {
		k := [2]string{e.name, e.sec}
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
		if a.Man == "" {
			continue
		}
		if names, desc, ok := nameSection(a.Man); ok {
			add(entry{a.Name, a.ManSection(), desc})
			for _, n := range names {
				add(entry{n, a.ManSection(), desc})
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
			add(entry{base[:i], base[i+1:], desc})
			for _, n := range names {
				add(entry{n, base[i+1:], desc})
			}
		}
		return nil
	})
	sort.Slice(all, func(i, j int) bool {
		if all[i].name != all[j].name {
			return all[i].name < all[j].name
		}
		return all[i].sec < all[j].sec
	})
	return all
}

// dirIndex returns the entries of one manual directory, from the cache
// when the directory's section subdirectories have not changed since.
func (m *man) dirIndex(dir string) []entry {
	subs, _ := filepath.Glob(filepath.Join(dir, "man*"))
	stamp := dir
	for _, s := range subs {
		if st, err := os.Stat(s); err == nil && st.IsDir() {
			stamp += fmt.Sprintf("|%s %d", s, st.ModTime().UnixNano())
		}
	}
	sum := sha256.Sum256([]byte(stamp))
	cache := ""
	if cd, err := os.UserCacheDir(); err == nil {
		cache = filepath.Join(cd, "zinebox", "man-"+hex.EncodeToString(sum[:8]))
		if b, err := os.ReadFile(cache); err == nil {
			var out []entry
			for _, l := range strings.Split(string(b), "\n") {
				if f := strings.SplitN(l, "\t", 3); len(f) == 3 {
					out = append(out, entry{f[0], f[1], f[2]})
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
			out = append(out, entry{p.name, p.sec, desc})
			for _, nm := range names {
				if nm != p.name {
					out = append(out, entry{nm, p.sec, desc})
				}
			}
		}
	}
	if cache != "" {
		var b strings.Builder
		for _, e := range out {
			fmt.Fprintf(&b, "%s\t%s\t%s\n", e.name, e.sec, strings.ReplaceAll(e.desc, "\n", " "))
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
