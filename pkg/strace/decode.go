package strace

import (
	"encoding/binary"
	"strconv"
	"strings"
	"syscall"

	"github.com/zinebox/zinebox/pkg/errno"
)

// flag is one named bit (or value) in a flag set.
type flag struct {
	val  uint64
	name string
}

// The flag tables list bits in the order strace 6 prints them.
var openFlags = [...]flag{
	{0o100, "O_CREAT"}, {0o200, "O_EXCL"}, {0o400, "O_NOCTTY"}, {0o1000, "O_TRUNC"}, {0o2000, "O_APPEND"},
	{0o4000, "O_NONBLOCK"}, {0o4010000, "O_SYNC"}, {0o10000, "O_DSYNC"}, {0o40000, "O_DIRECT"},
	{0o100000, "O_LARGEFILE"}, {0o400000, "O_NOFOLLOW"}, {0o1000000, "O_NOATIME"}, {0o2000000, "O_CLOEXEC"},
	{0o10000000, "O_PATH"}, {0o20200000, "O_TMPFILE"}, {0o200000, "O_DIRECTORY"}, {0o20000, "FASYNC"},
}

var protFlags = [...]flag{
	{0x1, "PROT_READ"}, {0x2, "PROT_WRITE"}, {0x4, "PROT_EXEC"}, {0x8, "PROT_SEM"},
	{0x01000000, "PROT_GROWSDOWN"}, {0x02000000, "PROT_GROWSUP"},
}

var mapFlags = [...]flag{
	{0x10, "MAP_FIXED"}, {0x20, "MAP_ANONYMOUS"}, {0x40, "MAP_32BIT"}, {0x4000, "MAP_NORESERVE"},
	{0x8000, "MAP_POPULATE"}, {0x10000, "MAP_NONBLOCK"}, {0x100, "MAP_GROWSDOWN"}, {0x800, "MAP_DENYWRITE"},
	{0x1000, "MAP_EXECUTABLE"}, {0x2000, "MAP_LOCKED"}, {0x20000, "MAP_STACK"}, {0x40000, "MAP_HUGETLB"},
	{0x80000, "MAP_SYNC"}, {0x100000, "MAP_FIXED_NOREPLACE"}, {0x4000000, "MAP_UNINITIALIZED"},
}

var cloneFlags = [...]flag{
	{0x100, "CLONE_VM"}, {0x200, "CLONE_FS"}, {0x400, "CLONE_FILES"}, {0x800, "CLONE_SIGHAND"},
	{0x1000, "CLONE_PIDFD"}, {0x2000, "CLONE_PTRACE"}, {0x4000, "CLONE_VFORK"}, {0x8000, "CLONE_PARENT"},
	{0x10000, "CLONE_THREAD"}, {0x20000, "CLONE_NEWNS"}, {0x40000, "CLONE_SYSVSEM"}, {0x80000, "CLONE_SETTLS"},
	{0x100000, "CLONE_PARENT_SETTID"}, {0x200000, "CLONE_CHILD_CLEARTID"}, {0x800000, "CLONE_UNTRACED"},
	{0x1000000, "CLONE_CHILD_SETTID"}, {0x2000000, "CLONE_NEWCGROUP"}, {0x4000000, "CLONE_NEWUTS"},
	{0x8000000, "CLONE_NEWIPC"}, {0x10000000, "CLONE_NEWUSER"}, {0x20000000, "CLONE_NEWPID"},
	{0x40000000, "CLONE_NEWNET"}, {0x80000000, "CLONE_IO"},
}

var atFlags = [...]flag{
	{0x100, "AT_SYMLINK_NOFOLLOW"}, {0x200, "AT_REMOVEDIR"}, {0x400, "AT_SYMLINK_FOLLOW"},
	{0x800, "AT_NO_AUTOMOUNT"}, {0x1000, "AT_EMPTY_PATH"}, {0x8000, "AT_RECURSIVE"},
}

var accessFlags = [...]flag{{4, "R_OK"}, {2, "W_OK"}, {1, "X_OK"}}

