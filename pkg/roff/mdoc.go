package roff

import (
	"strconv"
	"strings"
)

// This file is a small mdoc(7) interpreter: the BSD manual macros that
// OpenSSH, tmux and netcat-openbsd write their pages in. It maps the
// semantic macros onto the man layout machinery (headings, tagged
// paragraphs, indents) and onto fonts, so that such pages read as groff
// shows them: every word, in the right font, in sections and lists. The
// layout is close to groff's, not identical; the man(7) pages of the
// manpages corpus are what the renderer is measured on.

type mdocState struct {
	on       bool
	date, os string
	name     string // the first .Nm's argument
	section  string // the current .Sh
	noSpace  bool   // .Sm off: no blanks between words
	fo       int    // .Fo open: -1 when not, else the .Fa count
	lists    []mdocList
	displays []mdocDisplay
}

type mdocList struct {
	kind    string // tag, bullet, dash, enum, item, column, ohang, inset, hang, diag
	width   int
	compact bool
	n       int // items so far (enum)
	indent  bool
}

type mdocDisplay struct {
	fill, indent bool
}

// mdocWidth is the width in columns of a -width or -offset argument: a
// number with a unit, one of mdoc's names, or a string as wide as itself.
func mdocWidth(s string) int {
	switch s {
	case "", "Ds":
		return 6
	case "indent":
		return 6
	case "indent-two":
		return 12
	case "left":
		return 0
	}
	if u, ok := evalExpr(s, 'n'); ok && s[0] >= '0' && s[0] <= '9' {
		return max(cols(u), 0)
	}
	return len(s)
}

// mdocCallable reports whether a word names a macro that may be called
// from a macro line.
func mdocCallable(w string) bool {
	switch w {
	case "Ac", "Ad", "An", "Ao", "Ap", "Aq", "Ar", "At", "Bc", "Bo", "Bq", "Brc", "Bro", "Brq", "Bx",
		"Cd", "Cm", "Dc", "Do", "Dq", "Dv", "Dx", "Ec", "Em", "Eo", "Er", "Ev", "Fa", "Fc", "Fl", "Fn",
		"Fr", "Ft", "Fx", "Ic", "Lk", "Li", "Ms", "Mt", "Nm", "No", "Ns", "Nx", "Oc", "Oo", "Op", "Ot",
		"Ox", "Pa", "Pc", "Pf", "Po", "Pq", "Qc", "Ql", "Qo", "Qq", "Sc", "So", "Sq", "St", "Sx", "Sy",
		"Sm", "Ta", "Tn", "Ux", "Va", "Vt", "Xc", "Xo", "Xr":
		return true
	}
	return false
}

// mdocPiece is a word of output: attached to the previous one (no blank
// before it) or to the next one.
type mdocPiece struct {
	s           string
	left, right bool
}

func isClosePunct(w string) bool {
	switch w {
	case ".", ",", ";", ":", "?", "!", ")", "]":
		return true
	}
	return false
}

func isOpenPunct(w string) bool { return w == "(" || w == "[" }

func font(f, s string) string {
	if f == "" || s == "" {
		return s
	}
	return `\f` + f + s + `\fR`
}

