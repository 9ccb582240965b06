package strace

import (
	"strconv"
	"strings"
	"time"
)

// This file decodes the arguments of the System V IPC, socket option,
// memory advice, epoll and signal stack calls: strace's ipc, network,
// memory, desc and signal classes. special is asked first for every
// argument; it answers for the (call, argument) pairs it knows.

var ipcCmds = values{{0, "IPC_RMID"}, {1, "IPC_SET"}, {2, "IPC_STAT"}, {3, "IPC_INFO"}}
var shmCmds = values{{11, "SHM_LOCK"}, {12, "SHM_UNLOCK"}, {13, "SHM_STAT"}, {14, "SHM_INFO"}, {15, "SHM_STAT_ANY"}}
var semCmds = values{{11, "GETPID"}, {12, "GETVAL"}, {13, "GETALL"}, {14, "GETNCNT"}, {15, "GETZCNT"},
	{16, "SETVAL"}, {17, "SETALL"}, {18, "SEM_STAT"}, {19, "SEM_INFO"}, {20, "SEM_STAT_ANY"}}
var msgCmds = values{{11, "MSG_STAT"}, {12, "MSG_INFO"}, {13, "MSG_STAT_ANY"}}
var ipcGetFlags = [...]flag{{0o1000, "IPC_CREAT"}, {0o2000, "IPC_EXCL"}, {0o4000, "IPC_NOWAIT"}}
var shmGetFlags = [...]flag{{0o1000, "IPC_CREAT"}, {0o2000, "IPC_EXCL"}, {0o4000, "SHM_HUGETLB"}, {0o10000, "SHM_NORESERVE"}}
var shmatFlags = [...]flag{{0o10000, "SHM_RDONLY"}, {0o20000, "SHM_RND"}, {0o40000, "SHM_REMAP"}, {0o100000, "SHM_EXEC"}}
var semFlags = [...]flag{{0o4000, "IPC_NOWAIT"}, {0x1000, "SEM_UNDO"}}
var msgFlagsIPC = [...]flag{{0o4000, "IPC_NOWAIT"}, {0o10000, "MSG_NOERROR"}, {0o20000, "MSG_EXCEPT"}, {0o40000, "MSG_COPY"}}

var shutHows = values{{0, "SHUT_RD"}, {1, "SHUT_WR"}, {2, "SHUT_RDWR"}}
var sockLevels = values{{0, "SOL_IP"}, {1, "SOL_SOCKET"}, {6, "SOL_TCP"}, {17, "SOL_UDP"}, {41, "SOL_IPV6"},
	{58, "SOL_ICMPV6"}, {255, "SOL_RAW"}, {263, "SOL_PACKET"}, {270, "SOL_NETLINK"}}
var solSocketOpts = values{{1, "SO_DEBUG"}, {2, "SO_REUSEADDR"}, {3, "SO_TYPE"}, {4, "SO_ERROR"}, {5, "SO_DONTROUTE"},
	{6, "SO_BROADCAST"}, {7, "SO_SNDBUF"}, {8, "SO_RCVBUF"}, {9, "SO_KEEPALIVE"}, {10, "SO_OOBINLINE"},
	{11, "SO_NO_CHECK"}, {12, "SO_PRIORITY"}, {13, "SO_LINGER"}, {14, "SO_BSDCOMPAT"}, {15, "SO_REUSEPORT"},
	{16, "SO_PASSCRED"}, {17, "SO_PEERCRED"}, {18, "SO_RCVLOWAT"}, {19, "SO_SNDLOWAT"}, {20, "SO_RCVTIMEO_OLD"},
	{21, "SO_SNDTIMEO_OLD"}, {25, "SO_BINDTODEVICE"}, {30, "SO_ACCEPTCONN"}, {32, "SO_SNDBUFFORCE"},
	{33, "SO_RCVBUFFORCE"}, {38, "SO_PROTOCOL"}, {39, "SO_DOMAIN"}}
var tcpOpts = values{{1, "TCP_NODELAY"}, {2, "TCP_MAXSEG"}, {3, "TCP_CORK"}, {4, "TCP_KEEPIDLE"}, {5, "TCP_KEEPINTVL"},
	{6, "TCP_KEEPCNT"}, {7, "TCP_SYNCNT"}, {8, "TCP_LINGER2"}, {9, "TCP_DEFER_ACCEPT"}, {10, "TCP_WINDOW_CLAMP"},
	{11, "TCP_INFO"}, {12, "TCP_QUICKACK"}, {13, "TCP_CONGESTION"}, {18, "TCP_USER_TIMEOUT"}, {23, "TCP_FASTOPEN"}}
var netlinkOpts = values{{1, "NETLINK_ADD_MEMBERSHIP"}, {2, "NETLINK_DROP_MEMBERSHIP"}, {3, "NETLINK_PKTINFO"},
	{4, "NETLINK_BROADCAST_ERROR"}, {5, "NETLINK_NO_ENOBUFS"}, {6, "NETLINK_RX_RING"}, {7, "NETLINK_TX_RING"},
	{8, "NETLINK_LISTEN_ALL_NSID"}, {9, "NETLINK_LIST_MEMBERSHIPS"}, {10, "NETLINK_CAP_ACK"}, {11, "NETLINK_EXT_ACK"},
	{12, "NETLINK_GET_STRICT_CHK"}}
