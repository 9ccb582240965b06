package elfdeps

import (
	"bytes"
	"os"
	"strings"
)

// x86Levels are the x86-64 psABI microarchitecture levels, most capable
// first, with the CPU features each adds over the one below, spelled as
// the kernel names them in /proc/cpuinfo's "flags" line. glibc 2.36
// (sysdeps/x86/get-isa-level.h) requires every feature of a level and of
// all the levels below it before ld.so searches its glibc-hwcaps
// subdirectory. Where the names differ from the CPUID names glibc uses:
// pni is SSE3, cx16 is CMPXCHG16B, lahf_lm is LAHF64_SAHF64, abm is
// LZCNT. OSXSAVE is not listed by the kernel, but the kernel clears avx
// and the avx512 flags when it has not enabled their register state, so a
// flag shown is a feature usable.
func x86Levels() [4]struct{ name, flags string } {
	return [4]struct{ name, flags string }{
		{"", "cmov cx8 fpu fxsr mmx sse sse2"}, // the baseline: no subdirectory
		{"x86-64-v2", "cx16 lahf_lm popcnt pni ssse3 sse4_1 sse4_2"},
		{"x86-64-v3", "avx avx2 bmi1 bmi2 f16c fma abm movbe"},
		{"x86-64-v4", "avx512f avx512bw avx512cd avx512dq avx512vl"},
	}
}

// cpuFlags returns the "flags" line of the first processor in
// /proc/cpuinfo, as a space-separated list with spaces around it for
// whole-word tests; "" when it cannot be read (no hwcaps are used then,
// as on a CPU that has none of the levels).
func cpuFlags(cpuinfo []byte) string {
	for len(cpuinfo) > 0 {
		line := cpuinfo
		if i := bytes.IndexByte(cpuinfo, '\n'); i >= 0 {
			line, cpuinfo = cpuinfo[:i], cpuinfo[i+1:]
		} else {
			cpuinfo = nil
		}
		key, val, ok := bytes.Cut(line, []byte(":"))
		if ok && string(bytes.TrimSpace(key)) == "flags" {
			return " " + strings.Join(strings.Fields(string(val)), " ") + " "
		}
	}
	return ""
}

// x86HWCaps returns the glibc-hwcaps subdirectories a CPU with these
// flags (from cpuFlags) may use, most capable first, and whether glibc
// calls the platform "haswell" (which $PLATFORM then expands to).
func x86HWCaps(flags string) (hwcaps []string, haswell bool) {
	has := func(list string) bool {
		for _, f := range strings.Fields(list) {
			if !strings.Contains(flags, " "+f+" ") {
				return false
			}
		}
		return true
	}
	for _, l := range x86Levels() {
		if !has(l.flags) {
			break
		}
		if l.name != "" {
			hwcaps = append([]string{l.name}, hwcaps...)
		}
	}
	// glibc's cpu_features.c names the platform "haswell" when these are
	// usable; the kernel's AT_PLATFORM says x86_64.
	return hwcaps, has("avx2 bmi1 bmi2 abm movbe popcnt")
}

// readCPUFlags reads the CPU's features from /proc/cpuinfo. It is called
// only when ldd resolves something, never at program start: reading them
// with CPUID instructions at start-up (as golang.org/x/sys/cpu does) costs
// a VM exit per instruction under a hypervisor, for every applet.
func readCPUFlags() string {
	b, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return ""
	}
	return cpuFlags(b)
}
