// Package mem implements mem(1), four small experiments with memory that
// the zine's pages on malloc, page faults, copy on write and mmap describe:
//
//	mem alloc SIZE     grow the heap as malloc would (brk below 128 KiB, mmap above)
//	mem faults PAGES   map PAGES pages and touch them: one minor fault each
//	mem cow PAGES      a child maps its parent's memory privately and writes it: copies on write
//	mem mmap FILE      map a file and read its last byte: only that page is read in
//
// Each prints what it measured: the program break and /proc/self/maps
// lines, page-fault counts from getrusage(2), resident memory from
// /proc/self/status. Go's own allocator does not use brk, so the
// experiments make the system calls themselves, to show what C's malloc
// does underneath.
package mem

import (
	_ "embed"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"unsafe"

	"github.com/zinebox/zinebox/pkg/applet"
	"github.com/zinebox/zinebox/pkg/errno"
	"github.com/zinebox/zinebox/pkg/getopt"
	"github.com/zinebox/zinebox/pkg/proc"
	"golang.org/x/sys/unix"
)

//go:embed mem.1
var manPage string

var Applet = applet.Applet{
	Name:    "mem",
	Summary: "experiments with malloc, page faults, copy on write and mmap",
	Man:     &manPage,
	Main:    run,
}

var spec = getopt.Spec{
	Prog:  "mem",
	Usage: []string{"alloc SIZE", "faults PAGES", "cow PAGES", "mmap FILE"},
	Summary: `Experiments with memory:
  alloc SIZE    grow the heap as malloc(3) would: brk(2) below 128 KiB, mmap(2) above
  faults PAGES  map PAGES anonymous pages and touch each: one minor page fault a page
  cow PAGES     give a child process PAGES pages of this process's memory,
                privately; it reads them, then writes them: each first
                write copies a page (copy on write)
  mmap FILE     map FILE and read only its last byte: one page is read in`,
}

// threshold is glibc malloc's default M_MMAP_THRESHOLD: requests at least
// this large get their own mapping instead of heap space from brk.
const threshold = 128 << 10

func run(io *applet.IO, args []string) int {
	r, done, status := io.Parse(&spec, args, 1)
	if done {
		return status
	}
	ops := r.Operands
	if len(ops) != 2 {
		return io.UsageError(1, "expected an experiment and its argument")
	}
	var err error
	switch ops[0] {
	case "alloc":
		n, perr := parseSize(ops[1])
		if perr != nil {
			return io.UsageError(1, "invalid size '%s'", ops[1])
		}
		err = alloc(io, n)
	case "faults", "cow":
		pages, perr := strconv.Atoi(ops[1])
		if perr != nil || pages < 1 || pages > 1<<20 {
			return io.UsageError(1, "invalid number of pages '%s'", ops[1])
		}
		if ops[0] == "faults" {
			err = faults(io, pages)
		} else {
			err = cow(io, pages)
		}
	case "mmap":
		err = mapFile(io, io.Path(ops[1]), ops[1])
	default:
		return io.UsageError(1, "unknown experiment '%s'", ops[0])
	}
	if err != nil {
		io.Errorf("%s", err)
		return 1
	}
	return 0
}