var ipOpts = values{{1, "IP_TOS"}, {2, "IP_TTL"}, {3, "IP_HDRINCL"}, {4, "IP_OPTIONS"}, {8, "IP_RECVOPTS"},
	{10, "IP_MTU_DISCOVER"}, {11, "IP_RECVERR"}, {14, "IP_MTU"}, {15, "IP_FREEBIND"}, {32, "IP_MULTICAST_IF"},
	{33, "IP_MULTICAST_TTL"}, {34, "IP_MULTICAST_LOOP"}, {35, "IP_ADD_MEMBERSHIP"}, {36, "IP_DROP_MEMBERSHIP"}}
var ipv6Opts = values{{16, "IPV6_UNICAST_HOPS"}, {17, "IPV6_MULTICAST_IF"}, {18, "IPV6_MULTICAST_HOPS"},
	{19, "IPV6_MULTICAST_LOOP"}, {20, "IPV6_ADD_MEMBERSHIP"}, {21, "IPV6_DROP_MEMBERSHIP"}, {25, "IPV6_RECVERR"},
	{26, "IPV6_V6ONLY"}}
var netlinkProtos = values{{0, "NETLINK_ROUTE"}, {1, "NETLINK_UNUSED"}, {2, "NETLINK_USERSOCK"}, {3, "NETLINK_FIREWALL"},
	{4, "NETLINK_SOCK_DIAG"}, {5, "NETLINK_NFLOG"}, {6, "NETLINK_XFRM"}, {7, "NETLINK_SELINUX"}, {8, "NETLINK_ISCSI"},
	{9, "NETLINK_AUDIT"}, {10, "NETLINK_FIB_LOOKUP"}, {11, "NETLINK_CONNECTOR"}, {12, "NETLINK_NETFILTER"},
	{13, "NETLINK_IP6_FW"}, {14, "NETLINK_DNRTMSG"}, {15, "NETLINK_KOBJECT_UEVENT"}, {16, "NETLINK_GENERIC"},
	{18, "NETLINK_SCSITRANSPORT"}, {19, "NETLINK_ECRYPTFS"}, {20, "NETLINK_RDMA"}, {21, "NETLINK_CRYPTO"}, {22, "NETLINK_SMC"}}
var ethProtos = values{{0x0003, "ETH_P_ALL"}, {0x0800, "ETH_P_IP"}, {0x0806, "ETH_P_ARP"}, {0x86DD, "ETH_P_IPV6"}, {0x8100, "ETH_P_8021Q"}}

var madvices = values{{0, "MADV_NORMAL"}, {1, "MADV_RANDOM"}, {2, "MADV_SEQUENTIAL"}, {3, "MADV_WILLNEED"},
	{4, "MADV_DONTNEED"}, {8, "MADV_FREE"}, {9, "MADV_REMOVE"}, {10, "MADV_DONTFORK"}, {11, "MADV_DOFORK"},
	{12, "MADV_MERGEABLE"}, {13, "MADV_UNMERGEABLE"}, {14, "MADV_HUGEPAGE"}, {15, "MADV_NOHUGEPAGE"},
	{16, "MADV_DONTDUMP"}, {17, "MADV_DODUMP"}, {18, "MADV_WIPEONFORK"}, {19, "MADV_KEEPONFORK"}, {20, "MADV_COLD"},
	{21, "MADV_PAGEOUT"}, {22, "MADV_POPULATE_READ"}, {23, "MADV_POPULATE_WRITE"}, {24, "MADV_DONTNEED_LOCKED"},
	{100, "MADV_HWPOISON"}, {101, "MADV_SOFT_OFFLINE"}}
var mremapFlags = [...]flag{{1, "MREMAP_MAYMOVE"}, {2, "MREMAP_FIXED"}, {4, "MREMAP_DONTUNMAP"}}
var msyncFlags = [...]flag{{1, "MS_ASYNC"}, {2, "MS_INVALIDATE"}, {4, "MS_SYNC"}}
var mlockallFlags = [...]flag{{1, "MCL_CURRENT"}, {2, "MCL_FUTURE"}, {4, "MCL_ONFAULT"}}

var ssFlags = [...]flag{{1, "SS_ONSTACK"}, {2, "SS_DISABLE"}, {1 << 31, "SS_AUTODISARM"}}
var epollCreateFlags = [...]flag{{0o2000000, "EPOLL_CLOEXEC"}}
var efdFlags = [...]flag{{1, "EFD_SEMAPHORE"}, {0o2000000, "EFD_CLOEXEC"}, {0o4000, "EFD_NONBLOCK"}}
var epollOps = values{{1, "EPOLL_CTL_ADD"}, {2, "EPOLL_CTL_DEL"}, {3, "EPOLL_CTL_MOD"}}
var epollEvents = [...]flag{{0x1, "EPOLLIN"}, {0x2, "EPOLLPRI"}, {0x4, "EPOLLOUT"}, {0x8, "EPOLLERR"}, {0x10, "EPOLLHUP"},
	{0x20, "EPOLLNVAL"}, {0x40, "EPOLLRDNORM"}, {0x80, "EPOLLRDBAND"}, {0x100, "EPOLLWRNORM"}, {0x200, "EPOLLWRBAND"},
	{0x400, "EPOLLMSG"}, {0x2000, "EPOLLRDHUP"}, {1 << 28, "EPOLLEXCLUSIVE"}, {1 << 29, "EPOLLWAKEUP"},
	{1 << 30, "EPOLLONESHOT"}, {1 << 31, "EPOLLET"}}
