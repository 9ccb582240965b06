// Command floor does nothing but exit: its start-up time is the floor every
// static Go binary pays (runtime init, page faults of a few MB of text), the
// yardstick for `zinebox true` in `make bench`.
package main

import "os"

func main() { os.Exit(0) }
