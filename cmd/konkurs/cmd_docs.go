package main

import (
	"fmt"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/konkurs/konkurs/catalog"
	"github.com/konkurs/konkurs/templates"
)

func init() {
	cmdRoot.AddCommand(&cobra.Command{
		Use:   "docs",
		Short: "List the document kinds with their titles in Kazakh and Russian",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			tw := tabwriter.NewWriter(cmd.OutOrStdout(), 0, 4, 2, ' ', 0)
			for _, k := range templates.Kinds() {
				fmt.Fprintf(tw, "%s\t%s\t%s\n", k.Name, k.Title(catalog.KK), k.Title(catalog.RU))
			}
			return tw.Flush()
		},
	})
}
