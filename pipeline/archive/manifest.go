package archive

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// SetManifest lists the objects of one stored version of a document or
// dossier. It is written after all of them, so every manifest found in the
// archive points only at objects that were completely stored.
type SetManifest struct {
	Format      string          `json:"format"`
	ID          string          `json:"id"`
	Kind        string          `json:"kind"`
	Competition string          `json:"competition"`
	Stage       int             `json:"stage"`
	Application string          `json:"application,omitempty"`
	Document    string          `json:"document"`
	Version     int             `json:"version"`
	ArchivedAt  time.Time       `json:"archived_at"`
	Files       []ManifestEntry `json:"files"`
}

// ManifestEntry is one object of a set.
type ManifestEntry struct {
	Name        string `json:"name"`
	Key         string `json:"key"`
	SHA256      string `json:"sha256"`
	Size        int64  `json:"size"`
	ContentType string `json:"content_type,omitempty"`
	VersionID   string `json:"version_id,omitempty"`
	Volume      int    `json:"volume,omitempty"`
	Copy        bool   `json:"copy,omitempty"` // the second paper set's volume
}

const setManifestFormat = "konkurs-archive-set/1"

// DossierManifestName is the manifest a numbered dossier is built with.
const DossierManifestName = "manifest.json"

// dossierManifest holds the keys of a dossier's manifest.json that the
// archive relies on (see the dossier issue: volumes[].number, sheets, file,
// sha256, size).
type dossierManifest struct {
	Competition string          `json:"competition"`
	Stage       int             `json:"stage"`
	Application string          `json:"application"`
	Volumes     []dossierVolume `json:"volumes"`
	// Copies are the second paper set (item 9), e.g. copy/volume-01.pdf.
	Copies []dossierVolume `json:"copies"`
}

type dossierVolume struct {
	Number int    `json:"number"`
	Sheets int    `json:"sheets"`
	File   string `json:"file"` // relative to the dossier directory
	SHA256 string `json:"sha256"`
	Size   int64  `json:"size"`
}

// readDossierManifest reads DIR/manifest.json when it describes volumes; ok
// is false when the directory holds no dossier manifest.
func readDossierManifest(dir string) (m dossierManifest, ok bool, err error) {
	p := filepath.Join(dir, DossierManifestName)
	data, err := os.ReadFile(p)
	if os.IsNotExist(err) {
		return m, false, nil
	}
	if err != nil {
		return m, false, newError("archive.err.file_read", err, "file", p)
	}
	if err := json.Unmarshal(data, &m); err != nil {
		return m, false, newError("archive.err.dossier_manifest", err, "file", p)
	}
	if len(m.Volumes) == 0 {
		return m, false, nil
	}
	for list, vols := range map[string][]dossierVolume{"volumes": m.Volumes, "copies": m.Copies} {
		for i, v := range vols {
			if v.File == "" || v.SHA256 == "" || v.Number < 1 {
				return m, false, newError("archive.err.dossier_manifest", newError("archive.err.dossier_volume", nil, "entry", fmt.Sprintf("%s[%d]", list, i)), "file", p)
			}
			// A manifest must not make konkurs read files outside the dossier.
			if !filepath.IsLocal(filepath.FromSlash(v.File)) {
				return m, false, newError("archive.err.dossier_manifest", newError("archive.err.dossier_path", nil, "entry", fmt.Sprintf("%s[%d].file", list, i), "path", fmt.Sprintf("%q", v.File)), "file", p)
			}
		}
	}
	return m, true, nil
}
