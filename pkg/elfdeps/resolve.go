package elfdeps

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"golang.org/x/sys/unix"

	"github.com/zinebox/zinebox/pkg/elf"
	"github.com/zinebox/zinebox/pkg/execpath"
	"github.com/zinebox/zinebox/pkg/ldcache"
)

// ErrNotDynamic is returned by Resolve for files ld.so would not load as a
// program: not ELF, another architecture, or static without PT_DYNAMIC.
var ErrNotDynamic = errors.New("not a dynamic executable")

// Platform describes the dynamic linker of one architecture as Debian
// builds it.
type Platform struct {
	Machine     elf.Machine
	Class       elf.Class
	RTLD        string   // the linker ldd runs: /lib64/ld-linux-x86-64.so.2
	Lib         string   // what $LIB expands to
	Name        string   // what $PLATFORM expands to (AT_PLATFORM)
	CacheFlags  int32    // ld.so.cache flags of a suitable library
	DefaultDirs []string // searched last, unless DF_1_NODEFLIB
	// HWCaps lists the glibc-hwcaps subdirectories the CPU can use, most
	// capable first; ld.so tries each in every directory it searches.
	HWCaps []string
}

// HostPlatform returns the platform of the running machine: x86-64 with the
// glibc-hwcaps levels its CPU supports, or aarch64.
func HostPlatform() *Platform {
	if runtime.GOARCH == "arm64" {
		return &Platform{
			Machine: elf.EM_AARCH64, Class: elf.ELFCLASS64, RTLD: "/lib/ld-linux-aarch64.so.1",
			Lib: "lib/aarch64-linux-gnu", Name: "aarch64", CacheFlags: ldcache.FlagELFLibc6 | 0x0a00,
			DefaultDirs: []string{"/lib/aarch64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/lib", "/usr/lib"},
		}
	}
	p := &Platform{
		Machine: elf.EM_X86_64, Class: elf.ELFCLASS64, RTLD: "/lib64/ld-linux-x86-64.so.2",
		Lib: "lib/x86_64-linux-gnu", Name: "x86_64", CacheFlags: ldcache.FlagsX8664,
		DefaultDirs: []string{"/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib", "/usr/lib"},
	}
	// The CPU's features decide which glibc-hwcaps levels ld.so searches
	// and what $PLATFORM expands to (see x86Platform); they are read here,
	// when something is resolved.
	var name string
	p.HWCaps, name = x86Platform(readCPUInfo())
	if name != "" {
		p.Name = name
	}
	return p
}

// Config says how to resolve.
type Config struct {
	Env      []string       // LD_LIBRARY_PATH is taken from here
	Dir      string         // working directory for relative paths; "" = the process's
	Platform *Platform      // nil: HostPlatform()
	Cache    *ldcache.Cache // nil: read /etc/ld.so.cache when first needed
	NoCache  bool           // do not use any ld.so.cache
	Versions bool           // read VerNeed of every object (for ldd -v)
}

// Lib is one object in the dynamic linker's list.
type Lib struct {
	Name   string  // as asked for: the DT_NEEDED string, PT_INTERP, or the program's path
	Path   string  // the file ld.so would map, spelled as ld.so would ("" if not found)
	Obj    *Object // nil when not found or for the vDSO
	Loader *Lib    // the object whose DT_NEEDED loaded this one first
	RTLD   bool    // the dynamic linker itself
	VDSO   bool    // linux-vdso.so.1, the kernel's page of code
	names  []string
	ino    fileID
}

// Found reports whether the library was found.
func (l *Lib) Found() bool { return l.Obj != nil || l.VDSO }

// Tree is the outcome of resolving one program.
type Tree struct {
	Main *Lib
	// List is what `ldd` prints, in ld.so's order: the vDSO, every object
	// in load order (breadth-first), and the dynamic linker at the place of
	// its first use. Libraries that were not found are in it too.
	List []*Lib
	// Search is the breadth-first search list: the program first, then
	// each object that was found, once, as symbol lookup visits them.
	Search []*Lib
	// Direct lists the program's own dependencies (its DT_NEEDED entries,
	// each object once, found or not).
	Direct []*Lib
	// Static is set for a program ld.so has nothing to load for (no
	// DT_NEEDED): static-pie binaries, ld.so itself. List is empty then.
	Static bool
	// PreloadMissing lists the LD_PRELOAD names that were not found; ld.so
	// reports and ignores them.
	PreloadMissing []string
}

type fileID struct{ dev, ino uint64 }

// Resolver resolves programs; it caches parsed objects and the ld.so.cache
// across calls, so ldd of many files reads each library once.
type Resolver struct {
	cfg       Config
	plat      *Platform
	cwd       string
	cache     *ldcache.Cache
	cacheRead bool
	objs      map[string]objResult
}

