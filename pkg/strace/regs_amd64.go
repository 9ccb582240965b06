package strace

import "golang.org/x/sys/unix"

// regs is what the tracer needs of a stopped thread's registers.
type regs struct {
	nr   uint64    // system call number (orig_rax: rax holds the result)
	args [6]uint64 // rdi, rsi, rdx, r10, r8, r9
	ret  uint64    // rax at syscall exit
	sp   uint64
}

func getRegs(pid int) (regs, error) {
	var r unix.PtraceRegs
	if err := unix.PtraceGetRegs(pid, &r); err != nil {
		return regs{}, err
	}
	return regs{r.Orig_rax, [6]uint64{r.Rdi, r.Rsi, r.Rdx, r.R10, r.R8, r.R9}, r.Rax, r.Rsp}, nil
}
