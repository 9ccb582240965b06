// Package ldd implements ldd(1): print the shared libraries a program
// needs and where the dynamic linker would find them.
//
// glibc's ldd runs the program's dynamic linker with LD_TRACE_LOADED_OBJECTS
// set, so it executes code named by the file it inspects. This ldd reads the
// files instead (pkg/elfdeps replays ld.so's search) and runs nothing, so it
// is safe on any file. The output is glibc 2.36's byte for byte except the
// load addresses, which are placeholders (see ldd.1).
package ldd

import (
	_ "embed"
	"errors"
	"fmt"
	"os"
	"strings"

	"golang.org/x/sys/unix"

	"github.com/zinebox/zinebox/pkg/applet"
	"github.com/zinebox/zinebox/pkg/elf"
	"github.com/zinebox/zinebox/pkg/elfdeps"
	"github.com/zinebox/zinebox/pkg/getopt"
)

//go:embed ldd.1
var manPage string

var Applet = applet.Applet{
	Name:    "ldd",
	Summary: "print shared object dependencies",
	Man:     &manPage,
	Main:    run,
}

var spec = getopt.Spec{
	Prog:    "ldd",
	Usage:   []string{"[OPTION]... FILE..."},
	Summary: "Print the shared libraries each FILE needs and where the dynamic linker\nwould find them, without running anything.",
	Options: []getopt.Option{
		{Short: 'd', Long: "data-relocs", Help: "process data relocations (accepted, no effect)"},
		{Short: 'r', Long: "function-relocs", Help: "process data and function relocations (accepted, no effect)"},
		{Short: 'u', Long: "unused", Help: "print unused direct dependencies"},
		{Short: 'v', Long: "verbose", Help: "print all information"},
	},
}

// parseArgs reads the command line as glibc's ldd script does: options
// only before the first file (no permutation, no bundling), long ones
// abbreviated down to a fixed prefix, "--v" to "--ver" ambiguous. It
// returns the option keys, the files, and a complaint for a bad option.
func parseArgs(args []string) (keys, files []string, bad string) {
	long := func(a, name string, min int) bool {
		return len(a) >= min && len(a) <= len(name) && name[:len(a)] == a
	}
	for i, a := range args {
		switch {
		case a == "--":
			return keys, args[i+1:], ""
		case long(a, "--version", len("--vers")):
			return append(keys, "version"), nil, ""
		case long(a, "--help", len("--h")):
			return append(keys, "help"), nil, ""
		case a == "-d" || long(a, "--data-relocs", len("--d")):
			keys = append(keys, "data-relocs")
		case a == "-r" || long(a, "--function-relocs", len("--f")):
			keys = append(keys, "function-relocs")
		case a == "-v" || long(a, "--verbose", len("--verb")):
			keys = append(keys, "verbose")
		case a == "-u" || long(a, "--unused", len("--u")):
			keys = append(keys, "unused")
		case long(a, "--ver", len("--v")):
			return nil, nil, fmt.Sprintf("option `%s' is ambiguous", a)
		case strings.HasPrefix(a, "-"):
			return nil, nil, fmt.Sprintf("unrecognized option `%s'\nTry `ldd --help' for more information.", a)
		default:
			return keys, args[i:], ""
		}
	}
	return keys, nil, ""
}

func run(io *applet.IO, args []string) int {
	keys, files, bad := parseArgs(args)
	if bad != "" {
		io.Errorf("%s", bad)
		return 1
	}
	verbose, unused := false, false
	for _, k := range keys {
		switch k {
		case "help", "version":
			_, _, st := io.Parse(&spec, []string{"--" + k}, 1)
			return st
		case "verbose":
			verbose = true
		case "unused":
			unused = true
		}
	}
	if len(files) == 0 {
		io.Errorf("missing file arguments")
		fmt.Fprintf(io.Stderr, "Try `%s --help' for more information.\n", io.Name)
		return 1
	}
	r := struct{ Operands []string }{files}
	res := elfdeps.NewResolver(elfdeps.Config{Env: io.Env, Dir: io.Dir, Versions: verbose})
	status := 0
	for _, name := range r.Operands {
		if len(r.Operands) > 1 {
			fmt.Fprintf(io.Stdout, "%s:\n", name)
		}
		file := name
		if !strings.Contains(file, "/") {
			file = "./" + file // as glibc's ldd script does
		}
		if st := one(io, res, file, verbose, unused); st != 0 {
			status = st
		}
	}
	return io.Finish(status)
}

// one prints the dependencies of one file and returns its status.
func one(io *applet.IO, res *elfdeps.Resolver, file string, verbose, unused bool) int {
	fi, err := os.Stat(io.Path(file))
	switch {
	case err != nil:
		return io.PathError(file, err)
	case !fi.Mode().IsRegular():
		io.Errorf("%s: not regular file", file)
		return 1
	case unix.Access(io.Path(file), unix.R_OK) != nil:
		io.Errorf("error: you do not have read permission for `%s'", file)
		return 1
	}
	t, err := res.Resolve(file)
	if errors.Is(err, elfdeps.ErrNotDynamic) || errors.Is(err, elfdeps.ErrNotELF) {
		io.Stdout.Flush()
		fmt.Fprintf(io.Stderr, "\tnot a dynamic executable\n")
		return 1
	}
	if err != nil {
		return io.PathError(file, err)
	}
	if t.Static {
		fmt.Fprintf(io.Stdout, "\tstatically linked\n")
		return 0
	}
	// glibc's ldd runs the linker twice (--verify, then the trace) and
	// each run complains about a missing preload: the first on standard
	// error, the tracing one on standard output.
	for _, w := range []interface{ Write([]byte) (int, error) }{io.Stderr, io.Stdout} {
		for _, name := range t.PreloadMissing {
			io.Stdout.Flush()
			fmt.Fprintf(w, "ERROR: ld.so: object '%s' from LD_PRELOAD cannot be preloaded (cannot open shared object file): ignored.\n", name)
		}
	}
	if unused {
		return printUnused(io, t)
	}
	addrs := layout(t)
	for _, l := range t.List {
		switch {
		case !l.Found():
			fmt.Fprintf(io.Stdout, "\t%s => not found\n", l.Name)
		case l.VDSO || l.Name == l.Path:
			fmt.Fprintf(io.Stdout, "\t%s (0x%016x)\n", l.Name, addrs[l])
		default:
			fmt.Fprintf(io.Stdout, "\t%s => %s (0x%016x)\n", l.Name, l.Path, addrs[l])
		}
	}
	if verbose {
		printVersions(io, t)
	}
	return 0
}

