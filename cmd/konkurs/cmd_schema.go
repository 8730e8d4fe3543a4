package main

import (
	"encoding/json"

	"github.com/invopop/jsonschema"
	"github.com/spf13/cobra"

	"github.com/konkurs/konkurs/templates"
)

func init() {
	cmdRoot.AddCommand(&cobra.Command{
		Use:   "schema DOC",
		Short: "Print the JSON Schema of a document's input",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			kind, err := templates.Lookup(args[0])
			if err != nil {
				return invalidInput(err)
			}
			input := kind.NewInput()
			if kind.CaseFileInput {
				input = caseFileInput()
			}
			r := &jsonschema.Reflector{DoNotReference: false, AllowAdditionalProperties: false}
			schema := r.Reflect(input)
			schema.Title = kind.Name
			enc := json.NewEncoder(cmd.OutOrStdout())
			enc.SetIndent("", "  ")
			return enc.Encode(schema)
		},
	})
}