var inotifyInitFlags = [...]flag{{0o2000000, "IN_CLOEXEC"}, {0o4000, "IN_NONBLOCK"}}
var sockFlags = [...]flag{{0o2000000, "SOCK_CLOEXEC"}, {0o4000, "SOCK_NONBLOCK"}}

// ipcKey is IPC_PRIVATE or the key in hex.
func ipcKey(x uint64) string {
	if int32(x) == 0 {
		return "IPC_PRIVATE"
	}
	return hex(uint64(uint32(x)))
}

// ipcGet shows the flags of shmget, semget, msgget: names, then the
// permission bits in octal ("IPC_CREAT|0600").
func ipcGet(x uint64, table []flag) string {
	perm := x & 0o777
	s := flags(x&^0o777, table, "")
	switch {
	case s == "":
		return octal(perm)
	case perm == 0:
		return s
	}
	return s + "|" + octal(perm)
}

// ipcCmd names a *ctl command, with IPC_64 when the caller set it.
func ipcCmd(x uint64, more values) string {
	prefix := ""
	if x&0x100 != 0 {
		prefix, x = "IPC_64|", x&^0x100
	}
	if n, ok := ipcCmds.lookup(x); ok {
		return prefix + n
	}
	if n, ok := more.lookup(x); ok {
		return prefix + n
	}
	return prefix + hex(x) + " /* IPC_??? */"
}

// splitSpecial is where the calls handled here switch from entry to
// exit arguments, or -1 to use the table.
func splitSpecial(nr uint64) int {
	switch nr {
	case 51, 52, 43, 288: // getsockname, getpeername, accept, accept4: the address is filled in
		return 1
	case 53, 55: // socketpair, getsockopt
		return 3
	case 70, 232, 281, 131, 128, 115: // msgrcv, epoll_wait, epoll_pwait, sigaltstack, rt_sigtimedwait, getgroups
		return 1
	case 137, 138: // statfs, fstatfs: filled in
		return 1
	case 47: // recvmsg: the message header is filled in
		return 1
	case 99: // sysinfo: filled in
		return 0
	case 35: // nanosleep: the time left is filled in
		return 1
	case 230: // clock_nanosleep
		return 3
	}
	return -1
}