// layout gives each object a load address: ld.so maps objects with mmap,
// which hands out address space downwards from below the stack, so each
// object lies below the previous one. The base is fixed (no randomisation)
// so that runs are reproducible; the spacing is each object's mapped size.
func layout(t *elfdeps.Tree) map[*elfdeps.Lib]uint64 {
	const page = 0x1000
	addrs := map[*elfdeps.Lib]uint64{}
	next := uint64(0x00007f0000000000)
	place := func(l *elfdeps.Lib) {
		size := uint64(page)
		if l.Obj != nil {
			size = l.Obj.MappedSize()
		}
		next -= (size + page - 1) &^ (page - 1)
		addrs[l] = next
	}
	// The dynamic linker and the vDSO are mapped by the kernel before any
	// library, above them.
	for _, l := range t.List {
		if l.RTLD || l.VDSO {
			place(l)
		}
	}
	for _, l := range t.List {
		if !l.RTLD && !l.VDSO && l.Found() {
			place(l)
		}
	}
	return addrs
}

// printVersions prints ldd -v's "Version information" section: for each
// object that needs symbol versions, which library provides each.
func printVersions(io *applet.IO, t *elfdeps.Tree) {
	fmt.Fprintf(io.Stdout, "\n\tVersion information:\n")
	objs := append([]*elfdeps.Lib{t.Main}, t.List...)
	for _, l := range objs {
		if l.Obj == nil || len(l.Obj.VerNeed) == 0 {
			continue
		}
		fmt.Fprintf(io.Stdout, "\t%s:\n", l.Path)
		for _, vn := range l.Obj.VerNeed {
			where := "not found"
			if dep := lookup(t, vn.File); dep != nil && dep.Found() {
				where = dep.Path
			}
			for _, v := range vn.Versions {
				weak := ""
				if v.Weak {
					weak = "[WEAK] "
				}
				fmt.Fprintf(io.Stdout, "\t\t%s (%s) %s=> %s\n", vn.File, v.Name, weak, where)
			}
		}
	}
}

// lookup finds the loaded object that a version need names.
func lookup(t *elfdeps.Tree, name string) *elfdeps.Lib {
	for _, l := range t.List {
		if l.Name == name || l.Path == name || (l.Obj != nil && l.Obj.SOName == name) {
			return l
		}
	}
	return nil
}

// printUnused prints the direct dependencies of the program that provide
// none of the symbols it imports, as ld.so does after relocating it, and
// returns 1 when there are any.
func printUnused(io *applet.IO, t *elfdeps.Tree) int {
	undef, err := importedSymbols(io.Path(t.Main.Path))
	if err != nil {
		return 0
	}
	used := map[*elfdeps.Lib]bool{}
	defs := map[*elfdeps.Lib]map[string]bool{}
	for _, sym := range undef {
		// The first object in search order that defines the symbol wins.
		for _, l := range t.Search[1:] {
			if l.Obj == nil {
				continue
			}
			d, ok := defs[l]
			if !ok {
				d = definedSymbols(io.Path(l.Path))
				defs[l] = d
			}
			if d[sym] {
				used[l] = true
				break
			}
		}
	}
	var out []string
	for _, l := range t.Direct {
		switch {
		case !l.Found():
			out = append(out, l.Name)
		case !used[l] && !l.RTLD:
			out = append(out, l.Path)
		}
	}
	if len(out) == 0 {
		return 0
	}
	fmt.Fprintf(io.Stdout, "Unused direct dependencies:\n")
	for _, p := range out {
		fmt.Fprintf(io.Stdout, "\t%s\n", p)
	}
	return 1
}

// importedSymbols lists the undefined dynamic symbols of an object.
func importedSymbols(path string) (names []string, err error) {
	syms, err := dynSyms(path)
	for _, s := range syms {
		if s.Section == elf.SHN_UNDEF && s.Name != "" {
			names = append(names, s.Name)
		}
	}
	return names, err
}

// definedSymbols returns the set of dynamic symbols an object exports.
func definedSymbols(path string) map[string]bool {
	syms, _ := dynSyms(path)
	m := make(map[string]bool, len(syms))
	for _, s := range syms {
		if s.Section != elf.SHN_UNDEF && elf.ST_BIND(s.Info) != elf.STB_LOCAL {
			m[s.Name] = true
		}
	}
	return m
}

// dynSyms reads .dynsym; a malformed file gives an error, never a crash
// (pkg/elf checks every offset against the file).
func dynSyms(path string) ([]elf.Symbol, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	ef, err := elf.NewFile(f, fi.Size())
	if err != nil {
		return nil, err
	}
	return ef.DynamicSymbols()
}