var waitFlags = [...]flag{
	{1, "WNOHANG"}, {2, "WSTOPPED"}, {4, "WEXITED"}, {8, "WCONTINUED"}, {0x1000000, "WNOWAIT"},
	{0x20000000, "__WNOTHREAD"}, {0x40000000, "__WALL"}, {0x80000000, "__WCLONE"},
}

var saFlags = [...]flag{
	{0x04000000, "SA_RESTORER"}, {0x08000000, "SA_ONSTACK"}, {0x10000000, "SA_RESTART"},
	{0x40000000, "SA_NODEFER"}, {0x80000000, "SA_RESETHAND"}, {4, "SA_SIGINFO"}, {1, "SA_NOCLDSTOP"},
	{2, "SA_NOCLDWAIT"},
}

var msgFlags = [...]flag{
	{0x1, "MSG_OOB"}, {0x2, "MSG_PEEK"}, {0x4, "MSG_DONTROUTE"}, {0x8, "MSG_CTRUNC"}, {0x10, "MSG_PROXY"},
	{0x20, "MSG_TRUNC"}, {0x40, "MSG_DONTWAIT"}, {0x80, "MSG_EOR"}, {0x100, "MSG_WAITALL"}, {0x200, "MSG_FIN"},
	{0x400, "MSG_SYN"}, {0x800, "MSG_CONFIRM"}, {0x1000, "MSG_RST"}, {0x2000, "MSG_ERRQUEUE"},
	{0x4000, "MSG_NOSIGNAL"}, {0x8000, "MSG_MORE"}, {0x10000, "MSG_WAITFORONE"}, {0x40000000, "MSG_CMSG_CLOEXEC"},
}

var sockTypeFlags = [...]flag{{0o2000000, "SOCK_CLOEXEC"}, {0o4000, "SOCK_NONBLOCK"}}

var fadvices = values{{0, "POSIX_FADV_NORMAL"}, {1, "POSIX_FADV_RANDOM"}, {2, "POSIX_FADV_SEQUENTIAL"},
	{3, "POSIX_FADV_WILLNEED"}, {4, "POSIX_FADV_DONTNEED"}, {5, "POSIX_FADV_NOREUSE"}}

var prctls = values{{1, "PR_SET_PDEATHSIG"}, {2, "PR_GET_PDEATHSIG"}, {3, "PR_GET_DUMPABLE"}, {4, "PR_SET_DUMPABLE"},
	{15, "PR_SET_NAME"}, {16, "PR_GET_NAME"}, {22, "PR_SET_SECCOMP"}, {23, "PR_CAPBSET_READ"}, {24, "PR_CAPBSET_DROP"},
	{36, "PR_SET_CHILD_SUBREAPER"}, {37, "PR_GET_CHILD_SUBREAPER"}, {38, "PR_SET_NO_NEW_PRIVS"},
	{39, "PR_GET_NO_NEW_PRIVS"}, {47, "PR_CAP_AMBIENT"}, {0x53564d41, "PR_SET_VMA"}}

// capNames are the capabilities by number (capabilities(7)).
var capNames = [...]string{"CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_DAC_READ_SEARCH", "CAP_FOWNER", "CAP_FSETID",
	"CAP_KILL", "CAP_SETGID", "CAP_SETUID", "CAP_SETPCAP", "CAP_LINUX_IMMUTABLE", "CAP_NET_BIND_SERVICE",
	"CAP_NET_BROADCAST", "CAP_NET_ADMIN", "CAP_NET_RAW", "CAP_IPC_LOCK", "CAP_IPC_OWNER", "CAP_SYS_MODULE",
	"CAP_SYS_RAWIO", "CAP_SYS_CHROOT", "CAP_SYS_PTRACE", "CAP_SYS_PACCT", "CAP_SYS_ADMIN", "CAP_SYS_BOOT",
	"CAP_SYS_NICE", "CAP_SYS_RESOURCE", "CAP_SYS_TIME", "CAP_SYS_TTY_CONFIG", "CAP_MKNOD", "CAP_LEASE",
	"CAP_AUDIT_WRITE", "CAP_AUDIT_CONTROL", "CAP_SETFCAP", "CAP_MAC_OVERRIDE", "CAP_MAC_ADMIN", "CAP_SYSLOG",
	"CAP_WAKE_ALARM", "CAP_BLOCK_SUSPEND", "CAP_AUDIT_READ", "CAP_PERFMON", "CAP_BPF", "CAP_CHECKPOINT_RESTORE"}

