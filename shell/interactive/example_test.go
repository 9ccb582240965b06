package interactive_test

import (
	"fmt"

	"github.com/zinebox/zinebox/shell/interactive"
)

func ExampleExpandPrompt() {
	env := interactive.PromptEnv{User: "ann", Host: "box.example.org", Cwd: "/home/ann/zines", Home: "/home/ann", UID: 1000}
	fmt.Printf("%q\n", interactive.ExpandPrompt(interactive.DefaultPS1, env))
	env.UID = 0
	fmt.Printf("%q\n", interactive.ExpandPrompt(`\[\e[1m\]\W\[\e[0m\]\$ `, env))
	// Output:
	// "ann@box:~/zines$ "
	// "\x01\x1b[1m\x02zines\x01\x1b[0m\x02# "
}

func ExampleFormatJob() {
	fmt.Print(interactive.FormatJobStarted(1, 4242))
	fmt.Print(interactive.FormatJob(interactive.Job{ID: 1, Mark: '+', Procs: []interactive.JobProc{
		{Pid: 4242, Running: true, Command: "sleep 100"},
	}}))
	// Output:
	// [1] 4242
	// [1]+  Running                 sleep 100 &
}

func ExampleFormatHistory() {
	fmt.Print(interactive.FormatHistory([]string{"ls -l", "cd /proc", "history"}, 1, 2))
	// Output:
	//     2  cd /proc
	//     3  history
}

func ExampleCompleter_Complete() {
	c := &interactive.Completer{
		Builtins: func() []string { return []string{"echo", "exit", "export"} },
		Vars:     func() []string { return []string{"HOME", "HOSTNAME"} },
		Getenv:   func(string) string { return "" },       // no PATH
		Dir:      func() string { return "/nonexistent" }, // no directories
	}
	fmt.Printf("%q\n", c.Complete("ex", 2).Words)
	fmt.Printf("%q\n", c.Complete("echo $HO", 8).Words)
	// Output:
	// ["exit " "export "]
	// ["HOME " "HOSTNAME "]
}
