package strace

import "testing"

func TestQuote(t *testing.T) {
	for _, tc := range []struct {
		in   string
		hex  bool
		want string
	}{
		{"vm\n", false, `"vm\n"`},
		{"\x7fELF\x02\x01", false, `"\177ELF\2\1"`},
		{"\x01" + "2", false, `"\0012"`},
		{"a\"b\\c\t\r\v\f", false, `"a\"b\\c\t\r\v\f"`},
		{"\xff\x00", false, `"\377\0"`},
		{"\x6d\x6f", true, `"\x6d\x6f"`},
	} {
		if got := quote([]byte(tc.in), tc.hex); got != tc.want {
			t.Errorf("quote(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
}

func TestFormats(t *testing.T) {
	for _, tc := range []struct{ got, want string }{
		{openFlagsString(0), "O_RDONLY"},
		{openFlagsString(0o2000000 | 0o4000 | 0o200000), "O_RDONLY|O_NONBLOCK|O_CLOEXEC|O_DIRECTORY"},
		{openFlagsString(1 | 0o100 | 0o1000), "O_WRONLY|O_CREAT|O_TRUNC"},
		{openFlagsString(2 | 0o20200000), "O_RDWR|O_TMPFILE"},
		{openFlagsString(3 | 0x40000000), "O_ACCMODE|0x40000000"},
		{modeString(0o644), "0644"},
		{modeString(0o4755), "04755"},
		{statMode(0o4755), "S_ISUID|0755"},
		{modeString(0), "000"},
		{octal(0o22), "022"},
		{fileMode(0o41777), "S_IFDIR|S_ISVTX|0777"},
		{sigset(1<<1 | 1<<14), "[INT TERM]"},
		{sigset(0), "[]"},
		{sigset(^uint64(1<<31 | 1<<32)), "~[RTMIN RT_1]"},
		{signalName(40), "SIGRT_8"},
		{signalName(99), "99"},
		{signalName(17), "SIGCHLD"},
		{cloneFlagsString(0x1200000 | 17), "CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD"},
		{enum(9, whences, "SEEK_???"), "0x9 /* SEEK_??? */"},
		{waitStatus(3 << 8), "{WIFEXITED(s) && WEXITSTATUS(s) == 3}"},
		{waitStatus(9), "{WIFSIGNALED(s) && WTERMSIG(s) == SIGKILL}"},
		{waitStatus(11 | 0x80), "{WIFSIGNALED(s) && WTERMSIG(s) == SIGSEGV && WCOREDUMP(s)}"},
		{errorString(2), "ENOENT (No such file or directory)"},
		{errorString(512), "ERESTARTSYS (To be restarted if SA_RESTART is set)"},
		{SyscallName(257), "openat"},
		{ticks(3), "3 /* 0.03 s */"},
		{ticks(0), "0"},
		{ticks(125), "125 /* 1.25 s */"},
		{SyscallName(1000), "syscall_0x3e8"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
}

func TestFilter(t *testing.T) {
	f, err := Filter("%file,write")
	if err != nil {
		t.Fatal(err)
	}
	openat, _ := LookupSyscall("openat")
	write, _ := LookupSyscall("write")
	read, _ := LookupSyscall("read")
	if !f(openat) || !f(write) || f(read) {
		t.Errorf("trace=%%file,write: openat %v write %v read %v", f(openat), f(write), f(read))
	}
	f, _ = Filter("!read")
	if f(read) || !f(write) {
		t.Error("trace=!read")
	}
	if _, err := Filter("bogus"); err == nil || err.Error() != "invalid system call 'bogus'" {
		t.Errorf("Filter(bogus) = %v", err)
	}
}
