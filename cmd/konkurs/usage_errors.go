package main

import (
	"fmt"

	"github.com/spf13/cobra"
)

// A wrong number of arguments and a missing required flag are mistakes in
// what the user typed, like a mistyped flag: exit code 2, not 1. Cobra
// reports them from validators that bypass the flag-error hook, so every
// command's argument check is wrapped once, just before it runs.
func init() {
	cobra.OnInitialize(func() { markUsageErrors(cmdRoot) })
}

// usageChecked marks the commands whose Args were already wrapped (tests
// may execute the root command more than once in one process).
var usageChecked = map[*cobra.Command]bool{}

func markUsageErrors(c *cobra.Command) {
	for _, sub := range c.Commands() {
		markUsageErrors(sub)
	}
	if usageChecked[c] || !c.Runnable() {
		return
	}
	usageChecked[c] = true
	args := c.Args
	c.Args = func(cmd *cobra.Command, a []string) error {
		if args != nil {
			if err := args(cmd, a); err != nil {
				return invalidInput(err)
			}
		}
		// Cobra checks required flags and flag groups after the argument
		// check; checking them here lets them exit 2 too.
		if err := cmd.ValidateRequiredFlags(); err != nil {
			return invalidInput(err)
		}
		if err := cmd.ValidateFlagGroups(); err != nil {
			return invalidInput(err)
		}
		return nil
	}
}

// groupCommand makes a command that only holds subcommands: alone it shows
// its help; with a word that is no subcommand it is invalid input (exit 2)
// rather than the help and exit 0, which would hide a typo from a script.
func groupCommand(c *cobra.Command) *cobra.Command {
	c.Args = func(cmd *cobra.Command, a []string) error {
		if len(a) > 0 {
			return invalidInput(fmt.Errorf("unknown command %q for %q", a[0], cmd.CommandPath()))
		}
		return nil
	}
	c.RunE = func(cmd *cobra.Command, _ []string) error { return cmd.Help() }
	return c
}
