package main

import (
	"github.com/zinebox/zinebox/cmds/basename"
	"github.com/zinebox/zinebox/cmds/cat"
	"github.com/zinebox/zinebox/cmds/chmod"
	"github.com/zinebox/zinebox/cmds/count"
	"github.com/zinebox/zinebox/cmds/cp"
	"github.com/zinebox/zinebox/cmds/dirname"
	"github.com/zinebox/zinebox/cmds/echo"
	"github.com/zinebox/zinebox/cmds/env"
	falsecmd "github.com/zinebox/zinebox/cmds/false"
	"github.com/zinebox/zinebox/cmds/file"
	"github.com/zinebox/zinebox/cmds/float"
	"github.com/zinebox/zinebox/cmds/free"
	"github.com/zinebox/zinebox/cmds/halt"
	"github.com/zinebox/zinebox/cmds/head"
	initcmd "github.com/zinebox/zinebox/cmds/init"
	"github.com/zinebox/zinebox/cmds/initramfs"
	"github.com/zinebox/zinebox/cmds/kill"
	"github.com/zinebox/zinebox/cmds/ldconfig"
	"github.com/zinebox/zinebox/cmds/ldd"
	"github.com/zinebox/zinebox/cmds/ln"
	"github.com/zinebox/zinebox/cmds/ls"
	"github.com/zinebox/zinebox/cmds/man"
	"github.com/zinebox/zinebox/cmds/mem"
	"github.com/zinebox/zinebox/cmds/mkdir"
	"github.com/zinebox/zinebox/cmds/mkfifo"
	"github.com/zinebox/zinebox/cmds/nc"
	"github.com/zinebox/zinebox/cmds/nohup"
	"github.com/zinebox/zinebox/cmds/pgrep"
	"github.com/zinebox/zinebox/cmds/pidof"
	"github.com/zinebox/zinebox/cmds/pipebuf"
	"github.com/zinebox/zinebox/cmds/pkill"
	"github.com/zinebox/zinebox/cmds/pmap"
	"github.com/zinebox/zinebox/cmds/poweroff"
	"github.com/zinebox/zinebox/cmds/ps"
	"github.com/zinebox/zinebox/cmds/pwd"
	"github.com/zinebox/zinebox/cmds/readlink"
	"github.com/zinebox/zinebox/cmds/reboot"
	"github.com/zinebox/zinebox/cmds/rm"
	"github.com/zinebox/zinebox/cmds/sh"
	"github.com/zinebox/zinebox/cmds/sleep"
	"github.com/zinebox/zinebox/cmds/stat"
	"github.com/zinebox/zinebox/cmds/stdbuf"
	stracecmd "github.com/zinebox/zinebox/cmds/strace"
	"github.com/zinebox/zinebox/cmds/su"
	"github.com/zinebox/zinebox/cmds/tee"
	"github.com/zinebox/zinebox/cmds/threads"
	"github.com/zinebox/zinebox/cmds/timeout"
	"github.com/zinebox/zinebox/cmds/touch"
	truecmd "github.com/zinebox/zinebox/cmds/true"
	"github.com/zinebox/zinebox/cmds/uids"
	"github.com/zinebox/zinebox/cmds/uname"
	"github.com/zinebox/zinebox/cmds/uptime"
	"github.com/zinebox/zinebox/cmds/wc"
	"github.com/zinebox/zinebox/cmds/yes"
	"github.com/zinebox/zinebox/pkg/applet"
)

// applets is the registry: every applet of the binary, sorted by name.
// Adding an applet is a folder under cmds/ and one line here.
var applets = []*applet.Applet{
	&basename.Applet,
	&cat.Applet,
	&chmod.Applet,
	&count.Applet,
	&cp.Applet,
	&dirname.Applet,
	&echo.Applet,
	&env.Applet,
	&falsecmd.Applet,
	&file.Applet,
	&float.Applet,
	&free.Applet,
	&halt.Applet,
	&head.Applet,
	&initcmd.Applet,
	&initramfs.Applet,
	&kill.Applet,
	&ldconfig.Applet,
	&ldd.Applet,
	&ln.Applet,
	&ls.Applet,
	&man.Applet,
	&mem.Applet,
	&mkdir.Applet,
	&mkfifo.Applet,
	&nc.Applet,
	&nohup.Applet,
	&pgrep.Applet,
	&pidof.Applet,
	&pipebuf.Applet,
	&pkill.Applet,
	&pmap.Applet,
	&poweroff.Applet,
	&ps.Applet,
	&pwd.Applet,
	&readlink.Applet,
	&reboot.Applet,
	&rm.Applet,
	&sh.Applet,
	&sleep.Applet,
	&stat.Applet,
	&stdbuf.Applet,
	&stracecmd.Applet,
	&su.Applet,
	&tee.Applet,
	&threads.Applet,
	&timeout.Applet,
	&touch.Applet,
	&truecmd.Applet,
	&uids.Applet,
	&uname.Applet,
	&uptime.Applet,
	&wc.Applet,
	&yes.Applet,
}
