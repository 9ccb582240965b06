// Package uids implements uids(1), the demonstration for the zine's
// permissions page: it prints the real, effective and saved user and group
// IDs of its own process. Run from a setuid-root copy by an ordinary user,
// it shows a real UID of the user and an effective UID of 0.
//
// The teaching VM's init installs such a copy as /usr/local/bin/uids, mode
// 4755. The multicall binary refuses to run any other applet when it finds
// itself running setuid (see cmds/zinebox), so the copy cannot be turned
// into a root shell by linking it under another name.
package uids

import (
	_ "embed"
	"fmt"

	"github.com/zinebox/zinebox/pkg/applet"
	"github.com/zinebox/zinebox/pkg/getopt"
	"github.com/zinebox/zinebox/pkg/userdb"
	"golang.org/x/sys/unix"
)

//go:embed uids.1
var manPage string

var Applet = applet.Applet{
	Name:    "uids",
	Summary: "print the real, effective and saved user and group IDs",
	Man:     &manPage,
	Main:    run,
}

var spec = getopt.Spec{
	Prog:    "uids",
	Summary: "Print the real, effective and saved user and group IDs of this process\n(getresuid(2), getresgid(2)).",
}

func run(io *applet.IO, args []string) int {
	r, done, status := io.Parse(&spec, args, 1)
	if done {
		return status
	}
	if len(r.Operands) > 0 {
		return io.UsageError(1, "extra operand '%s'", r.Operands[0])
	}
	db := userdb.New("/etc")
	ruid, euid, suid := unix.Getresuid()
	rgid, egid, sgid := unix.Getresgid()
	user := func(id int) string {
		if name, ok := db.UserName(uint32(id)); ok {
			return fmt.Sprintf("%d(%s)", id, name)
		}
		return fmt.Sprint(id)
	}
	group := func(id int) string {
		if name, ok := db.GroupName(uint32(id)); ok {
			return fmt.Sprintf("%d(%s)", id, name)
		}
		return fmt.Sprint(id)
	}
	fmt.Fprintf(io.Stdout, "real      uid=%s gid=%s\n", user(ruid), group(rgid))
	fmt.Fprintf(io.Stdout, "effective uid=%s gid=%s\n", user(euid), group(egid))
	fmt.Fprintf(io.Stdout, "saved     uid=%s gid=%s\n", user(suid), group(sgid))
	if ruid != euid {
		fmt.Fprintf(io.Stdout, "running setuid: the kernel checks permissions against the effective uid %s\n", user(euid))
	}
	return 0
}
