package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/invopop/jsonschema"
	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/konkurs/konkurs/catalog"
	"github.com/konkurs/konkurs/pipeline/dossier"
	"github.com/konkurs/konkurs/pipeline/pdf"
	"github.com/konkurs/konkurs/pipeline/render"
)

type dossierOptions struct {
	Spec      string
	Out       string
	MaxSheets int
	Copies    bool
	Lang      string
}

func init() {
	var opts dossierOptions
	group := groupCommand(&cobra.Command{
		Use:   "dossier",
		Short: "Numbered application dossiers (items 9 and 11 of the rules)",
	})
	build := &cobra.Command{
		Use:   "build --spec FILE --out DIR",
		Short: "Build an application's numbered dossier: volumes, inventory, sheet numbers, certification sheets, manifest",
		Long: `Build the numbered dossier of one application from a spec (YAML or JSON,
see "konkurs dossier schema" and examples/dossier.yaml) into DIR:

  volume-01.pdf, volume-02.pdf, …  volumes of at most --max-sheets numbered
                                   sheets (default 250, from the configuration);
                                   volume 1 opens with the list of documents,
                                   every volume closes with its certification sheet
  copy/volume-01.pdf, …            with --copies: the second set, marked
                                   «КӨШІРМЕ / КОПИЯ» on each volume's first sheet
  manifest.json                    written last: documents, volumes, SHA-256

The spec's stage decides which documents are required (items 6-8); a missing
one, or an attachment that is not a readable PDF, is reported and nothing is
written.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return runDossierBuild(cmd, opts) },
	}
	f := build.Flags()
	f.StringVar(&opts.Spec, "spec", "", "dossier spec (YAML or JSON)")
	f.StringVar(&opts.Out, "out", "", "output directory")
	f.IntVar(&opts.MaxSheets, "max-sheets", 0, "most numbered sheets per volume (default from the configuration: 250)")
	f.BoolVar(&opts.Copies, "copies", false, "also build the copy set (item 9: an original and a copy)")
	f.StringVar(&opts.Lang, "lang", "", "language of the inventory and certification sheets: kk, ru or all (default: the spec's, both)")
	_ = build.MarkFlagRequired("spec")
	_ = build.MarkFlagRequired("out")
	schema := &cobra.Command{
		Use:   "schema",
		Short: "Print the JSON Schema of the dossier spec",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			enc := json.NewEncoder(cmd.OutOrStdout())
			enc.SetIndent("", "  ")
			return enc.Encode(dossierSchema())
		},
	}
	group.AddCommand(build, schema)
	cmdRoot.AddCommand(group)
	demoSteps = append(demoSteps, demoStep{order: 20, run: demoDossier})
}

// demoSampleMaxSheets keeps the sample volumes small so that the bundled
// example shows a two-volume dossier (the records-practice limit is 250).
const demoSampleMaxSheets = 15

// demoDossier builds the bundled example dossier, original and copy, in
// two volumes.
func demoDossier(cmd *cobra.Command, d *demoRun) error {
	spec, err := dossier.LoadSpec(filepath.Join(d.examples, "dossier.yaml"))
	if err != nil {
		return fmt.Errorf("demo: example dossier: %w", err)
	}
	for _, doc := range spec.Documents {
		if doc.File == "" {
			continue
		}
		if _, err := os.Stat(filepath.Join(d.examples, doc.File)); err != nil {
			// The attachments are bundled with the examples package; a
			// build without them still shows everything else.
			fmt.Fprintln(cmd.ErrOrStderr(), catalog.T(d.lang, "dossier.cli.demo_skipped", "file", doc.File))
			return nil
		}
	}
	out := filepath.Join(d.out, "dossier")
	m, err := dossier.Build(cmd.Context(), spec, dossier.Options{
		OutDir:      out,
		MaxSheets:   demoSampleMaxSheets,
		Copies:      true,
		MessageLang: d.lang,
		Render:      renderForDossier(d.lang),
		CacheDir:    globals.Config.Dossier.CacheDir,
	})
	if err != nil {
		return fmt.Errorf("demo: example dossier: %w", err)
	}
	w := cmd.OutOrStdout()
	fmt.Fprintln(w, catalog.T(d.lang, "dossier.cli.built", "volumes", fmt.Sprint(m.Totals.Volumes),
		"sheets", fmt.Sprint(m.Totals.Sheets), "dir", out))
	for _, v := range append(m.Volumes, m.Copies...) {
		fmt.Fprintln(w, "  "+catalog.T(d.lang, "dossier.cli.volume", "file", filepath.Join(out, v.File), "sheets", fmt.Sprint(v.Sheets)))
	}
	return nil
}

// dossierSchema is the JSON Schema of the dossier spec.
func dossierSchema() *jsonschema.Schema {
	r := &jsonschema.Reflector{AllowAdditionalProperties: false}
	s := r.Reflect(&dossier.Spec{})
	s.Title = "dossier"
	return s
}

func runDossierBuild(cmd *cobra.Command, opts dossierOptions) error {
	msgLang := messageLang(opts.Lang)
	spec, err := dossier.LoadSpec(opts.Spec)
	if err != nil {
		return reportInput(cmd.ErrOrStderr(), invalidInput(err), msgLang)
	}
	var langs []catalog.Lang
	if opts.Lang != "" {
		if langs, err = documentLangs(opts.Lang); err != nil {
			return reportInput(cmd.ErrOrStderr(), err, msgLang)
		}
	}
	cfg := globals.Config.Dossier
	maxSheets := cfg.MaxSheets
	if opts.MaxSheets != 0 {
		maxSheets = opts.MaxSheets
	}
	bo := dossier.Options{
		OutDir:      opts.Out,
		MaxSheets:   maxSheets,
		Copies:      opts.Copies || cfg.Copies,
		Languages:   langs,
		MessageLang: msgLang,
		Render:      renderForDossier(msgLang),
		CacheDir:    cfg.CacheDir,
	}
	bar := dossierProgress()
	if bar != nil {
		bo.Progress = func(done, total int) {
			bar.ChangeMax(total)
			_ = bar.Set(done)
		}
	}
	m, err := dossier.Build(cmd.Context(), spec, bo)
	if bar != nil {
		_ = bar.Finish()
	}
	if err != nil {
		if _, ok := err.(*dossier.InputError); ok {
			return invalidInput(err)
		}
		// A character of the spec (a title, the compiler's name) that the
		// fonts cannot print is the input's fault: exit 2, named.
		return reportInput(cmd.ErrOrStderr(), err, msgLang)
	}
	w := cmd.OutOrStdout()
	fmt.Fprintln(w, catalog.T(msgLang, "dossier.cli.built", "volumes", fmt.Sprint(m.Totals.Volumes),
		"sheets", fmt.Sprint(m.Totals.Sheets), "dir", opts.Out))
	for _, v := range append(m.Volumes, m.Copies...) {
		fmt.Fprintln(w, "  "+catalog.T(msgLang, "dossier.cli.volume", "file", v.File, "sheets", fmt.Sprint(v.Sheets)))
	}
	return nil
}

// dossierProgress is a progress bar on stderr when it is a terminal, and
// nothing otherwise (CI logs, pipes).
func dossierProgress() *progressbar.ProgressBar {
	if !term.IsTerminal(int(os.Stderr.Fd())) {
		return nil
	}
	return progressbar.NewOptions(-1,
		progressbar.OptionSetWriter(os.Stderr),
		progressbar.OptionClearOnFinish(),
		progressbar.OptionShowCount(),
		progressbar.OptionSetDescription("dossier"))
}

// renderForDossier renders a document kind konkurs makes itself, as PDF,
// for binding into a dossier; problems of its input are told in msgLang,
// the language of the other messages, whatever the document's language.
func renderForDossier(msgLang catalog.Lang) func(context.Context, string, string, catalog.Lang) ([]byte, error) {
	return func(ctx context.Context, kind, inputPath string, lang catalog.Lang) ([]byte, error) {
		return renderDossierDocument(kind, inputPath, lang, msgLang)
	}
}

func renderDossierDocument(kind, inputPath string, lang, msgLang catalog.Lang) ([]byte, error) {
	data, err := render.File(kind, inputPath, lang, pdf.Writer{})
	if err != nil {
		return nil, flattenInputError(err, msgLang)
	}
	return data, nil
}

// flattenInputError turns an input validation error into one line for the
// dossier's problem list.
func flattenInputError(err error, lang catalog.Lang) error {
	var buf bytes.Buffer
	if reportInput(&buf, err, lang) != err && buf.Len() > 0 {
		return fmt.Errorf("%s", strings.Join(strings.Split(strings.TrimSpace(buf.String()), "\n"), "; "))
	}
	return err
}
