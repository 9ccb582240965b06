// Command pairtime times commands against each other, alternating them run
// by run so that the noise of a shared machine falls on all alike, and
// reports each one's median and its ratio to the first (the reference).
//
//	pairtime -n 500 -- 'zinebox true' -- 'floor' -- 'busybox true'
//
// Each command is a shell-free argv split on spaces, or, with -sh, a
// /bin/sh -c script. With -batch K each timed sample runs the command K times
// and divides, for commands too short to time one by one.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strings"
	"time"
)

func main() {
	n := flag.Int("n", 200, "samples per command")
	batch := flag.Int("batch", 1, "runs per sample")
	useSh := flag.Bool("sh", false, "run each command with /bin/sh -c")
	label := flag.String("label", "", "title printed before the results")
	flag.Parse()
	var cmds []string
	for _, a := range strings.Split(strings.Join(flag.Args(), " "), " -- ") {
		if a = strings.TrimSpace(strings.TrimPrefix(a, "-- ")); a != "" {
			cmds = append(cmds, a)
		}
	}
	if len(cmds) < 1 {
		fmt.Fprintln(os.Stderr, "usage: pairtime [-n N] [-batch K] [-sh] -- CMD -- CMD...")
		os.Exit(2)
	}
	samples := make([][]time.Duration, len(cmds))
	for range *n {
		for i, c := range cmds {
			d, err := timeRun(c, *batch, *useSh)
			if err != nil {
				fmt.Fprintf(os.Stderr, "pairtime: %s: %v\n", c, err)
				os.Exit(1)
			}
			samples[i] = append(samples[i], d)
		}
	}
	if *label != "" {
		fmt.Println(*label)
	}
	ref := median(samples[0])
	for i, c := range cmds {
		m := median(samples[i])
		fmt.Printf("  %-50s median %10s  ratio %.2fx\n", c, m.Round(time.Microsecond), float64(m)/float64(ref))
	}
}

func timeRun(c string, batch int, useSh bool) (time.Duration, error) {
	start := time.Now()
	for range batch {
		var cmd *exec.Cmd
		if useSh {
			cmd = exec.Command("/bin/sh", "-c", c)
		} else {
			f := strings.Fields(c)
			cmd = exec.Command(f[0], f[1:]...)
		}
		cmd.Stdout = nil
		if err := cmd.Run(); err != nil {
			return 0, err
		}
	}
	return time.Since(start) / time.Duration(batch), nil
}

func median(d []time.Duration) time.Duration {
	s := slices.Clone(d)
	slices.Sort(s)
	return s[len(s)/2]
}
