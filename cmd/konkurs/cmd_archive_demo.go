package main

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/konkurs/konkurs/catalog"
	"github.com/konkurs/konkurs/competition"
	"github.com/konkurs/konkurs/pipeline/archive"
	"github.com/konkurs/konkurs/templates"
)

func init() {
	demoSteps = append(demoSteps, demoStep{order: 35, run: demoArchive})
}

// demoArchive stores what the earlier demo steps produced in the configured
// archive (the local one unless configured otherwise): the rendered
// documents (one set per kind), every dossier found under the output
// directory, and a "signed" copy of one protocol; then it verifies.
func demoArchive(cmd *cobra.Command, d *demoRun) error {
	ctx := cmd.Context()
	w := cmd.OutOrStdout()
	// Sample documents and a sample "signed" copy locked for years have no
	// place in shared storage: with an S3 archive configured, the demo keeps
	// its own local archive in the output directory instead.
	url := globals.Config.Archive.URL
	if !strings.HasPrefix(url, "file:") {
		url = "file:" + filepath.Join(d.out, "archive")
		fmt.Fprintln(w, catalog.T(d.lang, "archive.demo.local_instead", "location", url))
	}
	a, err := archive.OpenWith(ctx, url, globals.Config.Archive, archive.Options{TimeZone: archiveZone()})
	if err != nil {
		return archiveError(err)
	}
	defer a.Close()
	compID := "demo"
	if cf, err := competition.Load(filepath.Join(d.examples, "competition.yaml")); err == nil && cf.Competition.ID != "" {
		compID = cf.Competition.ID
	}
	fmt.Fprintln(w, catalog.T(d.lang, "archive.demo.start", "location", a.Location()))
	var protocol string
	for _, set := range demoDocumentSets(compID, d.rendered) {
		res, err := a.PutFiles(ctx, set.paths, archive.SetSpec{Address: set.addr, Kind: set.kind})
		if err != nil {
			return archiveError(err)
		}
		printPutResult(cmd, d.lang, res)
		// Sign the first minutes (or, failing that, the first protocol).
		if set.addr.Application == "" && (protocol == "" || strings.Contains(set.kind, "minutes") && !strings.Contains(protocol, "minutes")) {
			for _, f := range res.Manifest.Files {
				if strings.HasSuffix(f.Name, ".pdf") {
					protocol = f.Key
					break
				}
			}
		}
	}
	for _, dir := range findDossiers(d.out) {
		res, err := a.PutDir(ctx, dir, archive.SetSpec{Address: archive.Address{Competition: compID, Stage: 1, Application: demoApplication()}})
		if err != nil {
			return archiveError(err)
		}
		printPutResult(cmd, d.lang, res)
	}
	if protocol != "" {
		// The demo has no real signature: it stores the generated PDF
		// itself as the "signed scan", to show the lock and the link.
		rc, err := a.GetWith(ctx, protocol, filepath.Join(d.out, "archive-demo"), archive.GetOptions{Force: true})
		if err != nil {
			return archiveError(err)
		}
		signed := strings.TrimSuffix(rc[0].Path, ".pdf") + "-signed.pdf"
		if err := os.Rename(rc[0].Path, signed); err != nil {
			return archiveError(&archive.Error{Key: "archive.err.file_write", Args: []string{"file", signed}, Err: err})
		}
		res, err := a.Sign(ctx, protocol, signed, "konkurs demo")
		if err != nil {
			return archiveError(err)
		}
		key := "archive.sign.done"
		if res.AlreadySigned {
			key = "archive.sign.already"
		}
		fmt.Fprintln(w, catalog.T(d.lang, key, "id", res.ID, "original", res.OriginalID, "mode", string(res.Mode), "until", res.RetainUntil.In(archiveZone()).Format("2006-01-02")))
	}
	rep, err := a.Verify(ctx, compID+"/")
	if err != nil {
		return archiveError(err)
	}
	if !rep.OK() {
		return localizedError{msg: catalog.T(d.lang, "archive.verify.failed")}
	}
	fmt.Fprintln(w, catalog.T(d.lang, "archive.verify.ok", "checked", fmt.Sprint(rep.Checked), "bytes", humanBytes(rep.Bytes)))
	fmt.Fprintln(w, catalog.T(d.lang, "archive.demo.next", "competition", compID))
	return nil
}

type demoSet struct {
	addr  archive.Address
	kind  string
	paths []string
}

// demoDocumentSets groups rendered files by kind (annex1.kk.pdf,
// annex1.ru.docx, … form one set); blank forms are not archived.
func demoDocumentSets(compID string, rendered []string) []demoSet {
	kinds := map[string]*templates.Kind{}
	for _, k := range templates.Kinds() {
		kinds[k.Name] = k
	}
	byKind := map[string][]string{}
	for _, p := range rendered {
		base := filepath.Base(p)
		if strings.Contains(base, ".blank.") {
			continue
		}
		name, _, _ := strings.Cut(base, ".")
		byKind[name] = append(byKind[name], p)
	}
	var sets []demoSet
	for name, paths := range byKind {
		addr := archive.Address{Competition: compID, Stage: demoStage(name), Document: name}
		if k := kinds[name]; k != nil && k.ExampleApplication != "" {
			addr.Application = k.ExampleApplication
		} else if strings.HasPrefix(name, "annex") {
			addr.Application = demoApplication()
		}
		sort.Strings(paths)
		sets = append(sets, demoSet{addr: addr, kind: name, paths: paths})
	}
	sort.Slice(sets, func(i, j int) bool { return sets[i].addr.Document < sets[j].addr.Document })
	return sets
}

// demoStage: Item 7 documents (annexes 4–6) and stage-2 procedure
// documents belong to stage 2; everything else to stage 1.
func demoStage(kind string) int {
	switch {
	case kind == "annex4" || kind == "annex5" || kind == "annex6",
		strings.Contains(kind, "stage2"), strings.Contains(kind, "stage-2"):
		return 2
	}
	return 1
}

func demoApplication() string {
	for _, k := range templates.Kinds() {
		if k.ExampleApplication != "" {
			return k.ExampleApplication
		}
	}
	return "demo-application"
}

// findDossiers lists directories under root holding a dossier manifest
// (manifest.json with volumes).
func findDossiers(root string) []string {
	var dirs []string
	filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || e.Name() != archive.DossierManifestName {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return nil
		}
		var m struct {
			Volumes []json.RawMessage `json:"volumes"`
		}
		if json.Unmarshal(data, &m) == nil && len(m.Volumes) > 0 {
			dirs = append(dirs, filepath.Dir(p))
		}
		return nil
	})
	return dirs
}