var statxAttrs = [...]flag{{0x4, "STATX_ATTR_COMPRESSED"}, {0x10, "STATX_ATTR_IMMUTABLE"}, {0x20, "STATX_ATTR_APPEND"},
	{0x40, "STATX_ATTR_NODUMP"}, {0x800, "STATX_ATTR_ENCRYPTED"}, {0x1000, "STATX_ATTR_AUTOMOUNT"},
	{0x2000, "STATX_ATTR_MOUNT_ROOT"}, {0x100000, "STATX_ATTR_VERITY"}, {0x200000, "STATX_ATTR_DAX"}}

// values are names of whole values, for enumerations.
type values []flag

var whences = values{{0, "SEEK_SET"}, {1, "SEEK_CUR"}, {2, "SEEK_END"}, {3, "SEEK_DATA"}, {4, "SEEK_HOLE"}}
var sigHows = values{{0, "SIG_BLOCK"}, {1, "SIG_UNBLOCK"}, {2, "SIG_SETMASK"}}
var families = values{{0, "AF_UNSPEC"}, {1, "AF_UNIX"}, {2, "AF_INET"}, {10, "AF_INET6"}, {16, "AF_NETLINK"}, {17, "AF_PACKET"}}
var sockTypes = values{{1, "SOCK_STREAM"}, {2, "SOCK_DGRAM"}, {3, "SOCK_RAW"}, {4, "SOCK_RDM"}, {5, "SOCK_SEQPACKET"}, {6, "SOCK_DCCP"}, {10, "SOCK_PACKET"}}
var ipProtos = values{{0, "IPPROTO_IP"}, {1, "IPPROTO_ICMP"}, {6, "IPPROTO_TCP"}, {17, "IPPROTO_UDP"}, {41, "IPPROTO_IPV6"}, {58, "IPPROTO_ICMPV6"}, {132, "IPPROTO_SCTP"}, {255, "IPPROTO_RAW"}}
var fcntlCmds = values{{0, "F_DUPFD"}, {1, "F_GETFD"}, {2, "F_SETFD"}, {3, "F_GETFL"}, {4, "F_SETFL"}, {5, "F_GETLK"},
	{6, "F_SETLK"}, {7, "F_SETLKW"}, {8, "F_SETOWN"}, {9, "F_GETOWN"}, {10, "F_SETSIG"}, {11, "F_GETSIG"},
	{36, "F_OFD_GETLK"}, {37, "F_OFD_SETLK"}, {38, "F_OFD_SETLKW"}, {1024, "F_SETLEASE"}, {1025, "F_GETLEASE"},
	{1026, "F_NOTIFY"}, {1030, "F_DUPFD_CLOEXEC"}, {1031, "F_SETPIPE_SZ"}, {1032, "F_GETPIPE_SZ"},
	{1033, "F_ADD_SEALS"}, {1034, "F_GET_SEALS"}}
var rlimits = values{{0, "RLIMIT_CPU"}, {1, "RLIMIT_FSIZE"}, {2, "RLIMIT_DATA"}, {3, "RLIMIT_STACK"}, {4, "RLIMIT_CORE"},
	{5, "RLIMIT_RSS"}, {6, "RLIMIT_NPROC"}, {7, "RLIMIT_NOFILE"}, {8, "RLIMIT_MEMLOCK"}, {9, "RLIMIT_AS"},
	{10, "RLIMIT_LOCKS"}, {11, "RLIMIT_SIGPENDING"}, {12, "RLIMIT_MSGQUEUE"}, {13, "RLIMIT_NICE"},
	{14, "RLIMIT_RTPRIO"}, {15, "RLIMIT_RTTIME"}}
var archPrctls = values{{0x1001, "ARCH_SET_GS"}, {0x1002, "ARCH_SET_FS"}, {0x1003, "ARCH_GET_FS"}, {0x1004, "ARCH_GET_GS"},
	{0x1011, "ARCH_GET_CPUID"}, {0x1012, "ARCH_SET_CPUID"}}