type objResult struct {
	obj *Object
	id  fileID
	err error
}

// NewResolver returns a Resolver for cfg.
func NewResolver(cfg Config) *Resolver {
	r := &Resolver{cfg: cfg, plat: cfg.Platform, cwd: cfg.Dir, cache: cfg.Cache, objs: map[string]objResult{}}
	if r.plat == nil {
		r.plat = HostPlatform()
	}
	if r.cwd == "" {
		r.cwd, _ = os.Getwd()
	}
	r.cacheRead = cfg.Cache != nil || cfg.NoCache
	return r
}

// abs makes a path that ld.so would open relative to its working directory
// absolute, for opening it here.
func (r *Resolver) abs(p string) string {
	if filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(r.cwd, p)
}

// open parses the object at path (cached).
func (r *Resolver) open(path string) (*Object, fileID, error) {
	a := r.abs(path)
	if res, ok := r.objs[a]; ok {
		return res.obj, res.id, res.err
	}
	o, err := Open(a, r.cfg.Versions)
	var id fileID
	if err == nil {
		var st unix.Stat_t
		if unix.Stat(a, &st) == nil {
			id = fileID{uint64(st.Dev), st.Ino}
		}
	}
	r.objs[a] = objResult{o, id, err}
	return o, id, err
}

// Resolve reads the program at path (as given: relative paths count from
// Config.Dir) and lists what ld.so would load for it.
func (r *Resolver) Resolve(path string) (*Tree, error) {
	o, id, err := r.open(path)
	if err != nil {
		if errors.Is(err, ErrNotELF) {
			return nil, ErrNotDynamic
		}
		return nil, err
	}
	if o.Machine != r.plat.Machine || o.Class != r.plat.Class || !o.HasDynamic ||
		(o.Type != elf.ET_EXEC && o.Type != elf.ET_DYN) {
		return nil, ErrNotDynamic
	}
	main := &Lib{Name: path, Path: path, Obj: o, ino: id}
	t := &Tree{Main: main}
	if len(o.Needed) == 0 {
		t.Static = true
		return t, nil
	}
	st := &state{r: r, t: t, main: main}
	st.rtld = r.rtldLib(o)
	st.known = []*Lib{main, st.rtld}

	t.Search = []*Lib{main}
	inSearch := map[*Lib]bool{main: true}
	inDirect := map[*Lib]bool{}
	var loaded []*Lib
	inLoaded := map[*Lib]bool{main: true, st.rtld: true}
	addLoaded := func(l *Lib) {
		if !inLoaded[l] {
			inLoaded[l] = true
			loaded = append(loaded, l)
		}
	}
	// LD_PRELOAD objects come right after the program, in the list and in
	// the search order; one that cannot be found is skipped with a message.
	if pre, ok := execpath.Getenv(r.cfg.Env, "LD_PRELOAD"); ok {
		for _, name := range strings.FieldsFunc(pre, func(c rune) bool { return c == ' ' || c == ':' }) {
			dep := st.match(name)
			if dep == nil {
				if dep = st.load(name, main); !dep.Found() {
					st.known = st.known[:len(st.known)-1] // not kept, unlike a missing DT_NEEDED
					t.PreloadMissing = append(t.PreloadMissing, name)
					continue
				}
				addLoaded(dep)
			}
			if !inSearch[dep] {
				inSearch[dep] = true
				t.Search = append(t.Search, dep)
			}
		}
	}
	for i := 0; i < len(t.Search); i++ {
		l := t.Search[i]
		if l.Obj == nil {
			continue
		}
		for _, name := range l.Obj.Needed {
			dep := st.match(name)
			if dep == nil {
				dep = st.load(name, l)
				addLoaded(dep) // a new name may still be a file already loaded
			}
			if l == main && !inDirect[dep] {
				inDirect[dep] = true
				t.Direct = append(t.Direct, dep)
			}
			// Libraries that were not found are listed but not searched.
			if !inSearch[dep] && dep.Found() {
				inSearch[dep] = true
				t.Search = append(t.Search, dep)
			}
		}
	}

	vdso := &Lib{Name: "linux-vdso.so.1", VDSO: true}
	t.List = append([]*Lib{vdso}, loaded...)
	// ld.so takes itself out of its list and puts itself back after the
	// object that precedes it in the search list; unused, it is not listed.
	for i, l := range t.Search {
		if l != st.rtld {
			continue
		}
		prev := t.Search[i-1]
		at := 0
		for j, x := range t.List {
			if x == prev {
				at = j + 1
			}
		}
		t.List = append(t.List[:at], append([]*Lib{st.rtld}, t.List[at:]...)...)
	}
	return t, nil
}

