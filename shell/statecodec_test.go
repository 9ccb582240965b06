package shell

import (
	"math"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"mvdan.cc/sh/v3/syntax"
)

// funcText is a function definition as snapshot prints it.
func funcText(t *testing.T, src string) string {
	t.Helper()
	f, err := syntax.NewParser().Parse(strings.NewReader(src), "")
	if err != nil {
		t.Fatal(err)
	}
	return printNode(int(f.Stmts[0].Pos().Line()), f.Stmts[0])
}

func TestStateRoundTrip(t *testing.T) {
	many := make([]string, 20000)
	manyVars := make([]stateVar, 5000)
	manyIgn := make([]int, 64)
	for i := range many {
		many[i] = strconv.Itoa(i) + strings.Repeat("x", i%300)
	}
	for i := range manyVars {
		manyVars[i] = stateVar{N: "v" + strconv.Itoa(i), V: many[i], Set: i%2 == 0, Exp: i%3 == 0, Ro: i%5 == 0}
	}
	for i := range manyIgn {
		manyIgn[i] = i + 1
	}
	tests := []struct {
		name string
		st   state
	}{
		{"zero", state{}},
		{"empty but not nil", state{Vars: []stateVar{}, Funcs: []string{}, Aliases: map[string]string{}, Params: []string{}, Ignored: []int{}, Hash: map[string]string{}}},
		{"empty values", state{Vars: []stateVar{{}, {N: "E", Set: true}}, Params: []string{"", "", ""}, Aliases: map[string]string{"": ""}, Hash: map[string]string{"x": ""}}},
		{"NUL bytes", state{Vars: []stateVar{{N: "A", V: "a\x00b\x00", Set: true}}, Params: []string{"\x00", "x\x00y"}, Node: "echo \x00\n", Arg0: "\x00sh"}},
		{"newlines", state{Vars: []stateVar{{N: "NL", V: "\n\nline\r\n", Exp: true}}, Params: []string{"a\nb", "\n"}, Node: "\n\n\necho hi\n", Opts: "e\nx"}},
		{"unicode and invalid UTF-8", state{Vars: []stateVar{{N: "U", V: "héllo wörld ☃ 𝄞", Set: true}, {N: "BAD", V: "\xff\xfe\x80 \xc3", Set: true}}, Params: []string{"日本語", "\xed\xa0\x80"}, Aliases: map[string]string{"ç": "çà \xff"}}},
		{"large arrays", state{Vars: manyVars, Params: many, Ignored: manyIgn, Node: strings.Repeat("echo $x;", 50000)}},
		{"numbers", state{Pid: math.MaxInt32, LastBg: -1, Status: 255, Lineno: 1 << 40, Ignored: []int{0, -7, math.MaxInt, math.MinInt}}},
		{"flags", state{Vars: []stateVar{{N: "a", Set: true, Exp: true, Ro: true, Loc: true, Dflt: true}, {N: "b", Loc: true}, {N: "c", Dflt: true}}, Pipefail: true, BashMode: true}},
		{"functions' source", state{Funcs: []string{
			funcText(t, "f() { echo \"$@\"; }"),
			funcText(t, "\n\n\ng() {\n\tcat <<EOF\nhere $1\nEOF\n\tfor i in 1 2; do echo \"$i\" | tr 1 2; done\n}"),
			funcText(t, "h() ( cd / && printf '%s\\n' 'it'\"'\"'s' $'\\x00' )"),
		}, Node: "f a b\n", Aliases: map[string]string{"ll": "ls -l", "q": "'quoted' \"and\" \\ back"}}},
		{"hash", state{Hash: map[string]string{"ls": "/bin/ls", "cat": "/usr/bin/cat"}, Opts: "aefmux"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := tt.st.encode()
			got, err := decodeState(b)
			if err != nil {
				t.Fatalf("decodeState: %v", err)
			}
			if !reflect.DeepEqual(*got, tt.st) {
				t.Errorf("round trip changed the state:\ngot  %.400v\nwant %.400v", *got, tt.st)
			}
		})
	}
}

// fill sets every field of v (a struct, list or map, recursively) to a
// value that is not its zero value, so a field added to state but not to
// its encoding fails the round trip.
func fill(v reflect.Value, seed *int) {
	*seed++
	switch v.Kind() {
	case reflect.Struct:
		for i := range v.NumField() {
			fill(v.Field(i), seed)
		}
	case reflect.String:
		v.SetString("s" + strconv.Itoa(*seed))
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int:
		v.SetInt(int64(*seed) * 1000)
	case reflect.Slice:
		s := reflect.MakeSlice(v.Type(), 2, 2)
		fill(s.Index(0), seed)
		fill(s.Index(1), seed)
		v.Set(s)
	case reflect.Map:
		m := reflect.MakeMap(v.Type())
		k, e := reflect.New(v.Type().Key()).Elem(), reflect.New(v.Type().Elem()).Elem()
		fill(k, seed)
		fill(e, seed)
		m.SetMapIndex(k, e)
		v.Set(m)
	default:
		panic("fill: add a case for " + v.Kind().String())
	}
}

func TestStateEveryField(t *testing.T) {
	var st state
	seed := 0
	fill(reflect.ValueOf(&st).Elem(), &seed)
	got, err := decodeState(st.encode())
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(*got, st) {
		t.Errorf("a field of state is not encoded:\ngot  %+v\nwant %+v", *got, st)
	}
}

// TestStateCorrupt: a cut or damaged encoding is an error, never a panic
// or a huge allocation.
func TestStateCorrupt(t *testing.T) {
	st := state{Vars: []stateVar{{N: "A", V: "1", Set: true}}, Funcs: []string{"f() { :; }\n"}, Aliases: map[string]string{"a": "b"},
		Params: []string{"x", "y"}, Pid: 42, Ignored: []int{2, 3}, Node: "echo hi\n", Hash: map[string]string{"ls": "/bin/ls"}}
	b := st.encode()
	for n := range len(b) {
		if _, err := decodeState(b[:n]); err == nil {
			t.Errorf("decodeState of the first %d of %d bytes: no error", n, len(b))
		}
	}
	if _, err := decodeState(append(b[:len(b):len(b)], 0)); err == nil {
		t.Error("decodeState with a trailing byte: no error")
	}
	if _, err := decodeState([]byte(`{"Vars":[]}`)); err == nil {
		t.Error("decodeState of JSON: no error")
	}
	for i := len(stateMagic); i < len(b); i++ {
		for _, x := range []byte{0xff, 0x80, 0x01, 0x7f} {
			c := append([]byte(nil), b...)
			c[i] ^= x
			decodeState(c) // must not panic; may or may not decode
		}
	}
	huge := append([]byte(stateMagic), 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f)
	if _, err := decodeState(huge); err == nil {
		t.Error("decodeState of a huge count: no error")
	}
}
