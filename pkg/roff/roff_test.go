package roff

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"
)

// manDB renders file with the real man-db + groff, as `man -P cat` does
// for an 80-column terminal, or skips the test when they are missing.
func manDB(t testing.TB, file string) string {
	t.Helper()
	for _, p := range []string{"man", "nroff", "tbl"} {
		if _, err := exec.LookPath(p); err != nil {
			t.Skipf("%s not installed", p)
		}
	}
	cmd := exec.Command("man", "-P", "cat", "-l", file)
	cmd.Env = append(os.Environ(), "MANWIDTH=80", "LC_ALL=C.UTF-8", "MAN_KEEP_FORMATTING=", "GROFF_SGR=")
	var out bytes.Buffer
	cmd.Stdout = &out
	cmd.Run() // a page groff warns about still has output
	return out.String()
}

func readSource(t testing.TB, file string) string {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if len(b) > 2 && b[0] == 0x1f && b[1] == 0x8b {
		zr, err := gzip.NewReader(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		if b, err = io.ReadAll(zr); err != nil {
			t.Fatal(err)
		}
	}
	return string(b)
}

// includer resolves .so like man-db: relative to the manual's top dir.
func includer(file string) func(string) (string, error) {
	return func(name string) (string, error) {
		top := filepath.Dir(filepath.Dir(file))
		for _, c := range []string{filepath.Join(top, name), filepath.Join(filepath.Dir(file), name)} {
			for _, z := range []string{"", ".gz"} {
				b, err := os.ReadFile(c + z)
				if err != nil {
					continue
				}
				if z == ".gz" {
					zr, err := gzip.NewReader(bytes.NewReader(b))
					if err != nil {
						return "", err
					}
					b, err = io.ReadAll(zr)
					if err != nil {
						return "", err
					}
				}
				return string(b), nil
			}
		}
		return "", os.ErrNotExist
	}
}

// wordStream is what the corpus test compares: the words of a rendered
// page without its header and footer, with line-end hyphenation undone.
func wordStream(s string) []string {
	lines := strings.Split(s, "\n")
	first, last := -1, -1
	for i, l := range lines {
		if strings.TrimSpace(l) != "" {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first >= 0 && last > first {
		lines = lines[first+1 : last]
	}
	text := strings.Join(lines, "\n")
	text = regexp.MustCompile(`\x{2010}\n\s*`).ReplaceAllString(text, "")
	text = regexp.MustCompile(`([A-Za-z0-9])-\n\s*`).ReplaceAllString(text, "$1-")
	return strings.Fields(text)
}

// ratio is difflib's SequenceMatcher ratio computed on the longest common
// subsequence: 2*matches/(len(a)+len(b)). It uses a banded LCS around the
// diagonal, widened until it is exact enough for pages that mostly agree.
func ratio(a, b []string) float64 {
	if len(a)+len(b) == 0 {
		return 1
	}
	return 2 * float64(lcs(a, b)) / float64(len(a)+len(b))
}

// lcs returns the length of the longest common subsequence, after
// stripping a common prefix and suffix (pages that agree cost nothing).
func lcs(a, b []string) int {
	n := 0
	for len(a) > 0 && len(b) > 0 && a[0] == b[0] {
		a, b, n = a[1:], b[1:], n+1
	}
	for len(a) > 0 && len(b) > 0 && a[len(a)-1] == b[len(b)-1] {
		a, b, n = a[:len(a)-1], b[:len(b)-1], n+1
	}
	if len(a) == 0 || len(b) == 0 {
		return n
	}
	if len(a)*len(b) > 50_000_000 {
		// too big for the quadratic table: count the common multiset
		cnt := map[string]int{}
		for _, w := range a {
			cnt[w]++
		}
		for _, w := range b {
			if cnt[w] > 0 {
				cnt[w]--
				n++
			}
		}
		return n
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			switch {
			case a[i-1] == b[j-1]:
				cur[j] = prev[j-1] + 1
			case prev[j] >= cur[j-1]:
				cur[j] = prev[j]
			default:
				cur[j] = cur[j-1]
			}
		}
		prev, cur = cur, prev
	}
	return n + prev[len(b)]
}

func TestRatio(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want float64
	}{
		{"a b c d", "a b c d", 1},
		{"a b c d", "a x c d", 0.75},
		{"", "", 1},
		{"a b", "", 0},
		{"a b c", "c b a", 1.0 / 3},
	} {
		if got := ratio(strings.Fields(c.a), strings.Fields(c.b)); fmt.Sprintf("%.4f", got) != fmt.Sprintf("%.4f", c.want) {
			t.Errorf("ratio(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
	if got := wordStream("HEAD\n\n  a wo\u2010\n  rd x-\n  y\n\nFOOT\n"); strings.Join(got, " ") != "a word x-y" {
		t.Errorf("wordStream = %q", got)
	}
}

// corpus lists the page files of the packages the target is measured on:
// manpages, manpages-dev and coreutils (symbolic links left out: they
// are other names of the same pages).
func corpus(t *testing.T) []string {
	out, err := exec.Command("dpkg-query", "-L", "manpages", "manpages-dev", "coreutils").Output()
	if err != nil && len(out) == 0 {
		t.Skip("dpkg-query: the man page packages are not installed")
	}
	var files []string
	for _, f := range strings.Split(string(out), "\n") {
		if !strings.HasPrefix(f, "/usr/share/man/man") || !strings.HasSuffix(f, ".gz") {
			continue
		}
		if st, err := os.Lstat(f); err != nil || !st.Mode().IsRegular() {
			continue
		}
		files = append(files, f)
	}
	sort.Strings(files)
	return files
}

// TestCorpus renders the pages of manpages, manpages-dev and coreutils and
// compares each page's word stream with man-db's: at least 95% of the
// pages must reach a ratio of 0.99. All of them (about 45 s here); with
// -short a deterministic sample of about 150.
func TestCorpus(t *testing.T) {
	files := corpus(t)
	if len(files) == 0 {
		t.Skip("no pages")
	}
	manDB(t, files[0]) // skips without man-db
	if testing.Short() {
		step := len(files) / 150
		if step < 1 {
			step = 1
		}
		var sample []string
		for i := 0; i < len(files); i += step {
			sample = append(sample, files[i])
		}
		files = sample
	}
	type result struct {
		file  string
		ratio float64
		exact bool
	}
	results := make([]result, len(files))
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < 2; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				f := files[i]
				ref := manDB(t, f)
				got := Text(readSource(t, f), Options{Width: 80, Include: includer(f)})
				results[i] = result{f, ratio(wordStream(ref), wordStream(got)), ref == got}
			}
		}()
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()
	good, exact := 0, 0
	for _, r := range results {
		if r.exact {
			exact++
		}
		if r.ratio >= 0.99 {
			good++
		} else {
			t.Logf("%.4f %s", r.ratio, r.file)
		}
	}
	pct := 100 * float64(good) / float64(len(results))
	t.Logf("%d of %d pages (%.1f%%) match man-db with a word-stream ratio >= 0.99; %d (%.1f%%) are byte-identical",
		good, len(results), pct, exact, 100*float64(exact)/float64(len(results)))
	if pct < 95 {
		t.Errorf("only %.1f%% of pages match man-db; want >= 95%%", pct)
	}
}

// ownPages lists zinebox's own pages: every applet's and pkg/manpages'.
func ownPages(t *testing.T) []string {
	var files []string
	for _, g := range []string{"../../cmds/*/*.[1-9]", "../manpages/man*/*.[1-9]*"} {
		m, err := filepath.Glob(g)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	if len(files) == 0 {
		t.Fatal("no pages found in the source tree")
	}
	return files
}

// TestOwnPages checks that every page of zinebox renders exactly as its
// golden file in testdata/own says: man-db's plain rendering at width 80,
// kept in the tree so that the check also runs where man-db is not
// installed. Where man-db is installed, our rendering must equal its
// output too, which keeps the golden files honest. After editing a page,
// ZINEBOX_UPDATE_GOLDEN=1 rewrites its golden file from man-db.
func TestOwnPages(t *testing.T) {
	if loadHyphenator() == nil {
		t.Skip("groff's hyphenation patterns are not installed")
	}
	haveManDB := true
	for _, p := range []string{"man", "nroff", "tbl"} {
		if _, err := exec.LookPath(p); err != nil {
			haveManDB = false
		}
	}
	update := os.Getenv("ZINEBOX_UPDATE_GOLDEN") != ""
	if update && !haveManDB {
		t.Fatal("ZINEBOX_UPDATE_GOLDEN needs man-db and groff")
	}
	pages := map[string]string{} // golden file name -> page
	for _, f := range ownPages(t) {
		name := filepath.Base(f) + ".txt"
		if other, dup := pages[name]; dup {
			t.Fatalf("%s and %s would share a golden file", other, f)
		}
		pages[name] = f
		golden := filepath.Join("testdata", "own", name)
		t.Run(filepath.Base(f), func(t *testing.T) {
			got := Text(readSource(t, f), Options{Width: 80})
			if haveManDB {
				ref := manDB(t, f)
				if got != ref {
					t.Errorf("rendering differs from man-db:\n%s", lineDiff(ref, got))
				}
				if update {
					if err := os.WriteFile(golden, []byte(ref), 0o644); err != nil {
						t.Fatal(err)
					}
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (ZINEBOX_UPDATE_GOLDEN=1 writes it from man-db)", err)
			}
			if got != string(want) {
				t.Errorf("rendering differs from %s:\n%s", golden, lineDiff(string(want), got))
			}
		})
	}
	stale, _ := filepath.Glob(filepath.Join("testdata", "own", "*.txt"))
	for _, g := range stale {
		if pages[filepath.Base(g)] == "" {
			t.Errorf("%s belongs to no page: remove it", g)
		}
	}
}

// TestGolden renders the pages in testdata, which exercise the macros,
// escapes, adjustment and tables, and compares them with man-db's output.
func TestGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.man")
	if len(files) == 0 {
		t.Fatal("no testdata")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			ref := manDB(t, f)
			got := Text(readSource(t, f), Options{Width: 80})
			if got != ref {
				t.Errorf("rendering differs from man-db:\n%s", lineDiff(ref, got))
			}
		})
	}
}

// lineDiff shows the first differing lines of two texts.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	n := 0
	for i := 0; i < len(w) || i < len(g); i++ {
		var a, c string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			c = g[i]
		}
		if a != c {
			fmt.Fprintf(&b, "line %d:\n  man-db: %q\n  ours:   %q\n", i+1, a, c)
			if n++; n == 5 {
				break
			}
		}
	}
	return b.String()
}

