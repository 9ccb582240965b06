package strace

import (
	"os"
	"strconv"
	"strings"
	"unsafe"

	"github.com/zinebox/zinebox/pkg/inet"
	"golang.org/x/sys/unix"
)

// peek reads n bytes of the tracee's memory at addr, with
// process_vm_readv(2) (one system call, not one ptrace per word).
func peek(pid int, addr uint64, n int) ([]byte, error) {
	if n <= 0 {
		return nil, nil
	}
	buf := make([]byte, n)
	local := []unix.Iovec{{Base: &buf[0]}}
	local[0].SetLen(n)
	remote := []unix.RemoteIovec{{Base: uintptr(addr), Len: n}}
	got, err := unix.ProcessVMReadv(pid, local, remote, 0)
	if err == nil {
		return buf[:got], nil
	}
	// Fall back to PTRACE_PEEKDATA (e.g. memory not readable by
	// process_vm_readv's permission check).
	got, err = unix.PtracePeekData(pid, uintptr(addr), buf)
	return buf[:got], err
}

// peekString reads a NUL-terminated string of at most max bytes, page by
// page so that an unmapped page after the string does not fail the read.
func peekString(pid int, addr uint64, max int) ([]byte, bool, error) {
	var out []byte
	for len(out) < max {
		chunk := 4096 - int(addr%4096)
		if chunk > max-len(out) {
			chunk = max - len(out)
		}
		b, err := peek(pid, addr, chunk)
		if len(b) == 0 {
			if len(out) > 0 {
				return out, false, nil
			}
			return nil, false, err
		}
		if i := indexByte(b, 0); i >= 0 {
			return append(out, b[:i]...), true, nil
		}
		out = append(out, b...)
		addr += uint64(len(b))
	}
	return out, false, nil
}

func indexByte(b []byte, c byte) int {
	for i, x := range b {
		if x == c {
			return i
		}
	}
	return -1
}

// isOut says whether argument kind k is only meaningful after the call.
func isOut(k argKind) bool {
	switch k {
	case aReadBuf, aSigSetOut, aSigActionOut, aStat, aTimespecOut, aPipeFDs, aWaitStatus, aUname,
		aGetdents, aIovecOut, aGetcwd, aStatx, aCPUSet:
		return true
	}
	return false
}

// splitAt is the index of the first argument shown at exit.
func splitAt(p *proc, si *sysInfo) int {
	if s := splitSpecial(p.nr); s >= 0 {
		return s
	}
	n := nargsOf(p, si)
	for i := 0; i < n; i++ {
		if isOut(si.args[i]) {
			return i
		}
	}
	switch p.nr {
	case 16: // ioctl: the third argument is often filled by the kernel
		return 2
	case 302: // prlimit64: the old limit is filled in
		return 3
	case 97: // getrlimit
		return 1
	}
	return n
}

// nargsOf is how many arguments strace shows for this call.
func nargsOf(p *proc, si *sysInfo) int {
	n := si.nargs
	switch p.nr {
	case 2: // open: mode only with O_CREAT or O_TMPFILE
		if p.args[1]&0o100 == 0 && p.args[1]&0o20000000 == 0 {
			n = 2
		}
	case 257: // openat
		if p.args[2]&0o100 == 0 && p.args[2]&0o20000000 == 0 {
			n = 3
		}
	case 16: // ioctl: some terminal requests take no argument
		if ioctlNoArg(p.args[1]) {
			n = 2
		}
	case 133: // mknod: the device only for device files
		if t := p.args[1] & 0o170000; t != 0o20000 && t != 0o60000 {
			n = 2
		}
	case 259: // mknodat
		if t := p.args[2] & 0o170000; t != 0o20000 && t != 0o60000 {
			n = 3
		}
	case 25: // mremap: the new address only with MREMAP_FIXED
		if p.args[3]&2 == 0 {
			n = 4
		}
	case 72: // fcntl: some commands take no argument
		switch p.args[1] {
		case 1, 3, 9, 11, 1025, 1032, 1034:
			n = 2
		}
	case 202: // futex: the number of arguments depends on the operation
		switch p.args[1] & 127 {
		case 1, 7: // WAKE, UNLOCK_PI
			n = 3
		case 0, 6, 8, 13: // WAIT, LOCK_PI, TRYLOCK_PI
			n = 4
		}
	case 157: // prctl: as many arguments as the option takes
		switch p.args[0] {
		case 3, 16, 37, 39: // the getters
			n = 1
		case 1, 2, 4, 15, 23, 24, 36:
			n = 2
		case 38, 0x53564d41: // PR_SET_NO_NEW_PRIVS, PR_SET_VMA
			n = 5
		}
	}
	return n
}