var futexOps = values{{0, "FUTEX_WAIT"}, {1, "FUTEX_WAKE"}, {2, "FUTEX_FD"}, {3, "FUTEX_REQUEUE"}, {4, "FUTEX_CMP_REQUEUE"},
	{5, "FUTEX_WAKE_OP"}, {6, "FUTEX_LOCK_PI"}, {7, "FUTEX_UNLOCK_PI"}, {8, "FUTEX_TRYLOCK_PI"}, {9, "FUTEX_WAIT_BITSET"},
	{10, "FUTEX_WAKE_BITSET"}, {11, "FUTEX_WAIT_REQUEUE_PI"}, {12, "FUTEX_CMP_REQUEUE_PI"}, {13, "FUTEX_LOCK_PI2"}}
var clockIDs = values{{0, "CLOCK_REALTIME"}, {1, "CLOCK_MONOTONIC"}, {2, "CLOCK_PROCESS_CPUTIME_ID"},
	{3, "CLOCK_THREAD_CPUTIME_ID"}, {4, "CLOCK_MONOTONIC_RAW"}, {5, "CLOCK_REALTIME_COARSE"},
	{6, "CLOCK_MONOTONIC_COARSE"}, {7, "CLOCK_BOOTTIME"}, {8, "CLOCK_REALTIME_ALARM"}, {9, "CLOCK_BOOTTIME_ALARM"}, {11, "CLOCK_TAI"}}

// ioctls names terminal and common file ioctl requests.
// The requests that OSS's sequencer timer shares with the terminal (_IO('T',
// 2..4)) carry both names, as strace prints them.
var ioctls = values{{0x5401, "TCGETS"}, {0x5402, "SNDCTL_TMR_START or TCSETS"}, {0x5403, "SNDCTL_TMR_STOP or TCSETSW"},
	{0x5404, "SNDCTL_TMR_CONTINUE or TCSETSF"}, {0x5405, "TCGETA"},
	{0x5406, "TCSETA"}, {0x5407, "TCSETAW"}, {0x5408, "TCSETAF"}, {0x5409, "TCSBRK"}, {0x540A, "TCXONC"},
	{0x540B, "TCFLSH"}, {0x540C, "TIOCEXCL"}, {0x540D, "TIOCNXCL"}, {0x540E, "TIOCSCTTY"}, {0x540F, "TIOCGPGRP"},
	{0x5410, "TIOCSPGRP"}, {0x5411, "TIOCOUTQ"}, {0x5412, "TIOCSTI"}, {0x5413, "TIOCGWINSZ"}, {0x5414, "TIOCSWINSZ"},
	{0x5415, "TIOCMGET"}, {0x541B, "FIONREAD"}, {0x541C, "TIOCLINUX"}, {0x541D, "TIOCCONS"}, {0x5420, "TIOCPKT"},
	{0x5421, "FIONBIO"}, {0x5422, "TIOCNOTTY"}, {0x5423, "TIOCSETD"}, {0x5424, "TIOCGETD"}, {0x5429, "TIOCGSID"},
	{0x5450, "FIONCLEX"}, {0x5451, "FIOCLEX"}, {0x5452, "FIOASYNC"}, {0x80045430, "TIOCGPTN"},
	{0x40045431, "TIOCSPTLCK"}, {0x80045432, "TIOCGDEV"}, {0x5441, "TIOCGPTPEER"}, {0x5416, "TIOCMBIS"},
	{0x5417, "TIOCMBIC"}, {0x5418, "TIOCMSET"}, {0x5425, "TCSBRKP"}, {0x5427, "TIOCSBRK"}, {0x5428, "TIOCCBRK"},
	{0x5456, "TIOCGLCKTRMIOS"}, {0x5457, "TIOCSLCKTRMIOS"}, {0x80045438, "TIOCGPKT"}, {0x80045439, "TIOCGPTLCK"},
	{0x80045440, "TIOCGEXCL"}, {0x5453, "FIOQSIZE"}}