// TestWidths checks the line length man-db asks for at other widths.
func TestWidths(t *testing.T) {
	src := ".TH T 1\n.SH NAME\nt \\- x\n.SH DESCRIPTION\n" + strings.Repeat("word and more words ", 30) + "\n"
	for _, w := range []int{40, 60, 100, 132} {
		got := Text(src, Options{Width: w})
		for _, l := range strings.Split(got, "\n") {
			if n := len([]rune(l)); n > LineLength(w) {
				t.Errorf("width %d: line of %d columns: %q", w, n, l)
			}
		}
	}
}

func TestStyles(t *testing.T) {
	lines := Render(".TH T 1\n.SH NAME\n\\fBb\\fR \\fIi\\fR\n", Options{NoTitles: true})
	var plain, over, sgr bytes.Buffer
	Write(&plain, lines, Plain)
	Write(&over, lines, Overstrike)
	Write(&sgr, lines, SGR)
	if !strings.Contains(over.String(), "b\bb") || !strings.Contains(over.String(), "_\bi") {
		t.Errorf("overstrike: %q", over.String())
	}
	// grotty's order: bold runs on across the gap, underline is switched
	// on before bold is switched off, a line ends with a full reset
	if !strings.Contains(sgr.String(), "\x1b[1mb \x1b[4m\x1b[22mi\x1b[0m\n") {
		t.Errorf("sgr: %q", sgr.String())
	}
	if strings.ContainsAny(plain.String(), "\b\x1b") {
		t.Errorf("plain: %q", plain.String())
	}
}

