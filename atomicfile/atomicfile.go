// Package atomicfile writes files so that a reader sees either the old file
// or the complete new one, never a half-written file: write a temporary file
// in the same directory, fsync it, then rename it over the target.
package atomicfile

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// Write atomically replaces path with data.
func Write(path string, data []byte, perm os.FileMode) error {
	p, err := Prepare(path, perm, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
	if err != nil {
		return err
	}
	return p.Commit()
}

// Pending is a fully written temporary file waiting to be renamed into place.
// Preparing several files then committing them keeps a set of outputs from
// being half-written when one of them fails.
type Pending struct {
	tmp, path string
}

// Prepare writes a temporary file next to path with fill and syncs it.
func Prepare(path string, perm os.FileMode, fill func(io.Writer) error) (*Pending, error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return nil, err
	}
	tmp := f.Name()
	fail := func(err error) (*Pending, error) {
		f.Close()
		os.Remove(tmp)
		return nil, fmt.Errorf("write %s: %w", path, err)
	}
	if err := fill(f); err != nil {
		return fail(err)
	}
	if err := f.Chmod(perm); err != nil {
		return fail(err)
	}
	if err := f.Sync(); err != nil {
		return fail(err)
	}
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		return nil, fmt.Errorf("write %s: %w", path, err)
	}
	return &Pending{tmp: tmp, path: path}, nil
}

// Commit renames the temporary file into place.
func (p *Pending) Commit() error {
	if err := os.Rename(p.tmp, p.path); err != nil {
		os.Remove(p.tmp)
		return fmt.Errorf("write %s: %w", p.path, err)
	}
	return nil
}

// Abort removes the temporary file.
func (p *Pending) Abort() { os.Remove(p.tmp) }

// CommitAll renames every pending file into place, or, when one cannot be
// renamed, removes the temporary files not yet committed.
func CommitAll(pending []*Pending) error {
	var errs []error
	for i, p := range pending {
		if err := p.Commit(); err != nil {
			errs = append(errs, err)
			for _, rest := range pending[i+1:] {
				rest.Abort()
			}
			break
		}
	}
	return errors.Join(errs...)
}