// special decodes argument i of the calls this file knows.
func (t *Tracer) special(p *proc, i int, ret uint64) (string, bool) {
	x := p.args[i]
	pid := p.pid
	switch p.nr {
	case 29: // shmget(key, size, flags)
		switch i {
		case 0:
			return ipcKey(x), true
		case 2:
			return ipcGet(x, shmGetFlags[:]), true
		}
	case 64, 68: // semget(key, n, flags), msgget(key, flags)
		switch {
		case i == 0:
			return ipcKey(x), true
		case i == 2 || (p.nr == 68 && i == 1):
			return ipcGet(x, ipcGetFlags[:]), true
		}
	case 30: // shmat(id, addr, flags)
		if i == 2 {
			return flags(x, shmatFlags[:], "0"), true
		}
	case 31: // shmctl(id, cmd, buf)
		if i == 1 {
			return ipcCmd(x, shmCmds), true
		}
	case 66: // semctl(id, num, cmd, arg)
		switch i {
		case 2:
			return ipcCmd(x, semCmds), true
		case 3:
			return ptr(x), true
		}
	case 71: // msgctl(id, cmd, buf)
		if i == 1 {
			return ipcCmd(x, msgCmds), true
		}
	case 65, 220: // semop(id, sops, n), semtimedop(id, sops, n, timeout)
		switch i {
		case 0:
			return strconv.FormatInt(int64(int32(x)), 10), true
		case 1:
			return t.sembufs(pid, x, int(p.args[2])), true
		case 2:
			return strconv.FormatUint(x, 10), true
		case 3:
			return t.timespec(pid, x), true
		}
	case 69: // msgsnd(id, msgp, size, flags)
		switch i {
		case 1:
			return t.msgbuf(pid, x, int(p.args[2])), true
		case 3:
			return flags(x, msgFlagsIPC[:], "0"), true
		}
	case 70: // msgrcv(id, msgp, size, type, flags)
		switch i {
		case 1:
			if failed(ret) {
				return ptr(x), true
			}
			return t.msgbuf(pid, x, int(p.args[2])), true
		case 3:
			return strconv.FormatInt(int64(x), 10), true
		case 4:
			return flags(x, msgFlagsIPC[:], "0"), true
		}
	case 48: // shutdown(fd, how)
		if i == 1 {
			return enum(x, shutHows, "SHUT_???"), true
		}
	case 54, 55: // setsockopt, getsockopt(fd, level, name, val, len)
		switch i {
		case 1:
			return enum(x, sockLevels, "SOL_???"), true
		case 2:
			return sockOptName(p.args[1], x), true
		case 3:
			if p.nr == 55 && !failed(ret) && p.args[1] == 1 && p.args[2] == 4 && x != 0 { // SO_ERROR: an errno
				if b, err := peek(pid, x, 4); err == nil && len(b) == 4 {
					if n := errnoName(uint64(le32(b, 0))); n != "" && le32(b, 0) != 0 {
						return "[" + n + "]", true
					}
				}
			}
			if p.nr == 55 {
				if failed(ret) {
					return ptr(x), true
				}
				b, err := peek(pid, p.args[4], 4)
				if err != nil || len(b) < 4 {
					return ptr(x), true
				}
				return t.sockOptVal(pid, x, int(le32(b, 0))), true
			}
			return t.sockOptVal(pid, x, int(p.args[4])), true
		case 4:
			if p.nr == 55 {
				return t.lenInOut(p, x, ret), true
			}
		}
	case 51, 52, 43, 288: // getsockname, getpeername, accept, accept4(fd, addr, len[, flags])
		switch i {
		case 1:
			if x == 0 || failed(ret) {
				return ptr(x), true
			}
			b, err := peek(pid, p.args[2], 4)
			if err != nil || len(b) < 4 {
				return hex(x), true
			}
			return t.sockaddr(pid, x, int(le32(b, 0))), true
		case 2: // the length: what it was given, and what it became
			return t.lenInOut(p, x, ret), true
		case 3:
			return flags(x, sockFlags[:], "0"), true
		}
	case 53: // socketpair(family, type, proto, fds)
		if i == 2 {
			return strconv.FormatInt(int64(int32(x)), 10), true
		}
		if i == 3 {
			if failed(ret) {
				return ptr(x), true
			}
			b, err := peek(pid, x, 8)
			if err != nil || len(b) < 8 {
				return hex(x), true
			}
			return "[" + strconv.Itoa(int(int32(le32(b, 0)))) + ", " + strconv.Itoa(int(int32(le32(b, 4)))) + "]", true
		}
	case 41: // socket(family, type, protocol)
		if i == 2 {
			switch p.args[0] {
			case 16: // AF_NETLINK
				return enum(x, netlinkProtos, "NETLINK_???"), true
			case 17: // AF_PACKET: a protocol in network byte order
				v := (x&0xff)<<8 | (x>>8)&0xff
				if n, ok := ethProtos.lookup(v); ok {
					return "htons(" + n + ")", true
				}
				return "htons(" + strconv.FormatUint(v, 10) + " /* ETH_P_??? */)", true
			}
		}
	case 28: // madvise(addr, len, advice)
		if i == 2 {
			return enum(x, madvices, "MADV_???"), true
		}
	case 25: // mremap(old, oldlen, newlen, flags[, new])
		if i == 3 {
			return flags(x, mremapFlags[:], "0"), true
		}
	case 26: // msync(addr, len, flags)
		if i == 2 {
			return flags(x, msyncFlags[:], "0"), true
		}
	case 151: // mlockall(flags)
		return flags(x, mlockallFlags[:], "0"), true
	case 131: // sigaltstack(ss, old)
		if i == 1 && failed(ret) {
			return ptr(x), true
		}
		return t.stack(pid, x), true
	case 128: // rt_sigtimedwait(set, info, timeout, size)
		switch i {
		case 1:
			return ptr(x), true
		case 2:
			return t.timespec(pid, x), true
		}
	case 23, 270: // select(n, in, out, ex, timeval), pselect6(n, in, out, ex, timespec, sigmask)
		switch i {
		case 1, 2, 3:
			return t.fdSet(pid, x, int(int32(p.args[0]))), true
		case 4:
			if p.nr == 23 {
				return t.timeval(pid, x), true
			}
			return t.timespec(pid, x), true
		case 5:
			if x == 0 {
				return "NULL", true
			}
			b, err := peek(pid, x, 16)
			if err != nil || len(b) < 16 {
				return hex(x), true
			}
			set := "NULL"
			if a := le64(b, 0); a != 0 {
				if m, err := peek(pid, a, 8); err == nil && len(m) == 8 {
					set = sigset(le64(m, 0))
				} else {
					set = hex(a)
				}
			}
			return "{" + set + ", " + strconv.FormatUint(le64(b, 8), 10) + "}", true
		}
	case 115, 116: // getgroups(size, list), setgroups(n, list)
		if i == 1 {
			n := int(p.args[0])
			if p.nr == 115 {
				if failed(ret) {
					return ptr(x), true
				}
				n = min(n, int(ret))
			}
			return t.gids(pid, x, n), true
		}
	case 157: // prctl(PR_SET_VMA, PR_SET_VMA_ANON_NAME, addr, size, name): Go names its memory
		if p.args[0] == 0x53564d41 {
			switch i {
			case 1:
				return enum(x, values{{0, "PR_SET_VMA_ANON_NAME"}}, "PR_SET_VMA_???"), true
			case 2:
				return hex(x), true
			case 3:
				return strconv.FormatUint(x, 10), true
			case 4:
				return t.str(pid, x, t.opt.StrSize, true), true
			}
		}
	case 99: // sysinfo(info)
		if failed(ret) || x == 0 {
			return ptr(x), true
		}
		b, err := peek(pid, x, 112)
		if err != nil || len(b) < 112 {
			return hex(x), true
		}
		u := func(o int) string { return strconv.FormatUint(le64(b, o), 10) }
		return "{uptime=" + strconv.FormatInt(int64(le64(b, 0)), 10) + ", loads=[" + u(8) + ", " + u(16) + ", " + u(24) +
			"], totalram=" + u(32) + ", freeram=" + u(40) + ", sharedram=" + u(48) + ", bufferram=" + u(56) +
			", totalswap=" + u(64) + ", freeswap=" + u(72) + ", procs=" + strconv.Itoa(int(b[80])|int(b[81])<<8) +
			", totalhigh=" + u(88) + ", freehigh=" + u(96) + ", mem_unit=" + strconv.FormatUint(uint64(le32(b, 104)), 10) + "}", true
	case 230: // clock_nanosleep(clock, flags, request, remain)
		if i == 1 {
			return flags(x, []flag{{1, "TIMER_ABSTIME"}}, "0"), true
		}
	case 45: // recvfrom(fd, buf, len, flags, src, addrlen): the sender, once known
		switch i {
		case 4:
			if x == 0 || failed(ret) || p.args[5] == 0 {
				return ptr(x), true
			}
			b, err := peek(pid, p.args[5], 4)
			if err != nil || len(b) < 4 {
				return hex(x), true
			}
			return t.sockaddr(pid, x, min(int(le32(b, 0)), int(max(p.inLen, 0)))), true
		case 5:
			if failed(ret) {
				return ptr(x), true
			}
			return t.lenInOut(p, x, ret), true
		}
	case 137, 138: // statfs(path, buf), fstatfs(fd, buf)
		if i == 1 {
			if failed(ret) || x == 0 {
				return ptr(x), true
			}
			return t.statfs(pid, x), true
		}
	case 133, 259: // mknod(path, mode, dev), mknodat(dirfd, path, mode, dev)
		base := 1
		if p.nr == 259 {
			base = 2
		}
		switch i {
		case base:
			if x&0o170000 == 0 {
				return octal(x), true
			}
			return fileMode(uint32(x)), true
		case base + 1:
			major := (x >> 8) & 0xfff
			minor := (x & 0xff) | ((x >> 12) & 0xfff00)
			return "makedev(" + hexOrZero(major) + ", " + hexOrZero(minor) + ")", true
		}
	case 280: // utimensat(dirfd, path, times, flags)
		if i == 2 {
			return t.utimes(pid, x), true
		}
	case 46, 47: // sendmsg, recvmsg(fd, msg, flags)
		if i == 1 {
			if x == 0 || (p.nr == 47 && failed(ret)) {
				return ptr(x), true
			}
			return t.msghdr(p, x, ret), true
		}
	case 140, 141: // getpriority(which, who), setpriority(which, who, prio)
		if i == 0 {
			return enum(x, values{{0, "PRIO_PROCESS"}, {1, "PRIO_PGRP"}, {2, "PRIO_USER"}}, "PRIO_???"), true
		}
	case 291: // epoll_create1(flags)
		return flags(x, epollCreateFlags[:], "0"), true
	case 290: // eventfd2(count, flags)
		if i == 1 {
			return flags(x, efdFlags[:], "0"), true
		}
	case 294: // inotify_init1(flags)
		return flags(x, inotifyInitFlags[:], "0"), true
	case 233: // epoll_ctl(epfd, op, fd, event)
		switch i {
		case 1:
			return enum(x, epollOps, "EPOLL_CTL_???"), true
		case 3:
			return t.epollEvents(pid, x, 1, false), true
		}
	case 232, 281: // epoll_wait, epoll_pwait(epfd, events, max, timeout...)
		if i == 1 {
			if failed(ret) {
				return ptr(x), true
			}
			return t.epollEvents(pid, x, int(ret), true), true
		}
	}
	return "", false
}

