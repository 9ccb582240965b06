// Package free implements free(1): display the amount of free and used
// memory, from /proc/meminfo (the zine's memory page).
//
// procps-ng 4 is the model, including its arithmetic: cache is Cached +
// SReclaimable, used is MemTotal - MemAvailable, and -h scales to at most
// four characters ("8.6Mi").
package free

import (
	_ "embed"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/zinebox/zinebox/pkg/applet"
	"github.com/zinebox/zinebox/pkg/getopt"
	"github.com/zinebox/zinebox/pkg/proc"
)

//go:embed free.1
var manPage string

var Applet = applet.Applet{
	Name:    "free",
	Summary: "display amount of free and used memory in the system",
	Man:     &manPage,
	Main:    run,
}

var spec = getopt.Spec{
	Prog:  "free",
	Usage: []string{"[options]"},
	Options: []getopt.Option{
		{Short: 'b', Long: "bytes", Help: "show output in bytes"},
		{Long: "kilo", Help: "show output in kilobytes"},
		{Long: "mega", Help: "show output in megabytes"},
		{Long: "giga", Help: "show output in gigabytes"},
		{Long: "tera", Help: "show output in terabytes"},
		{Long: "peta", Help: "show output in petabytes"},
		{Short: 'k', Long: "kibi", Help: "show output in kibibytes"},
		{Short: 'm', Long: "mebi", Help: "show output in mebibytes"},
		{Short: 'g', Long: "gibi", Help: "show output in gibibytes"},
		{Long: "tebi", Help: "show output in tebibytes"},
		{Long: "pebi", Help: "show output in pebibytes"},
		{Short: 'h', Long: "human", Help: "show human-readable output"},
		{Long: "si", Help: "use powers of 1000 not 1024"},
		{Short: 'l', Long: "lohi", Help: "show detailed low and high memory statistics"},
		{Short: 't', Long: "total", Help: "show total for RAM + swap"},
		{Short: 'v', Long: "committed", Help: "show committed memory and commit limit"},
		{Short: 's', Long: "seconds", Arg: getopt.RequiredArg, ArgName: "N", Help: "repeat printing every N seconds"},
		{Short: 'c', Long: "count", Arg: getopt.RequiredArg, ArgName: "N", Help: "repeat printing N times, then exit"},
		{Short: 'w', Long: "wide", Help: "wide output"},
	},
}

type format struct {
	exponent int // 0 default (KiB), 1 bytes, 2 kilo, 3 mega...
	human    bool
	si       bool
}

// scale formats a size given in KiB, as procps's scale_size does.
func (f format) scale(kb int64) string {
	base := 1024.0
	if f.si {
		base = 1000
	}
	bytes := kb * 1024
	if !f.human {
		switch f.exponent {
		case 0:
			return strconv.FormatInt(int64(float64(bytes)/base), 10)
		case 1:
			return strconv.FormatInt(bytes, 10)
		default:
			p := 1.0
			for i := 1; i < f.exponent; i++ {
				p *= base
			}
			return strconv.FormatInt(int64(float64(bytes)/p), 10)
		}
	}
	if s := strconv.FormatInt(bytes, 10) + "B"; len(s) <= 4 {
		return s
	}
	units := "BKMGTP"
	p := 1.0
	for i := 1; i < len(units); i++ {
		p *= base
		v := float32(float64(bytes) / p)
		suffix := string(units[i])
		limit := 4
		if !f.si {
			suffix += "i"
			limit = 5
		}
		if s := fmt.Sprintf("%.1f%s", v, suffix); len(s) <= limit {
			return s
		}
		if s := fmt.Sprintf("%d%s", int64(float64(bytes)/p), suffix); len(s) <= limit {
			return s
		}
	}
	return fmt.Sprintf("%d%s", int64(float64(bytes)/p), "Pi")
}

