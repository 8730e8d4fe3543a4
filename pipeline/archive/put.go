package archive

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/konkurs/konkurs/storage"
)

// SourceFile is one file to store in a set.
type SourceFile struct {
	Name   string // name in the archive (defaults to the base name of Path)
	Path   string // file on disk
	SHA256 string // expected hash (from a dossier manifest); empty: computed
	Volume int    // volume number, for dossier volumes
	Copy   bool   // a volume of the second paper set
}

// SetSpec says what to store and where.
type SetSpec struct {
	Address
	// Kind is the document kind used by ls filters: "dossier", "annex1",
	// "minutes", "protocol", …
	Kind  string
	Files []SourceFile
}

// PutResult reports what a put did.
type PutResult struct {
	ID              string      `json:"id"` // the set: use it with get, verify and export
	Version         int         `json:"version"`
	Uploaded        int         `json:"uploaded"`         // files sent to the store
	Skipped         int         `json:"skipped"`          // files already there with the same SHA-256
	UploadedBytes   int64       `json:"uploaded_bytes"`   // bytes sent
	AlreadyArchived bool        `json:"already_archived"` // an identical set was already archived: nothing done
	Manifest        SetManifest `json:"manifest"`
}

// Object roles recorded in metadata.
const (
	roleFile     = "file"
	roleManifest = "manifest"
	roleSigned   = "signed"
)