// ioctlName is the request as strace shows it: its name, or the _IOC()
// macro that builds an unknown one.
func ioctlName(x uint64) string {
	if n, ok := ioctls.lookup(x); ok {
		return n
	}
	dirs := [...]string{"_IOC_NONE", "_IOC_WRITE", "_IOC_READ", "_IOC_READ|_IOC_WRITE"}
	size := (x >> 16) & 0x3fff
	sz := "0"
	if size != 0 {
		sz = hex(size)
	}
	return "_IOC(" + dirs[(x>>30)&3] + ", " + hex((x>>8)&0xff) + ", " + hex(x&0xff) + ", " + sz + ")"
}

// ioctlNoArg reports the terminal requests that take no argument: strace
// shows them with two.
func ioctlNoArg(x uint64) bool {
	switch x {
	case 0x540C, 0x540D, 0x5422, 0x5450, 0x5451, 0x541D, 0x5427, 0x5428: // TIOCEXCL TIOCNXCL TIOCNOTTY FIONCLEX FIOCLEX TIOCCONS TIOCSBRK TIOCCBRK
		return true
	}
	return false
}

// Terminal flags (termios(3)), in the order strace lists them.
var termIflags = [...]flag{{0o1, "IGNBRK"}, {0o2, "BRKINT"}, {0o4, "IGNPAR"}, {0o10, "PARMRK"}, {0o20, "INPCK"},
	{0o40, "ISTRIP"}, {0o100, "INLCR"}, {0o200, "IGNCR"}, {0o400, "ICRNL"}, {0o1000, "IUCLC"}, {0o2000, "IXON"},
	{0o4000, "IXANY"}, {0o10000, "IXOFF"}, {0o20000, "IMAXBEL"}, {0o40000, "IUTF8"}}
var termOflags = [...]flag{{0o1, "OPOST"}, {0o2, "OLCUC"}, {0o4, "ONLCR"}, {0o10, "OCRNL"}, {0o20, "ONOCR"},
	{0o40, "ONLRET"}, {0o100, "OFILL"}, {0o200, "OFDEL"}}
var termCflags = [...]flag{{0o100, "CSTOPB"}, {0o200, "CREAD"}, {0o400, "PARENB"}, {0o1000, "PARODD"},
	{0o2000, "HUPCL"}, {0o4000, "CLOCAL"}, {0o10000000000, "CMSPAR"}, {0o20000000000, "CRTSCTS"}}
var termLflags = [...]flag{{0o1, "ISIG"}, {0o2, "ICANON"}, {0o4, "XCASE"}, {0o10, "ECHO"}, {0o20, "ECHOE"},
	{0o40, "ECHOK"}, {0o100, "ECHONL"}, {0o200, "NOFLSH"}, {0o100000, "IEXTEN"}, {0o1000, "ECHOCTL"},
	{0o2000, "ECHOPRT"}, {0o4000, "ECHOKE"}, {0o10000, "FLUSHO"}, {0o40000, "PENDIN"}, {0o400, "TOSTOP"},
	{0o200000, "EXTPROC"}}

// baud names a CBAUD value: B0..B38400, then B57600..B4000000.
func baud(x uint32) string {
	low := [...]string{"B0", "B50", "B75", "B110", "B134", "B150", "B200", "B300", "B600", "B1200",
		"B1800", "B2400", "B4800", "B9600", "B19200", "B38400"}
	high := [...]string{"BOTHER", "B57600", "B115200", "B230400", "B460800", "B500000", "B576000", "B921600",
		"B1000000", "B1152000", "B1500000", "B2000000", "B2500000", "B3000000", "B3500000", "B4000000"}
	if x&0o10000 != 0 {
		return high[x&0o17]
	}
	return low[x&0o17]
}

