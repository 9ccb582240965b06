package userdb

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

func TestUsers(t *testing.T) {
	db := New("testdata")
	tests := []struct {
		uid  uint32
		name string
		ok   bool
	}{
		{0, "root", true},
		{1, "daemon", true},
		{1000, "alice", true}, // leading blanks are skipped; the first of two lines with 1000 wins
		{1001, "bob", true},   // "toofew" has too few fields
		{1002, "", false},     // too many fields
		{1003, "", false},
		{1010, "crlf", true},
		{65534, "nobody", true}, // last line without a newline
		{1006, "", false},       // empty name
		{12345, "", false},
	}
	for _, tt := range tests {
		name, ok := db.UserName(tt.uid)
		if name != tt.name || ok != tt.ok {
			t.Errorf("UserName(%d) = %q, %v; want %q, %v", tt.uid, name, ok, tt.name, tt.ok)
		}
	}
	u, ok := db.LookupUser("alice")
	want := User{"alice", 1000, 1000, "Alice Liddell,,,", "/home/alice", "/bin/sh"}
	if !ok || u != want {
		t.Errorf("LookupUser(alice) = %+v, %v; want %+v", u, ok, want)
	}
	if u, ok := db.LookupUser("crlf"); !ok || u.Shell != "/bin/sh" {
		t.Errorf("LookupUser(crlf) = %+v, %v", u, ok)
	}
	for _, bad := range []string{"toofew", "toomany", "badnum", "neg", "huge", "+nisuser", "", "nisuser", "# a comment line"} {
		if u, ok := db.LookupUser(bad); ok {
			t.Errorf("LookupUser(%q) = %+v; want not found", bad, u)
		}
	}
	if u, ok := db.UserByUID(1000); !ok || u.Gecos != "Alice Liddell,,," {
		t.Errorf("UserByUID(1000) = %+v, %v", u, ok)
	}
}

func TestGroups(t *testing.T) {
	db := New("testdata")
	tests := []struct {
		gid  uint32
		name string
		ok   bool
	}{
		{0, "root", true},
		{100, "users", true},
		{50, "staff", true},
		{10, "wheel", true},
		{60, "", false},
		{65534, "nogroup", true},
		{7, "", false},
	}
	for _, tt := range tests {
		name, ok := db.GroupName(tt.gid)
		if name != tt.name || ok != tt.ok {
			t.Errorf("GroupName(%d) = %q, %v; want %q, %v", tt.gid, name, ok, tt.name, tt.ok)
		}
	}
	g, ok := db.LookupGroup("staff")
	if !ok || g.GID != 50 || !reflect.DeepEqual(g.Members, []string{"alice", "carol"}) {
		t.Errorf("LookupGroup(staff) = %+v, %v", g, ok)
	}
	if g, ok := db.LookupGroup("dupgid"); !ok || g.GID != 50 {
		t.Errorf("LookupGroup(dupgid) = %+v, %v", g, ok)
	}
	for _, bad := range []string{"broken", "short", "nope"} {
		if g, ok := db.LookupGroup(bad); ok {
			t.Errorf("LookupGroup(%q) = %+v; want not found", bad, g)
		}
	}
}

func TestGroupsOf(t *testing.T) {
	db := New("testdata")
	tests := []struct {
		user    string
		primary uint32
		want    []uint32
	}{
		{"alice", 1000, []uint32{1000, 100, 50, 10}},
		{"bob", 100, []uint32{100, 10, 29}},
		{"carol", 7, []uint32{7, 50}},
		{"nobody", 65534, []uint32{65534}},
	}
	for _, tt := range tests {
		if got := db.GroupsOf(tt.user, tt.primary); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("GroupsOf(%q, %d) = %v; want %v", tt.user, tt.primary, got, tt.want)
		}
	}
}

func TestMissingFiles(t *testing.T) {
	db := New(t.TempDir())
	if _, ok := db.UserName(0); ok {
		t.Error("UserName(0) found in an empty directory")
	}
	if _, ok := db.GroupName(0); ok {
		t.Error("GroupName(0) found in an empty directory")
	}
	if got := db.GroupsOf("root", 0); !reflect.DeepEqual(got, []uint32{0}) {
		t.Errorf("GroupsOf = %v", got)
	}
}

// TestSystem checks this machine's own files against the id tool, which
// asks glibc: every user's `id -G NAME` must equal GroupsOf.
func TestSystem(t *testing.T) {
	idPath, err := exec.LookPath("id")
	if err != nil {
		t.Skip("id not installed")
	}
	db := New("/etc")
	db.loadUsers()
	if len(db.users) == 0 {
		t.Skip("no /etc/passwd")
	}
	for _, u := range db.users {
		out, err := exec.Command(idPath, "-G", u.Name).Output()
		if err != nil {
			continue // a user NSS does not know as we do
		}
		var want []uint32
		for _, f := range strings.Fields(string(out)) {
			n, _ := strconv.ParseUint(f, 10, 32)
			want = append(want, uint32(n))
		}
		if got := db.GroupsOf(u.Name, u.GID); !reflect.DeepEqual(got, want) {
			t.Errorf("GroupsOf(%q, %d) = %v; id -G says %v", u.Name, u.GID, got, want)
		}
	}
}

// FuzzParse feeds arbitrary bytes to both parsers: they must never panic.
func FuzzParse(f *testing.F) {
	for _, name := range []string{"passwd", "group"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(":::\n::::::\n\n#\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		parsePasswd(data)
		gs := parseGroup(data)
		_ = fmt.Sprint(gs)
	})
}
