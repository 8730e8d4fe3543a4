package main

import (
	"fmt"
	"io"
	"io/fs"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/konkurs/konkurs/atomicfile"
	"github.com/konkurs/konkurs/catalog"
	"github.com/konkurs/konkurs/examples"
	"github.com/konkurs/konkurs/pipeline/render"
	"github.com/konkurs/konkurs/templates"
)

type demoOptions struct {
	Out  string
	Lang string
}

func init() {
	var opts demoOptions
	cmd := &cobra.Command{
		Use:   "demo",
		Short: "Render every document from the bundled examples (no set-up needed)",
		Long: `Render every document kind from the bundled examples in Kazakh and
Russian, as PDF and DOCX, into DIR (default ./out), with the examples copied
to DIR/examples; build a sample numbered dossier; store the documents and the
dossier in the local archive (konkurs-data/archive; when the configured
archive is S3, a separate local archive in DIR/archive instead) with one
"signed" copy of a protocol that stays locked for archive.retention_years;
print the sample competition's deadlines; and, for "konkurs serve", put the
sample case file in the cases folder and give the users demo-organizer,
demo-applicant and demo-archivist new passwords (printed), creating them
when missing.

Run it in a scratch directory, not where real work is kept.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return runDemo(cmd, opts) },
	}
	cmd.Flags().StringVar(&opts.Out, "out", "out", "output directory")
	cmd.Flags().StringVar(&opts.Lang, "lang", "", "language of messages: kk or ru (default from the configuration)")
	cmdRoot.AddCommand(cmd)
}

// demoStep is one part of the demo; later parts (dossier, archive,
// deadlines) add themselves to demoSteps.
type demoStep struct {
	order int
	run   func(cmd *cobra.Command, d *demoRun) error
}

var demoSteps = []demoStep{{order: 10, run: demoRenderAll}}

// demoRun carries what one step hands to the next.
type demoRun struct {
	out      string
	examples string // directory holding the bundled examples, written out
	lang     catalog.Lang
	rendered []string // paths of rendered files
}

func runDemo(cmd *cobra.Command, opts demoOptions) error {
	if err := checkMessageLang(cmd.ErrOrStderr(), opts.Lang); err != nil {
		return err
	}
	d := &demoRun{out: opts.Out, examples: filepath.Join(opts.Out, "examples"), lang: messageLang(opts.Lang)}
	if err := writeExamples(d.examples); err != nil {
		return err
	}
	sortDemoSteps()
	for _, s := range demoSteps {
		if err := s.run(cmd, d); err != nil {
			return err
		}
	}
	return nil
}

func sortDemoSteps() {
	for i := 1; i < len(demoSteps); i++ {
		for j := i; j > 0 && demoSteps[j].order < demoSteps[j-1].order; j-- {
			demoSteps[j], demoSteps[j-1] = demoSteps[j-1], demoSteps[j]
		}
	}
}

// writeExamples copies the bundled examples out, so users see the inputs
// the demo used and can edit them.
func writeExamples(dir string) error {
	return fs.WalkDir(examples.Files, ".", func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		data, err := examples.Files.ReadFile(p)
		if err != nil {
			return err
		}
		return atomicfile.Write(filepath.Join(dir, filepath.FromSlash(p)), data, 0o644)
	})
}

// demoRenderAll renders every kind from its example in both languages and formats.
func demoRenderAll(cmd *cobra.Command, d *demoRun) error {
	writers, _ := writersFor("all")
	var jobs []render.Job
	for _, k := range templates.Kinds() {
		in, err := templates.LoadInput(k, filepath.Join(d.examples, k.ExampleFile()), k.ExampleApplication)
		if err != nil {
			return fmt.Errorf("demo: example of %s: %w", k.Name, err)
		}
		jobs = append(jobs, render.Jobs(k, in, catalog.DocumentLangs, writers, false)...)
		if k.Blankable {
			for _, j := range render.Jobs(k, k.NewInput(), catalog.DocumentLangs, writers, true) {
				j.Name = fmt.Sprintf("%s.blank.%s.%s", k.Name, j.Lang, j.Writer.Format())
				jobs = append(jobs, j)
			}
		}
	}
	outs, err := render.Run(cmd.Context(), jobs, 0)
	if err != nil {
		return err
	}
	dir := filepath.Join(d.out, "documents")
	if err := render.WriteAll(dir, outs); err != nil {
		return err
	}
	w := cmd.OutOrStdout()
	fmt.Fprintln(w, catalog.T(d.lang, "cli.demo.rendered", "count", fmt.Sprint(len(outs)), "dir", dir))
	for _, o := range outs {
		d.rendered = append(d.rendered, filepath.Join(dir, o.Name))
		printRendered(w, d.lang, filepath.Join(dir, o.Name), o.Pages)
	}
	return nil
}

func printRendered(w io.Writer, lang catalog.Lang, path string, pages int) {
	if pages > 0 {
		fmt.Fprintf(w, "  %s\t%d %s\n", path, pages, pagesWord(lang, pages))
		return
	}
	fmt.Fprintf(w, "  %s\n", path)
}

func pagesWord(lang catalog.Lang, n int) string {
	return catalog.T(lang, "cli.pages")
}
