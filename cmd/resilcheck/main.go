// Command resilcheck checks whether an online service provider or datacenter operator meets
// Korea's resilience rules and writes audit reports. main is the only place that exits:
// every command returns an error, and exitCode maps it to the documented exit status.
package main

import (
	"fmt"
	"os"
)

func main() {
	app := newApp(appIO{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv})
	err := app.Run(os.Args)
	code := exitCode(err)
	if err != nil && !isReported(err) {
		fmt.Fprintln(os.Stderr, "resilcheck:", err)
	}
	os.Exit(code)
}