// sockOptName names a socket option at its level.
func sockOptName(level, x uint64) string {
	var v values
	unknown := "SO_???"
	switch level {
	case 1:
		v = solSocketOpts
	case 6:
		v, unknown = tcpOpts, "TCP_???"
	case 0:
		v, unknown = ipOpts, "IP_???"
	case 41:
		v, unknown = ipv6Opts, "IPV6_???"
	case 270:
		v, unknown = netlinkOpts, "NETLINK_???"
	default:
		return strconv.FormatUint(x, 10)
	}
	return enum(x, v, unknown)
}

// sockOptVal shows an option value: [int] when it is an int, else bytes.
func (t *Tracer) sockOptVal(pid int, addr uint64, n int) string {
	if addr == 0 {
		return "NULL"
	}
	if n == 4 {
		return t.intPtr(pid, addr)
	}
	return t.buf(pid, addr, n, false)
}

// intPtr shows the int at addr as [N].
func (t *Tracer) intPtr(pid int, addr uint64) string {
	if addr == 0 {
		return "NULL"
	}
	b, err := peek(pid, addr, 4)
	if err != nil || len(b) < 4 {
		return hex(addr)
	}
	return "[" + strconv.Itoa(int(int32(le32(b, 0)))) + "]"
}

// timespec shows a struct timespec, or NULL.
func (t *Tracer) timespec(pid int, addr uint64) string {
	if addr == 0 {
		return "NULL"
	}
	b, err := peek(pid, addr, 16)
	if err != nil || len(b) < 16 {
		return hex(addr)
	}
	return "{tv_sec=" + strconv.FormatInt(int64(le64(b, 0)), 10) + ", tv_nsec=" + strconv.FormatInt(int64(le64(b, 8)), 10) + "}"
}