// FuzzRender: no input may panic, loop for ever, or produce unbounded
// output.
func FuzzRender(f *testing.F) {
	for _, s := range []string{
		".TH X 1\n.SH NAME\nx \\- y\n.TP\n.B a\nb\n",
		".de a\n.a\n..\n.a\n",
		".ds x \\*x\n\\*x\n",
		".TS\nallbox;\nl l.\nT{\na\nT}\tb\n.TE\n",
		".if n \\{\\\n.ie t x\n.el y\n\\}\n",
		"\\h'-100'\\l'5i'\\w'abc'\\n(.g\\*(lq",
		".Dd x\n.Dt X 1\n.Sh S\n.Bl -tag -width Ds\n.It Fl a Xo\n.Sm off\n.Ar b : c\n.Sm on\n.Xc\n.Op Fl x Ar y .\n.El\n.Fo f\n.Fa a\n.Fc\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ls := Render(s, Options{Width: 80})
		if len(ls) > maxOutput+100 {
			t.Fatalf("%d lines", len(ls))
		}
	})
}

func BenchmarkBash(b *testing.B) {
	src, err := os.ReadFile("/usr/share/man/man1/bash.1.gz")
	if err != nil {
		b.Skip("no bash(1)")
	}
	zr, _ := gzip.NewReader(bytes.NewReader(src))
	text, _ := io.ReadAll(zr)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Render(string(text), Options{Width: 80})
	}
}

