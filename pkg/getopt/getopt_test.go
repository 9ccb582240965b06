package getopt

import (
	"fmt"
	"strings"
	"testing"
)

var testSpec = Spec{
	Prog: "t",
	Options: []Option{
		{Short: 'a', Long: "all"},
		{Short: 'l'},
		{Short: 'm', Long: "mode", Arg: RequiredArg, ArgName: "MODE"},
		{Long: "color", Arg: OptionalArg, ArgName: "WHEN"},
		{Long: "colour", Arg: OptionalArg},
		{Short: 'w', Long: "width", Arg: OptionalArg},
	},
}

// show renders a result compactly: options as key=value, then operands.
func show(r *Result) string {
	var parts []string
	for _, o := range r.Opts {
		if o.HasArg {
			parts = append(parts, fmt.Sprintf("%s=%s", o.Key, o.Value))
		} else {
			parts = append(parts, o.Key)
		}
	}
	return strings.Join(parts, " ") + " | " + strings.Join(r.Operands, " ")
}

func TestParse(t *testing.T) {
	tests := []struct {
		args  string
		posix bool
		want  string
	}{
		{"-la f", false, "l all | f"},
		{"-m600 f", false, "mode=600 | f"},
		{"-m 600 f", false, "mode=600 | f"},
		{"--mode=600 f", false, "mode=600 | f"},
		{"--mode 600 f", false, "mode=600 | f"},
		{"--mo=1", false, "mode=1 | "},
		{"--al", false, "all | "},
		{"-lm7", false, "l mode=7 | "},
		{"f -l g", false, "l | f g"},
		{"f -l g", true, " | f -l g"},
		{"-- -l", false, " | -l"},
		{"- -l", false, "l | -"},
		{"--color", false, "color | "},
		{"--color=always", false, "color=always | "},
		{"--color always", false, "color | always"},
		{"-w5 -w", false, "width=5 width | "},
		{"--help", false, "help | "},
		{"--vers", false, "version | "},
		{"--mode=", false, "mode= | "},
	}
	for _, tt := range tests {
		r, err := testSpec.Parse(strings.Fields(tt.args), tt.posix)
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.args, err)
			continue
		}
		if got := show(r); got != tt.want {
			t.Errorf("Parse(%q) = %q, want %q", tt.args, got, tt.want)
		}
	}
}

func TestErrors(t *testing.T) {
	tests := []struct{ args, want string }{
		{"-z", "invalid option -- 'z'"},
		{"-lz", "invalid option -- 'z'"},
		{"--nope", "unrecognized option '--nope'"},
		{"--nope=1", "unrecognized option '--nope=1'"},
		{"--col=x", "option '--col=x' is ambiguous; possibilities: '--color' '--colour'"},
		{"-m", "option requires an argument -- 'm'"},
		{"--mode", "option '--mode' requires an argument"},
		{"--all=1", "option '--all' doesn't allow an argument"},
		{"--col", "option '--col' is ambiguous; possibilities: '--color' '--colour'"},
	}
	for _, tt := range tests {
		_, err := testSpec.Parse(strings.Fields(tt.args), false)
		if err == nil || err.Error() != tt.want {
			t.Errorf("Parse(%q) error = %v, want %q", tt.args, err, tt.want)
		}
	}
}

func TestStopAtOperand(t *testing.T) {
	s := testSpec
	s.StopAtOperand = true
	r, err := s.Parse([]string{"-l", "cmd", "-a"}, false)
	if err != nil || show(r) != "l | cmd -a" {
		t.Errorf("got %v, %v", r, err)
	}
}

func TestHelp(t *testing.T) {
	h := (&Spec{
		Prog:    "t",
		Usage:   []string{"[OPTION]... FILE", "OTHER"},
		Summary: "Do things.",
		Options: []Option{
			{Short: 'a', Long: "all", Help: "everything"},
			{Long: "mode", Arg: RequiredArg, ArgName: "MODE", Help: "set mode\nsecond line"},
			{Short: 'x', Arg: RequiredArg, ArgName: "N", Help: "short only"},
		},
	}).Help()
	for _, want := range []string{
		"Usage: t [OPTION]... FILE\n  or:  t OTHER\nDo things.\n\n",
		"  -a, --all                  everything\n",
		"      --mode=MODE            set mode\n                             second line\n",
		"  -x N                       short only\n",
		"      --help                 display this help and exit\n",
	} {
		if !strings.Contains(h, want) {
			t.Errorf("help lacks %q:\n%s", want, h)
		}
	}
}