// PutSet stores the files as the next version of the document, then its
// manifest last. A rerun after an interruption completes the unfinished
// version, skipping files already stored with the same SHA-256; a rerun of
// a completed identical set does nothing.
func (a *Archive) PutSet(ctx context.Context, spec SetSpec) (PutResult, error) {
	if err := spec.Address.Validate(); err != nil {
		return PutResult{}, err
	}
	if err := validIdent("kind", spec.Kind); err != nil {
		return PutResult{}, err
	}
	files, err := a.prepareFiles(ctx, spec.Files)
	if err != nil {
		return PutResult{}, err
	}
	version, done, err := a.chooseVersion(ctx, spec.Address, files)
	if err != nil {
		return PutResult{}, err
	}
	if done != nil {
		return PutResult{ID: done.ID, Version: done.Version, AlreadyArchived: true, Skipped: len(files), Manifest: *done}, nil
	}
	m := SetManifest{
		Format: setManifestFormat, ID: spec.SetID(version), Kind: spec.Kind,
		Competition: spec.Competition, Stage: spec.Stage, Application: spec.Application,
		Document: spec.Document, Version: version, ArchivedAt: a.now(),
		Files: make([]ManifestEntry, len(files)),
	}
	res := PutResult{ID: m.ID, Version: version}
	var mu sync.Mutex
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(a.opts.Parallel)
	for i, f := range files {
		g.Go(func() error {
			entry, uploaded, err := a.putFile(gctx, spec, m, f)
			if err != nil {
				return err
			}
			mu.Lock()
			defer mu.Unlock()
			m.Files[i] = entry
			if uploaded {
				res.Uploaded++
				res.UploadedBytes += entry.Size
			} else {
				res.Skipped++
			}
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return res, err
	}
	if err := a.removeStrays(ctx, m); err != nil {
		return res, err
	}
	// The manifest goes last: only now does every object it names exist.
	if err := a.putManifest(ctx, spec, m); err != nil {
		return res, err
	}
	res.Manifest = m
	a.opts.Logger.Info("archived", "id", m.ID, "uploaded", res.Uploaded, "skipped", res.Skipped)
	return res, nil
}

type preparedFile struct {
	SourceFile
	size int64
}

// prepareFiles checks names and hashes the files whose hash is not given.
func (a *Archive) prepareFiles(ctx context.Context, in []SourceFile) ([]preparedFile, error) {
	if len(in) == 0 {
		return nil, newError("archive.err.no_files", nil)
	}
	out := make([]preparedFile, len(in))
	seen := map[string]bool{}
	for i, f := range in {
		if f.Name == "" {
			f.Name = filepath.Base(f.Path)
		}
		if err := validFileName(f.Name); err != nil {
			return nil, err
		}
		if seen[f.Name] {
			return nil, newError("archive.err.duplicate_file", nil, "file", f.Name)
		}
		seen[f.Name] = true
		st, err := os.Stat(f.Path)
		if err != nil {
			return nil, newError("archive.err.file_read", err, "file", f.Path)
		}
		if !st.Mode().IsRegular() {
			return nil, newError("archive.err.file_read", errNotRegular, "file", f.Path)
		}
		out[i] = preparedFile{SourceFile: f, size: st.Size()}
	}
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(a.opts.Parallel)
	for i := range out {
		if out[i].SHA256 != "" {
			continue
		}
		g.Go(func() error {
			sum, err := hashFile(gctx, out[i].Path)
			out[i].SHA256 = sum
			return err
		})
	}
	return out, g.Wait()
}

func hashFile(ctx context.Context, p string) (string, error) {
	f, err := os.Open(p)
	if err != nil {
		return "", newError("archive.err.file_read", err, "file", p)
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, ctxReader{ctx, f}); err != nil {
		return "", newError("archive.err.file_read", err, "file", p)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// chooseVersion returns the version to write, or the manifest of an
// identical set already archived (then nothing is to be done).
func (a *Archive) chooseVersion(ctx context.Context, addr Address, files []preparedFile) (int, *SetManifest, error) {
	latest, latestComplete := 0, 0
	err := a.store.List(ctx, addr.Prefix(), func(o storage.ObjectInfo) error {
		got, v, rest, ok := parseKey(o.Key)
		if !ok || got.Prefix() != addr.Prefix() {
			return nil
		}
		latest = max(latest, v)
		if rest == SetManifestName {
			latestComplete = max(latestComplete, v)
		}
		return nil
	})
	if err != nil {
		return 0, nil, a.storeError(addr.Prefix(), err)
	}
	if latestComplete > 0 {
		m, err := a.readManifest(ctx, addr.SetID(latestComplete))
		if err != nil {
			return 0, nil, err
		}
		if sameFiles(m, files) {
			return latestComplete, &m, nil
		}
	}
	if latest > latestComplete {
		return latest, nil, nil // finish the interrupted version
	}
	return latest + 1, nil, nil
}

func sameFiles(m SetManifest, files []preparedFile) bool {
	if len(m.Files) != len(files) {
		return false
	}
	want := map[string]string{}
	for _, f := range m.Files {
		want[f.Name] = f.SHA256
	}
	for _, f := range files {
		if want[f.Name] != f.SHA256 {
			return false
		}
	}
	return true
}

func (a *Archive) putFile(ctx context.Context, spec SetSpec, m SetManifest, f preparedFile) (ManifestEntry, bool, error) {
	key := m.ID + "/" + f.Name
	entry := ManifestEntry{Name: f.Name, Key: key, SHA256: f.SHA256, Size: f.size, ContentType: contentType(f.Name), Volume: f.Volume, Copy: f.Copy}
	if old, err := a.store.Stat(ctx, key); err == nil && old.SHA256 == f.SHA256 && old.Size == f.size {
		entry.VersionID = old.VersionID
		return entry, false, nil
	} else if err != nil && !errors.Is(err, storage.ErrNotExist) {
		return entry, false, a.storeError(key, err)
	}
	r, err := os.Open(f.Path)
	if err != nil {
		return entry, false, newError("archive.err.file_read", err, "file", f.Path)
	}
	defer r.Close()
	md := baseMetadata(spec, m.Version, m.ArchivedAt)
	md["file"], md["role"] = f.Name, roleFile
	if f.Volume > 0 {
		md["volume"] = strconv.Itoa(f.Volume)
	}
	if f.Copy {
		md["copy"] = "true"
	}
	info, err := a.store.Put(ctx, key, r, storage.PutOptions{SHA256: f.SHA256, Size: f.size, ContentType: entry.ContentType, Metadata: md})
	if errors.Is(err, storage.ErrChecksum) {
		return entry, false, newError("archive.err.manifest_mismatch", err, "file", f.Path)
	}
	if err != nil {
		return entry, false, a.storeError(key, err)
	}
	entry.VersionID = info.VersionID
	a.opts.Logger.Debug("stored", "key", key, "bytes", f.size)
	return entry, true, nil
}

func baseMetadata(spec SetSpec, version int, at time.Time) map[string]string {
	md := map[string]string{
		"kind": spec.Kind, "competition": spec.Competition, "stage": strconv.Itoa(spec.Stage),
		"document": spec.Document, "version": strconv.Itoa(version), "archived-at": at.Format(time.RFC3339),
	}
	if spec.Application != "" {
		md["application"] = spec.Application
	}
	return md
}

// removeStrays deletes files left in an unfinished version by an earlier,
// different attempt, so that a version holds exactly what its manifest
// lists. Signed copies are never touched.
func (a *Archive) removeStrays(ctx context.Context, m SetManifest) error {
	keep := map[string]bool{}
	for _, f := range m.Files {
		keep[f.Key] = true
	}
	var strays []string
	err := a.store.List(ctx, m.ID+"/", func(o storage.ObjectInfo) error {
		if _, _, rest, ok := parseKey(o.Key); ok && !strings.Contains(rest, "/") && !keep[o.Key] {
			strays = append(strays, o.Key)
		}
		return nil
	})
	if err != nil {
		return a.storeError(m.ID, err)
	}
	for _, key := range strays {
		if err := a.store.Delete(ctx, key); err != nil && !errors.Is(err, storage.ErrNotExist) {
			return a.storeError(key, err)
		}
	}
	return nil
}

func (a *Archive) putManifest(ctx context.Context, spec SetSpec, m SetManifest) error {
	data, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	data = append(data, '\n')
	sum := sha256.Sum256(data)
	md := baseMetadata(spec, m.Version, m.ArchivedAt)
	md["file"], md["role"] = SetManifestName, roleManifest
	key := m.ID + "/" + SetManifestName
	_, err = a.store.Put(ctx, key, bytes.NewReader(data), storage.PutOptions{
		SHA256: hex.EncodeToString(sum[:]), Size: int64(len(data)), ContentType: "application/json",
		Metadata: md, NoOverwrite: true,
	})
	if err != nil {
		return a.storeError(key, err)
	}
	return nil
}

func (a *Archive) readManifest(ctx context.Context, setID string) (SetManifest, error) {
	var m SetManifest
	key := setID + "/" + SetManifestName
	rc, _, err := a.store.Get(ctx, key)
	if err != nil {
		return m, a.storeError(key, err)
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, 16<<20))
	if err != nil {
		return m, a.storeError(key, err)
	}
	if err := json.Unmarshal(data, &m); err != nil || m.Format != setManifestFormat {
		return m, newError("archive.err.corrupt_manifest", err, "id", key)
	}
	return m, nil
}

// storeError explains a failure of the store for one key.
func (a *Archive) storeError(key string, err error) error {
	var ae *Error
	switch {
	case errors.As(err, &ae):
		return err
	case errors.Is(err, storage.ErrNotExist):
		return newError("archive.err.not_found", err, "id", key)
	case errors.Is(err, storage.ErrLocked):
		return newError("archive.err.locked", err, "id", key)
	case errors.Is(err, storage.ErrChecksum):
		return newError("archive.err.corrupt", err, "id", key)
	case errors.Is(err, context.Canceled):
		return err
	}
	return newError("archive.err.store", err, "id", key, "location", a.store.Location())
}

func contentType(name string) string {
	if t := mime.TypeByExtension(strings.ToLower(filepath.Ext(name))); t != "" {
		return t
	}
	return "application/octet-stream"
}
