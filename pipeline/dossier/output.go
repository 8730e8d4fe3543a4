package dossier

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"time"

	"github.com/konkurs/konkurs/atomicfile"
)

// write puts every prepared volume in place (renamed only when all were
// written), removes volumes a previous, longer build left behind, and writes
// the manifest last: a manifest on disk means a complete dossier.
func (b *builder) write(p plan, srcs []*source, files []volumeOut) (*Manifest, error) {
	m := b.manifest(p, srcs, files)
	var pending []*atomicfile.Pending
	for _, f := range files {
		pending = append(pending, f.Original.pending)
		if f.Copy.pending != nil {
			pending = append(pending, f.Copy.pending)
		}
	}
	data, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		abortVolumes(files, nil)
		return nil, err
	}
	// An old manifest must not describe the new volumes, even for a moment.
	if err := os.Remove(filepath.Join(b.opts.OutDir, "manifest.json")); err != nil && !errors.Is(err, os.ErrNotExist) {
		abortVolumes(files, nil)
		return nil, err
	}
	if err := atomicfile.CommitAll(pending); err != nil {
		return nil, err
	}
	removeStaleVolumes(b.opts.OutDir, len(files), false)
	removeStaleVolumes(filepath.Join(b.opts.OutDir, "copy"), len(files), !b.opts.Copies)
	if err := atomicfile.Write(filepath.Join(b.opts.OutDir, "manifest.json"), append(data, '\n'), 0o644); err != nil {
		return nil, err
	}
	return m, nil
}

func (b *builder) manifest(p plan, srcs []*source, files []volumeOut) *Manifest {
	m := &Manifest{}
	for _, pt := range p.Parts {
		d := b.spec.Documents[pt.Doc]
		kk, ru := d.titles()
		source := d.File
		if d.Render != nil {
			source = fmt.Sprintf("render:%s:%s:%s", d.Render.Kind, d.Render.Lang, d.Render.Input)
		}
		m.Documents = append(m.Documents, ManifestDocument{TitleKK: kk, TitleRU: ru, Source: source,
			SHA256: srcs[pt.Doc].SHA256, Pages: pt.Pages(), FirstSheet: pt.FirstSheet,
			LastSheet: pt.LastSheet, Volume: pt.Volume})
		m.Totals.Pages += pt.Pages()
	}
	volume := func(n int, f preparedFile) ManifestVolume {
		return ManifestVolume{Number: n, Sheets: p.VolumeSheets[n-1], File: f.rel, SHA256: f.sha256, Size: f.size}
	}
	for v, f := range files {
		m.Volumes = append(m.Volumes, volume(v+1, f.Original))
		m.Totals.Sheets += p.VolumeSheets[v]
		if f.Copy.pending != nil {
			m.Copies = append(m.Copies, volume(v+1, f.Copy))
		}
	}
	m.Totals.Documents = len(b.spec.Documents)
	m.Totals.Volumes = len(files)
	m.Totals.InventorySheets = p.InventorySheets
	return m
}

var staleVolume = regexp.MustCompile(`^volume-\d+\.pdf$`)

// removeStaleVolumes deletes volume files numbered above keep (all of them
// when all is set) that an earlier build of the same dossier left.
func removeStaleVolumes(dir string, keep int, all bool) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !staleVolume.MatchString(e.Name()) {
			continue
		}
		var n int
		if _, err := fmt.Sscanf(e.Name(), "volume-%d.pdf", &n); err == nil && (all || n > keep) {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

// volumeInfo is the Info dictionary of volume n: its title, and the spec's
// date (the day the compiler certifies the dossier) as its creation and
// modification date. The build's own clock never goes in: rebuilding the
// same dossier must give the same bytes. Without a date in the spec, the
// volume has none.
func (b *builder) volumeInfo(n int) volumeInfo {
	title := texts(b.langs, " / ", "dossier.cert.volume", "number", fmt.Sprint(n))
	if b.spec.Applicant != "" {
		title = b.spec.Applicant + " — " + title
	}
	info := volumeInfo{Title: title}
	if d, err := time.Parse(time.DateOnly, b.spec.Date); err == nil {
		info.Date = d.Format("D:20060102")
	}
	return info
}
