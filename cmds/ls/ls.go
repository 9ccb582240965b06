// Package ls implements ls(1): list directory contents, byte for byte as GNU
// coreutils 9.1 does under LC_ALL=C and C.UTF-8.
//
// The program is split by concern: this file decodes the command line into a
// config; list.go gathers files (one getdents pass per directory, one
// fstatat per entry and only when the output needs it) and walks operands
// and -R; long.go draws -l lines; output.go quotes, colours and lays out
// names in columns; color.go reads LS_COLORS; human.go and timefmt.go format
// sizes and times.
//
// Where we deviate from GNU: locales are C or UTF-8 ones (no translated
// month names, no collation other than byte order); SELinux contexts (-Z)
// print as "?"; file capabilities (the "ca" colour) are not looked up.
package ls

import (
	_ "embed"
	"fmt"
	"os"
	"runtime/debug"
	"strconv"
	"strings"

	"github.com/zinebox/zinebox/pkg/applet"
	"github.com/zinebox/zinebox/pkg/getopt"
	"github.com/zinebox/zinebox/pkg/quote"
	"github.com/zinebox/zinebox/pkg/userdb"
	"golang.org/x/sys/unix"
)

//go:embed ls.1
var manPage string

// Applet is ls.
var Applet = applet.Applet{
	Name:    "ls",
	Summary: "list directory contents",
	Man:     &manPage,
	Main:    run,
}

// Exit statuses, as GNU documents them.
const (
	exitMinor   = 1 // e.g. a subdirectory could not be read
	exitFailure = 2 // e.g. a command-line operand does not exist
)

