// Package man implements man(1): find a manual page and show it, the way
// man-db 2.11 does, with a renderer (pkg/roff) and a pager of its own so
// that it works where neither groff nor less is installed (the VM).
//
// Pages come from the manual path ($MANPATH, else the man directories next
// to the directories of $PATH, /usr/local/share/man and /usr/share/man),
// plain or compressed, and after those from the binary itself: every
// applet's page and the teaching pages of pkg/manpages.
package man

import (
	_ "embed"
	"fmt"
	"os"
	"runtime/debug"
	"strings"

	"github.com/zinebox/zinebox/pkg/applet"
	"github.com/zinebox/zinebox/pkg/getopt"
	"github.com/zinebox/zinebox/pkg/roff"
	"github.com/zinebox/zinebox/pkg/stdio"
)

//go:embed man.1
var manPage string

// Applet is man(1).
var Applet = applet.Applet{
	Name:    "man",
	Summary: "an interface to the system reference manuals",
	Man:     &manPage,
	Main:    run,
}

var spec = getopt.Spec{
	Prog:  "man",
	Usage: []string{"[OPTION...] [SECTION] PAGE..."},
	Summary: "Show the manual page of each PAGE, searching the sections in the order\n" +
		"1 n l 8 3 2 5 4 9 6 7 unless a SECTION is given.",
	Options: []getopt.Option{
		{Short: 'a', Long: "all", Help: "find all matching manual pages"},
		{Short: 'f', Long: "whatis", Help: "equivalent to whatis"},
		{Short: 'k', Long: "apropos", Help: "equivalent to apropos"},
		{Short: 'l', Long: "local-file", Help: "interpret PAGE argument(s) as local filename(s)"},
		{Short: 'w', Long: "where", Help: "print physical location of man page(s)"},
		{Long: "path", Help: "same as --where"},
		{Long: "location", Help: "same as --where"},
		{Short: 'M', Long: "manpath", Arg: getopt.RequiredArg, ArgName: "PATH", Help: "set search path for manual pages to PATH"},
		{Short: 'S', Long: "sections", Arg: getopt.RequiredArg, ArgName: "LIST", Help: "use colon separated section list"},
		{Short: 's', Arg: getopt.RequiredArg, ArgName: "LIST", Help: "same as -S"},
		{Short: 'P', Long: "pager", Arg: getopt.RequiredArg, ArgName: "PAGER", Help: "use program PAGER to display output"},
		{Long: "nh", Help: "turn off hyphenation (there is none)"},
		{Long: "no-hyphenation", Help: "same as --nh"},
		{Long: "nj", Help: "turn off justification"},
		{Long: "no-justification", Help: "same as --nj"},
		{Short: 'i', Long: "ignore-case", Help: "look for pages case-insensitively (default)"},
		{Short: 'I', Long: "match-case", Help: "look for pages case-sensitively"},
		{Short: '?', Long: "help", Help: "give this help list"},
		{Short: 'V', Long: "version", Help: "print program version"},
	},
	Footer: "Exit status: 0 success, 1 usage error, 16 at least one page not found.",
}

// Exit statuses of man-db.
const (
	exitOK       = 0
	exitUsage    = 1
	exitNotFound = 16
)

type options struct {
	all, whatis, apropos, local, where, matchCase bool
	manpath, sections, pager                      string
	noJustify                                     bool
}