// entryArgs formats the arguments known at entry, followed by ", " when
// more come at exit.
func (t *Tracer) entryArgs(p *proc) string {
	p.inLen = t.saveLen(p)
	si, ok := info(p.nr)
	if !ok {
		var parts []string
		for i := 0; i < 6; i++ {
			parts = append(parts, hex(p.args[i]))
		}
		p.split = 6
		return strings.Join(parts, ", ")
	}
	if p.nr == 15 { // rt_sigreturn: show the mask the signal frame restores
		p.split = 0
		b, err := peek(p.pid, p.rsp+296, 8)
		if err != nil || len(b) < 8 {
			return "{mask=?}"
		}
		return "{mask=" + sigset(le64(b, 0)) + "}"
	}
	if p.nr == 435 { // clone3: the struct at entry, what the kernel wrote at exit
		p.split = 1
		return t.clone3Args(p)
	}
	if p.nr == 56 { // clone: the rest is shown once the kernel filled it in
		p.split = 2
		return "child_stack=" + ptr(p.args[1]) + ", flags=" + cloneFlagsString(p.args[0])
	}
	split := splitAt(p, si)
	p.split = split
	var parts []string
	for i := 0; i < split; i++ {
		parts = append(parts, t.arg(p, si, i, 0))
	}
	s := strings.Join(parts, ", ")
	if split < nargsOf(p, si) && split > 0 {
		s += ", "
	}
	return s
}

// exitArgs formats the remaining arguments once the result ret is known.
func (t *Tracer) exitArgs(p *proc, ret uint64) string {
	si, ok := info(p.nr)
	if !ok {
		return ""
	}
	if p.nr == 56 {
		return t.cloneExit(p)
	}
	if p.nr == 435 {
		return t.clone3Exit(p, ret)
	}
	n := nargsOf(p, si)
	var parts []string
	for i := p.split; i < n; i++ {
		parts = append(parts, t.arg(p, si, i, ret))
	}
	return strings.Join(parts, ", ")
}

func failed(ret uint64) bool { return int64(ret) < 0 && int64(ret) >= -4095 }

func ptr(x uint64) string {
	if x == 0 {
		return "NULL"
	}
	return hex(x)
}

