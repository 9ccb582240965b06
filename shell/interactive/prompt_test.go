package interactive

import (
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// promptCases are decoded by ExpandPrompt and, where bash knows the
// escape, by bash's own ${PS1@P} in the same directory and HOME.
var promptCases = []struct {
	ps    string
	bash  bool   // compare with bash
	want  string // expected with the fixed environment below, when not compared
	where string // cwd relative to the test HOME; "/" for the root
}{
	{ps: DefaultPS1, bash: true},
	{ps: DefaultPS1, bash: true, where: "sub/dir"},
	{ps: DefaultPS1, bash: true, where: "/"},
	{ps: `\w \W`, bash: true},
	{ps: `\w \W`, bash: true, where: "sub"},
	{ps: `\w \W`, bash: true, where: "/"},
	{ps: `\w|\W`, bash: true, where: "../home2"},
	{ps: `\h \H \u`, bash: true},
	{ps: `\s \v \V`, bash: true},
	{ps: `[\j]`, bash: true},
	{ps: `a\nb\rc\ad\ee`, bash: true},
	{ps: `\[\e[1;32m\]\u\[\e[0m\]\$ `, bash: true},
	{ps: `\[\e[0m\]x\[`, want: "\001\x1b[0m\002x\001"},
	{ps: `\12x\1\0\000x\777\400\101`, bash: true},
	{ps: `\\ \x \\\\ end\`, bash: true},
	{ps: `\101\1012\08z`, bash: true},
	{ps: `no escapes at all`, bash: true},
	{ps: `\D{%Y}`, want: "2026"},
	{ps: `\t \T \@ \A \d`, want: "15:04:05 03:04:05 03:04 PM 15:04 Fri Nov 27"},
	{ps: `\D{%H:%M %d/%m %%}`, want: "15:04 27/11 %"},
	{ps: `\? \! \#`, want: "130 7 3"},
}

func TestExpandPrompt(t *testing.T) {
	home := t.TempDir()
	for _, d := range []string{"sub/dir", "../home2"} {
		if err := os.MkdirAll(filepath.Join(home, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	host, _ := os.Hostname()
	u, err := user.Current()
	if err != nil {
		t.Fatal(err)
	}
	bash, _ := exec.LookPath("bash")
	version := ""
	if bash != "" {
		out, err := exec.Command(bash, "-c", `echo "${BASH_VERSION%%(*}"`).Output()
		if err != nil {
			t.Fatal(err)
		}
		version = strings.TrimSpace(string(out))
	}
	for _, c := range promptCases {
		dir := filepath.Clean(filepath.Join(home, c.where))
		if c.where == "/" {
			dir = "/"
		}
		env := PromptEnv{
			User: u.Username, Host: host, Cwd: dir, Home: home, UID: os.Geteuid(),
			Shell: "bash", Version: version, Status: 130, HistNum: 7, CmdNum: 3,
			Now: time.Date(2026, 11, 27, 15, 4, 5, 0, time.UTC),
		}
		got := ExpandPrompt(c.ps, env)
		want := c.want
		if c.bash {
			// bash's promptvars expansion, for these prompts without $:
			// backslash removal as inside double quotes. ${PS1@P} also
			// drops the \[ \] markers that readline would get.
			env.Expand = func(s string) string {
				var b strings.Builder
				for i := 0; i < len(s); i++ {
					if s[i] == '\\' && i+1 < len(s) && strings.IndexByte("\\$`\"", s[i+1]) >= 0 {
						i++
					}
					b.WriteByte(s[i])
				}
				return stripMarkers(b.String())
			}
			got = ExpandPrompt(c.ps, env)
			if bash == "" {
				t.Logf("no bash: skipping %q", c.ps)
				continue
			}
			cmd := exec.Command(bash, "--norc", "--noprofile", "-c", `PS1=$1; printf %s "${PS1@P}"`, "bash", c.ps)
			cmd.Dir = dir
			cmd.Env = []string{"HOME=" + home, "PWD=" + dir, "PATH=/usr/bin:/bin", "LC_ALL=C"}
			out, err := cmd.Output()
			if err != nil {
				t.Fatalf("bash %q: %v", c.ps, err)
			}
			want = string(out)
		}
		if got != want {
			t.Errorf("ExpandPrompt(%q) in %s = %q, want %q", c.ps, dir, got, want)
		}
	}
}

// With promptvars, text from escapes is quoted for the expansion that
// follows, so a directory named $HOME shows as such.
func TestExpandPromptQuotesForExpand(t *testing.T) {
	var seen string
	env := PromptEnv{User: "ann", UID: 1000, Cwd: `/tmp/$x"y"\`, Expand: func(s string) string { seen = s; return "ok" }}
	if got := ExpandPrompt(`\u:\w\$ $PWD`, env); got != "ok" {
		t.Fatalf("result %q", got)
	}
	if want := `ann:/tmp/\$x"y"\\\$ $PWD`; seen != want {
		t.Errorf("Expand got %q, want %q", seen, want)
	}
}
