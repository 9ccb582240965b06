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

// cpuInfo returns the vendor_id and the "flags" line of the first
// processor in /proc/cpuinfo, the flags as a space-separated list with
// spaces around it for whole-word tests. Both are "" when they cannot be
// read: no hwcaps are used then, as on a CPU that has none of the levels.
func cpuInfo(cpuinfo []byte) (vendor, flags string) {
	for len(cpuinfo) > 0 {
		line := cpuinfo
		if i := bytes.IndexByte(cpuinfo, '\n'); i >= 0 {
			line, cpuinfo = cpuinfo[:i], cpuinfo[i+1:]
		} else {
			cpuinfo = nil
		}
		if len(bytes.TrimSpace(line)) == 0 && flags != "" {
			break // the end of the first processor
		}
		key, val, ok := bytes.Cut(line, []byte(":"))
		if !ok {
			continue
		}
		switch string(bytes.TrimSpace(key)) {
		case "vendor_id":
			vendor = string(bytes.TrimSpace(val))
		case "flags":
			flags = " " + strings.Join(strings.Fields(string(val)), " ") + " "
		}
	}
	return vendor, flags
}

// x86Platform returns the glibc-hwcaps subdirectories a CPU with these
// flags (from cpuInfo) may use, most capable first, and the name glibc
// gives the platform, which $PLATFORM expands to ("" keeps the kernel's
// AT_PLATFORM, x86_64).
func x86Platform(vendor, flags string) (hwcaps []string, platform string) {
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
	// glibc 2.36 (sysdeps/x86/cpu-features.c) renames the platform on
	// Intel CPUs only: "xeon_phi" with AVX512ER and AVX512PF, else
	// "haswell" when the Haswell generation's instructions are usable.
	if vendor == "GenuineIntel" {
		switch {
		case has("avx512cd avx512er avx512pf"):
			platform = "xeon_phi"
		case has("avx2 fma bmi1 bmi2 abm movbe popcnt"):
			platform = "haswell"
		}
	}
	return hwcaps, platform
}

// readCPUInfo reads the CPU's vendor and features from /proc/cpuinfo. It
// is called only when ldd resolves something, never at program start:
// reading them with CPUID instructions at start-up (as golang.org/x/sys/cpu
// does in its init) costs a VM exit per instruction under a hypervisor, in
// every applet.
func readCPUInfo() (vendor, flags string) {
	b, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return "", ""
	}
	return cpuInfo(b)
}