// rtldLib describes the dynamic linker that ldd would run: the platform's,
// named after the program's PT_INTERP when it has one.
func (r *Resolver) rtldLib(main *Object) *Lib {
	l := &Lib{Name: r.plat.RTLD, Path: r.plat.RTLD, RTLD: true}
	if main.HasInterp {
		l.Name = main.Interp
	}
	if o, id, err := r.open(r.plat.RTLD); err == nil {
		l.Obj, l.ino = o, id
	} else {
		l.Obj = &Object{SOName: filepath.Base(r.plat.RTLD)}
	}
	return l
}

// state is one resolution in progress.
type state struct {
	r     *Resolver
	t     *Tree
	main  *Lib
	rtld  *Lib
	known []*Lib // every object in the namespace, for matching names
}

// match finds an object already loaded under name: by the name it was
// asked for, by its path, or by its DT_SONAME, as _dl_map_object does.
func (s *state) match(name string) *Lib {
	for _, l := range s.known {
		if l.Name == name || (l.Path != "" && l.Path == name) {
			return l
		}
		for _, n := range l.names {
			if n == name {
				return l
			}
		}
	}
	for _, l := range s.known {
		if l.Obj != nil && l.Obj.SOName == name {
			l.names = append(l.names, name)
			return l
		}
	}
	return nil
}

// load finds the file for name, needed by loader, and adds it to the
// namespace. A library that is not found is added too (ld.so's "faked"
// map), so that it is reported once.
func (s *state) load(name string, loader *Lib) *Lib {
	l := &Lib{Name: name, Loader: loader}
	path, o, id := s.find(name, loader)
	if o != nil {
		// The same file under another name is the same object.
		for _, k := range s.known {
			if k.ino == id && id != (fileID{}) && k.Obj != nil {
				k.names = append(k.names, name)
				return k
			}
		}
		l.Path, l.Obj, l.ino = path, o, id
	}
	s.known = append(s.known, l)
	return l
}

// find searches for name in ld.so's order and returns the path as ld.so
// spells it and the object there.
func (s *state) find(name string, loader *Lib) (string, *Object, fileID) {
	if strings.Contains(name, "/") {
		p, ok := s.expand(name, loader)
		if !ok {
			return "", nil, fileID{}
		}
		return s.try(p)
	}
	try := func(list string, owner *Lib, seps string) (string, *Object, fileID) {
		for _, dir := range s.dirs(list, owner, seps) {
			if p, o, id := s.tryDir(dir, name); o != nil {
				return p, o, id
			}
		}
		return "", nil, fileID{}
	}
	// DT_RPATH of the loader and of its loaders, unless the loader has a
	// DT_RUNPATH; then the program's own DT_RPATH.
	if !loader.Obj.HasRunPath {
		didMain := false
		for l := loader; l != nil; l = l.Loader {
			if l.Obj != nil && l.Obj.HasRPath && !l.Obj.HasRunPath {
				if p, o, id := try(l.Obj.RPath, l, ":"); o != nil {
					return p, o, id
				}
			}
			didMain = didMain || l == s.main
		}
		if m := s.main.Obj; !didMain && m.HasRPath && !m.HasRunPath {
			if p, o, id := try(m.RPath, s.main, ":"); o != nil {
				return p, o, id
			}
		}
	}
	if llp, ok := execpath.Getenv(s.r.cfg.Env, "LD_LIBRARY_PATH"); ok && llp != "" {
		if p, o, id := try(llp, s.main, ":;"); o != nil {
			return p, o, id
		}
	}
	if loader.Obj.HasRunPath {
		if p, o, id := try(loader.Obj.RunPath, loader, ":"); o != nil {
			return p, o, id
		}
	}
	nodeflib := loader.Obj.NoDefLib()
	if c := s.r.ldcache(); c != nil {
		if p, ok := c.Lookup(name, s.r.plat.CacheFlags, s.r.hwcapsPriority); ok && !(nodeflib && s.r.inDefaultDir(p)) {
			if p, o, id := s.try(p); o != nil {
				return p, o, id
			}
		}
	}
	if !nodeflib {
		for _, dir := range s.r.plat.DefaultDirs {
			if p, o, id := s.tryDir(dir+"/", name); o != nil {
				return p, o, id
			}
		}
	}
	return "", nil, fileID{}
}

