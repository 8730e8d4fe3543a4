package archive

import (
	"context"
	"errors"
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/konkurs/konkurs/storage"
)

// Retrieved is one file written by Get.
type Retrieved struct {
	ID     string `json:"id"`
	Path   string `json:"path"`
	SHA256 string `json:"sha256"`
	Size   int64  `json:"size"`
}

// Get writes the object id, or every file of the set id (a set ID such as
// ".../dossier/v2", or a document prefix such as ".../dossier" for its
// latest version), into outDir. Each file streams through a SHA-256 check
// into a temporary file that is renamed into place only when it matches.
func (a *Archive) Get(ctx context.Context, id, outDir string) ([]Retrieved, error) {
	keys, err := a.resolve(ctx, id)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return nil, newError("archive.err.file_write", err, "file", outDir)
	}
	var out []Retrieved
	for _, key := range keys {
		r, err := a.getOne(ctx, key, outDir)
		if err != nil {
			return out, err
		}
		out = append(out, r)
	}
	return out, nil
}

// resolve turns an ID into object keys: the object itself, the files of a
// set, or the files of a document's latest complete version.
func (a *Archive) resolve(ctx context.Context, id string) ([]string, error) {
	id = strings.TrimSuffix(id, "/")
	if err := storage.ValidateKey(id); err != nil {
		return nil, newError("archive.err.not_found", err, "id", id)
	}
	if _, err := a.store.Stat(ctx, id); err == nil {
		return []string{id}, nil
	} else if !errors.Is(err, storage.ErrNotExist) {
		return nil, a.storeError(id, err)
	}
	m, err := a.resolveSet(ctx, id)
	if err != nil {
		return nil, err
	}
	keys := make([]string, len(m.Files))
	for i, f := range m.Files {
		keys[i] = f.Key
	}
	return keys, nil
}

// resolveSet finds the manifest of a set ID or of a document's latest
// complete version.
func (a *Archive) resolveSet(ctx context.Context, id string) (SetManifest, error) {
	id = strings.TrimSuffix(id, "/")
	if _, err := a.store.Stat(ctx, id+"/"+SetManifestName); err == nil {
		return a.readManifest(ctx, id)
	} else if !errors.Is(err, storage.ErrNotExist) && !errors.Is(err, storage.ErrInvalidKey) {
		return SetManifest{}, a.storeError(id, err)
	}
	latest := ""
	best := 0
	err := a.store.List(ctx, id+"/", func(o storage.ObjectInfo) error {
		addr, v, rest, ok := parseKey(o.Key)
		if ok && rest == SetManifestName && strings.TrimSuffix(addr.Prefix(), "/") == id && v > best {
			best, latest = v, addr.SetID(v)
		}
		return nil
	})
	if err != nil {
		return SetManifest{}, a.storeError(id, err)
	}
	if latest == "" {
		return SetManifest{}, newError("archive.err.not_found", nil, "id", id)
	}
	return a.readManifest(ctx, latest)
}

func (a *Archive) getOne(ctx context.Context, key, outDir string) (Retrieved, error) {
	rc, info, err := a.store.Get(ctx, key)
	if err != nil {
		return Retrieved{}, a.storeError(key, err)
	}
	defer rc.Close()
	name := path.Base(key)
	tmp, err := os.CreateTemp(outDir, "."+name+".part-*")
	if err != nil {
		return Retrieved{}, newError("archive.err.file_write", err, "file", outDir)
	}
	done := false
	defer func() {
		if !done {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	// The store's stream checks the SHA-256 at EOF: a corrupt object fails
	// here, and the temporary file is removed.
	n, err := io.Copy(tmp, rc)
	if err != nil {
		return Retrieved{}, a.storeError(key, err)
	}
	if err := tmp.Sync(); err != nil {
		return Retrieved{}, newError("archive.err.file_write", err, "file", tmp.Name())
	}
	if err := tmp.Close(); err != nil {
		return Retrieved{}, newError("archive.err.file_write", err, "file", tmp.Name())
	}
	dest := filepath.Join(outDir, name)
	if err := os.Rename(tmp.Name(), dest); err != nil {
		return Retrieved{}, newError("archive.err.file_write", err, "file", dest)
	}
	done = true
	return Retrieved{ID: key, Path: dest, SHA256: info.SHA256, Size: n}, nil
}