var spec = getopt.Spec{
	Prog:  "ls",
	Usage: []string{"[OPTION]... [FILE]..."},
	Summary: "List the FILEs (the current directory when none is given), sorted by name\n" +
		"unless one of -cftuvSUX or --sort asks otherwise.\n\n" +
		"Arguments that long options require are required by the short forms too.",
	Options: []getopt.Option{
		{Short: 'a', Long: "all", Help: "show entries whose names begin with ."},
		{Short: 'A', Long: "almost-all", Help: "like -a, but leave out . and .."},
		{Long: "author", Help: "with -l, show the author (the owner, on Linux)"},
		{Short: 'b', Long: "escape", Help: "show unprintable bytes as C-style escapes"},
		{Long: "block-size", Arg: getopt.RequiredArg, ArgName: "SIZE", Help: "count sizes in units of SIZE (K, M, 1000, ...)"},
		{Short: 'B', Long: "ignore-backups", Help: "hide names that end in ~"},
		{Short: 'c', Help: "use the status change time (ctime): show it with -l,\nsort by it with -t, or alone"},
		{Short: 'C', Help: "list entries in columns, down then across"},
		{Long: "color", Arg: getopt.OptionalArg, ArgName: "WHEN", Help: "colour names: always, auto (on a terminal) or never"},
		{Short: 'd', Long: "directory", Help: "list directories themselves, not their contents"},
		{Short: 'D', Long: "dired", Help: "with -l, add the name offsets Emacs's dired mode reads"},
		{Short: 'f', Help: "do not sort, show all entries, and turn off -l, -s, --color"},
		// -F takes no argument (-Fl is -F -l); only the long form has the
		// optional WHEN, as in GNU ls.
		{Short: 'F', Help: "append a type indicator (one of */=>@|)"},
		{Long: "classify", Arg: getopt.OptionalArg, ArgName: "WHEN", Help: "like -F, WHEN: always, auto (on a terminal) or never"},
		{Long: "file-type", Help: "like -F, but without * for executables"},
		{Long: "format", Arg: getopt.RequiredArg, ArgName: "WORD", Help: "across -x, commas -m, horizontal -x, long -l,\nsingle-column -1, verbose -l, vertical -C"},
		{Long: "full-time", Help: "like -l --time-style=full-iso"},
		{Short: 'g', Help: "like -l, but without the owner"},
		{Long: "group-directories-first", Help: "list directories before other files"},
		{Short: 'G', Long: "no-group", Help: "with -l, leave out the group"},
		{Short: 'h', Long: "human-readable", Help: "with -l and -s, sizes like 1K 234M 2G"},
		{Long: "si", Help: "like -h, but in powers of 1000"},
		{Short: 'H', Long: "dereference-command-line", Help: "follow symbolic links named on the command line"},
		{Long: "dereference-command-line-symlink-to-dir", Help: "follow command-line symbolic links to directories"},
		{Long: "hyperlink", Arg: getopt.OptionalArg, ArgName: "WHEN", Help: "link names to their files (file:// URIs a terminal can open)"},
		{Long: "hide", Arg: getopt.RequiredArg, ArgName: "PATTERN", Help: "hide entries matching PATTERN (unless -a or -A)"},
		{Long: "indicator-style", Arg: getopt.RequiredArg, ArgName: "WORD", Help: "append indicators: none, slash (-p),\nfile-type (--file-type), classify (-F)"},
		{Short: 'i', Long: "inode", Help: "show each file's inode number"},
		{Short: 'I', Long: "ignore", Arg: getopt.RequiredArg, ArgName: "PATTERN", Help: "leave out entries matching PATTERN"},
		{Short: 'k', Long: "kibibytes", Help: "count disk usage in 1024-byte blocks"},
		{Short: 'l', Help: "use the long listing format"},
		{Short: 'L', Long: "dereference", Help: "show the file a symbolic link points to"},
		{Short: 'm', Help: "list entries across, separated by commas"},
		{Short: 'n', Long: "numeric-uid-gid", Help: "like -l, but with numeric user and group IDs"},
		{Short: 'N', Long: "literal", Help: "print names without quoting"},
		{Short: 'o', Help: "like -l, but without the group"},
		{Short: 'p', Help: "append / to directories"},
		{Short: 'q', Long: "hide-control-chars", Help: "print ? for unprintable bytes"},
		{Long: "show-control-chars", Help: "print unprintable bytes as they are"},
		{Short: 'Q', Long: "quote-name", Help: "put names in double quotes"},
		{Long: "quoting-style", Arg: getopt.RequiredArg, ArgName: "WORD", Help: "literal, locale, shell, shell-always, shell-escape,\nshell-escape-always, c, escape"},
		{Short: 'r', Long: "reverse", Help: "reverse the sort order"},
		{Short: 'R', Long: "recursive", Help: "list subdirectories recursively"},
		{Short: 's', Long: "size", Help: "show the disk usage of each file, in blocks"},
		{Short: 'S', Help: "sort by size, largest first"},
		{Long: "sort", Arg: getopt.RequiredArg, ArgName: "WORD", Help: "sort by WORD: none (-U), size (-S), time (-t),\nversion (-v), extension (-X), width"},
		{Long: "time", Arg: getopt.RequiredArg, ArgName: "WORD", Help: "show and sort by another time: atime (-u),\nctime (-c)"},
		{Long: "time-style", Arg: getopt.RequiredArg, ArgName: "TIME_STYLE", Help: "with -l, times as full-iso, long-iso, iso,\nlocale, or +FORMAT (as for date)"},
		{Short: 't', Help: "sort by time, newest first"},
		{Short: 'T', Long: "tabsize", Arg: getopt.RequiredArg, ArgName: "COLS", Help: "tab stops every COLS columns, not 8 (0: no tabs)"},
		{Short: 'u', Help: "use the access time (atime): show it with -l,\nsort by it with -t, or alone"},
		{Short: 'U', Help: "do not sort: list in directory order"},
		{Short: 'v', Help: "sort numbers within names naturally (version sort)"},
		{Short: 'w', Long: "width", Arg: getopt.RequiredArg, ArgName: "COLS", Help: "assume the screen is COLS wide (0: no limit)"},
		{Short: 'x', Help: "list entries in rows instead of columns"},
		{Short: 'X', Help: "sort by extension"},
		{Short: 'Z', Long: "context", Help: "show security contexts"},
		{Long: "zero", Help: "end each line with NUL, not newline"},
		{Short: '1', Help: "list one file per line"},
	},
	Footer: "SIZE is an integer with an optional unit: K, M, G, T, P, E (powers of 1024)\n" +
		"or KB, MB, ... (powers of 1000).\n\n" +
		"Exit status: 0 if all went well, 1 for minor problems (such as an unreadable\n" +
		"subdirectory), 2 for serious trouble (such as a missing command-line operand).",
}

