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
	// SignedCopies are the IDs of the signed copies of this generated
	// document (konkurs archive sign), so that whoever retrieves the
	// original learns that a signed one exists.
	SignedCopies []string `json:"signed_copies,omitempty"`
}

// GetOptions tune Get.
type GetOptions struct {
	// Force replaces files already in the output directory; without it Get
	// refuses before writing anything.
	Force bool
	// Signed retrieves the signed copies of the documents instead of the
	// generated originals.
	Signed bool
}

// Get writes the object id, or every file of the set id (a set ID such as
// ".../dossier/v2", or a document prefix such as ".../dossier" for its
// latest version), into outDir. Each file streams through a SHA-256 check
// into a temporary file that is renamed into place only when it matches.
// A file already in outDir is not replaced (GetWith can force it).
func (a *Archive) Get(ctx context.Context, id, outDir string) ([]Retrieved, error) {
	return a.GetWith(ctx, id, outDir, GetOptions{})
}

// GetWith is Get with options: replace existing files, or retrieve the
// signed copies instead of the generated originals.
func (a *Archive) GetWith(ctx context.Context, id, outDir string, opts GetOptions) ([]Retrieved, error) {
	keys, err := a.resolve(ctx, id)
	if err != nil {
		return nil, err
	}
	copies := map[string][]string{}
	for _, key := range keys {
		if copies[key], err = a.signedCopies(ctx, key); err != nil {
			return nil, err
		}
	}
	if opts.Signed {
		var chosen []string
		for _, key := range keys {
			if isSignedCopy(key) {
				chosen = append(chosen, key)
			}
			chosen = append(chosen, copies[key]...)
		}
		if len(chosen) == 0 {
			return nil, newError("archive.err.not_signed", nil, "id", id)
		}
		keys = chosen
	}
	if !opts.Force {
		// Refuse before the first byte is written: a half-retrieved set
		// next to the user's own files helps nobody.
		for _, key := range keys {
			if err := refuseExisting(filepath.Join(outDir, path.Base(key))); err != nil {
				return nil, err
			}
		}
	}
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return nil, newError("archive.err.file_write", err, "file", outDir)
	}
	var out []Retrieved
	for _, key := range keys {
		r, err := a.getOne(ctx, key, outDir, opts.Force)
		if err != nil {
			return out, err
		}
		r.SignedCopies = copies[key]
		out = append(out, r)
	}
	return out, nil
}

func refuseExisting(dest string) error {
	if _, err := os.Lstat(dest); err == nil {
		return newError("archive.err.out_file_exists", nil, "file", dest)
	}
	return nil
}

func isSignedCopy(key string) bool {
	_, _, rest, ok := parseKey(key)
	return ok && strings.HasPrefix(rest, signedSegment+"/")
}

// signedCopies lists the signed copies made from the generated document
// key: they sit in its version's signed/ folder and name it as original.
func (a *Archive) signedCopies(ctx context.Context, key string) ([]string, error) {
	addr, version, rest, ok := parseKey(key)
	if !ok || strings.Contains(rest, "/") || rest == SetManifestName {
		return nil, nil
	}
	prefix := addr.SetID(version) + "/" + signedSegment + "/"
	var out []string
	err := a.store.List(ctx, prefix, func(o storage.ObjectInfo) error {
		if o.Metadata["original-id"] == key {
			out = append(out, o.Key)
		}
		return nil
	})
	if err != nil {
		return nil, a.storeError(prefix, err)
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

func (a *Archive) getOne(ctx context.Context, key, outDir string, force bool) (Retrieved, error) {
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
	if !force {
		// Checked again: the file may have appeared while this one streamed.
		if err := refuseExisting(dest); err != nil {
			return Retrieved{}, err
		}
	}
	if err := os.Rename(tmp.Name(), dest); err != nil {
		return Retrieved{}, newError("archive.err.file_write", err, "file", dest)
	}
	done = true
	return Retrieved{ID: key, Path: dest, SHA256: info.SHA256, Size: n}, nil
}