// termios formats the four flag words of a struct termios (or termio)
// as strace 6 does: {c_iflag=ICRNL|IXON, c_oflag=NL0|CR0|...|OPOST,
// c_cflag=B38400|CS8|CREAD, c_lflag=ISIG|ICANON|..., ...}. A word without
// flags is empty; the delay and size fields are always named, each
// followed by "|" even when no flag comes after.
func termios(iflag, oflag, cflag, lflag uint32) string {
	delays := [...]struct {
		mask, shift uint32
		name        string
	}{{0o400, 8, "NL"}, {0o3000, 9, "CR"}, {0o14000, 11, "TAB"}, {0o20000, 13, "BS"}, {0o40000, 14, "VT"}, {0o100000, 15, "FF"}}
	o := ""
	for _, d := range delays {
		v := strconv.Itoa(int((oflag & d.mask) >> d.shift))
		if d.name == "TAB" && v == "3" {
			o += "XTABS|" // strace's name for TAB3
			continue
		}
		o += d.name + v + "|"
	}
	o += flags(uint64(oflag&^0o177400), termOflags[:], "")
	c := baud(cflag) + "|"
	if ib := (cflag >> 16) & 0o10017; ib != 0 {
		c += baud(ib) + "<<IBSHIFT|"
	}
	c += "CS" + strconv.Itoa(5+int((cflag&0o60)>>4)) + "|"
	c += flags(uint64(cflag&^(0o10017|0o60|0o10017<<16)), termCflags[:], "")
	return "{c_iflag=" + flags(uint64(iflag), termIflags[:], "") + ", c_oflag=" + o + ", c_cflag=" + c +
		", c_lflag=" + flags(uint64(lflag), termLflags[:], "") + ", ...}"
}

func (v values) lookup(x uint64) (string, bool) {
	for _, f := range v {
		if f.val == x {
			return f.name, true
		}
	}
	return "", false
}

func hex(x uint64) string { return "0x" + strconv.FormatUint(x, 16) }

// flags joins the names of the bits of x from table, then any leftover
// bits in hex; zero gives zero.
func flags(x uint64, table []flag, zero string) string {
	if x == 0 {
		return zero
	}
	var parts []string
	for _, f := range table {
		if x&f.val == f.val {
			parts = append(parts, f.name)
			x &^= f.val
		}
	}
	if x != 0 {
		parts = append(parts, hex(x))
	}
	return strings.Join(parts, "|")
}

// enum names a value or shows it in hex with strace's "/* PREFIX??? */".
func enum(x uint64, v values, unknown string) string {
	if n, ok := v.lookup(x); ok {
		return n
	}
	return hex(x) + " /* " + unknown + " */"
}

func openFlagsString(x uint64) string {
	acc := []string{"O_RDONLY", "O_WRONLY", "O_RDWR", "O_ACCMODE"}[x&3]
	rest := x &^ 3
	// O_TMPFILE contains O_DIRECTORY; O_SYNC contains O_DSYNC.
	if rest == 0 {
		return acc
	}
	return acc + "|" + flags(rest, openFlags[:], "")
}

// modeString is a mode argument as strace shows it: C's %#03o.
func modeString(m uint64) string { return octal(m) }

// statMode is the permission part of st_mode: setuid bits by name, then
// the octal permissions.
func statMode(m uint64) string {
	var parts []string
	for _, f := range []flag{{0o4000, "S_ISUID"}, {0o2000, "S_ISGID"}, {0o1000, "S_ISVTX"}} {
		if m&f.val != 0 {
			parts = append(parts, f.name)
		}
	}
	return strings.Join(append(parts, octal(m&0o777)), "|")
}

// octal is C's "%#03o".
func octal(m uint64) string {
	s := "0" + strconv.FormatUint(m, 8)
	if m == 0 {
		return "000"
	}
	for len(s) < 3 {
		s = "0" + s
	}
	return s
}

// fileMode is st_mode as strace shows it: S_IFREG|0644.
func fileMode(m uint32) string {
	var t string
	switch m & 0o170000 {
	case 0o140000:
		t = "S_IFSOCK"
	case 0o120000:
		t = "S_IFLNK"
	case 0o100000:
		t = "S_IFREG"
	case 0o60000:
		t = "S_IFBLK"
	case 0o40000:
		t = "S_IFDIR"
	case 0o20000:
		t = "S_IFCHR"
	case 0o10000:
		t = "S_IFIFO"
	default:
		t = octal(uint64(m & 0o170000))
	}
	return t + "|" + statMode(uint64(m&0o7777))
}

// signalName is strace's name of a signal: SIGINT, SIGRTMIN, SIGRT_8.
func signalName(sig uint64) string {
	if s := shortSignal(sig); s != "" {
		return "SIG" + s
	}
	return strconv.FormatUint(sig, 10)
}