// TestRenderAll renders every page installed under /usr/share/man (all
// languages; skipped with -short): none may panic or produce
// unbounded output, whatever macro package or preprocessor it was
// written for.
func TestRenderAll(t *testing.T) {
	if testing.Short() {
		t.Skip("renders every installed page (about 15 s here)")
	}
	files, _ := filepath.Glob("/usr/share/man/man*/*")
	if len(files) == 0 {
		t.Skip("no manual pages installed")
	}
	n := 0
	for _, f := range files {
		if st, err := os.Stat(f); err != nil || !st.Mode().IsRegular() {
			continue
		}
		ls := Render(readSource(t, f), Options{Width: 80, Include: includer(f)})
		if len(ls) > maxOutput+100 {
			t.Errorf("%s: %d lines", f, len(ls))
		}
		n++
	}
	t.Logf("rendered %d pages", n)
}

// TestMdocPages renders the installed pages written in the BSD mdoc
// macros that a Debian system commonly has (OpenSSH's, netcat's, tmux's,
// file's) and compares their word streams with man-db's: mdoc is rendered
// by a smaller interpreter, so the bar is lower than the corpus's.
func TestMdocPages(t *testing.T) {
	var files []string
	for _, p := range []string{"man1/ssh.1.gz", "man1/ssh-keygen.1.gz", "man5/ssh_config.5.gz", "man1/nc.1.gz",
		"man1/nc.openbsd.1.gz", "man1/tmux.1.gz", "man1/file.1.gz", "man3/ffi.3.gz", "man1/scp.1.gz"} {
		if _, err := os.Stat("/usr/share/man/" + p); err == nil {
			files = append(files, "/usr/share/man/"+p)
		}
	}
	if len(files) == 0 {
		t.Skip("no mdoc pages installed")
	}
	for _, f := range files {
		ref := manDB(t, f)
		got := Text(readSource(t, f), Options{Width: 80, Include: includer(f)})
		if r := ratio(wordStream(ref), wordStream(got)); r < 0.97 {
			t.Errorf("%s: word-stream ratio %.3f against man-db, want >= 0.97", f, r)
		} else {
			t.Logf("%.3f %s", r, f)
		}
	}
}