// arg formats argument i of the call (ret is the result, for arguments
// shown at exit).
func (t *Tracer) arg(p *proc, si *sysInfo, i int, ret uint64) string {
	if s, ok := t.special(p, i, ret); ok {
		return s
	}
	x := p.args[i]
	pid := p.pid
	if (p.nr == 302 && i >= 2) || (p.nr == 97 || p.nr == 160) && i == 1 {
		return t.rlimit(p, x, ret, i)
	}
	switch si.args[i] {
	case aFD:
		return strconv.FormatInt(int64(int32(x)), 10) + t.fdPath(pid, int(int32(x)))
	case aInt:
		return strconv.FormatInt(int64(int32(x)), 10)
	case aDirFD:
		if int32(x) == -100 {
			return "AT_FDCWD" + t.fdPath(pid, -100)
		}
		return strconv.FormatInt(int64(int32(x)), 10) + t.fdPath(pid, int(int32(x)))
	case aUInt:
		return strconv.FormatUint(x, 10)
	case aOff:
		return strconv.FormatInt(int64(x), 10)
	case aHex:
		if x == 0 {
			return "0"
		}
		return hex(x)
	case aPtr:
		return ptr(x)
	case aPath:
		return t.str(pid, x, 4096, false)
	case aStr:
		return t.str(pid, x, t.opt.StrSize, true)
	case aWriteBuf:
		return t.buf(pid, x, int(p.args[i+1]), false)
	case aReadBuf:
		if failed(ret) || x == 0 {
			return ptr(x)
		}
		return t.buf(pid, x, int(ret), p.nr == 318) // getrandom shows hex
	case aGetcwd:
		if failed(ret) || ret == 0 {
			return ptr(x)
		}
		return t.str(pid, x, int(ret), false) // a path: never cut at -s
	case aOpenFlags:
		if si.name == "open" || si.name == "openat" {
			return openFlagsString(x)
		}
		return flags(x, openFlags[:], "0")
	case aMode:
		return modeString(x)
	case aOctal:
		return octal(x)
	case aAtFlags:
		return flags(x, atFlags[:], "0")
	case aProt:
		return flags(x, protFlags[:], "PROT_NONE")
	case aMapFlags:
		typ := []string{"0", "MAP_SHARED", "MAP_PRIVATE", "MAP_SHARED_VALIDATE"}[x&3]
		if x&^0xf == 0 {
			return typ
		}
		return typ + "|" + flags(x&^0xf, mapFlags[:], "")
	case aSignal:
		return signalName(x)
	case aSigHow:
		return enum(x, sigHows, "SIG_???")
	case aSigSetIn, aSigSetOut:
		if x == 0 {
			return "NULL"
		}
		if si.args[i] == aSigSetOut && failed(ret) {
			return hex(x)
		}
		b, err := peek(pid, x, 8)
		if err != nil || len(b) < 8 {
			return hex(x)
		}
		return sigset(le64(b, 0))
	case aSigAction, aSigActionOut:
		if x == 0 {
			return "NULL"
		}
		if si.args[i] == aSigActionOut && failed(ret) {
			return hex(x)
		}
		return t.sigaction(pid, x)
	case aIoctl:
		return ioctlName(x)
	case aFamily:
		return enum(x, families, "AF_???")
	case aSockType:
		typ := enum(x&0xf, sockTypes, "SOCK_???")
		if x&^0xf != 0 {
			typ += "|" + flags(x&^0xf, sockTypeFlags[:], "")
		}
		return typ
	case aSockProto:
		if p.args[0] == 2 || p.args[0] == 10 {
			return enum(x, ipProtos, "IPPROTO_???")
		}
		return strconv.FormatUint(x, 10)
	case aStat:
		if failed(ret) || x == 0 {
			return ptr(x)
		}
		b, err := peek(pid, x, 144)
		if err != nil || len(b) < 144 {
			return hex(x)
		}
		mode := le32(b, 24)
		if t := mode & 0o170000; t == 0o20000 || t == 0o60000 {
			rdev := le64(b, 40)
			major := (rdev >> 8) & 0xfff
			minor := (rdev & 0xff) | ((rdev >> 12) & 0xfff00)
			return "{st_mode=" + fileMode(mode) + ", st_rdev=makedev(" + hexOrZero(major) + ", " + hexOrZero(minor) + "), ...}"
		}
		return "{st_mode=" + fileMode(mode) + ", st_size=" + strconv.FormatInt(int64(le64(b, 48)), 10) + ", ...}"
	case aArgv:
		return t.argv(pid, x)
	case aEnvp:
		if x == 0 {
			return "NULL"
		}
		n := 0
		for ; n < 100000; n++ {
			b, err := peek(pid, x+uint64(8*n), 8)
			if err != nil || len(b) < 8 || le64(b, 0) == 0 {
				break
			}
		}
		return hex(x) + " /* " + strconv.Itoa(n) + " vars */"
	case aWhence:
		return enum(x, whences, "SEEK_???")
	case aAccessMode:
		return flags(x, accessFlags[:], "F_OK")
	case aFcntl:
		return enum(x, fcntlCmds, "F_???")
	case aTimespecIn, aTimespecOut:
		if x != 0 && si.args[i] == aTimespecOut && failed(ret) {
			return hex(x)
		}
		return t.timespec(pid, x)
	case aSockaddr:
		return t.sockaddr(pid, x, int(p.args[i+1]))
	case aPipeFDs:
		if failed(ret) {
			return hex(x)
		}
		b, err := peek(pid, x, 8)
		if err != nil || len(b) < 8 {
			return hex(x)
		}
		r, w := int(int32(le32(b, 0))), int(int32(le32(b, 4)))
		return "[" + strconv.Itoa(r) + t.fdPath(pid, r) + ", " + strconv.Itoa(w) + t.fdPath(pid, w) + "]"
	case aWaitStatus:
		if x == 0 {
			return "NULL"
		}
		if failed(ret) || ret == 0 {
			return hex(x)
		}
		b, err := peek(pid, x, 4)
		if err != nil || len(b) < 4 {
			return hex(x)
		}
		return "[" + waitStatus(le32(b, 0)) + "]"
	case aWaitOptions:
		return flags(x, waitFlags[:], "0")
	case aRlimit:
		return enum(x, rlimits, "RLIMIT_???")
	case aArchPrctl:
		return enum(x, archPrctls, "ARCH_???")
	case aFutexOp:
		op := x & 127
		name, ok := futexOps.lookup(op)
		if !ok {
			return hex(x)
		}
		if x&128 != 0 {
			name += "_PRIVATE"
		}
		if x&256 != 0 {
			name = "FUTEX_CLOCK_REALTIME|" + name
		}
		return name
	case aUname:
		if failed(ret) {
			return hex(x)
		}
		b, err := peek(pid, x, 65*2)
		if err != nil || len(b) < 130 {
			return hex(x)
		}
		return "{sysname=" + quote(cstring(b[:65]), false) + ", nodename=" + quote(cstring(b[65:130]), false) + ", ...}"
	case aGetdents:
		if failed(ret) {
			return hex(x)
		}
		b, _ := peek(pid, x, int(ret))
		n := 0
		for off := 0; off+18 < len(b); n++ {
			reclen := int(b[off+16]) | int(b[off+17])<<8
			if p.nr == 78 { // old getdents: d_reclen at 16 too
			}
			if reclen == 0 {
				break
			}
			off += reclen
		}
		return hex(x) + " /* " + strconv.Itoa(n) + " entries */"
	case aIovecIn, aIovecOut:
		limit := -1
		if si.args[i] == aIovecOut {
			if failed(ret) {
				return hex(x)
			}
			limit = int(ret)
		}
		return t.iovec(pid, x, int(p.args[i+1]), limit)
	case aMsgFlags:
		return flags(x, msgFlags[:], "0")
	case aClockID:
		return enum(x, clockIDs, "CLOCK_???")
	case aCloneFlags:
		return cloneFlagsString(x)
	case aFadvise:
		return enum(x, fadvices, "POSIX_FADV_???")
	case aCPUSet:
		if failed(ret) || x == 0 {
			return ptr(x)
		}
		b, err := peek(pid, x, int(ret))
		if err != nil {
			return hex(x)
		}
		var cpus []string
		for i, c := range b {
			for bit := 0; bit < 8; bit++ {
				if c&(1<<bit) != 0 {
					cpus = append(cpus, strconv.Itoa(i*8+bit))
				}
			}
		}
		return "[" + strings.Join(cpus, " ") + "]"
	case aPrctl:
		return enum(x, prctls, "PR_???")
	case aPollFDs:
		return t.pollfds(pid, x, int(p.args[1]), false)
	case aGrndFlags:
		return flags(x, grndFlags[:], "0")
	case aStatxFlags:
		s := flags(x, atFlags[:], "")
		switch x & 0x6000 {
		case 0:
			if s == "" {
				return "AT_STATX_SYNC_AS_STAT"
			}
			return "AT_STATX_SYNC_AS_STAT|" + s
		}
		return flags(x, append(atFlags[:], flag{0x2000, "AT_STATX_FORCE_SYNC"}, flag{0x4000, "AT_STATX_DONT_SYNC"}), "0")
	case aStatxMask:
		return statxMask(x)
	case aStatx:
		if failed(ret) || x == 0 {
			return ptr(x)
		}
		b, err := peek(pid, x, 48)
		if err != nil || len(b) < 48 {
			return hex(x)
		}
		return "{stx_mask=" + statxMask(uint64(le32(b, 0))) + ", stx_attributes=" + flags(le64(b, 8), statxAttrs[:], "0") +
			", stx_mode=" + fileMode(uint32(b[28])|uint32(b[29])<<8) + ", stx_size=" + strconv.FormatUint(le64(b, 40), 10) + ", ...}"
	}
	// aDefault: ioctl's third argument and other unknown arguments.
	if p.nr == 16 && i == 2 {
		return t.ioctlArg(p, x, ret)
	}
	if p.nr == 157 && i == 1 { // prctl's argument
		switch p.args[0] {
		case 23, 24:
			if x < uint64(len(capNames)) {
				return capNames[x]
			}
			return hex(x) + " /* CAP_??? */"
		case 1:
			return signalName(x)
		case 15:
			return t.str(pid, x, 16, true)
		}
	}
	if p.nr == 72 && i == 2 { // fcntl argument
		switch p.args[1] {
		case 2:
			if x == 1 {
				return "FD_CLOEXEC"
			}
			return strconv.FormatUint(x, 10)
		case 4:
			return openFlagsString(x)
		}
		return strconv.FormatInt(int64(int32(x)), 10)
	}
	if x < 1<<20 {
		return strconv.FormatUint(x, 10)
	}
	return hex(x)
}

