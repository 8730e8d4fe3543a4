package archive

import (
	"context"
	"errors"
	"io"
	"sort"
	"sync"

	"golang.org/x/sync/errgroup"

	"github.com/konkurs/konkurs/catalog"
	"github.com/konkurs/konkurs/storage"
)

// Problem kinds reported by Verify.
const (
	ProblemMissing  = "missing"  // named by a manifest or a signature, not in the store
	ProblemCorrupt  = "corrupt"  // content does not match its recorded SHA-256
	ProblemReplaced = "replaced" // the current version is not the one archived
)

// Problem is one finding of Verify. Detail is in English; Describe gives
// it in the user's language.
type Problem struct {
	ID     string `json:"id"`
	Kind   string `json:"problem"`
	Detail string `json:"detail"`
	// DetailKey names the detail in the catalog, DetailArgs fill it.
	DetailKey  string   `json:"-"`
	DetailArgs []string `json:"-"`
}

// Describe is the problem's detail in lang.
func (p Problem) Describe(lang catalog.Lang) string {
	if p.DetailKey == "" {
		return p.Detail
	}
	return catalog.T(lang, p.DetailKey, p.DetailArgs...)
}

// reportFunc records a problem: its detail is a catalog key and arguments.
type reportFunc func(id, kind, detailKey string, args ...string)

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
	report := func(id, kind, detailKey string, args ...string) {
		mu.Lock()
		defer mu.Unlock()
		rep.Problems = append(rep.Problems, Problem{ID: id, Kind: kind, Detail: catalog.T(catalog.EN, detailKey, args...), DetailKey: detailKey, DetailArgs: args})
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
				report(key, ProblemCorrupt, "archive.detail.checksum")
			case errors.Is(err, storage.ErrNotExist):
				report(key, ProblemMissing, "archive.detail.content_missing")
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

func (a *Archive) checkManifest(ctx context.Context, key string, objects map[string]storage.ObjectInfo, report reportFunc) {
	setID := key[:len(key)-len(SetManifestName)-1]
	m, err := a.readManifest(ctx, setID)
	if err != nil {
		report(key, ProblemCorrupt, "archive.detail.manifest_unreadable")
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
			report(f.Key, ProblemMissing, "archive.detail.named_by", "manifest", key)
		case o.SHA256 != f.SHA256:
			report(f.Key, ProblemCorrupt, "archive.detail.manifest_sha256", "recorded", o.SHA256, "manifest", f.SHA256)
		case f.VersionID != "" && o.VersionID != f.VersionID:
			report(f.Key, ProblemReplaced, "archive.detail.replaced", "current", o.VersionID, "archived", f.VersionID)
		}
	}
}

func (a *Archive) checkOriginal(ctx context.Context, e Entry, report reportFunc) {
	if e.OriginalID == "" {
		report(e.ID, ProblemMissing, "archive.detail.no_original")
		return
	}
	o, err := a.store.Stat(ctx, e.OriginalID)
	switch {
	case errors.Is(err, storage.ErrNotExist):
		report(e.OriginalID, ProblemMissing, "archive.detail.original_of", "signed", e.ID)
	case err != nil:
		report(e.OriginalID, ProblemMissing, "archive.detail.original_unreadable", "signed", e.ID)
	case o.SHA256 != e.OriginalSHA256:
		report(e.OriginalID, ProblemCorrupt, "archive.detail.original_changed", "signed", e.ID, "was", e.OriginalSHA256, "now", o.SHA256)
	}
}
