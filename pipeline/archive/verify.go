package archive

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sort"
	"sync"

	"golang.org/x/sync/errgroup"

	"github.com/konkurs/konkurs/storage"
)

// Problem kinds reported by Verify.
const (
	ProblemMissing  = "missing"  // named by a manifest or a signature, not in the store
	ProblemCorrupt  = "corrupt"  // content does not match its recorded SHA-256
	ProblemReplaced = "replaced" // the current version is not the one archived
)

// Problem is one finding of Verify.
type Problem struct {
	ID     string `json:"id"`
	Kind   string `json:"problem"`
	Detail string `json:"detail"`
}

// VerifyReport is the result of Verify.
type VerifyReport struct {
	Prefix   string    `json:"prefix"`
	Checked  int       `json:"checked"`
	Bytes    int64     `json:"bytes"`
	Problems []Problem `json:"problems"`
}

// OK reports whether nothing is missing or corrupt.
func (r VerifyReport) OK() bool { return len(r.Problems) == 0 }

// Verify re-reads every object under prefix and recomputes its SHA-256,
// checks that every file a set manifest names is there with the recorded
// hash and version, and that every signed copy's original is intact.
func (a *Archive) Verify(ctx context.Context, prefix string) (VerifyReport, error) {
	rep := VerifyReport{Prefix: prefix}
	if err := storage.ValidatePrefix(prefix); err != nil {
		return rep, newError("archive.err.not_found", err, "id", prefix)
	}
	objects := map[string]storage.ObjectInfo{}
	var keys []string
	err := a.store.List(ctx, prefix, func(o storage.ObjectInfo) error {
		objects[o.Key] = o
		keys = append(keys, o.Key)
		return nil
	})
	if err != nil {
		return rep, a.storeError(prefix, err)
	}
	// A prefix that matches nothing is a mistyped ID, not a clean archive:
	// "0 objects checked, all intact" would let it pass for verified.
	if prefix != "" && len(keys) == 0 {
		return rep, newError("archive.err.not_found", nil, "id", prefix)
	}
	var mu sync.Mutex
	report := func(id, kind, detail string) {
		mu.Lock()
		defer mu.Unlock()
		rep.Problems = append(rep.Problems, Problem{ID: id, Kind: kind, Detail: detail})
	}
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(a.opts.Parallel)
	for _, key := range keys {
		g.Go(func() error {
			n, err := a.rehash(gctx, key)
			mu.Lock()
			rep.Checked++
			rep.Bytes += n
			mu.Unlock()
			switch {
			case errors.Is(err, storage.ErrChecksum):
				report(key, ProblemCorrupt, err.Error())
			case errors.Is(err, storage.ErrNotExist):
				report(key, ProblemMissing, err.Error())
			case err != nil:
				return a.storeError(key, err)
			}
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return rep, err
	}
	for _, key := range keys {
		o := objects[key]
		e, ok := entryOf(o)
		if !ok {
			continue
		}
		switch e.Role {
		case roleManifest:
			a.checkManifest(ctx, key, objects, report)
		case roleSigned:
			a.checkOriginal(ctx, e, report)
		}
	}
	sort.SliceStable(rep.Problems, func(i, j int) bool { return rep.Problems[i].ID < rep.Problems[j].ID })
	return rep, nil
}

func (a *Archive) rehash(ctx context.Context, key string) (int64, error) {
	rc, _, err := a.store.Get(ctx, key)
	if err != nil {
		return 0, err
	}
	defer rc.Close()
	return io.Copy(io.Discard, rc)
}

func (a *Archive) checkManifest(ctx context.Context, key string, objects map[string]storage.ObjectInfo, report func(id, kind, detail string)) {
	setID := key[:len(key)-len(SetManifestName)-1]
	m, err := a.readManifest(ctx, setID)
	if err != nil {
		report(key, ProblemCorrupt, err.Error())
		return
	}
	for _, f := range m.Files {
		o, ok := objects[f.Key]
		if !ok {
			if st, err := a.store.Stat(ctx, f.Key); err == nil {
				o, ok = st, true // outside the verified prefix but present
			}
		}
		switch {
		case !ok:
			report(f.Key, ProblemMissing, "named by "+key)
		case o.SHA256 != f.SHA256:
			report(f.Key, ProblemCorrupt, fmt.Sprintf("recorded SHA-256 %s, set manifest says %s", o.SHA256, f.SHA256))
		case f.VersionID != "" && o.VersionID != f.VersionID:
			report(f.Key, ProblemReplaced, fmt.Sprintf("current version %s, archived version %s", o.VersionID, f.VersionID))
		}
	}
}

func (a *Archive) checkOriginal(ctx context.Context, e Entry, report func(id, kind, detail string)) {
	if e.OriginalID == "" {
		report(e.ID, ProblemMissing, "signed copy names no original")
		return
	}
	o, err := a.store.Stat(ctx, e.OriginalID)
	switch {
	case errors.Is(err, storage.ErrNotExist):
		report(e.OriginalID, ProblemMissing, "original of "+e.ID)
	case err != nil:
		report(e.OriginalID, ProblemMissing, err.Error())
	case o.SHA256 != e.OriginalSHA256:
		report(e.OriginalID, ProblemCorrupt, fmt.Sprintf("signed copy %s was made from SHA-256 %s, original now %s", e.ID, e.OriginalSHA256, o.SHA256))
	}
}