// mdocParse renders the words of a macro line (the macro's name first)
// into pieces.
func (r *renderer) mdocParse(ws []string) []mdocPiece {
	var out []mdocPiece
	attachNext := false
	// under .Sm off words join, but the first one after it keeps its
	// blank (the first of a line gets the line end's)
	smFirst := true
	add := func(p mdocPiece) {
		if attachNext {
			p.left = true
			attachNext = false
		}
		if r.mdoc.noSpace {
			if smFirst && len(out) > 0 {
				smFirst = false
			} else if len(out) > 0 {
				p.left = true
			}
		}
		out = append(out, p)
	}
	// plain words up to the next macro: punctuation attaches
	words := func(i int, f string, each func(string) string) int {
		for ; i < len(ws) && !mdocCallable(ws[i]); i++ {
			w := ws[i]
			switch {
			case isClosePunct(w):
				add(mdocPiece{s: w, left: true})
			case isOpenPunct(w):
				add(mdocPiece{s: w, right: true})
			default:
				if each != nil {
					w = each(w)
				}
				add(mdocPiece{s: font(f, w)})
			}
		}
		return i
	}
	enclose := func(i int, open, close string) int {
		// the enclosure ends before trailing punctuation
		end := len(ws)
		for end > i && isClosePunct(ws[end-1]) {
			end--
		}
		inner := r.mdocParse(append([]string{"No"}, ws[i:end]...))
		if r.mdoc.section == "SYNOPSIS" {
			// groff keeps an option's brackets and words on one line
			t := r.mdocText(inner)
			t = strings.ReplaceAll(t, " ", `\~`)
			add(mdocPiece{s: open + t + close})
			return end
		}
		add(mdocPiece{s: open, right: true})
		out = append(out, inner...)
		add(mdocPiece{s: close, left: true})
		return end
	}
	for i := 0; i < len(ws); {
		m := ws[i]
		i++
		if !mdocCallable(m) && m != "Nm" {
			i = words(i-1, "", nil)
			continue
		}
		switch m {
		case "Fl":
			if i >= len(ws) || mdocCallable(ws[i]) || isClosePunct(ws[i]) {
				// ".Fl Fl apple" is --apple
				add(mdocPiece{s: font("B", `\-`), right: i < len(ws) && ws[i] == "Fl"})
			}
			i = words(i, "B", func(w string) string { return `\-` + w })
		case "Ar":
			if i >= len(ws) || mdocCallable(ws[i]) || isClosePunct(ws[i]) {
				add(mdocPiece{s: font("I", "file ...")})
			}
			i = words(i, "I", nil)
		case "Nm":
			if i >= len(ws) || mdocCallable(ws[i]) || isClosePunct(ws[i]) {
				add(mdocPiece{s: font("B", r.mdoc.name)})
			}
			i = words(i, "B", nil)
		case "Cm", "Ic", "Sy", "Fd", "Cd":
			i = words(i, "B", nil)
		case "Em", "Pa", "Va", "Fa", "Vt", "Ft", "Ad", "Ms":
			i = words(i, "I", nil)
		case "Li", "Ev", "Dv", "Er", "No", "Tn", "Sx", "Ot", "Fr", "An", "Lk", "Mt":
			i = words(i, "", nil)
		case "Xr":
			if i+1 < len(ws) && !mdocCallable(ws[i]) {
				add(mdocPiece{s: ws[i] + "(" + ws[i+1] + ")"})
				i += 2
			} else if i < len(ws) {
				add(mdocPiece{s: ws[i]})
				i++
			}
		case "Fn":
			if i < len(ws) {
				fn := font("B", ws[i]) + "("
				i++
				var as []string
				for ; i < len(ws) && !mdocCallable(ws[i]) && !isClosePunct(ws[i]); i++ {
					as = append(as, font("I", ws[i]))
				}
				fn += strings.Join(as, ", ") + ")"
				if r.mdoc.section == "SYNOPSIS" {
					fn += ";"
				}
				add(mdocPiece{s: fn})
			}
		case "Op":
			i = enclose(i, "[", "]")
		case "Bq":
			i = enclose(i, "[", "]")
		case "Brq":
			i = enclose(i, "{", "}")
		case "Pq":
			i = enclose(i, "(", ")")
		case "Aq":
			i = enclose(i, "\u27e8", "\u27e9")
		case "Dq":
			i = enclose(i, "\u201c", "\u201d")
		case "Sq", "Ql":
			i = enclose(i, "\u2018", "\u2019")
		case "Qq":
			i = enclose(i, `"`, `"`)
		case "Oo", "Bo":
			add(mdocPiece{s: "[", right: true})
		case "Oc", "Bc":
			add(mdocPiece{s: "]", left: true})
		case "Po":
			add(mdocPiece{s: "(", right: true})
		case "Pc":
			add(mdocPiece{s: ")", left: true})
		case "Do":
			add(mdocPiece{s: "\u201c", right: true})
		case "Dc":
			add(mdocPiece{s: "\u201d", left: true})
		case "So":
			add(mdocPiece{s: "\u2018", right: true})
		case "Sc":
			add(mdocPiece{s: "\u2019", left: true})
		case "Qo":
			add(mdocPiece{s: `"`, right: true})
		case "Qc":
			add(mdocPiece{s: `"`, left: true})
		case "Ao":
			add(mdocPiece{s: "\u27e8", right: true})
		case "Ac":
			add(mdocPiece{s: "\u27e9", left: true})
		case "Bro":
			add(mdocPiece{s: "{", right: true})
		case "Brc":
			add(mdocPiece{s: "}", left: true})
		case "Ns":
			attachNext = true
		case "Ap":
			add(mdocPiece{s: "'", left: true, right: true})
		case "Pf":
			if i < len(ws) {
				add(mdocPiece{s: ws[i], right: true})
				i++
			}
		case "Ux":
			add(mdocPiece{s: "UNIX"})
		case "Bx", "Nx", "Ox", "Fx", "Dx":
			os := map[string]string{"Bx": "BSD", "Nx": "NetBSD", "Ox": "OpenBSD", "Fx": "FreeBSD", "Dx": "DragonFly"}[m]
			if i < len(ws) && !mdocCallable(ws[i]) && !isClosePunct(ws[i]) {
				os += " " + ws[i]
				i++
			}
			add(mdocPiece{s: os})
		case "At":
			s := "AT&T UNIX"
			if i < len(ws) && !mdocCallable(ws[i]) && !isClosePunct(ws[i]) {
				s = "Version " + strings.TrimPrefix(ws[i], "v") + " AT&T UNIX"
				i++
			}
			add(mdocPiece{s: s})
		case "St":
			if i < len(ws) {
				add(mdocPiece{s: mdocStandard(ws[i])})
				i++
			}
		case "Ta":
			add(mdocPiece{s: " "})
		case "Sm":
			off := !r.mdoc.noSpace
			if i < len(ws) && (ws[i] == "on" || ws[i] == "off") {
				off = ws[i] == "off"
				i++
			}
			r.mdoc.noSpace = off
			smFirst = true
		case "Eo", "Ec", "Xo", "Xc":
		default:
			i = words(i, "", nil)
		}
	}
	return out
}