func run(io *applet.IO, args []string) int {
	r, done, st := io.Parse(&spec, args, 1)
	if done {
		return st
	}
	if len(r.Operands) > 0 {
		return io.UsageError(1, "extra operand '%s'", r.Operands[0])
	}
	var f format
	wide, total, lohi, committed := false, false, false, false
	count, delay := 1, time.Duration(0)
	repeat := false
	for _, o := range r.Opts {
		switch o.Key {
		case "bytes":
			f.exponent = 1
		case "kilo", "mega", "giga", "tera", "peta":
			f.si = true
			f.exponent = 2 + strings.Index("kilo mega giga tera peta", o.Key)/5
		case "kibi", "mebi", "gibi", "tebi", "pebi":
			f.exponent = 2 + strings.Index("kibi mebi gibi tebi pebi", o.Key)/5
		case "human":
			f.human = true
		case "si":
			f.si = true
		case "lohi":
			lohi = true
		case "total":
			total = true
		case "committed":
			committed = true
		case "wide":
			wide = true
		case "seconds":
			v, err := strconv.ParseFloat(o.Value, 64)
			if err != nil || v <= 0 {
				io.Errorf("seconds argument `%s' is not positive number", o.Value)
				return 1
			}
			delay = time.Duration(v * float64(time.Second))
			repeat = true
			if !r.Has("count") {
				count = -1
			}
		case "count":
			n, err := strconv.Atoi(o.Value)
			if err != nil || n < 1 {
				io.Errorf("failed to parse count argument: '%s'", o.Value)
				return 1
			}
			count = n
			repeat = true
		}
	}
	for i := 0; count < 0 || i < count; i++ {
		if i > 0 {
			time.Sleep(delay)
		}
		if err := show(io, f, wide, total, lohi, committed); err != nil {
			io.Errorf("%s", err)
			return 1
		}
		if repeat && (count < 0 || i < count-1) {
			io.Stdout.WriteString("\n")
		}
		if err := io.Stdout.Flush(); err != nil {
			return io.WriteFailed(err)
		}
		if delay == 0 && count > 1 {
			delay = time.Second
		}
	}
	return 0
}

func show(io *applet.IO, f format, wide, total, lohi, committed bool) error {
	mem, err := proc.MemInfo()
	if err != nil {
		return err
	}
	kb := func(k string) int64 { v, _ := mem(k); return v }
	memTotal, memFree := kb("MemTotal"), kb("MemFree")
	buffers := kb("Buffers")
	cached := kb("Cached") + kb("SReclaimable")
	shared := kb("Shmem")
	avail, ok := mem("MemAvailable")
	if !ok || avail > memTotal {
		avail = memFree
	}
	used := memTotal - avail
	if used < 0 {
		used = memTotal - memFree
	}
	swapTotal, swapFree := kb("SwapTotal"), kb("SwapFree")
	row := func(label string, vals ...int64) {
		fmt.Fprintf(io.Stdout, "%-7s", label)
		for i, v := range vals {
			w := 11
			if i == 0 {
				w = 12 // procps's first column is one wider
			}
			fmt.Fprintf(io.Stdout, " %*s", w, f.scale(v))
		}
		io.Stdout.WriteString("\n")
	}
	if wide {
		fmt.Fprintf(io.Stdout, "        %12s %11s %11s %11s %11s %11s %11s\n", "total", "used", "free", "shared", "buffers", "cache", "available")
		row("Mem:", memTotal, used, memFree, shared, buffers, cached, avail)
	} else {
		fmt.Fprintf(io.Stdout, "        %12s %11s %11s %11s %11s %11s\n", "total", "used", "free", "shared", "buff/cache", "available")
		row("Mem:", memTotal, used, memFree, shared, buffers+cached, avail)
	}
	if lohi {
		lowTotal, lowFree := kb("LowTotal"), kb("LowFree")
		if lowTotal == 0 {
			lowTotal, lowFree = memTotal, memFree
		}
		highTotal, highFree := kb("HighTotal"), kb("HighFree")
		row("Low:", lowTotal, lowTotal-lowFree, lowFree)
		row("High:", highTotal, highTotal-highFree, highFree)
	}
	row("Swap:", swapTotal, swapTotal-swapFree, swapFree)
	if total {
		row("Total:", memTotal+swapTotal, used+swapTotal-swapFree, memFree+swapFree)
	}
	if committed {
		limit, as := kb("CommitLimit"), kb("Committed_AS")
		row("Comm:", limit, as, limit-as)
	}
	return nil
}
