package local

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/konkurs/konkurs/storage"
)

// Store keeps each object as a plain file under objects/ (so the archive is
// readable without konkurs) and its hash, metadata and retention in a JSON
// sidecar under meta/. An object exists when its sidecar does.
type Store struct {
	root string
	lock *fileLock
	now  func() time.Time
}

var _ storage.Retainer = (*Store)(nil)

const (
	objectsDir = "objects"
	metaDir    = "meta"
	tmpDir     = "tmp"
	sidecarExt = ".json"
)

// Open opens (creating when needed) the store in directory dir.
func Open(dir string) (*Store, error) {
	if dir == "" {
		return nil, errors.New("local archive: empty directory")
	}
	for _, sub := range []string{objectsDir, metaDir, tmpDir} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o755); err != nil {
			return nil, fmt.Errorf("local archive: %w", err)
		}
	}
	l, err := openLock(filepath.Join(dir, ".lock"))
	if err != nil {
		return nil, fmt.Errorf("local archive: %w", err)
	}
	return &Store{root: dir, lock: l, now: time.Now}, nil
}

// OpenExisting opens the store in dir only if one was created there before:
// reading commands (list, verify, get) must not leave an empty archive
// behind as a side effect. A missing store is reported as storage.ErrNotExist.
func OpenExisting(dir string) (*Store, error) {
	if dir == "" {
		return nil, errors.New("local archive: empty directory")
	}
	st, err := os.Stat(filepath.Join(dir, metaDir))
	if errors.Is(err, fs.ErrNotExist) || err == nil && !st.IsDir() {
		return nil, fmt.Errorf("local archive %s: %w", dir, storage.ErrNotExist)
	}
	if err != nil {
		return nil, fmt.Errorf("local archive: %w", err)
	}
	return Open(dir)
}

// Location is the store's URL.
func (s *Store) Location() string { return "file:" + s.root }

// Close releases the lock file.
func (s *Store) Close() error { return s.lock.close() }

// sidecar is the JSON kept next to each object.
type sidecar struct {
	SHA256      string            `json:"sha256"`
	Size        int64             `json:"size"`
	ContentType string            `json:"content_type,omitempty"`
	Metadata    map[string]string `json:"metadata,omitempty"`
	Modified    time.Time         `json:"modified"`
	VersionID   string            `json:"version_id"`
	RetainUntil time.Time         `json:"retain_until,omitzero"`
	Mode        string            `json:"mode,omitempty"`
	LegalHold   bool              `json:"legal_hold,omitempty"`
}

func (c sidecar) info(key string) storage.ObjectInfo {
	return storage.ObjectInfo{
		Key: key, Size: c.Size, SHA256: c.SHA256, ContentType: c.ContentType,
		Metadata: c.Metadata, Modified: c.Modified, VersionID: c.VersionID,
		RetainUntil: c.RetainUntil, Mode: storage.RetentionMode(c.Mode), LegalHold: c.LegalHold,
	}
}

func (s *Store) dataPath(key string) string {
	return filepath.Join(s.root, objectsDir, filepath.FromSlash(key))
}

func (s *Store) sidecarPath(key string) string {
	return filepath.Join(s.root, metaDir, filepath.FromSlash(key)+sidecarExt)
}

func (s *Store) readSidecar(key string) (sidecar, error) {
	var c sidecar
	data, err := os.ReadFile(s.sidecarPath(key))
	if errors.Is(err, fs.ErrNotExist) {
		return c, storage.ErrNotExist
	}
	if err != nil {
		return c, err
	}
	if err := json.Unmarshal(data, &c); err != nil {
		return c, fmt.Errorf("sidecar %s: %w", s.sidecarPath(key), err)
	}
	return c, nil
}

func objErr(op, key string, err error) error {
	if err == nil {
		return nil
	}
	var oe *storage.ObjectError
	if errors.As(err, &oe) {
		return err
	}
	return &storage.ObjectError{Op: op, Key: key, Err: err}
}