// mdocStandard names a standard as .St prints it.
func mdocStandard(s string) string {
	switch s {
	case "-p1003.1":
		return "IEEE Std 1003.1 (\u201cPOSIX.1\u201d)"
	case "-p1003.1-2001":
		return "IEEE Std 1003.1-2001 (\u201cPOSIX.1\u201d)"
	case "-p1003.1-2008":
		return "IEEE Std 1003.1-2008 (\u201cPOSIX.1\u201d)"
	case "-p1003.2":
		return "IEEE Std 1003.2 (\u201cPOSIX.2\u201d)"
	case "-ansiC":
		return "ANSI X3.159-1989 (\u201cANSI C89\u201d)"
	case "-isoC":
		return "ISO/IEC 9899:1990 (\u201cISO C90\u201d)"
	case "-isoC-99":
		return "ISO/IEC 9899:1999 (\u201cISO C99\u201d)"
	case "-susv2":
		return "Version 2 of the Single UNIX Specification (\u201cSUSv2\u201d)"
	case "-susv3":
		return "Version 3 of the Single UNIX Specification (\u201cSUSv3\u201d)"
	case "-xpg4.2":
		return "X/Open Portability Guide Issue 4, Version 2 (\u201cXPG4.2\u201d)"
	}
	return s
}

// mdocText joins pieces into a roff text line.
func (r *renderer) mdocText(ps []mdocPiece) string {
	var b strings.Builder
	for i, p := range ps {
		if i > 0 && !p.left && !ps[i-1].right && !r.mdoc.noSpace {
			b.WriteByte(' ')
		}
		b.WriteString(p.s)
	}
	return b.String()
}

// mdocLine formats a macro line's words as text. Punctuation that
// closes (".Oc", ".Ns") joins the text before the line; punctuation that
// opens, and everything under .Sm off, joins the line after.
func (r *renderer) mdocLine(ws []string) {
	ps := r.mdocParse(ws)
	t := r.mdocText(ps)
	if t == "" {
		return
	}
	if ps[0].left {
		r.unspace()
	}
	if ps[len(ps)-1].right || r.mdoc.noSpace {
		t += `\c`
	}
	r.inlineLine(t)
}