// parseSize reads a byte count with an optional K, M or G (powers of 1024).
func parseSize(s string) (int, error) {
	mult := 1
	switch {
	case strings.HasSuffix(s, "K"):
		mult, s = 1<<10, s[:len(s)-1]
	case strings.HasSuffix(s, "M"):
		mult, s = 1<<20, s[:len(s)-1]
	case strings.HasSuffix(s, "G"):
		mult, s = 1<<30, s[:len(s)-1]
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > (1<<34)/mult {
		return 0, strconv.ErrSyntax
	}
	return n * mult, nil
}

// brk calls brk(2) directly: it returns the new program break (or the
// current one, for addr 0).
func brk(addr uintptr) uintptr {
	r, _, _ := unix.RawSyscall(unix.SYS_BRK, addr, 0, 0)
	return r
}

func alloc(io *applet.IO, size int) error {
	w := io.Stdout
	if size < threshold {
		start := brk(0)
		end := brk(start + uintptr(size))
		if end < start+uintptr(size) {
			return fmt.Errorf("brk: the kernel refused to move the break")
		}
		fmt.Fprintf(w, "%d bytes is below malloc's mmap threshold (%d): the heap grows with brk(2)\n", size, threshold)
		fmt.Fprintf(w, "  program break   %#x -> %#x (+%d)\n", start, end, end-start)
		fmt.Fprintf(w, "  [heap] mapping  %s\n", mapsLine("[heap]"))
		brk(start)
		fmt.Fprintf(w, "freed: brk(%#x) gives the memory back\n", start)
		return nil
	}
	before := status("VmData")
	mem, err := unix.Mmap(-1, 0, size, unix.PROT_READ|unix.PROT_WRITE, unix.MAP_PRIVATE|unix.MAP_ANONYMOUS)
	if err != nil {
		return fmt.Errorf("mmap: %s", errno.Message(err))
	}
	after := status("VmData")
	addr := uintptrOf(mem)
	fmt.Fprintf(w, "%d bytes is at least malloc's mmap threshold (%d): it gets its own mmap(2)\n", size, threshold)
	// The kernel may merge the new mapping with an anonymous neighbour
	// (the Go heap's): show the line that contains it.
	fmt.Fprintf(w, "  mapping         %s (ours starts at %x)\n", mapsContaining(addr), addr)
	fmt.Fprintf(w, "  VmData          %s -> %s\n", before, after)
	fmt.Fprintf(w, "  VmRSS           %s (nothing touched yet: no page is resident)\n", status("VmRSS"))
	for i := 0; i < len(mem); i += os.Getpagesize() {
		mem[i] = 1
	}
	fmt.Fprintf(w, "  VmRSS           %s after writing one byte per page\n", status("VmRSS"))
	// Both readings right around munmap: the Go runtime's own heap may
	// grow meanwhile, and would blur the difference.
	held := status("VmData")
	if err := unix.Munmap(mem); err != nil {
		return fmt.Errorf("munmap: %s", errno.Message(err))
	}
	fmt.Fprintf(w, "freed: munmap(2) gives it back, VmData %s -> %s\n", held, status("VmData"))
	return nil
}

func faults(io *applet.IO, pages int) error {
	size := pages * os.Getpagesize()
	mem, err := unix.Mmap(-1, 0, size, unix.PROT_READ|unix.PROT_WRITE, unix.MAP_PRIVATE|unix.MAP_ANONYMOUS)
	if err != nil {
		return fmt.Errorf("mmap: %s", errno.Message(err))
	}
	defer unix.Munmap(mem)
	// No transparent huge pages: one fault per 4 KiB page, as the zine draws it.
	unix.Madvise(mem, unix.MADV_NOHUGEPAGE)
	minor0, major0 := rusage()
	for i := 0; i < size; i += os.Getpagesize() {
		mem[i] = 1
	}
	minor1, major1 := rusage()
	fmt.Fprintf(io.Stdout, "mapped %d pages (%d bytes); touching each caused:\n", pages, size)
	fmt.Fprintf(io.Stdout, "  minor page faults  %d\n  major page faults  %d\n", minor1-minor0, major1-major0)
	fmt.Fprintf(io.Stdout, "(a minor fault finds the page in memory or makes a zeroed one; a major fault waits for the disk)\n")
	return nil
}

// childFD is the descriptor on which a cow child finds its parent's
// memory, and childEnv the variable that tells it so.
const (
	childFD  = 3
	childEnv = "ZINEBOX_MEM_COW_CHILD"
)

// cow shows copy on write between two processes. Go cannot fork(2) (its
// other threads would not follow), so the parent does what fork does by
// hand: its memory is a memfd it maps MAP_SHARED and fills with 'P'; the
// child, a re-executed zinebox, inherits the descriptor and maps the same
// pages MAP_PRIVATE, as fork maps a parent's private memory into its
// child. The child reads every page (no copy), then writes every page
// (one copy each); the parent then finds its pages unchanged.
func cow(io *applet.IO, pages int) error {
	if io.Getenv(childEnv) != "" {
		return cowChild(io, pages)
	}
	if !hasApplet(io, "mem") {
		// Only the multicall binary can be re-executed as mem (a test
		// binary run in-process would run its tests again).
		return fmt.Errorf("cow: not running as the zinebox binary")
	}
	size := pages * os.Getpagesize()
	fd, err := unix.MemfdCreate("parent-memory", 0)
	if err != nil {
		return fmt.Errorf("memfd_create: %s", errno.Message(err))
	}
	memfd := os.NewFile(uintptr(fd), "parent-memory")
	defer memfd.Close()
	if err := unix.Ftruncate(fd, int64(size)); err != nil {
		return fmt.Errorf("ftruncate: %s", errno.Message(err))
	}
	mem, err := unix.Mmap(fd, 0, size, unix.PROT_READ|unix.PROT_WRITE, unix.MAP_SHARED)
	if err != nil {
		return fmt.Errorf("mmap: %s", errno.Message(err))
	}
	defer unix.Munmap(mem)
	for i := range mem {
		mem[i] = 'P'
	}
	w := io.Stdout
	fmt.Fprintf(w, "parent %d: filled %d pages with 'P'\n", os.Getpid(), pages)
	w.Flush()
	child := exec.Command("/proc/self/exe", "cow", strconv.Itoa(pages))
	child.Args[0] = "mem"
	child.Env = append(append([]string{}, io.Env...), childEnv+"=1")
	child.ExtraFiles = []*os.File{memfd} // descriptor 3
	child.Stdout, child.Stderr = w, io.Stderr
	if err := child.Run(); err != nil {
		return fmt.Errorf("child: %v", err)
	}
	for i := 0; i < size; i += os.Getpagesize() {
		if mem[i] != 'P' {
			return fmt.Errorf("parent: page %d changed to %q: no copy was made", i/os.Getpagesize(), mem[i])
		}
	}
	fmt.Fprintf(w, "parent %d: every page still reads 'P': the child wrote to its own copies\n", os.Getpid())
	return nil
}

// cowChild is the child's half of cow: it maps the parent's memory
// privately, reads it, then writes it, counting page faults.
func cowChild(io *applet.IO, pages int) error {
	size := pages * os.Getpagesize()
	mem, err := unix.Mmap(childFD, 0, size, unix.PROT_READ|unix.PROT_WRITE, unix.MAP_PRIVATE)
	if err != nil {
		return fmt.Errorf("mmap: %s", errno.Message(err))
	}
	defer unix.Munmap(mem)
	m0, _ := rusage()
	sum := 0
	for i := 0; i < size; i += os.Getpagesize() {
		sum += int(mem[i])
	}
	m1, _ := rusage()
	for i := 0; i < size; i += os.Getpagesize() {
		mem[i] = 'C'
	}
	m2, _ := rusage()
	w := io.Stdout
	fmt.Fprintf(w, "child  %d: reading every page: %5d minor faults (the parent's pages are mapped,\n", os.Getpid(), m1-m0)
	fmt.Fprintf(w, "                                         not copied; up to 16 per fault)\n")
	fmt.Fprintf(w, "child  %d: writing every page: %5d minor faults (each first write copies a page)\n", os.Getpid(), m2-m1)
	if sum != pages*'P' {
		return fmt.Errorf("child: read %d, not the parent's 'P' in every page", sum)
	}
	return nil
}

// hasApplet reports whether the running binary has the applet name.
func hasApplet(io *applet.IO, name string) bool {
	for _, a := range io.Applets {
		if a.Name == name {
			return true
		}
	}
	return false
}

func mapFile(io *applet.IO, path, name string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("%s: %s", name, errno.Message(err))
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return fmt.Errorf("%s: %s", name, errno.Message(err))
	}
	if st.Size() == 0 || !st.Mode().IsRegular() {
		return fmt.Errorf("%s: not a non-empty regular file", name)
	}
	rss0 := status("VmRSS")
	mem, err := unix.Mmap(int(f.Fd()), 0, int(st.Size()), unix.PROT_READ, unix.MAP_SHARED)
	if err != nil {
		return fmt.Errorf("mmap %s: %s", name, errno.Message(err))
	}
	defer unix.Munmap(mem)
	minor0, major0 := rusage()
	last := mem[len(mem)-1]
	minor1, major1 := rusage()
	fmt.Fprintf(io.Stdout, "mapped %s: %d bytes at %#x\n", name, st.Size(), uintptrOf(mem))
	fmt.Fprintf(io.Stdout, "  last byte          %q\n", last)
	fmt.Fprintf(io.Stdout, "  page faults        %d minor, %d major (only the last page was needed)\n", minor1-minor0, major1-major0)
	fmt.Fprintf(io.Stdout, "  VmRSS              %s -> %s\n", rss0, status("VmRSS"))
	// VmRSS is kept per thread and summed now and then, so one page may
	// not show in it yet; smaps walks the mapping's page table.
	rss, size := smaps(uintptrOf(mem))
	fmt.Fprintf(io.Stdout, "  resident           %s of the mapping's %s (/proc/self/smaps Rss: the page, and\n"+
		"                     neighbours already in memory that the kernel maps on the same fault)\n", rss, size)
	return nil
}