// Put writes the stream to a temporary file, checks it against opts.SHA256,
// syncs it, and renames content then sidecar into place under the lock.
func (s *Store) Put(ctx context.Context, key string, r io.Reader, opts storage.PutOptions) (storage.ObjectInfo, error) {
	if err := storage.CheckPut(key, opts); err != nil {
		return storage.ObjectInfo{}, err
	}
	// Refuse early, before streaming, when the answer is already known.
	if err := s.mayReplace(key, opts); err != nil {
		return storage.ObjectInfo{}, objErr("put", key, err)
	}
	tmp, err := os.CreateTemp(filepath.Join(s.root, tmpDir), "put-*")
	if err != nil {
		return storage.ObjectInfo{}, objErr("put", key, err)
	}
	committed := false
	defer func() {
		if !committed {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	n, err := io.Copy(tmp, contextReader{ctx, storage.NewExpectReader(r, opts.SHA256, opts.Size)})
	if err != nil {
		return storage.ObjectInfo{}, objErr("put", key, err)
	}
	if err := tmp.Sync(); err != nil {
		return storage.ObjectInfo{}, objErr("put", key, err)
	}
	if err := tmp.Close(); err != nil {
		return storage.ObjectInfo{}, objErr("put", key, err)
	}
	c := sidecar{
		SHA256: opts.SHA256, Size: n, ContentType: opts.ContentType, Metadata: opts.Metadata,
		Modified: s.now().UTC(), VersionID: newVersionID(), LegalHold: opts.LegalHold,
	}
	if !opts.RetainUntil.IsZero() {
		c.RetainUntil, c.Mode = opts.RetainUntil.UTC(), string(opts.Mode.OrDefault())
	}
	unlock, err := s.lock.lock(true)
	if err != nil {
		return storage.ObjectInfo{}, objErr("put", key, err)
	}
	defer unlock()
	if err := s.mayReplace(key, opts); err != nil {
		return storage.ObjectInfo{}, objErr("put", key, err)
	}
	if err := s.mkdirs(key); err != nil {
		return storage.ObjectInfo{}, objErr("put", key, err)
	}
	// Content first, sidecar last: the object becomes visible (and its hash
	// authoritative) only once its content is in place.
	if err := os.Rename(tmp.Name(), s.dataPath(key)); err != nil {
		return storage.ObjectInfo{}, objErr("put", key, conflictOr(err))
	}
	committed = true
	if err := s.writeSidecar(key, c); err != nil {
		return storage.ObjectInfo{}, objErr("put", key, err)
	}
	if err := syncDir(filepath.Dir(s.dataPath(key))); err != nil {
		return storage.ObjectInfo{}, objErr("put", key, err)
	}
	return c.info(key), nil
}

// mayReplace says whether an existing object under key may be replaced.
func (s *Store) mayReplace(key string, opts storage.PutOptions) error {
	old, err := s.readSidecar(key)
	switch {
	case errors.Is(err, storage.ErrNotExist):
		return nil
	case err != nil:
		return err
	case old.info(key).Locked(s.now()):
		return storage.ErrLocked
	case opts.NoOverwrite:
		return storage.ErrExist
	}
	return nil
}

func (s *Store) mkdirs(key string) error {
	for _, p := range []string{s.dataPath(key), s.sidecarPath(key)} {
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return conflictOr(err)
		}
	}
	return nil
}

// conflictOr explains the one way a valid key can fail on a file system:
// a key that is also the directory of other keys ("a" and "a/b").
func conflictOr(err error) error {
	if errors.Is(err, syscall.ENOTDIR) || errors.Is(err, syscall.EISDIR) {
		return fmt.Errorf("%w: a key and a prefix of other keys cannot coincide in a local archive (%v)", storage.ErrInvalidKey, err)
	}
	return err
}

func (s *Store) writeSidecar(key string, c sidecar) error {
	data, err := json.MarshalIndent(c, "", "  ")
	if err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Join(s.root, tmpDir), "meta-*")
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(f.Name())
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		os.Remove(f.Name())
		return err
	}
	if err := f.Close(); err != nil {
		os.Remove(f.Name())
		return err
	}
	if err := os.Rename(f.Name(), s.sidecarPath(key)); err != nil {
		os.Remove(f.Name())
		return err
	}
	return syncDir(filepath.Dir(s.sidecarPath(key)))
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}

func newVersionID() string {
	var b [12]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// Get opens the content; the stream verifies the recorded SHA-256 at EOF.
func (s *Store) Get(ctx context.Context, key string) (io.ReadCloser, storage.ObjectInfo, error) {
	if err := storage.ValidateKey(key); err != nil {
		return nil, storage.ObjectInfo{}, err
	}
	unlock, err := s.lock.lock(false)
	if err != nil {
		return nil, storage.ObjectInfo{}, objErr("get", key, err)
	}
	defer unlock()
	c, err := s.readSidecar(key)
	if err != nil {
		return nil, storage.ObjectInfo{}, objErr("get", key, err)
	}
	f, err := os.Open(s.dataPath(key))
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			err = fmt.Errorf("content file is missing: %w", storage.ErrNotExist)
		}
		return nil, storage.ObjectInfo{}, objErr("get", key, err)
	}
	return storage.NewVerifyingReadCloser(f, key, c.SHA256, c.Size), c.info(key), nil
}