type format int

const (
	longFormat format = iota
	oneLine
	manyPerLine // -C
	horizontal  // -x
	withCommas  // -m
)

type sortType int

const (
	sortName sortType = iota
	sortNone
	sortTime
	sortSize
	sortVersion
	sortExtension
	sortWidth
)

type timeType int

const (
	mtime timeType = iota
	ctime
	atime
	btime
)

type derefMode int

const (
	derefUndefined derefMode = iota
	derefNever
	derefCommandLine
	derefCommandLineSymlinkToDir
	derefAlways
)

type indicatorStyle int

const (
	indNone indicatorStyle = iota
	indSlash
	indFileType
	indClassify
)

type ignoreMode int

const (
	ignoreDefault   ignoreMode = iota // hide dot files
	ignoreDotDotDot                   // -A: hide . and ..
	ignoreMinimal                     // -a
)

// config is the decoded command line and environment.
type config struct {
	format         format
	sort           sortType
	reverse        bool
	dirsFirst      bool
	timeType       timeType
	deref          derefMode
	indicator      indicatorStyle
	ignore         ignoreMode
	ignorePatterns []string
	hidePatterns   []string
	immediateDirs  bool
	recursive      bool

	printInode, printBlocks, printOwner, printGroup, printAuthor, printContext bool
	numericIDs                                                                 bool

	human          humanOpts
	blockSize      uint64    // units of -s and the total line
	fileBlockSize  uint64    // units of the -l size column
	fileHuman      humanOpts // human for the -l size column
	fmtOld, fmtNew string    // strftime formats of the -l time column

	quoting                          quote.Options // for file names
	dirQuoting                       quote.Options // for "dir:" headings
	qmark                            bool          // print ? for unprintable bytes
	alignQuotes                      bool          // pad unquoted names when some are quoted
	lineLength                       int
	tabSize                          int
	color                            *palette // nil: no colour
	eol                              byte
	isTerminal                       bool
	utf8                             bool // the locale's character set is UTF-8
	dired                            bool // -D with -l: indent, and report name offsets
	hyperlink                        bool // --hyperlink: wrap names in OSC 8 links
	hyperlinkHost                    string
	formatNeedsStat, formatNeedsType bool
	checkSymlinkMode                 bool
	colorSymlinkAsReferent           bool
}

// setBlockSizeFromEnv sets the default units from LS_BLOCK_SIZE or
// BLOCK_SIZE (which then apply to the -l size column too), else 1024-byte
// blocks, or 512-byte ones when POSIXLY_CORRECT is set, as GNU does. An
// unparsable value gives the default blocks.
func (c *config) setBlockSizeFromEnv(o *applet.IO) {
	c.blockSize, c.human = 1024, 0
	if _, ok := o.LookupEnv("POSIXLY_CORRECT"); ok {
		c.blockSize = 512
	}
	c.fileBlockSize, c.fileHuman = 1, 0
	spec, ok := o.LookupEnv("LS_BLOCK_SIZE")
	if !ok {
		spec, ok = o.LookupEnv("BLOCK_SIZE")
	}
	if !ok {
		return
	}
	if opts, size, valid := parseBlockSize(spec); valid {
		c.human, c.blockSize = opts, size
	}
	c.fileHuman, c.fileBlockSize = c.human, c.blockSize
}

// argMatch finds arg among the groups of synonyms, accepting an unambiguous
// prefix as GNU argmatch does, and returns the index of its group.
func argMatch(arg string, groups [][]string) (int, bool) {
	found := -1
	for i, g := range groups {
		for _, w := range g {
			if w == arg {
				return i, true
			}
			if strings.HasPrefix(w, arg) {
				if found >= 0 && found != i {
					return -1, false
				}
				found = i
			}
		}
	}
	return found, found >= 0 && arg != ""
}