func cstring(b []byte) []byte {
	if i := indexByte(b, 0); i >= 0 {
		return b[:i]
	}
	return b
}

// str shows a NUL-terminated string, cut at max bytes with "..." when
// truncate.
func (t *Tracer) str(pid int, addr uint64, max int, truncate bool) string {
	if addr == 0 {
		return "NULL"
	}
	b, complete, err := peekString(pid, addr, max+1)
	if err != nil && b == nil {
		return hex(addr)
	}
	if len(b) > max {
		b, complete = b[:max], false
	}
	s := quote(b, false)
	if !complete && truncate {
		s += "..."
	}
	return s
}

// buf shows n bytes at addr, the first -s of them, with "..." after.
func (t *Tracer) buf(pid int, addr uint64, n int, forceHex bool) string {
	if addr == 0 {
		return "NULL"
	}
	show := n
	if show > t.opt.StrSize {
		show = t.opt.StrSize
	}
	b, err := peek(pid, addr, show)
	if err != nil && len(b) == 0 && show > 0 {
		return hex(addr)
	}
	s := quote(b, forceHex)
	if n > show {
		s += "..."
	}
	return s
}

// strArray is ["ls", "/tmp"] for strings we already have.
func (t *Tracer) strArray(args []string) string {
	parts := make([]string, len(args))
	for i, a := range args {
		b := []byte(a)
		s := ""
		if len(b) > t.opt.StrSize {
			s = quote(b[:t.opt.StrSize], false) + "..."
		} else {
			s = quote(b, false)
		}
		parts[i] = s
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// argv reads an execve argument vector from the tracee.
func (t *Tracer) argv(pid int, addr uint64) string {
	if addr == 0 {
		return "NULL"
	}
	var parts []string
	for n := 0; n < 4096; n++ {
		b, err := peek(pid, addr+uint64(8*n), 8)
		if err != nil || len(b) < 8 {
			return hex(addr)
		}
		p := le64(b, 0)
		if p == 0 {
			break
		}
		parts = append(parts, t.str(pid, p, t.opt.StrSize, true))
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

func (t *Tracer) sigaction(pid int, addr uint64) string {
	b, err := peek(pid, addr, 32)
	if err != nil || len(b) < 32 {
		return hex(addr)
	}
	handler, fl, restorer, mask := le64(b, 0), le64(b, 8), le64(b, 16), le64(b, 24)
	h := hex(handler)
	switch handler {
	case 0:
		h = "SIG_DFL"
	case 1:
		h = "SIG_IGN"
	}
	s := "{sa_handler=" + h + ", sa_mask=" + sigset(mask) + ", sa_flags=" + flags(fl, saFlags[:], "0")
	if fl&0x04000000 != 0 {
		s += ", sa_restorer=" + hex(restorer)
	}
	return s + "}"
}

func waitStatus(s uint32) string {
	switch {
	case s&0x7f == 0:
		return "{WIFEXITED(s) && WEXITSTATUS(s) == " + strconv.Itoa(int(s>>8&0xff)) + "}"
	case s&0xff == 0x7f:
		return "{WIFSTOPPED(s) && WSTOPSIG(s) == " + signalName(uint64(s>>8&0xff)) + "}"
	case s == 0xffff:
		return "{WIFCONTINUED(s)}"
	}
	r := "{WIFSIGNALED(s) && WTERMSIG(s) == " + signalName(uint64(s&0x7f))
	if s&0x80 != 0 {
		r += " && WCOREDUMP(s)"
	}
	return r + "}"
}

func cloneFlagsString(x uint64) string {
	sig := x & 0xff
	rest := x &^ 0xff
	var parts []string
	if rest != 0 {
		parts = append(parts, flags(rest, cloneFlags[:], ""))
	}
	if sig != 0 {
		parts = append(parts, signalName(sig))
	}
	if len(parts) == 0 {
		return "0"
	}
	return strings.Join(parts, "|")
}

// cloneExit is the part of clone's keyword arguments strace shows at exit.
func (t *Tracer) cloneExit(p *proc) string {
	fl := p.args[0]
	s := ""
	if fl&(0x100000|0x1000) != 0 {
		s += ", parent_tid=" + ptr(p.args[2])
	}
	if fl&0x80000 != 0 {
		s += ", tls=" + ptr(p.args[4])
	}
	if fl&(0x1000000|0x200000) != 0 {
		s += ", child_tidptr=" + ptr(p.args[3])
	}
	return s
}

// sockaddr decodes the common address families.
func (t *Tracer) sockaddr(pid int, addr uint64, n int) string {
	if addr == 0 {
		return "NULL"
	}
	if n > 128 {
		n = 128
	}
	b, err := peek(pid, addr, n)
	if err != nil || len(b) < 2 {
		return hex(addr)
	}
	fam := uint64(b[0]) | uint64(b[1])<<8
	s := "{sa_family=" + enum(fam, families, "AF_???")
	switch fam {
	case 1:
		path := b[2:]
		if len(path) > 0 && path[0] == 0 {
			s += ", sun_path=@" + quote(cstring(path[1:]), false)
		} else {
			s += ", sun_path=" + quote(cstring(path), false)
		}
	case 2:
		if len(b) >= 8 {
			s += ", sin_port=htons(" + strconv.Itoa(int(b[2])<<8|int(b[3])) + "), sin_addr=inet_addr(\"" +
				inet.FormatIPv4(b[4:8]) + "\")"
		}
	case 10:
		if len(b) >= 28 {
			s += ", sin6_port=htons(" + strconv.Itoa(int(b[2])<<8|int(b[3])) + "), sin6_flowinfo=htonl(" +
				strconv.FormatUint(uint64(b[4])<<24|uint64(b[5])<<16|uint64(b[6])<<8|uint64(b[7]), 10) +
				"), inet_pton(AF_INET6, \"" + inet.FormatIPv6(b[8:24]) + "\", &sin6_addr), sin6_scope_id=" +
				strconv.FormatUint(uint64(le32(b, 24)), 10)
		}
	case 16:
		if len(b) >= 12 {
			s += ", nl_pid=" + strconv.Itoa(int(int32(le32(b, 4)))) + ", nl_groups=" + fmt8x(le32(b, 8))
		}
	default:
		s += ", sa_data=" + quote(b[2:], false)
	}
	return s + "}"
}

func (t *Tracer) iovec(pid int, addr uint64, cnt int, limit int) string {
	if addr == 0 {
		return "NULL"
	}
	var parts []string
	for i := 0; i < cnt && i < 64; i++ {
		b, err := peek(pid, addr+uint64(16*i), 16)
		if err != nil || len(b) < 16 {
			return hex(addr)
		}
		base, l := le64(b, 0), int(le64(b, 8))
		n := l
		if limit >= 0 && n > limit {
			n = limit
		}
		if limit >= 0 {
			limit -= n
		}
		parts = append(parts, "{iov_base="+t.buf(pid, base, n, false)+", iov_len="+strconv.Itoa(l)+"}")
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// ioctlArg decodes the third argument of a terminal ioctl: the structure
// or integer it points to (read at exit: what the kernel filled in, or what
// it was given), or the plain integer some requests take.
func (t *Tracer) ioctlArg(p *proc, x, ret uint64) string {
	req := p.args[1]
	switch req {
	case 0x540E, 0x5409, 0x5425, 0x5441: // TIOCSCTTY, TCSBRK, TCSBRKP, TIOCGPTPEER: an int
		return strconv.FormatInt(int64(int32(x)), 10)
	case 0x540B: // TCFLSH
		return enum(x, values{{0, "TCIFLUSH"}, {1, "TCOFLUSH"}, {2, "TCIOFLUSH"}}, "TC???")
	case 0x540A: // TCXONC
		return enum(x, values{{0, "TCOOFF"}, {1, "TCOON"}, {2, "TCIOFF"}, {3, "TCION"}}, "TC???")
	}
	// What the kernel is given is shown even when the call failed; what it
	// fills in only when it succeeded.
	input := false
	switch req {
	case 0x5402, 0x5403, 0x5404, 0x5406, 0x5407, 0x5408, 0x5457, 0x5410, 0x5414, 0x5421, 0x5423, 0x40045431,
		0x5412, 0x5416, 0x5417, 0x5418, 0x5420:
		input = true
	}
	if x == 0 || (failed(ret) && !input) {
		return ptr(x)
	}
	switch req {
	case 0x5401, 0x5402, 0x5403, 0x5404, 0x5456, 0x5457: // TCGETS, TCSETS*, TIOC[GS]LCKTRMIOS
		b, err := peek(p.pid, x, 16)
		if err != nil || len(b) < 16 {
			return hex(x)
		}
		return termios(le32(b, 0), le32(b, 4), le32(b, 8), le32(b, 12))
	case 0x5405, 0x5406, 0x5407, 0x5408: // TCGETA, TCSETA*: struct termio, 16-bit words
		b, err := peek(p.pid, x, 8)
		if err != nil || len(b) < 8 {
			return hex(x)
		}
		u16 := func(o int) uint32 { return uint32(b[o]) | uint32(b[o+1])<<8 }
		return termios(u16(0), u16(2), u16(4), u16(6))
	case 0x5413, 0x5414: // TIOCGWINSZ, TIOCSWINSZ
		b, err := peek(p.pid, x, 8)
		if err != nil || len(b) < 8 {
			return hex(x)
		}
		u16 := func(o int) string { return strconv.Itoa(int(b[o]) | int(b[o+1])<<8) }
		return "{ws_row=" + u16(0) + ", ws_col=" + u16(2) + ", ws_xpixel=" + u16(4) + ", ws_ypixel=" + u16(6) + "}"
	case 0x5412: // TIOCSTI: one character
		b, err := peek(p.pid, x, 1)
		if err != nil || len(b) < 1 {
			return hex(x)
		}
		return quote(b, false)
	case 0x540F, 0x5410, 0x541B, 0x5421, 0x5429, 0x80045430, 0x5411, 0x5423, 0x5424, 0x40045431,
		0x5415, 0x5416, 0x5417, 0x5418, 0x5420, 0x80045438, 0x80045439, 0x80045440: // int pointers
		return t.intPtr(p.pid, x)
	}
	return hex(x)
}

// rlimit shows {rlim_cur=8192*1024, rlim_max=RLIM64_INFINITY}.
func (t *Tracer) rlimit(p *proc, x, ret uint64, i int) string {
	if x == 0 {
		return "NULL"
	}
	out := (p.nr == 302 && i == 3) || p.nr == 97
	if out && failed(ret) {
		return hex(x)
	}
	b, err := peek(p.pid, x, 16)
	if err != nil || len(b) < 16 {
		return hex(x)
	}
	v := func(n uint64) string {
		switch {
		case n == ^uint64(0):
			return "RLIM64_INFINITY"
		case n > 0 && n%1024 == 0:
			return strconv.FormatUint(n/1024, 10) + "*1024"
		}
		return strconv.FormatUint(n, 10)
	}
	return "{rlim_cur=" + v(le64(b, 0)) + ", rlim_max=" + v(le64(b, 8)) + "}"
}

// siginfo reads the pending signal's siginfo_t and formats it as strace
// does: {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=..., ...}.
// An error means the stop is a group-stop, not a signal delivery.
func siginfo(pid int) (string, error) {
	var b [128]byte
	_, _, e := unix.Syscall6(unix.SYS_PTRACE, unix.PTRACE_GETSIGINFO, uintptr(pid), 0, uintptr(unsafe.Pointer(&b[0])), 0, 0)
	if e != 0 {
		return "", e
	}
	signo := uint64(le32(b[:], 0))
	code := int32(le32(b[:], 8))
	s := "{si_signo=" + signalName(signo) + ", si_code="
	pidUID := func() string {
		return ", si_pid=" + strconv.Itoa(int(int32(le32(b[:], 16)))) + ", si_uid=" + strconv.Itoa(int(le32(b[:], 20)))
	}
	switch {
	case code == 0:
		return s + "SI_USER" + pidUID() + "}", nil
	case code == -6:
		return s + "SI_TKILL" + pidUID() + "}", nil
	case code == -1:
		v := le64(b[:], 24)
		return s + "SI_QUEUE" + pidUID() + ", si_int=" + strconv.Itoa(int(int32(v))) + ", si_ptr=" + hex(v) + "}", nil
	case code == 0x80:
		return s + "SI_KERNEL}", nil
	case signo == 17 && code >= 1 && code <= 6:
		names := [...]string{1: "CLD_EXITED", "CLD_KILLED", "CLD_DUMPED", "CLD_TRAPPED", "CLD_STOPPED", "CLD_CONTINUED"}
		status := strconv.Itoa(int(int32(le32(b[:], 24))))
		if code != 1 {
			status = signalName(uint64(le32(b[:], 24)))
		}
		return s + names[code] + pidUID() + ", si_status=" + status +
			", si_utime=" + ticks(le64(b[:], 32)) + ", si_stime=" + ticks(le64(b[:], 40)) + "}", nil
	case (signo == 11 || signo == 7 || signo == 4 || signo == 8) && code > 0:
		var names []string
		switch signo {
		case 11:
			names = []string{1: "SEGV_MAPERR", "SEGV_ACCERR", "SEGV_BNDERR", "SEGV_PKUERR"}
		case 7:
			names = []string{1: "BUS_ADRALN", "BUS_ADRERR", "BUS_OBJERR"}
		case 4:
			names = []string{1: "ILL_ILLOPC", "ILL_ILLOPN", "ILL_ILLADR", "ILL_ILLTRP", "ILL_PRVOPC", "ILL_PRVREG", "ILL_COPROC", "ILL_BADSTK"}
		case 8:
			names = []string{1: "FPE_INTDIV", "FPE_INTOVF", "FPE_FLTDIV", "FPE_FLTOVF", "FPE_FLTUND", "FPE_FLTRES", "FPE_FLTINV", "FPE_FLTSUB"}
		}
		c := strconv.Itoa(int(code))
		if int(code) < len(names) {
			c = names[code]
		}
		return s + c + ", si_addr=" + ptr(le64(b[:], 16)) + "}", nil
	}
	return s + strconv.Itoa(int(code)) + "}", nil
}

var grndFlags = [...]flag{{1, "GRND_NONBLOCK"}, {2, "GRND_RANDOM"}, {4, "GRND_INSECURE"}}

var statxFlags = [...]flag{{0xfff, "STATX_ALL"}, {0x7ff, "STATX_BASIC_STATS"}, {1, "STATX_TYPE"}, {2, "STATX_MODE"}, {4, "STATX_NLINK"},
	{8, "STATX_UID"}, {0x10, "STATX_GID"}, {0x20, "STATX_ATIME"}, {0x40, "STATX_MTIME"}, {0x80, "STATX_CTIME"},
	{0x100, "STATX_INO"}, {0x200, "STATX_SIZE"}, {0x400, "STATX_BLOCKS"}, {0x800, "STATX_BTIME"},
	{0x1000, "STATX_MNT_ID"}, {0x2000, "STATX_DIOALIGN"}}

func statxMask(x uint64) string { return flags(x, statxFlags[:], "0") }

func flagsOrZero(x uint64) string {
	if x == 0 {
		return "0"
	}
	return hex(x)
}

// clone3Args shows struct clone_args as strace does.
func (t *Tracer) clone3Args(p *proc) string {
	b, err := peek(p.pid, p.args[0], 64)
	if err != nil || len(b) < 64 {
		return ptr(p.args[0])
	}
	fl := le64(b, 0)
	s := "{flags=" + flags(fl, cloneFlags[:], "0")
	if fl&0x1000 != 0 {
		s += ", pidfd=" + ptr(le64(b, 8))
	}
	if fl&(0x1000000|0x200000) != 0 {
		s += ", child_tid=" + ptr(le64(b, 16))
	}
	if fl&0x100000 != 0 {
		s += ", parent_tid=" + ptr(le64(b, 24))
	}
	sig := le64(b, 32)
	if sig == 0 {
		s += ", exit_signal=0"
	} else {
		s += ", exit_signal=" + signalName(sig)
	}
	s += ", stack=" + ptr(le64(b, 40)) + ", stack_size=" + hex(le64(b, 48))
	if fl&0x80000 != 0 {
		s += ", tls=" + ptr(le64(b, 56))
	}
	return s + "}"
}

// clone3Exit is " => {parent_tid=[N]}, SIZE": what the kernel stored.
func (t *Tracer) clone3Exit(p *proc, ret uint64) string {
	s := ""
	b, err := peek(p.pid, p.args[0], 32)
	if err == nil && len(b) >= 32 && !failed(ret) && le64(b, 0)&0x100000 != 0 {
		if v, err := peek(p.pid, le64(b, 24), 4); err == nil && len(v) == 4 {
			s = " => {parent_tid=[" + strconv.Itoa(int(int32(le32(v, 0)))) + "]}"
		}
	}
	return s + ", " + strconv.FormatUint(p.args[1], 10)
}

// fdPath is -y's "<what fd is>": the target of /proc/PID/fd/N (or the
// working directory for AT_FDCWD), empty without -y or for a closed fd.
func (t *Tracer) fdPath(pid, fd int) string {
	if !t.opt.DecodeFDs {
		return ""
	}
	link := "/proc/" + strconv.Itoa(pid) + "/fd/" + strconv.Itoa(fd)
	if fd == -100 {
		link = "/proc/" + strconv.Itoa(pid) + "/cwd"
	} else if fd < 0 {
		return ""
	}
	target, err := os.Readlink(link)
	if err != nil {
		return ""
	}
	return "<" + target + ">"
}

// returnsFD says whether the call's result is a new file descriptor.
func returnsFD(p *proc) bool {
	switch p.nr {
	case 2, 85, 257, 437, // open, creat, openat, openat2
		32, 33, 292, // dup, dup2, dup3
		41, 43, 288, // socket, accept, accept4
		213, 291, 284, 290, 283, 282, 289, 319, 253, 294, 434, 438, 300: // epoll, eventfd, timerfd, signalfd, memfd, inotify, pidfd, fanotify
		return true
	case 72: // fcntl F_DUPFD, F_DUPFD_CLOEXEC
		return p.args[1] == 0 || p.args[1] == 1030
	}
	return false
}

// ticks is a clock-tick count with strace's comment in seconds when it is
// not zero: 3 /* 0.03 s */.
func ticks(n uint64) string {
	s := strconv.FormatUint(n, 10)
	if n == 0 {
		return s
	}
	return s + " /* " + strconv.FormatUint(n/100, 10) + "." + strconv.FormatUint(n%100/10, 10) + strconv.FormatUint(n%10, 10) + " s */"
}

// pollfds shows struct pollfd arrays: the events asked at entry, or the
// revents that happened (revents true; only entries with some, as strace).
func (t *Tracer) pollfds(pid int, addr uint64, n int, revents bool) string {
	if addr == 0 {
		return "NULL"
	}
	if n > 64 {
		n = 64
	}
	b, err := peek(pid, addr, 8*n)
	if err != nil || len(b) < 8*n {
		return hex(addr)
	}
	var parts []string
	for i := 0; i < n; i++ {
		fd := int(int32(le32(b, 8*i)))
		ev := uint64(b[8*i+4]) | uint64(b[8*i+5])<<8
		rev := uint64(b[8*i+6]) | uint64(b[8*i+7])<<8
		if revents {
			if rev != 0 {
				// strace names the file only in the arguments, not here.
				parts = append(parts, "{fd="+strconv.Itoa(fd)+", revents="+flags(rev, pollFlags[:], "0")+"}")
			}
			continue
		}
		parts = append(parts, "{fd="+strconv.Itoa(fd)+t.fdPath(pid, fd)+", events="+flags(ev, pollFlags[:], "0")+"}")
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// hexOrZero is hex, but 0 for zero (strace's makedev(0x88, 0)).
func hexOrZero(x uint64) string {
	if x == 0 {
		return "0"
	}
	return hex(x)
}

// fmt8x is %08x: eight hex digits, zero padded (netlink groups).
func fmt8x(v uint32) string {
	h := strconv.FormatUint(uint64(v), 16)
	return strings.Repeat("0", max(0, 8-len(h))) + h
}
