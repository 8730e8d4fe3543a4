package main

import (
	"encoding/json"

	"github.com/invopop/jsonschema"
	"github.com/spf13/cobra"

	"github.com/konkurs/konkurs/templates"
)

func init() {
	cmdRoot.AddCommand(&cobra.Command{
		Use:   "schema DOC|dossier|casefile",
		Short: "Print the JSON Schema of a document's input, of the dossier spec or of the case file",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			var schema *jsonschema.Schema
			switch args[0] {
			case "dossier":
				schema = dossierSchema()
			case "casefile":
				schema = (&jsonschema.Reflector{AllowAdditionalProperties: false}).Reflect(caseFileInput())
				schema.Title = "casefile"
			default:
				kind, err := templates.Lookup(args[0])
				if err != nil {
					return reportInput(cmd.ErrOrStderr(), err, flagLang(cmd))
				}
				input := kind.NewInput()
				if kind.CaseFileInput {
					input = caseFileInput()
				}
				schema = (&jsonschema.Reflector{AllowAdditionalProperties: false}).Reflect(input)
				schema.Title = kind.Name
			}
			enc := json.NewEncoder(cmd.OutOrStdout())
			enc.SetIndent("", "  ")
			return enc.Encode(schema)
		},
	})
}
