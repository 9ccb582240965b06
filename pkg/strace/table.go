// Package strace traces the system calls and signals of processes with
// ptrace(2) and prints them the way strace(1) 6 does:
//
//	openat(AT_FDCWD, "/etc/hostname", O_RDONLY|O_CLOEXEC) = 3
//	read(3, "vm\n", 100)                    = 3
//	--- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, ...} ---
//	+++ exited with 0 +++
//
// (the zine's system calls page). The engine is our own, on
// golang.org/x/sys/unix: every ptrace request comes from one locked OS
// thread, as the kernel requires (the tracer is a thread, not a process).
// Decoding uses a static table of the amd64 system calls (table_amd64.go)
// that names each argument's kind: a path, a buffer whose length is
// another argument or the result, open flags, a struct stat, and so on.
package strace

// argKind says how one system call argument is shown.
type argKind uint8

const (
	aDefault      argKind = iota // unknown: decimal if small, else hex
	aFD                          // file descriptor: decimal
	aDirFD                       // directory fd: AT_FDCWD or decimal
	aPath                        // NUL-terminated path, never truncated
	aStr                         // NUL-terminated string, cut at -s
	aWriteBuf                    // buffer read by the kernel, length in the next argument
	aReadBuf                     // buffer filled by the kernel, length is the result
	aUInt                        // unsigned decimal
	aInt                         // signed decimal
	aHex                         // hexadecimal
	aPtr                         // address: NULL or 0x...
	aOpenFlags                   // O_RDONLY|O_CLOEXEC
	aMode                        // 0644
	aAtFlags                     // AT_SYMLINK_NOFOLLOW
	aProt                        // PROT_READ|PROT_WRITE
	aMapFlags                    // MAP_PRIVATE|MAP_ANONYMOUS
	aSignal                      // SIGINT
	aSigSetIn                    // [INT TERM]
	aSigSetOut                   // sigset filled by the kernel
	aSigAction                   // {sa_handler=..., sa_mask=[...], sa_flags=...}
	aSigActionOut                // the old action, filled by the kernel
	aSigHow                      // SIG_BLOCK
	aIoctl                       // TCGETS
	aFamily                      // AF_INET
	aSockType                    // SOCK_STREAM|SOCK_CLOEXEC
	aSockProto                   // IPPROTO_TCP
	aStat                        // {st_mode=S_IFREG|0644, st_size=3, ...}
	aArgv                        // ["ls", "/tmp"]
	aEnvp                        // 0x7ffc... /* 20 vars */
	aCloneFlags                  // CLONE_VM|...|SIGCHLD
	aWhence                      // SEEK_SET
	aAccessMode                  // R_OK|W_OK
	aFcntl                       // F_GETFD
	aTimespecIn                  // {tv_sec=1, tv_nsec=0}
	aTimespecOut                 // timespec filled by the kernel
	aSockaddr                    // {sa_family=AF_INET, ...}, length in the next argument
	aPipeFDs                     // [3, 4]
	aWaitStatus                  // [{WIFEXITED(s) && WEXITSTATUS(s) == 0}]
	aWaitOptions                 // WNOHANG
	aRlimit                      // RLIMIT_STACK
	aArchPrctl                   // ARCH_SET_FS
	aFutexOp                     // FUTEX_WAKE_PRIVATE
	aUname                       // {sysname="Linux", nodename=..., ...}
	aGetdents                    // 0x... /* 5 entries */
	aIovecIn                     // [{iov_base="...", iov_len=5}]
	aIovecOut                    // iovec filled by the kernel
	aOctal                       // 022
	aMsgFlags                    // MSG_DONTWAIT
	aClockID                     // CLOCK_MONOTONIC
	aGetcwd                      // the buffer getcwd fills, as a string
	aGrndFlags                   // GRND_NONBLOCK
	aStatxFlags                  // AT_STATX_SYNC_AS_STAT|AT_NO_AUTOMOUNT
	aStatxMask                   // STATX_BASIC_STATS
	aStatx                       // {stx_mask=..., stx_mode=..., stx_size=..., ...}
	aOff                         // a 64-bit signed offset or length
	aFadvise                     // POSIX_FADV_SEQUENTIAL
	aCPUSet                      // [0 1], the CPU mask the kernel filled in
	aPrctl                       // PR_SET_NAME (and its arguments)
	aPollFDs                     // [{fd=3, events=POLLIN}], the revents shown with the result
)

// class is strace's grouping of system calls for -e trace=CLASS.
type class uint8

const (
	cFile    class = 1 << iota // takes a file name
	cDesc                      // takes or returns a file descriptor
	cNetwork                   // sockets
	cProcess                   // process lifecycle
	cSignal                    // signals
	cIPC                       // System V IPC
	cMemory                    // memory mapping
)

// retKind says how a successful result is shown.
type retKind uint8

const (
	rInt   retKind = iota // decimal
	rHex                  // 0x7f... (addresses)
	rOctal                // 022 (umask)
)

// sysInfo describes one system call.
type sysInfo struct {
	name  string
	nargs int
	args  [6]argKind
	class class
	ret   retKind
}

// info returns the description of system call nr, and false when the
// table has no such call.
func info(nr uint64) (*sysInfo, bool) {
	if nr >= uint64(len(table)) || table[nr].name == "" {
		return nil, false
	}
	return &table[nr], true
}

// SyscallName returns the name of system call nr ("syscall_0x1ff" for
// numbers the table does not know, as strace writes them).
func SyscallName(nr uint64) string {
	if si, ok := info(nr); ok {
		return si.name
	}
	return "syscall_" + hex(nr)
}

// LookupSyscall returns the number of the system call called name.
func LookupSyscall(name string) (int, bool) {
	for i := range table {
		if table[i].name == name {
			return i, true
		}
	}
	return 0, false
}

// NumSyscalls is one more than the highest system call number known.
func NumSyscalls() int { return len(table) }

// classByName maps strace's class names to classes.
func classByName(name string) (class, bool) {
	switch name {
	case "file":
		return cFile, true
	case "desc":
		return cDesc, true
	case "network", "net":
		return cNetwork, true
	case "process":
		return cProcess, true
	case "signal", "signals":
		return cSignal, true
	case "ipc":
		return cIPC, true
	case "memory":
		return cMemory, true
	}
	return 0, false
}
