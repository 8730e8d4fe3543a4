package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/konkurs/konkurs/atomicfile"
	"github.com/konkurs/konkurs/catalog"
	"github.com/konkurs/konkurs/examples"
	"github.com/konkurs/konkurs/web"
)

type userAddOptions struct {
	Role          string
	Participant   string
	PasswordStdin bool
	Token         bool
}

func init() {
	cmd := &cobra.Command{
		Use:   "user",
		Short: "Manage the users of the web application (konkurs serve)",
		Long: `Manage the users of "konkurs serve". Users live in the users file
(server.users_file, default DATA_DIR/users.yaml) with bcrypt password hashes
and SHA-256 hashes of their API tokens; no password or token is stored.`,
	}
	var add userAddOptions
	addCmd := &cobra.Command{
		Use:   "add NAME",
		Short: "Create a user; prints a generated password unless --password-stdin",
		Long: `Create user NAME with a role: organizer, applicant (bound to a participant
of the case files with --participant ID) or archivist. Without
--password-stdin a password is generated and printed once. --token also
creates an API token for scripts (Authorization: Bearer TOKEN), printed once.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error { return runUserAdd(cmd, add, args[0]) },
	}
	f := addCmd.Flags()
	f.StringVar(&add.Role, "role", "", "organizer, applicant or archivist")
	f.StringVar(&add.Participant, "participant", "", "for applicants: the participant ID in the case files")
	f.BoolVar(&add.PasswordStdin, "password-stdin", false, "read the password from the first line of standard input")
	f.BoolVar(&add.Token, "token", false, "also create an API token")
	_ = addCmd.MarkFlagRequired("role")

	tokenCmd := &cobra.Command{
		Use:   "token NAME",
		Short: "Create an API token for a user (printed once)",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			users, err := web.LoadUsers(globals.Config.UsersPath())
			if err != nil {
				return err
			}
			tok, err := users.NewToken(args[0])
			if err != nil {
				return invalidInput(err)
			}
			fmt.Fprintln(cmd.OutOrStdout(), tok)
			return nil
		},
	}
	listCmd := &cobra.Command{
		Use:   "list",
		Short: "List the users with their roles",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			users, err := web.LoadUsers(globals.Config.UsersPath())
			if err != nil {
				return err
			}
			tw := tabwriter.NewWriter(cmd.OutOrStdout(), 0, 0, 2, ' ', 0)
			for _, u := range users.List() {
				fmt.Fprintf(tw, "%s\t%s\t%s\t%d\n", u.Name, u.Role, u.Participant, len(u.TokenHashes))
			}
			return tw.Flush()
		},
	}
	var passwdStdin bool
	passwdCmd := &cobra.Command{
		Use:   "passwd NAME",
		Short: "Set a new password for a user; prints a generated one unless --password-stdin",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			users, err := web.LoadUsers(globals.Config.UsersPath())
			if err != nil {
				return err
			}
			password, generated := web.NewPassword(), true
			if passwdStdin {
				if password, err = readPasswordLine(cmd.InOrStdin()); err != nil {
					return invalidInput(err)
				}
				generated = false
			}
			if err := users.SetPassword(args[0], password); err != nil {
				return invalidInput(err)
			}
			if generated {
				fmt.Fprintln(cmd.OutOrStdout(), catalog.T(messageLang(""), "web.user.password", "password", password))
			}
			return nil
		},
	}
	passwdCmd.Flags().BoolVar(&passwdStdin, "password-stdin", false, "read the password from the first line of standard input")
	revokeCmd := &cobra.Command{
		Use:   "revoke-tokens NAME",
		Short: "Revoke every API token of a user",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			users, err := web.LoadUsers(globals.Config.UsersPath())
			if err != nil {
				return err
			}
			n, err := users.RevokeTokens(args[0])
			if err != nil {
				return invalidInput(err)
			}
			fmt.Fprintln(cmd.OutOrStdout(), catalog.T(messageLang(""), "web.user.revoked", "count", fmt.Sprint(n)))
			return nil
		},
	}
	cmd.AddCommand(addCmd, tokenCmd, listCmd, passwdCmd, revokeCmd)
	cmdRoot.AddCommand(cmd)
	demoSteps = append(demoSteps, demoStep{order: 90, run: demoWeb})
}

func runUserAdd(cmd *cobra.Command, opts userAddOptions, name string) error {
	role, err := web.ParseRole(opts.Role)
	if err != nil {
		return invalidInput(err)
	}
	password, generated := "", false
	if opts.PasswordStdin {
		if password, err = readPasswordLine(cmd.InOrStdin()); err != nil {
			return invalidInput(err)
		}
	} else {
		password, generated = web.NewPassword(), true
	}
	users, err := web.LoadUsers(globals.Config.UsersPath())
	if err != nil {
		return err
	}
	if err := users.Add(name, role, opts.Participant, password); err != nil {
		return invalidInput(err)
	}
	w := cmd.OutOrStdout()
	lang := messageLang("")
	fmt.Fprintln(w, catalog.T(lang, "web.user.added", "name", name, "role", catalog.T(lang, "web.role."+string(role)), "file", users.Path()))
	if generated {
		fmt.Fprintln(w, catalog.T(lang, "web.user.password", "password", password))
	}
	if opts.Token {
		tok, err := users.NewToken(name)
		if err != nil {
			return err
		}
		fmt.Fprintln(w, catalog.T(lang, "web.user.token", "token", tok))
	}
	return nil
}

func readPasswordLine(r io.Reader) (string, error) {
	line, err := bufio.NewReader(r).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", err
	}
	line = strings.TrimRight(line, "\r\n")
	if line == "" {
		return "", errors.New("no password on standard input")
	}
	return line, nil
}

// demoUsers are the three users `konkurs demo` creates, one per role; the
// applicant acts for the first participant of the example competition. Their
// names start with "demo-" so that rerunning the demo, which gives them new
// passwords, never touches a user an administrator created.
var demoUsers = []struct {
	name        string
	role        web.Role
	participant string
}{
	{"demo-organizer", web.Organizer, ""},
	{"demo-applicant", web.Applicant, "pavlodar-chamber"},
	{"demo-archivist", web.Archivist, ""},
}

// demoWeb puts the example competition into the cases folder (unless one
// is there) and gives the three demo users fresh passwords, printed so a
// new user can log in to "konkurs serve" at once.
func demoWeb(cmd *cobra.Command, d *demoRun) error {
	cfg := globals.Config
	casePath := filepath.Join(cfg.CasesPath(), "tc-2026.yaml")
	if _, err := os.Stat(casePath); errors.Is(err, os.ErrNotExist) {
		data, err := examples.Files.ReadFile("competition.yaml")
		if err != nil {
			return err
		}
		if err := atomicfile.Write(casePath, data, 0o644); err != nil {
			return err
		}
	}
	users, err := web.LoadUsers(cfg.UsersPath())
	if err != nil {
		return err
	}
	w := cmd.OutOrStdout()
	fmt.Fprintf(w, "\n%s\n", catalog.T(d.lang, "web.demo.serve", "url", "http://"+cfg.Server.Addr+"/", "cases", cfg.CasesPath(), "users", cfg.UsersPath()))
	for _, u := range demoUsers {
		password := web.NewPassword()
		if _, ok := users.Lookup(u.name); ok {
			err = users.SetPassword(u.name, password)
		} else {
			err = users.Add(u.name, u.role, u.participant, password)
		}
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "  %s\n", catalog.T(d.lang, "web.demo.user", "name", u.name, "role", catalog.T(d.lang, "web.role."+string(u.role)), "password", password))
	}
	return nil
}
