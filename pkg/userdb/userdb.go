// Package userdb reads the user and group databases, /etc/passwd and
// /etc/group, without cgo: a static Go binary cannot call glibc's
// getpwuid(3), and on the zine's small systems (and in our initramfs) the
// files are the whole truth anyway; NSS modules such as LDAP are out of scope.
//
// A DB parses each file the first time it is needed and keeps the result, so
// `ls -l` of a large directory reads /etc/passwd once, and `ls` without -l
// never reads it at all. Malformed lines are skipped, as glibc's files backend
// skips them; where an id or name appears twice, the first line wins, as it
// does for getpwuid(3) and getgrnam(3).
package userdb

import (
	"bytes"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"github.com/zinebox/zinebox/pkg/sysfile"
)

// User is one line of /etc/passwd.
type User struct {
	Name  string
	UID   uint32
	GID   uint32 // primary group
	Gecos string
	Home  string
	Shell string
}

// Group is one line of /etc/group.
type Group struct {
	Name    string
	GID     uint32
	Members []string // the user names listed after the last colon
}

// DB answers questions about the passwd and group files of one directory.
// Its methods are safe for concurrent use.
type DB struct {
	dir string

	usersOnce sync.Once
	users     []User
	byUID     map[uint32]int // index of the first user with that UID
	byUser    map[string]int

	groupsOnce sync.Once
	groups     []Group
	byGID      map[uint32]int
	byGroup    map[string]int
}

// New returns a DB for dir/passwd and dir/group ("/etc" on a real system).
// Nothing is read until a question is asked; a missing or unreadable file
// behaves as an empty one, which makes ls print numbers, as GNU ls does when
// getpwuid fails.
func New(dir string) *DB {
	return &DB{dir: dir}
}

func (db *DB) loadUsers() {
	db.usersOnce.Do(func() {
		data, _ := sysfile.ReadFile(filepath.Join(db.dir, "passwd"))
		db.users = parsePasswd(data)
		db.byUID = make(map[uint32]int, len(db.users))
		db.byUser = make(map[string]int, len(db.users))
		for i, u := range db.users {
			if _, ok := db.byUID[u.UID]; !ok {
				db.byUID[u.UID] = i
			}
			if _, ok := db.byUser[u.Name]; !ok {
				db.byUser[u.Name] = i
			}
		}
	})
}

func (db *DB) loadGroups() {
	db.groupsOnce.Do(func() {
		data, _ := sysfile.ReadFile(filepath.Join(db.dir, "group"))
		db.groups = parseGroup(data)
		db.byGID = make(map[uint32]int, len(db.groups))
		db.byGroup = make(map[string]int, len(db.groups))
		for i, g := range db.groups {
			if _, ok := db.byGID[g.GID]; !ok {
				db.byGID[g.GID] = i
			}
			if _, ok := db.byGroup[g.Name]; !ok {
				db.byGroup[g.Name] = i
			}
		}
	})
}

// UserName returns the name of the user with uid.
func (db *DB) UserName(uid uint32) (string, bool) {
	u, ok := db.UserByUID(uid)
	return u.Name, ok
}

// GroupName returns the name of the group with gid.
func (db *DB) GroupName(gid uint32) (string, bool) {
	db.loadGroups()
	i, ok := db.byGID[gid]
	if !ok {
		return "", false
	}
	return db.groups[i].Name, true
}

// UserByUID returns the first user with uid, as getpwuid(3) does.
func (db *DB) UserByUID(uid uint32) (User, bool) {
	db.loadUsers()
	i, ok := db.byUID[uid]
	if !ok {
		return User{}, false
	}
	return db.users[i], true
}

// LookupUser returns the user called name, as getpwnam(3) does.
func (db *DB) LookupUser(name string) (User, bool) {
	db.loadUsers()
	i, ok := db.byUser[name]
	if !ok {
		return User{}, false
	}
	return db.users[i], true
}

// LookupGroup returns the group called name, as getgrnam(3) does.
func (db *DB) LookupGroup(name string) (Group, bool) {
	db.loadGroups()
	i, ok := db.byGroup[name]
	if !ok {
		return Group{}, false
	}
	return db.groups[i], true
}

// GroupByGID returns the first group with gid, as getgrgid(3) does.
func (db *DB) GroupByGID(gid uint32) (Group, bool) {
	db.loadGroups()
	i, ok := db.byGID[gid]
	if !ok {
		return Group{}, false
	}
	return db.groups[i], true
}

// GroupsOf returns the group list of user whose primary group is primary, in
// the order glibc's getgrouplist(3) gives it and `id -G USER` prints it: the
// primary group first, then every group of /etc/group that lists user as a
// member, in file order, each GID once.
func (db *DB) GroupsOf(user string, primary uint32) []uint32 {
	db.loadGroups()
	list := []uint32{primary}
	for _, g := range db.groups {
		if !containsString(g.Members, user) || containsGID(list, g.GID) {
			continue
		}
		list = append(list, g.GID)
	}
	return list
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func containsGID(list []uint32, gid uint32) bool {
	for _, x := range list {
		if x == gid {
			return true
		}
	}
	return false
}

// parsePasswd parses passwd(5) lines: name:password:UID:GID:GECOS:home:shell.
func parsePasswd(data []byte) []User {
	var users []User
	var f [7]string
	forEachLine(data, func(line string) {
		if !splitFields(line, f[:]) || f[0] == "" {
			return
		}
		uid, ok1 := parseID(f[2])
		gid, ok2 := parseID(f[3])
		if !ok1 || !ok2 {
			return
		}
		users = append(users, User{Name: f[0], UID: uid, GID: gid, Gecos: f[4], Home: f[5], Shell: f[6]})
	})
	return users
}

// parseGroup parses group(5) lines: name:password:GID:member,member.
func parseGroup(data []byte) []Group {
	var groups []Group
	var f [4]string
	forEachLine(data, func(line string) {
		if !splitFields(line, f[:]) || f[0] == "" {
			return
		}
		gid, ok := parseID(f[2])
		if !ok {
			return
		}
		g := Group{Name: f[0], GID: gid}
		for _, m := range strings.Split(f[3], ",") {
			if m = strings.TrimSpace(m); m != "" {
				g.Members = append(g.Members, m)
			}
		}
		groups = append(groups, g)
	})
	return groups
}

// forEachLine calls fn for each line that is neither empty nor a comment.
// Lines beginning with + or - are NIS "compat" markers that name no real
// entry; they are skipped too.
func forEachLine(data []byte, fn func(string)) {
	for len(data) > 0 {
		var line []byte
		line, data, _ = bytes.Cut(data, []byte{'\n'})
		line = bytes.TrimRight(line, "\r")
		line = bytes.TrimLeft(line, " \t")
		if len(line) == 0 || line[0] == '#' || line[0] == '+' || line[0] == '-' {
			continue
		}
		fn(string(line))
	}
}

// splitFields splits line at colons into exactly len(f) fields.
func splitFields(line string, f []string) bool {
	for i := range f {
		if i == len(f)-1 {
			if strings.IndexByte(line, ':') >= 0 {
				return false
			}
			f[i] = line
			return true
		}
		var ok bool
		f[i], line, ok = strings.Cut(line, ":")
		if !ok {
			return false
		}
	}
	return true
}

// parseID parses a decimal user or group id. IDs are 32 bits; (uint32)-1 is
// reserved by the kernel to mean "no change" and is never a real id.
func parseID(s string) (uint32, bool) {
	n, err := strconv.ParseUint(s, 10, 32)
	if err != nil || n == 1<<32-1 {
		return 0, false
	}
	return uint32(n), true
}
