// Command konkurs renders the forms, protocols and minutes of the
// territorial-cluster competition (Government Decree No. 535), builds
// numbered dossiers, archives them and watches the deadlines.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/konkurs/konkurs/catalog"
	"github.com/konkurs/konkurs/competition"
	"github.com/konkurs/konkurs/config"
)

// Exit codes, written into the help text: they are part of the contract.
const (
	exitOK      = 0
	exitFailure = 1
	exitInvalid = 2
)

// globalOptions are the flags every command has.
type globalOptions struct {
	ConfigFile string
	Config     config.Config
}

var globals globalOptions

var cmdRoot = &cobra.Command{
	Use:   "konkurs",
	Short: "Forms, protocols, dossiers and archive of the territorial-cluster competition (Decree No. 535)",
	Long: `konkurs renders the forms, protocols and minutes of the competitive selection
of territorial clusters (Government Decree No. 535) in Kazakh and Russian, as
DOCX and PDF; builds numbered dossiers; archives them; and watches deadlines.

Exit codes: 0 success, 2 invalid input (every problem is listed on stderr),
1 any other failure.`,
	SilenceUsage:      true,
	SilenceErrors:     true,
	PersistentPreRunE: loadConfig,
}

func init() {
	// A mistyped flag is invalid input too.
	cmdRoot.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return invalidInput(err) })
	cmdRoot.PersistentFlags().StringVar(&globals.ConfigFile, "config", "", "configuration file (default ./konkurs.yaml when present, or $KONKURS_CONFIG)")
}

func loadConfig(cmd *cobra.Command, _ []string) error {
	lang := flagLang(cmd)
	c, err := config.Load(globals.ConfigFile)
	if err != nil {
		// Decode the file again with the input decoder, whose problems name
		// the line and field in the user's language.
		if p := config.ResolvePath(globals.ConfigFile); p != "" {
			var probe config.Config
			if derr := competition.ReadFile(p, &probe); derr != nil {
				return reportInput(cmd.ErrOrStderr(), derr, lang)
			}
		}
		return invalidInput(err)
	}
	if _, err := catalog.ParseLang(c.Lang); err != nil {
		ve := &competition.ValidationError{File: config.ResolvePath(globals.ConfigFile)}
		ve.Add("lang", "oneof", "param", "kk ru en")
		return reportInput(cmd.ErrOrStderr(), ve, lang)
	}
	globals.Config = c
	return nil
}

// flagLang is the language for messages before the configuration is read:
// the command's --lang when it names one language, else $KONKURS_LANG, else kk.
func flagLang(cmd *cobra.Command) catalog.Lang {
	if f := cmd.Flags().Lookup("lang"); f != nil {
		if l, err := catalog.ParseLang(f.Value.String()); err == nil {
			return l
		}
	}
	if l, err := catalog.ParseLang(os.Getenv("KONKURS_LANG")); err == nil {
		return l
	}
	return catalog.KK
}

// inputError marks an error caused by the user's input: exit code 2.
type inputError struct{ err error }

func (e inputError) Error() string { return e.err.Error() }
func (e inputError) Unwrap() error { return e.err }

// invalidInput marks err as invalid input so that main exits with code 2.
func invalidInput(err error) error {
	if err == nil {
		return nil
	}
	return inputError{err}
}

// exitCode chooses the exit code; it is the only place that does.
func exitCode(err error) int {
	if err == nil {
		return exitOK
	}
	var in inputError
	if errors.As(err, &in) {
		return exitInvalid
	}
	return exitFailure
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := cmdRoot.ExecuteContext(ctx)
	stop()
	if err != nil {
		var in inputError
		if !errors.As(err, &in) || in.err.Error() != "" {
			fmt.Fprintln(os.Stderr, "konkurs:", err)
		}
	}
	os.Exit(exitCode(err))
}