// sembufs shows semop's operations: [{sem_num=0, sem_op=1, sem_flg=SEM_UNDO}].
func (t *Tracer) sembufs(pid int, addr uint64, n int) string {
	if addr == 0 {
		return "NULL"
	}
	b, err := peek(pid, addr, 6*min(n, 64))
	if err != nil || len(b) < 6*min(n, 64) {
		return hex(addr)
	}
	var parts []string
	for i := 0; i < min(n, 64); i++ {
		o := 6 * i
		num := uint16(b[o]) | uint16(b[o+1])<<8
		op := int16(uint16(b[o+2]) | uint16(b[o+3])<<8)
		fl := uint64(uint16(b[o+4]) | uint16(b[o+5])<<8)
		parts = append(parts, "{sem_num="+strconv.Itoa(int(num))+", sem_op="+strconv.Itoa(int(op))+", sem_flg="+flags(fl, semFlags[:], "0")+"}")
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// msgbuf shows a System V message: {mtype=1, mtext="hi\0"}.
func (t *Tracer) msgbuf(pid int, addr uint64, size int) string {
	if addr == 0 {
		return "NULL"
	}
	b, err := peek(pid, addr, 8)
	if err != nil || len(b) < 8 {
		return hex(addr)
	}
	return "{mtype=" + strconv.FormatInt(int64(le64(b, 0)), 10) + ", mtext=" + t.buf(pid, addr+8, size, false) + "}"
}

// stack shows a stack_t: {ss_sp=NULL, ss_flags=SS_DISABLE, ss_size=0}.
func (t *Tracer) stack(pid int, addr uint64) string {
	if addr == 0 {
		return "NULL"
	}
	b, err := peek(pid, addr, 24)
	if err != nil || len(b) < 24 {
		return hex(addr)
	}
	return "{ss_sp=" + ptr(le64(b, 0)) + ", ss_flags=" + flags(uint64(le32(b, 8)), ssFlags[:], "0") +
		", ss_size=" + strconv.FormatUint(le64(b, 16), 10) + "}"
}

// epollEvents shows n struct epoll_event: {events=EPOLLIN, data={u32=7,
// u64=7}}, in brackets when it is an array the kernel filled in.
func (t *Tracer) epollEvents(pid int, addr uint64, n int, array bool) string {
	if addr == 0 {
		return "NULL"
	}
	n = min(n, 64)
	b, err := peek(pid, addr, 12*n)
	if err != nil || len(b) < 12*n {
		return hex(addr)
	}
	var parts []string
	for i := 0; i < n; i++ {
		o := 12 * i
		data := le64(b, o+4)
		parts = append(parts, "{events="+flags(uint64(le32(b, o)), epollEvents[:], "0")+", data={u32="+
			strconv.FormatUint(uint64(uint32(data)), 10)+", u64="+strconv.FormatUint(data, 10)+"}}")
	}
	if !array {
		return parts[0]
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// specialResult decorates the results strace explains: the signal
// rt_sigtimedwait took, the descriptors select found ready.
func (t *Tracer) specialResult(p *proc, ret uint64) (string, bool) {
	// most calls are neither: the result is formatted only for these
	switch p.nr {
	case 128: // rt_sigtimedwait
		if ret > 0 {
			return strconv.FormatInt(int64(ret), 10) + " (" + signalName(ret) + ")", true
		}
	case 23, 270: // select, pselect6
		if ret == 0 {
			return "0 (Timeout)", true
		}
		var parts []string
		for i, name := range []string{"in", "out", "except"} {
			if a := p.args[1+i]; a != 0 {
				if s := t.fdSet(p.pid, a, int(int32(p.args[0]))); s != "[]" {
					parts = append(parts, name+" "+s)
				}
			}
		}
		if a := p.args[4]; a != 0 {
			if p.nr == 23 {
				parts = append(parts, "left "+t.timeval(p.pid, a))
			} else {
				parts = append(parts, "left "+t.timespec(p.pid, a))
			}
		}
		return strconv.FormatInt(int64(ret), 10) + " (" + strings.Join(parts, ", ") + ")", true
	}
	return "", false
}

// fdSet shows the descriptors below n that are in the fd_set at addr:
// [3 7].
func (t *Tracer) fdSet(pid int, addr uint64, n int) string {
	if addr == 0 {
		return "NULL"
	}
	if n < 0 || n > 1<<16 {
		return hex(addr)
	}
	b, err := peek(pid, addr, (n+63)/64*8)
	if err != nil {
		return hex(addr)
	}
	var fds []string
	for fd := 0; fd < n && fd/8 < len(b); fd++ {
		if b[fd/8]&(1<<(fd%8)) != 0 {
			fds = append(fds, strconv.Itoa(fd))
		}
	}
	return "[" + strings.Join(fds, " ") + "]"
}

// timeval shows a struct timeval, or NULL.
func (t *Tracer) timeval(pid int, addr uint64) string {
	if addr == 0 {
		return "NULL"
	}
	b, err := peek(pid, addr, 16)
	if err != nil || len(b) < 16 {
		return hex(addr)
	}
	return "{tv_sec=" + strconv.FormatInt(int64(le64(b, 0)), 10) + ", tv_usec=" + strconv.FormatInt(int64(le64(b, 8)), 10) + "}"
}

// gids shows a list of n group ids: [0, 4, 24].
func (t *Tracer) gids(pid int, addr uint64, n int) string {
	if addr == 0 {
		return "NULL"
	}
	n = min(max(n, 0), 1024)
	b, err := peek(pid, addr, 4*n)
	if err != nil || len(b) < 4*n {
		return hex(addr)
	}
	parts := make([]string, n)
	for i := range parts {
		parts[i] = strconv.FormatUint(uint64(le32(b, 4*i)), 10)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// saveLen reads, at entry, the length a call will rewrite: the address
// length of accept, getsockname, getpeername and recvfrom, getsockopt's
// option length. strace shows both when they differ: [28 => 16].
func (t *Tracer) saveLen(p *proc) int64 {
	var addr uint64
	switch p.nr {
	case 43, 288, 51, 52:
		addr = p.args[2]
	case 45:
		addr = p.args[5]
	case 47: // recvmsg: msg_namelen, inside the header
		if p.args[1] == 0 {
			return -1
		}
		addr = p.args[1] + 8
	case 55:
		addr = p.args[4]
	}
	if addr == 0 {
		return -1
	}
	b, err := peek(p.pid, addr, 4)
	if err != nil || len(b) < 4 {
		return -1
	}
	return int64(int32(le32(b, 0)))
}

// lenInOut shows a length pointer: [16], or [28 => 16] when the call
// changed it.
func (t *Tracer) lenInOut(p *proc, addr, ret uint64) string {
	if addr == 0 {
		return "NULL"
	}
	b, err := peek(p.pid, addr, 4)
	if err != nil || len(b) < 4 {
		return hex(addr)
	}
	out := int64(int32(le32(b, 0)))
	if p.inLen >= 0 && p.inLen != out && !failed(ret) {
		return "[" + strconv.FormatInt(p.inLen, 10) + " => " + strconv.FormatInt(out, 10) + "]"
	}
	return "[" + strconv.FormatInt(out, 10) + "]"
}

// errnoName is the symbolic name of an errno value ("ECONNREFUSED").
func errnoName(e uint64) string {
	s := errorString(e)
	if i := strings.IndexByte(s, ' '); i > 0 && strings.HasPrefix(s, "E") {
		return s[:i]
	}
	return ""
}

// Filesystem magic numbers (statfs(2)), by the names strace gives them.
var fsMagics = values{{0xEF53, "EXT2_SUPER_MAGIC"}, {0x01021994, "TMPFS_MAGIC"}, {0x9fa0, "PROC_SUPER_MAGIC"},
	{0x62656572, "SYSFS_MAGIC"}, {0x58465342, "XFS_SUPER_MAGIC"}, {0x9123683E, "BTRFS_SUPER_MAGIC"},
	{0x794c7630, "OVERLAYFS_SUPER_MAGIC"}, {0x1cd1, "DEVPTS_SUPER_MAGIC"}, {0x63677270, "CGROUP2_SUPER_MAGIC"},
	{0x27e0eb, "CGROUP_SUPER_MAGIC"}, {0x6969, "NFS_SUPER_MAGIC"}, {0x858458f6, "RAMFS_MAGIC"},
	{0x73717368, "SQUASHFS_MAGIC"}, {0x01021997, "V9FS_MAGIC"}, {0x65735546, "FUSE_SUPER_MAGIC"},
	{0x64626720, "DEBUGFS_MAGIC"}, {0x73636673, "SECURITYFS_MAGIC"}, {0xcafe4a11, "BPF_FS_MAGIC"},
	{0x19800202, "MQUEUE_MAGIC"}, {0x958458f6, "HUGETLBFS_MAGIC"}, {0x50495045, "PIPEFS_MAGIC"},
	{0x534F434B, "SOCKFS_MAGIC"}, {0x4d44, "MSDOS_SUPER_MAGIC"}, {0x9660, "ISOFS_SUPER_MAGIC"},
	{0x74726163, "TRACEFS_MAGIC"}, {0x6e736673, "NSFS_MAGIC"}, {0x42494e4d, "BINFMTFS_MAGIC"}}
var statfsFlags = [...]flag{{1, "ST_RDONLY"}, {2, "ST_NOSUID"}, {4, "ST_NODEV"}, {8, "ST_NOEXEC"},
	{16, "ST_SYNCHRONOUS"}, {0x20, "ST_VALID"}, {64, "ST_MANDLOCK"}, {1024, "ST_NOATIME"},
	{2048, "ST_NODIRATIME"}, {4096, "ST_RELATIME"}, {0x2000, "ST_NOSYMFOLLOW"}}

// statfs shows a struct statfs in full, as strace does.
func (t *Tracer) statfs(pid int, addr uint64) string {
	b, err := peek(pid, addr, 120)
	if err != nil || len(b) < 120 {
		return hex(addr)
	}
	u := func(o int) string { return strconv.FormatUint(le64(b, o), 10) }
	typ := le64(b, 0)
	ts := hex(typ)
	if n, ok := fsMagics.lookup(typ); ok {
		ts = n
	}
	return "{f_type=" + ts + ", f_bsize=" + u(8) + ", f_blocks=" + u(16) + ", f_bfree=" + u(24) +
		", f_bavail=" + u(32) + ", f_files=" + u(40) + ", f_ffree=" + u(48) + ", f_fsid={val=[" +
		hexOrZero(uint64(le32(b, 56))) + ", " + hexOrZero(uint64(le32(b, 60))) + "]}, f_namelen=" + u(64) +
		", f_frsize=" + u(72) + ", f_flags=" + flags(le64(b, 80), statfsFlags[:], "0") + "}"
}

// utimes shows utimensat's two timespecs, each with the time it names:
// [{tv_sec=1577836800, tv_nsec=0} /* 2020-01-01T00:00:00+0000 */, ...];
// UTIME_NOW and UTIME_OMIT by name.
func (t *Tracer) utimes(pid int, addr uint64) string {
	if addr == 0 {
		return "NULL"
	}
	b, err := peek(pid, addr, 32)
	if err != nil || len(b) < 32 {
		return hex(addr)
	}
	var parts [2]string
	for i := range parts {
		sec, nsec := int64(le64(b, 16*i)), int64(le64(b, 16*i+8))
		switch nsec {
		case 1<<30 - 1:
			parts[i] = "UTIME_NOW"
			continue
		case 1<<30 - 2:
			parts[i] = "UTIME_OMIT"
			continue
		}
		when := time.Unix(sec, nsec)
		layout := "2006-01-02T15:04:05-0700"
		if nsec != 0 {
			layout = "2006-01-02T15:04:05.000000000-0700"
		}
		parts[i] = "{tv_sec=" + strconv.FormatInt(sec, 10) + ", tv_nsec=" + strconv.FormatInt(nsec, 10) + "} /* " + when.Format(layout) + " */"
	}
	return "[" + parts[0] + ", " + parts[1] + "]"
}

// msghdr shows sendmsg's and recvmsg's struct msghdr: the address, the
// data (for recvmsg only as much as was received), the control messages.
func (t *Tracer) msghdr(p *proc, addr, ret uint64) string {
	pid := p.pid
	b, err := peek(pid, addr, 56)
	if err != nil || len(b) < 56 {
		return hex(addr)
	}
	name, namelen := le64(b, 0), int64(int32(le32(b, 8)))
	iov, iovlen := le64(b, 16), le64(b, 24)
	control, controllen := le64(b, 32), le64(b, 40)
	flagsv := uint64(le32(b, 48))
	recv := p.nr == 47
	s := "{msg_name="
	switch {
	case name == 0:
		s += "NULL"
	case namelen <= 0:
		s += hex(name)
	default:
		s += t.sockaddr(pid, name, int(namelen))
	}
	s += ", msg_namelen="
	if recv && p.inLen >= 0 && p.inLen != namelen {
		s += strconv.FormatInt(p.inLen, 10) + " => "
	}
	s += strconv.FormatInt(namelen, 10)
	limit := -1
	if recv {
		limit = int(ret)
	}
	s += ", msg_iov=" + t.iovec(pid, iov, int(min(iovlen, 1024)), limit) + ", msg_iovlen=" + strconv.FormatUint(iovlen, 10)
	if control != 0 && controllen > 0 {
		s += ", msg_control=" + t.cmsgs(pid, control, int(min(controllen, 4096)))
	}
	s += ", msg_controllen=" + strconv.FormatUint(controllen, 10) + ", msg_flags=" + flags(flagsv, msgFlags[:], "0") + "}"
	return s
}

// cmsgs shows control messages: passed descriptors (SCM_RIGHTS) and
// credentials (SCM_CREDENTIALS); others by level and type only.
func (t *Tracer) cmsgs(pid int, addr uint64, n int) string {
	b, err := peek(pid, addr, n)
	if err != nil || len(b) < n {
		return hex(addr)
	}
	var parts []string
	for off := 0; off+16 <= len(b); {
		clen := int(le64(b, off))
		level, typ := uint64(le32(b, off+8)), uint64(le32(b, off+12))
		if clen < 16 || off+clen > len(b) {
			break
		}
		c := "{cmsg_len=" + strconv.Itoa(clen) + ", cmsg_level=" + enum(level, sockLevels, "SOL_???")
		data := b[off+16 : off+clen]
		if level == 1 && typ == 1 { // SCM_RIGHTS
			var fds []string
			for i := 0; i+4 <= len(data); i += 4 {
				fds = append(fds, strconv.Itoa(int(int32(le32(data, i)))))
			}
			c += ", cmsg_type=SCM_RIGHTS, cmsg_data=[" + strings.Join(fds, ", ") + "]}"
		} else if level == 1 && typ == 2 && len(data) >= 12 { // SCM_CREDENTIALS
			c += ", cmsg_type=SCM_CREDENTIALS, cmsg_data={pid=" + strconv.Itoa(int(int32(le32(data, 0)))) +
				", uid=" + strconv.FormatUint(uint64(le32(data, 4)), 10) + ", gid=" + strconv.FormatUint(uint64(le32(data, 8)), 10) + "}}"
		} else {
			c += ", cmsg_type=" + hex(typ) + "}"
		}
		parts = append(parts, c)
		off += (clen + 7) &^ 7
	}
	return "[" + strings.Join(parts, ", ") + "]"
}