// badArg reports an invalid or ambiguous argument as GNU's XARGMATCH does,
// listing the valid ones, and returns its exit status (1, not ls's 2).
func badArg(o *applet.IO, utf8 bool, option, arg string, groups [][]string) int {
	kind := "invalid"
	if _, ok := argMatch(arg, groups); !ok && arg != "" && ambiguous(arg, groups) {
		kind = "ambiguous"
	}
	o.Errorf("%s argument %s for %s", kind, localeQuote(utf8, arg), localeQuote(utf8, option))
	var b strings.Builder
	b.WriteString("Valid arguments are:\n")
	for _, g := range groups {
		b.WriteString("  - ")
		for i, w := range g {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(localeQuote(utf8, w))
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(o.Stderr, "%sTry '%s --help' for more information.\n", b.String(), o.Name)
	return 1
}

func ambiguous(arg string, groups [][]string) bool {
	n := 0
	for _, g := range groups {
		for _, w := range g {
			if strings.HasPrefix(w, arg) {
				n++
				break
			}
		}
	}
	return n > 1
}

var (
	colorArgs     = [][]string{{"always", "yes", "force"}, {"never", "no", "none"}, {"auto", "tty", "if-tty"}}
	sortArgs      = [][]string{{"none"}, {"time"}, {"size"}, {"extension"}, {"version"}, {"width"}}
	formatArgs    = [][]string{{"verbose", "long"}, {"commas"}, {"horizontal", "across"}, {"vertical"}, {"single-column"}}
	indicatorArgs = [][]string{{"none"}, {"slash"}, {"file-type"}, {"classify"}}
	timeArgs      = [][]string{{"atime", "access", "use"}, {"ctime", "status"}, {"birth", "creation"}}
	quotingArgs   = func() [][]string {
		var g [][]string
		for _, n := range quote.Names() {
			g = append(g, []string{n})
		}
		return g
	}
	timeStyleArgs = []string{"full-iso", "long-iso", "iso", "locale"}
)

// stdoutIsTerminal reports whether the applet's standard output is a
// terminal. An in-process run (tests) has a buffer for stdout, never a
// terminal; a real process has fd 1. We tell them apart by stderr, which a
// real process leaves as os.Stderr.
func stdoutIsTerminal(o *applet.IO) bool {
	if !realProcess(o) {
		return false
	}
	_, err := unix.IoctlGetTermios(1, unix.TCGETS)
	return err == nil
}

// localeQuote quotes s as gnulib's quote() does for messages: 'like this'
// in the C locale, with curly quotes in a UTF-8 one.
func localeQuote(utf8 bool, s string) string {
	o := quote.Options{Style: quote.Locale, UTF8: utf8}
	return string(o.Append(nil, s))
}

// localeOf returns the locale setlocale(3) would choose for a category:
// LC_ALL, else the category's own variable, else LANG.
func localeOf(o *applet.IO, category string) string {
	for _, v := range []string{"LC_ALL", category, "LANG"} {
		if name := o.Getenv(v); name != "" {
			return name
		}
	}
	return ""
}

// localeExists reports whether glibc would load the locale name, which
// is not C or POSIX: C.UTF-8 is built into glibc 2.35 and later, others
// must be installed under /usr/lib/locale (or setlocale fails and the
// program runs in the C locale).
func localeExists(name string) (exists, utf8 bool) {
	lang, codeset, _ := strings.Cut(name, ".")
	codeset, modifier, _ := strings.Cut(codeset, "@")
	norm := strings.ToLower(strings.ReplaceAll(codeset, "-", ""))
	utf8 = norm == "utf8"
	if lang == "C" || lang == "POSIX" {
		return utf8, utf8
	}
	dir := "/usr/lib/locale/" + lang
	if norm != "" {
		dir += "." + norm
	}
	if modifier != "" {
		dir += "@" + modifier
	}
	_, err := os.Stat(dir)
	return err == nil, utf8 && err == nil
}

// utf8Locale reports whether the character set of the locale is UTF-8.
func utf8Locale(o *applet.IO) bool {
	_, utf8 := localeExists(localeOf(o, "LC_CTYPE"))
	return utf8
}

// hardTimeLocale reports whether times are formatted in a locale other
// than C/POSIX (gnulib's hard_locale): only then do the posix- time
// styles apply.
func hardTimeLocale(o *applet.IO) bool {
	exists, _ := localeExists(localeOf(o, "LC_TIME"))
	return exists
}

// realProcess reports whether the applet runs as its own process (its
// stderr is the process's), not in-process under a test.
func realProcess(o *applet.IO) bool {
	f, ok := o.Stderr.(*os.File)
	return ok && f == os.Stderr
}

// parseArgs turns the command line into a config. done reports that ls must
// stop now with status.
func parseArgs(o *applet.IO, args []string) (c *config, operands []string, done bool, status int) {
	r, done, status := o.Parse(&spec, args, exitFailure)
	if done {
		return nil, nil, true, status
	}
	utf8 := utf8Locale(o)
	lq := func(s string) string { return localeQuote(utf8, s) }
	c = &config{deref: derefUndefined, tabSize: 8, eol: '\n', blockSize: 1024, fileBlockSize: 1, utf8: utf8}
	c.isTerminal = stdoutIsTerminal(o)
	formatOpt := format(-1)
	sortOpt := sortType(-1)
	colorWhen := 1 // never
	quotingStyle := quote.Style(-1)
	qmark := -1
	widthOpt := -1
	timeStyle := ""
	timeStyleSet := false
	c.printOwner, c.printGroup = true, true
	kibibytes := false
	dired := false
	hyperlinkWhen := 1 // never
	var blockSizeArg string
	blockSizeSet := false
	sizeOpt := false // -h, --si or --block-size was given
	c.setBlockSizeFromEnv(o)
	for _, opt := range r.Opts {
		switch opt.Key {
		case "all":
			c.ignore = ignoreMinimal
		case "almost-all":
			c.ignore = ignoreDotDotDot
		case "author":
			c.printAuthor = true
		case "escape":
			quotingStyle = quote.Escape
		case "block-size":
			blockSizeArg, blockSizeSet, sizeOpt = opt.Value, true, true
		case "ignore-backups":
			c.ignorePatterns = append(c.ignorePatterns, "*~", ".*~")
		case "c":
			c.timeType = ctime
		case "C":
			formatOpt = manyPerLine
		case "color":
			if !opt.HasArg {
				colorWhen = 0
				break
			}
			i, ok := argMatch(opt.Value, colorArgs)
			if !ok {
				return nil, nil, true, badArg(o, utf8, "--color", opt.Value, colorArgs)
			}
			colorWhen = i
		case "directory":
			c.immediateDirs = true
		case "dired":
			dired = true
		case "f":
			c.ignore = ignoreMinimal
			sortOpt = sortNone
			if formatOpt == longFormat {
				formatOpt = -1
			}
			colorWhen = 1
			hyperlinkWhen = 1 // -f turns --hyperlink off too, until given again
			c.printBlocks = false
		case "F", "classify":
			when := 0
			if opt.HasArg {
				i, ok := argMatch(opt.Value, colorArgs)
				if !ok {
					return nil, nil, true, badArg(o, utf8, "--classify", opt.Value, colorArgs)
				}
				when = i
			}
			if when == 0 || (when == 2 && c.isTerminal) {
				c.indicator = indClassify
			}
		case "file-type":
			c.indicator = indFileType
		case "format":
			i, ok := argMatch(opt.Value, formatArgs)
			if !ok {
				return nil, nil, true, badArg(o, utf8, "--format", opt.Value, formatArgs)
			}
			formatOpt = []format{longFormat, withCommas, horizontal, manyPerLine, oneLine}[i]
		case "full-time":
			formatOpt = longFormat
			timeStyle, timeStyleSet = "full-iso", true
		case "g":
			formatOpt = longFormat
			c.printOwner = false
		case "group-directories-first":
			c.dirsFirst = true
		case "no-group":
			c.printGroup = false
		case "human-readable":
			c.human = humanAutoscale | humanSI | humanBase1024
			c.fileHuman = c.human
			c.blockSize, c.fileBlockSize = 1, 1
			blockSizeSet, sizeOpt = false, true
		case "si":
			c.human = humanAutoscale | humanSI
			c.fileHuman = c.human
			c.blockSize, c.fileBlockSize = 1, 1
			blockSizeSet, sizeOpt = false, true
		case "dereference-command-line":
			c.deref = derefCommandLine
		case "dereference-command-line-symlink-to-dir":
			c.deref = derefCommandLineSymlinkToDir
		case "hyperlink":
			hyperlinkWhen = 0
			if opt.HasArg {
				i, ok := argMatch(opt.Value, colorArgs)
				if !ok {
					return nil, nil, true, badArg(o, utf8, "--hyperlink", opt.Value, colorArgs)
				}
				hyperlinkWhen = i
			}
		case "hide":
			c.hidePatterns = append(c.hidePatterns, opt.Value)
		case "indicator-style":
			i, ok := argMatch(opt.Value, indicatorArgs)
			if !ok {
				return nil, nil, true, badArg(o, utf8, "--indicator-style", opt.Value, indicatorArgs)
			}
			c.indicator = indicatorStyle(i)
		case "inode":
			c.printInode = true
		case "ignore":
			c.ignorePatterns = append(c.ignorePatterns, opt.Value)
		case "kibibytes":
			kibibytes = true
		case "l":
			formatOpt = longFormat
		case "dereference":
			c.deref = derefAlways
		case "m":
			formatOpt = withCommas
		case "numeric-uid-gid":
			c.numericIDs = true
			formatOpt = longFormat
		case "literal":
			quotingStyle = quote.Literal
		case "o":
			formatOpt = longFormat
			c.printGroup = false
		case "p":
			c.indicator = indSlash
		case "hide-control-chars":
			qmark = 1
		case "show-control-chars":
			qmark = 0
		case "quote-name":
			quotingStyle = quote.C
		case "quoting-style":
			i, ok := argMatch(opt.Value, quotingArgs())
			if !ok {
				return nil, nil, true, badArg(o, utf8, "--quoting-style", opt.Value, quotingArgs())
			}
			quotingStyle = quote.Style(i)
		case "reverse":
			c.reverse = true
		case "recursive":
			c.recursive = true
		case "size":
			c.printBlocks = true
		case "S":
			sortOpt = sortSize
		case "sort":
			i, ok := argMatch(opt.Value, sortArgs)
			if !ok {
				return nil, nil, true, badArg(o, utf8, "--sort", opt.Value, sortArgs)
			}
			sortOpt = []sortType{sortNone, sortTime, sortSize, sortExtension, sortVersion, sortWidth}[i]
		case "time":
			i, ok := argMatch(opt.Value, timeArgs)
			if !ok {
				return nil, nil, true, badArg(o, utf8, "--time", opt.Value, timeArgs)
			}
			c.timeType = []timeType{atime, ctime, btime}[i]
		case "time-style":
			timeStyle, timeStyleSet = opt.Value, true
		case "t":
			sortOpt = sortTime
		case "tabsize":
			n, err := strconv.ParseUint(opt.Value, 10, 63)
			if err != nil {
				o.Errorf("invalid tab size: %s", lq(opt.Value))
				return nil, nil, true, exitFailure
			}
			c.tabSize = int(n)
		case "u":
			c.timeType = atime
		case "U":
			sortOpt = sortNone
		case "v":
			sortOpt = sortVersion
		case "width":
			n, err := strconv.ParseUint(opt.Value, 10, 63)
			if err != nil {
				o.Errorf("invalid line width: %s", lq(opt.Value))
				return nil, nil, true, exitFailure
			}
			widthOpt = int(n)
		case "x":
			formatOpt = horizontal
		case "X":
			sortOpt = sortExtension
		case "context":
			c.printContext = true
		case "zero":
			// One name per line, no colour, literal names, control
			// characters as they are: defaults that a later option may
			// change again, as in GNU ls (ls --zero -C is columns).
			c.eol = 0
			if formatOpt != longFormat {
				formatOpt = oneLine
			}
			colorWhen = 1
			quotingStyle = quote.Literal
			qmark = 0
		case "1":
			// -1 does not undo -l.
			if formatOpt != longFormat {
				formatOpt = oneLine
			}
		}
	}

	// The format: explicit, else columns on a terminal, else one per line.
	switch {
	case formatOpt >= 0:
		c.format = formatOpt
	case c.isTerminal:
		c.format = manyPerLine
	default:
		c.format = oneLine
	}

	if hyperlinkWhen == 0 || (hyperlinkWhen == 2 && c.isTerminal) {
		host, err := os.Hostname()
		if err != nil {
			host = ""
		}
		c.hyperlinkHost = uriEscape(host, false)
		c.hyperlink = true
		dired = false // the escapes would spoil the offsets
	}
	c.dired = dired && c.format == longFormat
	if c.dired && c.eol == 0 {
		o.Errorf("--dired and --zero are incompatible") // GNU: no hint, status 2
		return nil, nil, true, 2
	}

	// The screen width: -w, else the terminal's, else COLUMNS, else 80.
	c.lineLength = 80
	if widthOpt >= 0 {
		c.lineLength = widthOpt
	} else {
		set := false
		if c.isTerminal {
			if ws, err := unix.IoctlGetWinsize(1, unix.TIOCGWINSZ); err == nil && ws.Col > 0 {
				c.lineLength, set = int(ws.Col), true
			}
		}
		if v := o.Getenv("COLUMNS"); !set && v != "" {
			if n, err := strconv.ParseUint(v, 10, 63); err == nil {
				c.lineLength = int(n)
			} else {
				o.Errorf("ignoring invalid width in environment variable COLUMNS: %s", lq(v))
			}
		}
	}

	// Quoting: explicit, else QUOTING_STYLE, else shell-escape on a terminal
	// and literal elsewhere.
	if quotingStyle < 0 {
		if v, ok := o.LookupEnv("QUOTING_STYLE"); ok {
			if s, ok := quote.ParseStyle(v); ok {
				quotingStyle = s
			} else {
				o.Errorf("ignoring invalid value of environment variable QUOTING_STYLE: %s", lq(v))
			}
		}
	}
	if quotingStyle < 0 {
		quotingStyle = quote.Literal
		if c.isTerminal {
			quotingStyle = quote.ShellEscape
		}
	}
	switch qmark {
	case -1:
		c.qmark = c.isTerminal
	default:
		c.qmark = qmark == 1
	}
	c.quoting.Style, c.quoting.UTF8 = quotingStyle, utf8
	c.dirQuoting.Style, c.dirQuoting.UTF8 = quotingStyle, utf8
	c.alignQuotes = (c.format == longFormat || c.format == manyPerLine || c.format == horizontal) &&
		(quotingStyle == quote.Shell || quotingStyle == quote.ShellEscape || quotingStyle == quote.CMaybe)
	if quotingStyle == quote.Escape {
		c.quoting.SetExtra(' ')
	}
	if c.indicator >= indFileType {
		for _, ch := range []byte("*=>@|"[c.indicator-indFileType:]) {
			c.quoting.SetExtra(ch)
		}
	}
	c.dirQuoting.SetExtra(':')

	// Sorting: -c and -u alone sort by that time, outside the long format.
	switch {
	case sortOpt >= 0:
		c.sort = sortOpt
	case c.format != longFormat && (c.timeType == ctime || c.timeType == atime || c.timeType == btime):
		c.sort = sortTime
	default:
		c.sort = sortName
	}

	if c.deref == derefUndefined {
		if c.immediateDirs || c.indicator == indClassify || c.format == longFormat {
			c.deref = derefNever
		} else {
			c.deref = derefCommandLineSymlinkToDir
		}
	}

	// Block sizes for -s, the total line and the -l size column.
	if blockSizeSet {
		opts, size, ok := parseBlockSize(blockSizeArg)
		if !ok {
			o.Errorf("invalid --block-size argument %s", lq(blockSizeArg))
			return nil, nil, true, exitFailure
		}
		c.human, c.blockSize, c.fileHuman, c.fileBlockSize = opts, size, opts, size
	} else if kibibytes && !sizeOpt {
		c.human, c.blockSize = 0, 1024
	}

	if c.format == longFormat {
		st := timeStyle
		if !timeStyleSet {
			var ok bool
			if st, ok = o.LookupEnv("TIME_STYLE"); !ok {
				st = "locale"
			}
		}
		for strings.HasPrefix(st, "posix-") {
			// posix-STYLE means STYLE, except in the C/POSIX locale.
			if !hardTimeLocale(o) {
				st = "locale"
				break
			}
			st = st[len("posix-"):]
		}
		c.fmtOld, c.fmtNew = "%b %e  %Y", "%b %e %H:%M"
		if strings.HasPrefix(st, "+") {
			f := st[1:]
			old, recent, two := strings.Cut(f, "\n")
			if two {
				if strings.Contains(recent, "\n") {
					o.Errorf("invalid time style format %s", lq(f))
					return nil, nil, true, exitFailure
				}
				c.fmtOld, c.fmtNew = old, recent
			} else {
				c.fmtOld, c.fmtNew = f, f
			}
		} else {
			i, ok := argMatch(st, [][]string{{"full-iso"}, {"long-iso"}, {"iso"}, {"locale"}})
			if !ok {
				kind := "invalid"
				if ambiguous(st, [][]string{{"full-iso"}, {"long-iso"}, {"iso"}, {"locale"}}) {
					kind = "ambiguous"
				}
				o.Errorf("%s argument %s for %s", kind, lq(st), lq("time style"))
				var b strings.Builder
				b.WriteString("Valid arguments are:\n")
				for _, a := range timeStyleArgs {
					b.WriteString("  - [posix-]" + a + "\n")
				}
				b.WriteString("  - +FORMAT (e.g., +%H:%M) for a 'date'-style format\n")
				fmt.Fprintf(o.Stderr, "%sTry '%s --help' for more information.\n", b.String(), o.Name)
				return nil, nil, true, exitFailure
			}
			switch i {
			case 0:
				c.fmtOld, c.fmtNew = "%Y-%m-%d %H:%M:%S.%N %z", "%Y-%m-%d %H:%M:%S.%N %z"
			case 1:
				c.fmtOld, c.fmtNew = "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M"
			case 2:
				c.fmtOld, c.fmtNew = "%Y-%m-%d ", "%m-%d %H:%M"
			}
		}
	}

	// Colour: --color=auto colours only on a terminal, and only a terminal
	// that LS_COLORS, COLORTERM or TERM says understands colour.
	if colorWhen == 0 || (colorWhen == 2 && c.isTerminal) {
		p, warn := loadPalette(o, utf8)
		if warn != "" {
			o.Errorf("%s", warn)
		}
		c.color = p
	}
	if c.color != nil {
		// Colour sequences make widths unknowable to the terminal's tab
		// stops, so GNU never uses tabs then.
		c.tabSize = 0
		c.colorSymlinkAsReferent = c.color.linkAsReferent
		c.checkSymlinkMode = c.color.isColored(cOrphan) || (c.color.isColored(cMissing) && c.format == longFormat) ||
			c.colorSymlinkAsReferent
	}

	c.formatNeedsStat = c.sort == sortTime || c.sort == sortSize || c.format == longFormat ||
		c.printBlocks || c.printContext
	c.formatNeedsType = !c.formatNeedsStat && (c.recursive || c.color != nil || c.indicator != indNone || c.dirsFirst)
	return c, r.Operands, false, 0
}

func run(o *applet.IO, args []string) int {
	c, operands, done, status := parseArgs(o, args)
	if done {
		return status
	}
	if realProcess(o) {
		// ls is short-lived and its memory is mostly the listing it is
		// about to print: collecting garbage as the heap grows costs more
		// than it saves. Collect only past a limit, a quarter of the RAM
		// and at most 256 MiB, so that a huge -R on a small machine (the
		// teaching VM has under 100 MiB) still runs in bounded memory.
		// Only in a process of our own: an in-process run (tests) must
		// not retune its host.
		limit := int64(256 << 20)
		var si unix.Sysinfo_t
		if unix.Sysinfo(&si) == nil {
			if ram := int64(si.Totalram) * int64(si.Unit) / 4; ram > 0 && ram < limit {
				limit = ram
			}
		}
		debug.SetGCPercent(-1)
		debug.SetMemoryLimit(limit)
	}
	l := newLister(o, c, userdb.New("/etc"))
	return l.main(operands)
}
