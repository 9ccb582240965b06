package shell

import (
	"encoding/binary"
	"errors"
)

// The subshell state travels from parent to child through a memfd in a
// small binary form: every string is its length (a uvarint) and its bytes,
// every number a varint, every list or map its length plus one (0 for
// nil, so nil and empty survive the trip), in the order of the fields of
// state. Unlike JSON it keeps any byte (a variable may hold invalid
// UTF-8), needs no reflection, and links nothing but encoding/binary's
// varints.

// stateMagic starts the encoding: a child reading anything else (a
// different zinebox, a stray fd) refuses it instead of misreading it.
const stateMagic = "zbsub1\n"

var errBadState = errors.New("truncated or corrupt state")

type stateEncoder struct{ b []byte }

func (e *stateEncoder) num(n int)    { e.b = binary.AppendVarint(e.b, int64(n)) }
func (e *stateEncoder) size(n int)   { e.b = binary.AppendUvarint(e.b, uint64(n)) }
func (e *stateEncoder) str(s string) { e.size(len(s)); e.b = append(e.b, s...) }

func (e *stateEncoder) flag(v bool) {
	if v {
		e.b = append(e.b, 1)
	} else {
		e.b = append(e.b, 0)
	}
}

// count writes the length of a list or map n long, nil or not.
func (e *stateEncoder) count(n int, isNil bool) {
	if isNil {
		e.size(0)
	} else {
		e.size(n + 1)
	}
}

func (e *stateEncoder) strs(l []string) {
	e.count(len(l), l == nil)
	for _, s := range l {
		e.str(s)
	}
}

func (e *stateEncoder) strMap(m map[string]string) {
	e.count(len(m), m == nil)
	for k, v := range m {
		e.str(k)
		e.str(v)
	}
}

// encode returns st in the form decodeState reads.
func (st *state) encode() []byte {
	e := &stateEncoder{b: make([]byte, 0, 4096)}
	e.b = append(e.b, stateMagic...)
	e.count(len(st.Vars), st.Vars == nil)
	for _, v := range st.Vars {
		e.str(v.N)
		e.str(v.V)
		var flags byte
		for i, f := range [...]bool{v.Set, v.Exp, v.Ro, v.Loc, v.Dflt} {
			if f {
				flags |= 1 << i
			}
		}
		e.b = append(e.b, flags)
	}
	e.strs(st.Funcs)
	e.strMap(st.Aliases)
	e.str(st.Opts)
	e.flag(st.Pipefail)
	e.strs(st.Params)
	e.str(st.Arg0)
	e.num(st.Pid)
	e.num(st.LastBg)
	e.num(st.Status)
	e.num(st.Lineno)
	e.count(len(st.Ignored), st.Ignored == nil)
	for _, sig := range st.Ignored {
		e.num(sig)
	}
	e.str(st.Node)
	e.flag(st.BashMode)
	e.strMap(st.Hash)
	return e.b
}

// stateDecoder reads what stateEncoder wrote. Its strings are slices of
// one copy of the input. After the first error every read returns a zero
// value and err stays set.
type stateDecoder struct {
	s   string
	err error
}

func (d *stateDecoder) fail() { d.err, d.s = errBadState, "" }

// size reads a length of at most max(0, bytes left + slack): no string
// or list can be longer than what remains, as each item takes a byte at
// least (a count is one more than its length: slack 1).
func (d *stateDecoder) size(slack int) int {
	n, k := binary.Uvarint([]byte(d.s[:min(len(d.s), binary.MaxVarintLen64)]))
	if k <= 0 || n > uint64(len(d.s)-k+slack) {
		d.fail()
		return 0
	}
	d.s = d.s[k:]
	return int(n)
}

func (d *stateDecoder) num() int {
	n, k := binary.Varint([]byte(d.s[:min(len(d.s), binary.MaxVarintLen64)]))
	if k <= 0 {
		d.fail()
		return 0
	}
	d.s = d.s[k:]
	return int(n)
}

func (d *stateDecoder) octet() byte {
	if len(d.s) == 0 {
		d.fail()
		return 0
	}
	c := d.s[0]
	d.s = d.s[1:]
	return c
}

func (d *stateDecoder) flag() bool {
	switch d.octet() {
	case 0:
		return false
	case 1:
		return true
	}
	d.fail()
	return false
}

func (d *stateDecoder) str() string {
	n := d.size(0)
	if d.err != nil {
		return ""
	}
	s := d.s[:n]
	d.s = d.s[n:]
	return s
}

// count reads a list's or map's length; nil is -1.
func (d *stateDecoder) count() int {
	return d.size(1) - 1
}

func (d *stateDecoder) strs() []string {
	n := d.count()
	if n < 0 {
		return nil
	}
	l := make([]string, n)
	for i := range l {
		l[i] = d.str()
	}
	return l
}

func (d *stateDecoder) strMap() map[string]string {
	n := d.count()
	if n < 0 {
		return nil
	}
	m := make(map[string]string, n)
	for range n {
		k := d.str()
		m[k] = d.str()
	}
	return m
}

// decodeState reads the state that encode wrote.
func decodeState(b []byte) (*state, error) {
	d := &stateDecoder{s: string(b)}
	if len(d.s) < len(stateMagic) || d.s[:len(stateMagic)] != stateMagic {
		return nil, errors.New("not a subshell state")
	}
	d.s = d.s[len(stateMagic):]
	st := &state{}
	if n := d.count(); n >= 0 {
		st.Vars = make([]stateVar, n)
		for i := range st.Vars {
			v := &st.Vars[i]
			v.N, v.V = d.str(), d.str()
			flags := d.octet()
			v.Set, v.Exp, v.Ro, v.Loc, v.Dflt = flags&1 != 0, flags&2 != 0, flags&4 != 0, flags&8 != 0, flags&16 != 0
		}
	}
	st.Funcs = d.strs()
	st.Aliases = d.strMap()
	st.Opts = d.str()
	st.Pipefail = d.flag()
	st.Params = d.strs()
	st.Arg0 = d.str()
	st.Pid = d.num()
	st.LastBg = d.num()
	st.Status = d.num()
	st.Lineno = d.num()
	if n := d.count(); n >= 0 {
		st.Ignored = make([]int, n)
		for i := range st.Ignored {
			st.Ignored[i] = d.num()
		}
	}
	st.Node = d.str()
	st.BashMode = d.flag()
	st.Hash = d.strMap()
	if d.err == nil && d.s != "" {
		d.err = errors.New("trailing bytes after the state")
	}
	if d.err != nil {
		return nil, d.err
	}
	return st, nil
}