func run(io *applet.IO, args []string) int {
	r, done, status := io.Parse(&spec, args, exitUsage)
	if done {
		return status
	}
	var o options
	for _, op := range r.Opts {
		switch op.Key {
		case "all":
			o.all = true
		case "whatis":
			o.whatis = true
		case "apropos":
			o.apropos = true
		case "local-file":
			o.local = true
		case "where", "path", "location":
			o.where = true
		case "manpath":
			o.manpath = op.Value
		case "sections", "s":
			o.sections = op.Value
		case "pager":
			o.pager = op.Value
		case "nj", "no-justification":
			o.noJustify = true
		case "match-case":
			o.matchCase = true
		case "ignore-case":
			o.matchCase = false
		}
	}
	m := &man{io: io, o: o}
	m.path = m.manPath()
	m.order = m.sectionOrder()
	names := r.Operands
	switch {
	case o.whatis || o.apropos:
		return m.whatisMain(names)
	case o.local:
		return m.localMain(names)
	}
	if len(names) == 0 {
		io.Stdout.Flush()
		fmt.Fprintf(io.Stderr, "What manual page do you want?\nFor example, try 'man man'.\n")
		return exitUsage
	}
	section := ""
	if len(names) > 1 && isSection(names[0]) {
		section, names = names[0], names[1:]
	} else if len(names) == 1 && isSection(names[0]) && !m.exists(names[0]) {
		io.Stdout.Flush()
		fmt.Fprintf(io.Stderr, "No manual entry for %s\n(Alternatively, what manual page do you want from section %s?)\nFor example, try 'man man'.\n", names[0], names[0])
		return exitNotFound
	}
	status = exitOK
	var pages []*page
	for _, name := range names {
		var found []*page
		if strings.Contains(name, "/") {
			found = []*page{{path: name, file: true}}
		} else {
			found = m.find(name, section, o.all)
			if len(found) == 0 && section == "" {
				if i := strings.LastIndexByte(name, '.'); i > 0 && isSection(name[i+1:]) {
					found = m.find(name[:i], name[i+1:], o.all)
				}
			}
		}
		if len(found) == 0 {
			io.Stdout.Flush()
			if section != "" {
				fmt.Fprintf(io.Stderr, "No manual entry for %s in section %s\n", name, section)
			} else {
				fmt.Fprintf(io.Stderr, "No manual entry for %s\n", name)
			}
			status = exitNotFound
			continue
		}
		pages = append(pages, found...)
	}
	if o.where {
		for _, p := range pages {
			fmt.Fprintln(io.Stdout, p.where())
		}
		return io.Finish(status)
	}
	for _, p := range pages {
		src, err := m.source(p)
		if err != nil {
			io.PathError(p.path, err)
			status = exitNotFound
			continue
		}
		if st := m.show(src, p); st != exitOK {
			return st
		}
	}
	return io.Finish(status)
}

// localMain is man -l FILE...: format files named on the command line.
func (m *man) localMain(names []string) int {
	status := exitOK
	for _, n := range names {
		p := &page{path: n, file: true}
		src, err := m.source(p)
		if err != nil {
			m.io.Stdout.Flush()
			fmt.Fprintf(m.io.Stderr, "man: %s: %s\n", n, errMessage(err))
			status = exitNotFound
			continue
		}
		if st := m.show(src, p); st != exitOK {
			return st
		}
	}
	return m.io.Finish(status)
}

// show formats src and writes it to the terminal through a pager, or
// plainly to a pipe or file.
func (m *man) show(src string, p *page) int {
	io := m.io
	if f, ok := io.Stderr.(*os.File); ok && f == os.Stderr {
		// a page is formatted once and the process ends: the garbage
		// collector, run as the heap doubles, costs more than the memory
		// it frees (bash(1) allocates 9 MB). Only in a process of our
		// own: an in-process run (tests) must not retune its host.
		debug.SetGCPercent(400)
	}
	tty := io.Stdout.Mode() == stdio.Line && stdio.IsTerminal(os.Stdout) && io.Stdin != nil
	width := m.width(tty)
	lines := roff.Render(src, roff.Options{
		Width:    width,
		Include:  m.includer(p),
		NoAdjust: m.o.noJustify,
	})
	style := roff.Plain
	sgr := io.Getenv("GROFF_SGR") != ""
	noColor := io.Getenv("NO_COLOR") != ""
	if tty || io.Getenv("MAN_KEEP_FORMATTING") != "" {
		// Debian's groff writes backspaces unless GROFF_SGR asks for
		// escape sequences, on a terminal or into a pipe alike. (man-db
		// may show a page it formatted earlier, kept in /var/cache/man,
		// and then backspaces whatever GROFF_SGR says; we always format.)
		// NO_COLOR, which groff does not know, turns escape sequences off.
		style = roff.Overstrike
		if sgr && !noColor {
			style = roff.SGR
		}
	}
	if !tty {
		if err := roff.Write(io.Stdout, lines, style); err != nil {
			return io.WriteFailed(err)
		}
		return exitOK
	}
	return m.page(lines, style, p)
}
