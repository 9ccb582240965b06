package elfdeps

import (
	"os"
	"os/exec"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"
)

func TestX86HWCaps(t *testing.T) {
	const (
		base = "fpu cmov cx8 fxsr mmx sse sse2"
		v2   = base + " cx16 lahf_lm popcnt pni ssse3 sse4_1 sse4_2"
		v3   = v2 + " avx avx2 bmi1 bmi2 f16c fma abm movbe xsave"
		v4   = v3 + " avx512f avx512bw avx512cd avx512dq avx512vl"
	)
	for _, tc := range []struct {
		name, flags string
		want        []string
		haswell     bool
		vendor      string // GenuineIntel when empty
	}{
		{"no cpuinfo", "", nil, false, ""},
		{"baseline", base, nil, false, ""},
		{"v2", v2, []string{"x86-64-v2"}, false, ""},
		{"v2 without lahf_lm", strings.Replace(v2, " lahf_lm", "", 1), nil, false, ""},
		{"v3", v3, []string{"x86-64-v3", "x86-64-v2"}, true, ""},
		{"v3 without fma", strings.Replace(v3, " fma", "", 1), []string{"x86-64-v2"}, false, ""},
		{"v3 without abm (LZCNT)", strings.Replace(v3, " abm", "", 1), []string{"x86-64-v2"}, false, ""},
		{"v4", v4, []string{"x86-64-v4", "x86-64-v3", "x86-64-v2"}, true, ""},
		{"v4 flags on a v2 CPU", v2 + " avx512f avx512bw avx512cd avx512dq avx512vl", []string{"x86-64-v2"}, false, ""},
		{"v4 without avx512vl", strings.Replace(v4, " avx512vl", "", 1), []string{"x86-64-v3", "x86-64-v2"}, true, ""},
		{"no baseline", strings.Replace(v4, "fpu ", "", 1), nil, true, ""},
		{"flag names are whole words", strings.Replace(v2, " pni", " pnix", 1), nil, false, ""},
		{"v3 on AMD: no haswell", v3, []string{"x86-64-v3", "x86-64-v2"}, false, "AuthenticAMD"},
	} {
		vendor := tc.vendor
		if vendor == "" {
			vendor = "GenuineIntel"
		}
		cpuinfo := "processor\t: 0\nvendor_id\t: " + vendor + "\nflags\t\t: " + tc.flags + "\nbugs\t\t: spectre_v1\n\nprocessor\t: 1\nvendor_id\t: Other\nflags\t\t: fpu\n"
		got, platform := x86Platform(cpuInfo([]byte(cpuinfo)))
		if !slices.Equal(got, tc.want) || (platform == "haswell") != tc.haswell {
			t.Errorf("%s: %q platform %q, want %q haswell=%v", tc.name, got, platform, tc.want, tc.haswell)
		}
	}
	if _, p := x86Platform(cpuInfo([]byte("vendor_id : GenuineIntel\nflags : avx512cd avx512er avx512pf avx2 fma bmi1 bmi2 abm movbe popcnt\n"))); p != "xeon_phi" {
		t.Errorf("Xeon Phi: platform %q", p)
	}
}

// TestHostHWCaps compares the levels read from /proc/cpuinfo with the
// ones the machine's own dynamic linker says it supports and searches,
// and the platform name with its dl_platform.
func TestHostHWCaps(t *testing.T) {
	const rtld = "/lib64/ld-linux-x86-64.so.2"
	if runtime.GOARCH != "amd64" {
		t.Skip("x86-64 only")
	}
	if _, err := os.Stat(rtld); err != nil {
		t.Skip("no glibc dynamic linker")
	}
	help, err := exec.Command(rtld, "--help").Output()
	if err != nil {
		t.Skipf("%s --help: %v", rtld, err)
	}
	var want []string
	for _, m := range regexp.MustCompile(`(?m)^  (x86-64-v[234]) \(supported, searched\)$`).FindAllSubmatch(help, -1) {
		want = append(want, string(m[1]))
	}
	p := HostPlatform()
	if !slices.Equal(p.HWCaps, want) {
		t.Errorf("HWCaps %q, ld.so --help says %q", p.HWCaps, want)
	}
	diag, err := exec.Command(rtld, "--list-diagnostics").Output()
	if err != nil {
		return
	}
	if m := regexp.MustCompile(`(?m)^dl_platform="([^"]*)"$`).FindSubmatch(diag); m != nil && string(m[1]) != p.Name {
		t.Errorf("platform %q, ld.so says %q", p.Name, m[1])
	}
}