// smaps returns the Rss and Size ("4 kB") of the /proc/self/smaps entry
// of the mapping that starts at addr, read at one moment.
func smaps(addr uintptr) (rss, size string) {
	maps, err := proc.Smaps(os.Getpid())
	if err != nil {
		return "?", "?"
	}
	for _, m := range maps {
		if m.Start == uint64(addr) {
			return strconv.FormatInt(m.Rss, 10) + " kB", strconv.FormatInt(m.Size, 10) + " kB"
		}
	}
	return "?", "?"
}

// rusage returns this process's minor and major page fault counts.
func rusage() (minor, major int64) {
	var ru unix.Rusage
	unix.Getrusage(unix.RUSAGE_SELF, &ru)
	return ru.Minflt, ru.Majflt
}

// status returns a field of /proc/self/status ("VmRSS" -> "1234 kB").
func status(field string) string {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return "?"
	}
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, field+":"); ok {
			return strings.TrimSpace(v)
		}
	}
	return "?"
}

// mapsLine returns the first line of /proc/self/maps containing s.
func mapsLine(s string) string {
	data, err := os.ReadFile("/proc/self/maps")
	if err != nil {
		return "?"
	}
	for _, line := range strings.Split(string(data), "\n") {
		if strings.Contains(line, s) {
			return line
		}
	}
	return "(none)"
}

// mapsContaining returns the line of /proc/self/maps whose address range
// contains addr.
func mapsContaining(addr uintptr) string {
	data, err := os.ReadFile("/proc/self/maps")
	if err != nil {
		return "?"
	}
	for _, line := range strings.Split(string(data), "\n") {
		var lo, hi uintptr
		if _, err := fmt.Sscanf(line, "%x-%x", &lo, &hi); err == nil && lo <= addr && addr < hi {
			return line
		}
	}
	return "(none)"
}

// uintptrOf returns the address of a mapping, to find it in
// /proc/self/maps.
func uintptrOf(b []byte) uintptr {
	return uintptr(unsafe.Pointer(unsafe.SliceData(b)))
}