var sigNames = [...]string{1: "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL", "USR1", "SEGV", "USR2",
	"PIPE", "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN", "TTOU", "URG", "XCPU", "XFSZ",
	"VTALRM", "PROF", "WINCH", "IO", "PWR", "SYS"}

// shortSignal is the name without SIG, with the kernel's real-time
// numbering (32 is RTMIN, 33 RT_1, 64 RT_32), or "" when out of range.
func shortSignal(sig uint64) string {
	switch {
	case sig > 0 && sig < uint64(len(sigNames)):
		return sigNames[sig]
	case sig == 32:
		return "RTMIN"
	case sig > 32 && sig <= 64:
		return "RT_" + strconv.FormatUint(sig-32, 10)
	}
	return ""
}

// sigset formats a 64-bit signal mask: [INT TERM], or ~[...] listing the
// missing signals when more than half are present, as strace does.
func sigset(mask uint64) string {
	n := 0
	for i := 0; i < 64; i++ {
		if mask&(1<<i) != 0 {
			n++
		}
	}
	prefix := "["
	if n > 32 {
		prefix = "~["
		mask = ^mask
	}
	var names []string
	for i := uint64(1); i <= 64; i++ {
		if mask&(1<<(i-1)) != 0 {
			names = append(names, shortSignal(i))
		}
	}
	return prefix + strings.Join(names, " ") + "]"
}

// quote is strace's string literal: C escapes for \t \n \v \f \r " \,
// printable ASCII as is, other bytes in octal (three digits when a digit
// follows), or all in \xNN when forceHex.
func quote(b []byte, forceHex bool) string {
	var sb strings.Builder
	sb.WriteByte('"')
	for i, c := range b {
		if forceHex {
			sb.WriteString("\\x")
			sb.WriteString(strconv.FormatUint(uint64(c)>>4, 16))
			sb.WriteString(strconv.FormatUint(uint64(c)&15, 16))
			continue
		}
		switch c {
		case '"':
			sb.WriteString(`\"`)
		case '\\':
			sb.WriteString(`\\`)
		case '\t':
			sb.WriteString(`\t`)
		case '\n':
			sb.WriteString(`\n`)
		case '\v':
			sb.WriteString(`\v`)
		case '\f':
			sb.WriteString(`\f`)
		case '\r':
			sb.WriteString(`\r`)
		default:
			if c >= 0x20 && c < 0x7f {
				sb.WriteByte(c)
				continue
			}
			o := strconv.FormatUint(uint64(c), 8)
			if i+1 < len(b) && b[i+1] >= '0' && b[i+1] <= '7' {
				o = strings.Repeat("0", 3-len(o)) + o
			}
			sb.WriteString(`\` + o)
		}
	}
	sb.WriteByte('"')
	return sb.String()
}

// errorString is " ENOENT (No such file or directory)" for -errno results,
// with the kernel's internal restart codes named as strace names them.
func errorString(e uint64) string {
	switch e {
	case 512:
		return "ERESTARTSYS (To be restarted if SA_RESTART is set)"
	case 513:
		return "ERESTARTNOINTR (To be restarted)"
	case 514:
		return "ERESTARTNOHAND (To be restarted if no handler)"
	case 516:
		return "ERESTART_RESTARTBLOCK (Interrupted by signal)"
	}
	name := errno.Name(syscall.Errno(e))
	if name == "" {
		name = "E" + strconv.FormatUint(e, 10)
	}
	return name + " (" + errno.Text(syscall.Errno(e)) + ")"
}

func le64(b []byte, off int) uint64 { return binary.LittleEndian.Uint64(b[off:]) }
func le32(b []byte, off int) uint32 { return binary.LittleEndian.Uint32(b[off:]) }

var pollFlags = [...]flag{{0x1, "POLLIN"}, {0x2, "POLLPRI"}, {0x4, "POLLOUT"}, {0x8, "POLLERR"}, {0x10, "POLLHUP"},
	{0x20, "POLLNVAL"}, {0x40, "POLLRDNORM"}, {0x80, "POLLRDBAND"}, {0x100, "POLLWRNORM"}, {0x200, "POLLWRBAND"},
	{0x400, "POLLMSG"}, {0x2000, "POLLRDHUP"}}