// unspace takes back the blank an input line's end left after the
// pending text.
func (r *renderer) unspace() {
	if n := len(r.line); n > 0 && r.line[n-1].kind == nSpace {
		r.lineW -= r.line[n-1].w
		r.line = r.line[:n-1]
	}
}

// mdocMargin puts the body of a section at mdoc's indent, 5 columns
// where man(7) has 7.
func (r *renderer) mdocMargin() {
	m := &r.man
	m.margin, m.pi = mdocIndent, mdocIndent
	r.indent, r.prevInd = mdocIndent, mdocIndent
	r.adjust = 'l'
}

const mdocIndent = 5

// mdocRequest handles an mdoc macro; it reports false for names it does
// not know, which go on to the man macros and the requests.
func (r *renderer) mdocRequest(name string, args []string) bool {
	d := &r.mdoc
	m := &r.man
	switch name {
	case "Dd":
		d.on = true
		d.fo = -1
		date := strings.Join(args, " ")
		date = strings.TrimSuffix(strings.TrimPrefix(date, "$Mdocdate: "), " $")
		d.date = strings.TrimSuffix(date, "$")
	case "Dt":
		if !d.on {
			return false
		}
		title, sec := "", ""
		if len(args) > 0 {
			title = args[0]
		}
		if len(args) > 1 {
			sec = args[1]
		}
		// groff's header says BSD whatever .Os says; the footer has the
		// operating system at both ends, when there is an .Os
		r.manRequest("TH", []string{title, sec, d.date, d.os, "BSD " + mdocVolume(sec)}, "")
		m.footRight = d.os
		if m.footRight == "" {
			m.footRight = " "
		}
		r.adjust = 'l'
	case "Os":
		d.os = "BSD"
		if len(args) > 0 {
			d.os = strings.Join(args, " ")
		}
		if len(m.title) > 3 {
			m.title[3] = d.os
		}
		m.footRight = d.os
	case "Sh", "Ss":
		d.lists, d.displays = nil, nil
		d.section = strings.Join(args, " ")
		r.manRequest(strings.ToUpper(name), args, "")
		if name == "Sh" {
			r.mdocMargin()
		}
		r.hyOn = d.section != "SYNOPSIS"
	case "Pp", "Lp":
		r.brk()
		r.space(1)
	case "Nd":
		r.inlineLine(`\(em ` + r.mdocText(r.mdocParse(append([]string{"No"}, args...))))
	case "Nm":
		if d.name == "" && len(args) > 0 {
			d.name = args[0]
		}
		if d.section == "SYNOPSIS" && len(d.lists) == 0 {
			r.brk()
		}
		r.mdocLine(append([]string{"Nm"}, args...))
	case "Bl":
		l := mdocList{kind: "item", width: -1}
		for i := 0; i < len(args); i++ {
			switch a := args[i]; a {
			case "-width", "-offset":
				if i+1 < len(args) {
					if a == "-width" {
						l.width = mdocWidth(args[i+1])
					} else if w := mdocWidth(args[i+1]); w > 0 {
						l.indent = true
						r.brk()
						r.manRequest("RS", []string{strconv.Itoa(w) + "n"}, "")
					}
					i++
				}
			case "-compact":
				l.compact = true
			default:
				if strings.HasPrefix(a, "-") {
					l.kind = a[1:]
				}
			}
		}
		if l.width < 0 {
			switch l.kind {
			case "bullet", "dash", "hyphen":
				l.width = 2
			case "enum":
				l.width = 3
			default:
				l.width = 6
			}
		}
		r.brk()
		if !l.compact {
			r.space(1)
		}
		d.lists = append(d.lists, l)
	case "It":
		if len(d.lists) == 0 {
			r.mdocLine(append([]string{"No"}, args...))
			return true
		}
		l := &d.lists[len(d.lists)-1]
		l.n++
		ws := args
		if len(ws) > 0 && ws[len(ws)-1] == "Xo" {
			// the head goes on over the lines up to .Xc
			ws = ws[:len(ws)-1]
			for {
				line, ok := r.next()
				if !ok {
					break
				}
				t := strings.TrimSpace(line)
				if t == ".Xc" {
					break
				}
				if isControl(t) {
					ws = append(ws, parseArgs(r.expand(t[1:], false, 0))...)
				} else {
					ws = append(ws, "No", r.expand(t, false, 0))
				}
			}
		}
		saved := m.pd
		if l.compact || l.n > 1 && l.compact {
			m.pd = 0
		}
		if l.n == 1 {
			m.pd = 0 // .Bl gave the space before the first item
		}
		switch l.kind {
		case "tag", "hang", "ohang", "inset", "diag":
			r.manRequest("TP", []string{strconv.Itoa(l.width+2) + "n"}, "")
			m.tagGap = 1 // a tag wider than -width gets a line of its own
			if t := r.mdocText(r.mdocParse(append([]string{"No"}, ws...))); t != "" {
				r.inlineLine(t)
			} else {
				r.inlineLine(`\&`)
			}
		case "bullet", "dash", "hyphen", "enum":
			tag := "\\(bu"
			switch l.kind {
			case "dash", "hyphen":
				tag = `\-`
			case "enum":
				tag = strconv.Itoa(l.n) + "."
			}
			r.manRequest("IP", []string{tag, strconv.Itoa(l.width+2) + "n"}, "")
		case "column":
			r.paragraph()
			var cells []string
			cur := []string{"No"}
			for _, w := range ws {
				if w == "Ta" {
					cells = append(cells, r.mdocText(r.mdocParse(cur)))
					cur = []string{"No"}
					continue
				}
				cur = append(cur, w)
			}
			cells = append(cells, r.mdocText(r.mdocParse(cur)))
			r.inlineLine(strings.Join(cells, `\ \ \ `))
			r.brk()
		default:
			r.paragraph()
			if len(ws) > 0 {
				r.mdocLine(append([]string{"No"}, ws...))
			}
		}
		m.pd = saved
	case "El":
		r.brk()
		if n := len(d.lists); n > 0 {
			l := d.lists[n-1]
			d.lists = d.lists[:n-1]
			if l.indent {
				r.manRequest("RE", nil, "")
			}
		}
		m.pi = mdocIndent
		r.indent = m.margin
		if len(d.lists) > 0 {
			r.indent = m.margin + d.lists[len(d.lists)-1].width + 2
		}
	case "Bd":
		disp := mdocDisplay{fill: true}
		compact := false
		for i := 0; i < len(args); i++ {
			switch args[i] {
			case "-literal", "-unfilled":
				disp.fill = false
			case "-offset":
				if i+1 < len(args) {
					if w := mdocWidth(args[i+1]); w > 0 {
						disp.indent = true
						r.brk()
						r.manRequest("RS", []string{strconv.Itoa(w) + "n"}, "")
					}
					i++
				}
			case "-compact":
				compact = true
			}
		}
		r.brk()
		if !compact {
			r.space(1)
		}
		if !disp.fill {
			r.fill = false
		}
		d.displays = append(d.displays, disp)
	case "Ed":
		r.brk()
		if n := len(d.displays); n > 0 {
			disp := d.displays[n-1]
			d.displays = d.displays[:n-1]
			if disp.indent {
				r.manRequest("RE", nil, "")
			}
		}
		r.fill = true
	case "Dl", "D1":
		r.brk()
		r.manRequest("RS", []string{"6n"}, "")
		if name == "Dl" {
			r.fill = false
		}
		r.mdocLine(append([]string{"No"}, args...))
		r.brk()
		r.fill = true
		r.manRequest("RE", nil, "")
	case "Rs":
		var parts []string
		for {
			line, ok := r.next()
			if !ok {
				break
			}
			t := strings.TrimSpace(line)
			if t == ".Re" {
				break
			}
			if strings.HasPrefix(t, ".%") && len(t) > 3 {
				v := strings.TrimSpace(r.expand(t[3:], false, 0))
				if t[2] == 'T' {
					v = "\u201c" + v + "\u201d"
				}
				parts = append(parts, v)
			}
		}
		if len(parts) > 0 {
			r.inlineLine(strings.Join(parts, ", ") + ".")
		}
	case "Ex":
		n := d.name
		for _, a := range args {
			if a != "-std" {
				n = a
			}
		}
		r.inlineLine(`The \fB` + n + `\fR utility exits\~0 on success, and\~>0 if an error occurs.`)
	case "Rv":
		n := d.name
		for _, a := range args {
			if a != "-std" {
				n = a
			}
		}
		r.inlineLine(`The \fB` + n + `\fR() function returns the value\~0 if successful; otherwise the value\~\-1 is returned and the global variable \fIerrno\fR is set to indicate the error.`)
	case "Sm":
		d.noSpace = len(args) > 0 && args[0] == "off" || len(args) == 0 && !d.noSpace
		if !d.noSpace && r.cont {
			// the text after .Sm on is a word of its own
			r.cont = false
			r.lineSpace()
		}
	case "In":
		if len(args) > 0 {
			if d.section != "SYNOPSIS" {
				r.mdocLine(append([]string{"No", "<" + args[0] + ">"}, args[1:]...))
				return true
			}
			r.brk()
			r.inlineLine(`\fB#include <` + args[0] + `>\fR`)
			r.brk()
		}
	case "Lb":
		if len(args) > 0 {
			r.inlineLine(mdocLibrary(args[0]))
		}
	case "Ft":
		if d.section == "SYNOPSIS" {
			r.brk()
			r.space(1)
		}
		r.mdocLine(append([]string{"Ft"}, args...))
		if d.section == "SYNOPSIS" {
			r.brk()
		}
	case "Fo":
		if len(args) > 0 {
			if d.section == "SYNOPSIS" {
				// a hanging indent for the arguments that wrap
				r.brk()
				r.indent, r.tempInd = m.margin+4, m.margin
			}
			r.inlineLine(`\fB` + args[0] + `\fR(\c`)
			d.fo = 0
		}
	case "Fa":
		if d.fo < 0 {
			r.mdocLine(append([]string{"Fa"}, args...))
			return true
		}
		t := ""
		if d.fo > 0 {
			t = ", "
		}
		d.fo++
		r.unspace()
		r.inlineLine(t + `\fI` + strings.ReplaceAll(strings.Join(args, " "), " ", `\~`) + `\fR\c`)
	case "Fc":
		r.unspace()
		t := ")"
		if d.section == "SYNOPSIS" {
			t += ";"
		}
		r.inlineLine(t)
		if d.fo >= 0 && d.section == "SYNOPSIS" {
			r.brk()
			r.indent = m.margin
		}
		d.fo = -1
	case "Fn":
		r.mdocLine(append([]string{"Fn"}, args...))
		if d.section == "SYNOPSIS" {
			r.brk()
		}
	case "Bk", "Ek", "Bf", "Ef", "Db", "Ud", "Re", "Tg":
	default:
		if !d.on || !mdocCallable(name) {
			return false
		}
		r.mdocLine(append([]string{name}, args...))
	}
	return true
}

// mdocVolume is the centre of an mdoc page's header.
func mdocVolume(sec string) string {
	switch sec {
	case "1":
		return "General Commands Manual"
	case "2":
		return "System Calls Manual"
	case "3":
		return "Library Functions Manual"
	case "4":
		return "Kernel Interfaces Manual"
	case "5":
		return "File Formats Manual"
	case "6":
		return "Games Manual"
	case "7":
		return "Miscellaneous Information Manual"
	case "8":
		return "System Manager's Manual"
	case "9":
		return "Kernel Developer's Manual"
	}
	return "Manual"
}

// mdocLibrary is what .Lb prints for a library.
func mdocLibrary(lib string) string {
	short := strings.TrimPrefix(lib, "lib")
	name := map[string]string{
		"libc": "Standard C Library", "libm": "Math Library", "libcrypt": "Crypt Library",
		"libpthread": "POSIX Threads Library", "libutil": "System Utilities Library",
		"libbsd": "Utility functions from BSD systems", "librt": "POSIX Real-time Library",
		"libdl": "Dynamic Linker Services Library",
	}[lib]
	if name == "" {
		return `library \(lq` + short + `\(rq`
	}
	return name + " (" + lib + `, \-l` + short + ")"
}
