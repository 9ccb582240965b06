//go:build !amd64

package strace

import "errors"

// table is empty where no system call table has been written yet: calls
// show as syscall_0xNNN.
var table = [...]sysInfo{{}}

type regs struct {
	nr   uint64
	args [6]uint64
	ret  uint64
	sp   uint64
}

// getRegs is only written for amd64 so far: tracing elsewhere fails
// cleanly instead of printing wrong registers.
func getRegs(pid int) (regs, error) {
	return regs{}, errors.New("strace: this architecture is not supported yet")
}
