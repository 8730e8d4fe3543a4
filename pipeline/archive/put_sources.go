package archive

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// PutDir stores a directory: a numbered dossier when it holds a dossier
// manifest.json (volumes checked against the manifest's SHA-256 while they
// upload, the manifest itself stored too), otherwise every regular file in
// it as one document set. Empty spec fields get defaults: kind "dossier"
// and document "dossier" for a dossier; kind "documents" and the
// directory's name otherwise. Competition, stage and application not given
// are taken from the dossier manifest when it has them. A dossier whose
// manifest lists exactly the hashes of an archived version is reported as
// already archived without reading its volumes again.
func (a *Archive) PutDir(ctx context.Context, dir string, spec SetSpec) (PutResult, error) {
	dm, isDossier, err := readDossierManifest(dir)
	if err != nil {
		return PutResult{}, err
	}
	if isDossier {
		if spec.Kind == "" {
			spec.Kind = "dossier"
		}
		if spec.Document == "" {
			spec.Document = "dossier"
		}
		if spec.Competition == "" {
			spec.Competition = dm.Competition
		}
		if spec.Stage == 0 {
			spec.Stage = dm.Stage
		}
		if spec.Application == "" {
			spec.Application = dm.Application
		}
		spec.Files = nil
		for _, v := range dm.Volumes {
			spec.Files = append(spec.Files, SourceFile{Name: flatName(v.File), Path: filepath.Join(dir, filepath.FromSlash(v.File)), SHA256: v.SHA256, Volume: v.Number})
		}
		for _, v := range dm.Copies {
			spec.Files = append(spec.Files, SourceFile{Name: flatName(v.File), Path: filepath.Join(dir, filepath.FromSlash(v.File)), SHA256: v.SHA256, Volume: v.Number, Copy: true})
		}
		spec.Files = append(spec.Files, SourceFile{Name: DossierManifestName, Path: filepath.Join(dir, DossierManifestName)})
		return a.PutSet(ctx, spec)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return PutResult{}, newError("archive.err.file_read", err, "file", dir)
	}
	if spec.Kind == "" {
		spec.Kind = "documents"
	}
	if spec.Document == "" {
		spec.Document = identFromName(filepath.Base(filepath.Clean(dir)))
	}
	spec.Files = nil
	for _, e := range entries {
		if e.Type().IsRegular() && !strings.HasPrefix(e.Name(), ".") {
			spec.Files = append(spec.Files, SourceFile{Path: filepath.Join(dir, e.Name())})
		}
	}
	sort.Slice(spec.Files, func(i, j int) bool { return spec.Files[i].Path < spec.Files[j].Path })
	return a.PutSet(ctx, spec)
}

// flatName keeps a dossier file's subdirectory in its archive name:
// copy/volume-01.pdf becomes copy-volume-01.pdf.
func flatName(rel string) string {
	return strings.ReplaceAll(filepath.ToSlash(filepath.Clean(filepath.FromSlash(rel))), "/", "-")
}

// PutFiles stores files as one document set. An empty spec.Document is the
// first file's name without extension; an empty kind is "document".
func (a *Archive) PutFiles(ctx context.Context, paths []string, spec SetSpec) (PutResult, error) {
	if len(paths) == 0 {
		return PutResult{}, newError("archive.err.no_files", nil)
	}
	if spec.Kind == "" {
		spec.Kind = "document"
	}
	if spec.Document == "" {
		base := filepath.Base(paths[0])
		spec.Document = identFromName(strings.TrimSuffix(base, filepath.Ext(base)))
	}
	spec.Files = nil
	for _, p := range paths {
		spec.Files = append(spec.Files, SourceFile{Path: p})
	}
	return a.PutSet(ctx, spec)
}

// ctxReader stops a long read when the context is cancelled.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}