// tryDir tries name in dir (which ends in "/" or is "" for the working
// directory) and in its glibc-hwcaps subdirectories.
func (s *state) tryDir(dir, name string) (string, *Object, fileID) {
	for _, h := range s.r.plat.HWCaps {
		if p, o, id := s.try(dir + "glibc-hwcaps/" + h + "/" + name); o != nil {
			return p, o, id
		}
	}
	return s.try(dir + name)
}

// try opens path and accepts it if it is an ELF object of the program's
// class and machine; ld.so skips other files and goes on searching.
func (s *state) try(path string) (string, *Object, fileID) {
	o, id, err := s.r.open(path)
	if err != nil || o.Class != s.main.Obj.Class || o.Machine != s.main.Obj.Machine || o.Data != s.main.Obj.Data {
		return "", nil, fileID{}
	}
	return path, o, id
}

// dirs splits a search path into directories as ld.so stores them: tokens
// expanded, trailing slashes replaced by one, empty elements meaning the
// working directory (""), duplicates dropped.
func (s *state) dirs(list string, owner *Lib, seps string) []string {
	var out []string
	var parts []string
	start := 0
	for i := 0; i <= len(list); i++ {
		if i == len(list) || strings.IndexByte(seps, list[i]) >= 0 {
			parts = append(parts, list[start:i])
			start = i + 1
		}
	}
	for _, d := range parts {
		if d != "" {
			var ok bool
			if d, ok = s.expand(d, owner); !ok || d == "" {
				continue
			}
			for len(d) > 1 && d[len(d)-1] == '/' {
				d = d[:len(d)-1]
			}
			if d != "/" {
				d += "/"
			}
		}
		dup := false
		for _, x := range out {
			dup = dup || x == d
		}
		if !dup {
			out = append(out, d)
		}
	}
	return out
}

// expand replaces the dynamic string tokens $ORIGIN, $LIB and $PLATFORM
// (also written ${ORIGIN} ...) in s, for the object owner.
func (s *state) expand(str string, owner *Lib) (string, bool) {
	if !strings.Contains(str, "$") {
		return str, true
	}
	var b strings.Builder
	for i := 0; i < len(str); i++ {
		if str[i] != '$' {
			b.WriteByte(str[i])
			continue
		}
		tok, n := dstToken(str[i+1:])
		switch tok {
		case "ORIGIN":
			o := s.origin(owner)
			if o == "" {
				return "", false
			}
			b.WriteString(o)
		case "LIB":
			b.WriteString(s.r.plat.Lib)
		case "PLATFORM":
			b.WriteString(s.r.plat.Name)
		default:
			b.WriteByte('$')
			continue
		}
		i += n
	}
	return b.String(), true
}

// dstToken recognises a token name after '$': "ORIGIN/..." or "{ORIGIN}...",
// and returns it with the number of bytes it takes.
func dstToken(s string) (string, int) {
	for _, name := range []string{"ORIGIN", "PLATFORM", "LIB"} {
		if strings.HasPrefix(s, "{"+name+"}") {
			return name, len(name) + 2
		}
		if strings.HasPrefix(s, name) {
			rest := s[len(name):]
			if rest == "" || !isIdent(rest[0]) {
				return name, len(name)
			}
		}
	}
	return "", 0
}

func isIdent(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// origin is the directory of the object's path as ld.so computes it: the
// path as found, made absolute with the working directory but not
// cleaned ("./x" in /tmp gives "/tmp/.").
func (s *state) origin(l *Lib) string {
	p := l.Path
	if p == "" {
		return ""
	}
	if !strings.HasPrefix(p, "/") {
		cwd := s.r.cwd
		if !strings.HasSuffix(cwd, "/") {
			cwd += "/"
		}
		p = cwd + p
	}
	i := strings.LastIndexByte(p, '/')
	if i == 0 {
		return "/"
	}
	return p[:i]
}

// ldcache returns the ld.so.cache, reading it on first use.
func (r *Resolver) ldcache() *ldcache.Cache {
	if !r.cacheRead {
		r.cacheRead = true
		if c, err := ldcache.Load(ldcache.DefaultPath); err == nil {
			r.cache = c
		}
	}
	return r.cache
}

// hwcapsPriority ranks a glibc-hwcaps subdirectory for cache lookups.
func (r *Resolver) hwcapsPriority(name string) int {
	for i, h := range r.plat.HWCaps {
		if h == name {
			return len(r.plat.HWCaps) - i
		}
	}
	return 0
}

// inDefaultDir reports whether a cached path lies in a default directory,
// which DF_1_NODEFLIB excludes (ld.so compares prefixes).
func (r *Resolver) inDefaultDir(p string) bool {
	for _, d := range r.plat.DefaultDirs {
		if strings.HasPrefix(p, d+"/") {
			return true
		}
	}
	return false
}