// Stat reads the sidecar.
func (s *Store) Stat(ctx context.Context, key string) (storage.ObjectInfo, error) {
	if err := storage.ValidateKey(key); err != nil {
		return storage.ObjectInfo{}, err
	}
	c, err := s.readSidecar(key)
	if err != nil {
		return storage.ObjectInfo{}, objErr("stat", key, err)
	}
	return c.info(key), nil
}

// List walks the sidecars under the prefix's directory and reports matching
// keys in key order.
func (s *Store) List(ctx context.Context, prefix string, fn func(storage.ObjectInfo) error) error {
	if err := storage.ValidatePrefix(prefix); err != nil {
		return err
	}
	base := filepath.Join(s.root, metaDir)
	start := base
	if i := strings.LastIndexByte(prefix, '/'); i >= 0 {
		start = filepath.Join(base, filepath.FromSlash(prefix[:i]))
	}
	var keys []string
	err := filepath.WalkDir(start, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil
			}
			return err
		}
		if d.IsDir() || !strings.HasSuffix(p, sidecarExt) {
			return nil
		}
		rel, err := filepath.Rel(base, p)
		if err != nil {
			return err
		}
		key := strings.TrimSuffix(filepath.ToSlash(rel), sidecarExt)
		if strings.HasPrefix(key, prefix) {
			keys = append(keys, key)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("list %q: %w", prefix, err)
	}
	sort.Strings(keys)
	for _, key := range keys {
		if err := ctx.Err(); err != nil {
			return err
		}
		c, err := s.readSidecar(key)
		if errors.Is(err, storage.ErrNotExist) {
			continue // deleted while listing
		}
		if err != nil {
			return objErr("list", key, err)
		}
		if err := fn(c.info(key)); err != nil {
			return err
		}
	}
	return nil
}

// Delete removes sidecar then content, unless the object is locked.
func (s *Store) Delete(ctx context.Context, key string) error {
	if err := storage.ValidateKey(key); err != nil {
		return err
	}
	unlock, err := s.lock.lock(true)
	if err != nil {
		return objErr("delete", key, err)
	}
	defer unlock()
	c, err := s.readSidecar(key)
	if err != nil {
		return objErr("delete", key, err)
	}
	if c.info(key).Locked(s.now()) {
		return objErr("delete", key, storage.ErrLocked)
	}
	if err := os.Remove(s.sidecarPath(key)); err != nil {
		return objErr("delete", key, err)
	}
	if err := os.Remove(s.dataPath(key)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return objErr("delete", key, err)
	}
	s.removeEmptyParents(key)
	return nil
}

func (s *Store) removeEmptyParents(key string) {
	for _, top := range []string{objectsDir, metaDir} {
		stop := filepath.Join(s.root, top)
		for dir := filepath.Dir(filepath.Join(stop, filepath.FromSlash(key))); dir != stop && strings.HasPrefix(dir, stop); dir = filepath.Dir(dir) {
			if os.Remove(dir) != nil {
				break
			}
		}
	}
}

// SetRetention extends the retention recorded in the sidecar.
func (s *Store) SetRetention(ctx context.Context, key string, mode storage.RetentionMode, until time.Time) error {
	return s.updateSidecar(key, "retention", func(c *sidecar) error {
		mode = mode.OrDefault()
		if !mode.Valid() {
			return fmt.Errorf("retention mode %q: use GOVERNANCE or COMPLIANCE", mode)
		}
		if c.RetainUntil.After(s.now()) && (until.Before(c.RetainUntil) || c.Mode == string(storage.Compliance) && mode != storage.Compliance) {
			return storage.ErrLocked
		}
		c.RetainUntil, c.Mode = until.UTC(), string(mode)
		return nil
	})
}

// SetLegalHold places or releases the legal hold.
func (s *Store) SetLegalHold(ctx context.Context, key string, on bool) error {
	return s.updateSidecar(key, "legal-hold", func(c *sidecar) error {
		c.LegalHold = on
		return nil
	})
}

func (s *Store) updateSidecar(key, op string, change func(*sidecar) error) error {
	if err := storage.ValidateKey(key); err != nil {
		return err
	}
	unlock, err := s.lock.lock(true)
	if err != nil {
		return objErr(op, key, err)
	}
	defer unlock()
	c, err := s.readSidecar(key)
	if err != nil {
		return objErr(op, key, err)
	}
	if err := change(&c); err != nil {
		return objErr(op, key, err)
	}
	return objErr(op, key, s.writeSidecar(key, c))
}

// contextReader stops a long copy when the context is cancelled.
type contextReader struct {
	ctx context.Context
	r   io.Reader
}

func (c contextReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}
