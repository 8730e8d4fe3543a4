package s3

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/minio/minio-go/v7"
	"github.com/minio/minio-go/v7/pkg/credentials"

	"github.com/konkurs/konkurs/storage"
)

// Store keeps objects in one bucket with versioning and Object Lock. The
// hash and metadata travel as x-amz-meta-* headers; retention is S3's own,
// so a locked object stays locked for every S3 client, not just konkurs.
type Store struct {
	client *minio.Client
	cfg    Config
}

var _ storage.Retainer = (*Store)(nil)

const (
	defaultPartSize = 16 << 20
	defaultThreads  = 4
	// metaSHA256 is the user-metadata key of the content hash.
	metaSHA256 = "konkurs-sha256"
)

// Open connects to the server and makes sure the bucket exists with Object
// Lock enabled (creating it when missing).
func Open(ctx context.Context, cfg Config) (*Store, error) {
	if cfg.PartSize == 0 {
		cfg.PartSize = defaultPartSize
	}
	if cfg.Threads == 0 {
		cfg.Threads = defaultThreads
	}
	if cfg.MaxRetries == 0 {
		cfg.MaxRetries = 5
	}
	if cfg.Region == "" {
		// A known region spares a location lookup per bucket, which
		// minio-go does not retry; MinIO's default is us-east-1.
		cfg.Region = "us-east-1"
	}
	client, err := minio.New(cfg.Endpoint, &minio.Options{
		Creds:      credentials.NewStaticV4(cfg.AccessKey, cfg.SecretKey, ""),
		Secure:     !cfg.Insecure,
		Region:     cfg.Region,
		MaxRetries: cfg.MaxRetries,
		// Trailing headers let every part carry a CRC32C the server checks.
		TrailingHeaders: true,
	})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", cfg, err)
	}
	s := &Store{client: client, cfg: cfg}
	if err := s.ensureBucket(ctx); err != nil {
		return nil, fmt.Errorf("%s: %w", cfg, err)
	}
	return s, nil
}

func (s *Store) ensureBucket(ctx context.Context) error {
	exists, err := s.client.BucketExists(ctx, s.cfg.Bucket)
	if err != nil {
		return err
	}
	if !exists && s.cfg.MustExist {
		return fmt.Errorf("bucket %s: %w", s.cfg.Bucket, storage.ErrNotExist)
	}
	if !exists {
		err := s.client.MakeBucket(ctx, s.cfg.Bucket, minio.MakeBucketOptions{Region: s.cfg.Region, ObjectLocking: true})
		if err != nil && minio.ToErrorResponse(err).Code != "BucketAlreadyOwnedByYou" {
			return fmt.Errorf("create bucket with Object Lock: %w", err)
		}
		return nil
	}
	enabled, _, _, _, err := s.client.GetObjectLockConfig(ctx, s.cfg.Bucket)
	if err != nil || enabled != "Enabled" {
		return fmt.Errorf("bucket %s exists without Object Lock, so retention could not be enforced; use a bucket created with Object Lock (%v)", s.cfg.Bucket, err)
	}
	return nil
}

// Location is the bucket URL without credentials.
func (s *Store) Location() string { return s.cfg.String() }

// Close has nothing to release: the HTTP client is shared.
func (s *Store) Close() error { return nil }

// Client exposes the underlying minio-go client for tests and benchmarks
// that must go around konkurs (to prove a lock holds for any S3 client).
func (s *Store) Client() *minio.Client { return s.client }

// Bucket is the bucket name.
func (s *Store) Bucket() string { return s.cfg.Bucket }

func objErr(op, key string, err error) error {
	if err == nil {
		return nil
	}
	var oe *storage.ObjectError
	if errors.As(err, &oe) {
		return err
	}
	return &storage.ObjectError{Op: op, Key: key, Err: mapError(err)}
}

// mapError turns S3 error codes into the storage sentinels, keeping the
// original message.
func mapError(err error) error {
	resp := minio.ToErrorResponse(err)
	switch resp.Code {
	case "NoSuchKey", "NoSuchVersion":
		return fmt.Errorf("%w (%s)", storage.ErrNotExist, resp.Code)
	case "ObjectLocked", "InvalidRetentionPeriod":
		return fmt.Errorf("%w: %s", storage.ErrLocked, resp.Message)
	case "AccessDenied":
		if strings.Contains(strings.ToLower(resp.Message), "lock") || strings.Contains(resp.Message, "WORM") {
			return fmt.Errorf("%w: %s", storage.ErrLocked, resp.Message)
		}
	case "BadDigest", "XAmzContentSHA256Mismatch", "InvalidDigest":
		return fmt.Errorf("%w: %s", storage.ErrChecksum, resp.Message)
	}
	return err
}

// Put streams the content to S3 (multipart above the part size, parts
// uploaded in parallel, each with its Content-MD5) while hashing it; a
// stream that does not match opts.SHA256 aborts the upload before it
// completes, so a mismatching object never appears and never gets locked.
func (s *Store) Put(ctx context.Context, key string, r io.Reader, opts storage.PutOptions) (storage.ObjectInfo, error) {
	if err := storage.CheckPut(key, opts); err != nil {
		return storage.ObjectInfo{}, err
	}
	switch old, err := s.Stat(ctx, key); {
	case errors.Is(err, storage.ErrNotExist):
	case err != nil:
		return storage.ObjectInfo{}, err
	case old.Locked(time.Now()):
		// S3 would accept the PUT as a new version on top of the locked
		// one; konkurs refuses so that the current version stays the
		// signed one.
		return storage.ObjectInfo{}, objErr("put", key, storage.ErrLocked)
	case opts.NoOverwrite:
		return storage.ObjectInfo{}, objErr("put", key, storage.ErrExist)
	}
	po := minio.PutObjectOptions{
		UserMetadata:          encodeMetadata(opts.Metadata, opts.SHA256),
		ContentType:           opts.ContentType,
		PartSize:              s.cfg.PartSize,
		NumThreads:            s.cfg.Threads,
		ConcurrentStreamParts: true,
		SendContentMd5:        true,
	}
	if !opts.RetainUntil.IsZero() {
		po.Mode = minio.RetentionMode(opts.Mode.OrDefault())
		po.RetainUntilDate = opts.RetainUntil.UTC()
	}
	if opts.LegalHold {
		po.LegalHold = minio.LegalHoldEnabled
	}
	up, err := s.upload(ctx, key, r, opts, po)
	if err != nil {
		return storage.ObjectInfo{}, objErr("put", key, err)
	}
	info := storage.ObjectInfo{
		Key: key, Size: up.Size, SHA256: opts.SHA256, ContentType: opts.ContentType,
		Metadata: opts.Metadata, Modified: up.LastModified, VersionID: up.VersionID,
		LegalHold: opts.LegalHold,
	}
	if info.Modified.IsZero() {
		info.Modified = time.Now().UTC()
	}
	if !opts.RetainUntil.IsZero() {
		info.RetainUntil, info.Mode = opts.RetainUntil.UTC(), opts.Mode.OrDefault()
	}
	return info, nil
}

// upload picks the fastest path that still verifies the hash before the
// object completes: parallel parts read from a file (io.ReaderAt) with the
// hash computed alongside, or a stream read once, in order, through an
// ExpectReader.
func (s *Store) upload(ctx context.Context, key string, r io.Reader, opts storage.PutOptions, po minio.PutObjectOptions) (minio.UploadInfo, error) {
	if ra, ok := r.(io.ReaderAt); ok && opts.Size > int64(s.cfg.PartSize) {
		v := newVerifiedReaderAt(ctx, ra, opts.Size, opts.SHA256)
		// Each part carries a CRC32C checksum (trailing header) instead of
		// a Content-MD5, which minio-go sends only when it buffers parts.
		po.SendContentMd5, po.ConcurrentStreamParts = false, false
		// Over TLS minio-go sends the payload unsigned anyway; over plain
		// HTTP it would sign it by hashing every chunk with SHA-256 a
		// second time. The content is already covered by our own SHA-256
		// (recorded in signed headers, rechecked by verify) and each part
		// by a server-checked CRC32C, so the second hash is skipped.
		po.DisableContentSha256 = true
		up, err := s.client.PutObject(ctx, s.cfg.Bucket, key, v, opts.Size, po)
		if err != nil {
			return up, err
		}
		if err := v.result(); err != nil {
			// Unreachable by construction (the last part waits for the
			// hash); remove the version rather than trust it.
			s.client.RemoveObject(context.WithoutCancel(ctx), s.cfg.Bucket, key, minio.RemoveObjectOptions{VersionID: up.VersionID})
			return up, err
		}
		return up, nil
	}
	size := opts.Size
	if size > int64(s.cfg.PartSize) {
		// With the size known minio-go would read parts one at a time;
		// the parallel stream uploader handles any size and stops at EOF.
		size = -1
	}
	return s.client.PutObject(ctx, s.cfg.Bucket, key, storage.NewExpectReader(r, opts.SHA256, opts.Size), size, po)
}

// Metadata values are percent-encoded: HTTP headers carry ASCII only, and
// names of uploaders are Kazakh or Russian.
func encodeMetadata(md map[string]string, sum string) map[string]string {
	out := make(map[string]string, len(md)+1)
	for k, v := range md {
		out[k] = url.PathEscape(v)
	}
	out[metaSHA256] = sum
	return out
}

func decodeMetadata(raw map[string]string) (md map[string]string, sum string) {
	md = map[string]string{}
	for k, v := range raw {
		k = strings.ToLower(k)
		if rest, ok := strings.CutPrefix(k, "x-amz-meta-"); ok {
			k = rest
		}
		if k == metaSHA256 {
			sum = v
			continue
		}
		if dv, err := url.PathUnescape(v); err == nil {
			v = dv
		}
		md[k] = v
	}
	return md, sum
}

func infoFrom(key string, oi minio.ObjectInfo) storage.ObjectInfo {
	md, sum := decodeMetadata(oi.UserMetadata)
	info := storage.ObjectInfo{
		Key: key, Size: oi.Size, SHA256: sum, ContentType: oi.ContentType, Metadata: md,
		Modified: oi.LastModified, VersionID: oi.VersionID,
	}
	h := oi.Metadata
	if h == nil {
		h = http.Header{}
	}
	if m := h.Get("X-Amz-Object-Lock-Mode"); m != "" {
		info.Mode = storage.RetentionMode(strings.ToUpper(m))
	}
	if u := h.Get("X-Amz-Object-Lock-Retain-Until-Date"); u != "" {
		if t, err := time.Parse(time.RFC3339, u); err == nil {
			info.RetainUntil = t.UTC()
		}
	}
	info.LegalHold = strings.EqualFold(h.Get("X-Amz-Object-Lock-Legal-Hold"), "ON")
	return info
}

// Get opens the current version; the stream verifies the recorded hash.
func (s *Store) Get(ctx context.Context, key string) (io.ReadCloser, storage.ObjectInfo, error) {
	if err := storage.ValidateKey(key); err != nil {
		return nil, storage.ObjectInfo{}, err
	}
	obj, err := s.client.GetObject(ctx, s.cfg.Bucket, key, minio.GetObjectOptions{})
	if err != nil {
		return nil, storage.ObjectInfo{}, objErr("get", key, err)
	}
	oi, err := obj.Stat()
	if err != nil {
		obj.Close()
		return nil, storage.ObjectInfo{}, objErr("get", key, err)
	}
	info := infoFrom(key, oi)
	return storage.NewVerifyingReadCloser(obj, key, info.SHA256, info.Size), info, nil
}

// Stat reads the current version's headers.
func (s *Store) Stat(ctx context.Context, key string) (storage.ObjectInfo, error) {
	if err := storage.ValidateKey(key); err != nil {
		return storage.ObjectInfo{}, err
	}
	oi, err := s.client.StatObject(ctx, s.cfg.Bucket, key, minio.StatObjectOptions{})
	if err != nil {
		return storage.ObjectInfo{}, objErr("stat", key, err)
	}
	return infoFrom(key, oi), nil
}

// List lists current versions in key order. MinIO returns each object's
// metadata and lock with the listing (a MinIO extension); on an S3 that
// does not, each object is read with a HEAD request instead.
func (s *Store) List(ctx context.Context, prefix string, fn func(storage.ObjectInfo) error) error {
	if err := storage.ValidatePrefix(prefix); err != nil {
		return err
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	opts := minio.ListObjectsOptions{Prefix: prefix, Recursive: true, WithVersions: true, WithMetadata: true}
	for oi := range s.client.ListObjects(ctx, s.cfg.Bucket, opts) {
		if oi.Err != nil {
			return fmt.Errorf("list %q: %w", prefix, mapError(oi.Err))
		}
		if !oi.IsLatest || oi.IsDeleteMarker {
			continue
		}
		info, ok := listedInfo(oi)
		if !ok {
			var err error
			info, err = s.Stat(ctx, oi.Key)
			if errors.Is(err, storage.ErrNotExist) {
				continue // deleted while listing
			}
			if err != nil {
				return err
			}
		}
		if err := fn(info); err != nil {
			return err
		}
	}
	return nil
}

// listedInfo reads what MinIO's metadata listing carries: x-amz-meta-*
// headers, the content type and the object lock.
func listedInfo(oi minio.ObjectInfo) (storage.ObjectInfo, bool) {
	if len(oi.UserMetadata) == 0 {
		return storage.ObjectInfo{}, false
	}
	user := map[string]string{}
	h := http.Header{}
	for k, v := range oi.UserMetadata {
		if strings.HasPrefix(strings.ToLower(k), "x-amz-meta-") {
			user[k] = v
		} else {
			h.Set(k, v)
		}
	}
	oi.UserMetadata, oi.Metadata = user, h
	if oi.ContentType == "" {
		oi.ContentType = h.Get("Content-Type")
	}
	return infoFrom(oi.Key, oi), true
}

// Delete removes every version of the key, refusing when any is locked.
func (s *Store) Delete(ctx context.Context, key string) error {
	info, err := s.Stat(ctx, key)
	if err != nil {
		return objErr("delete", key, err)
	}
	if info.Locked(time.Now()) {
		return objErr("delete", key, storage.ErrLocked)
	}
	var versions []string
	for oi := range s.client.ListObjects(ctx, s.cfg.Bucket, minio.ListObjectsOptions{Prefix: key, WithVersions: true}) {
		if oi.Err != nil {
			return objErr("delete", key, oi.Err)
		}
		if oi.Key == key {
			versions = append(versions, oi.VersionID)
		}
	}
	for _, v := range versions {
		if err := s.client.RemoveObject(ctx, s.cfg.Bucket, key, minio.RemoveObjectOptions{VersionID: v}); err != nil {
			return objErr("delete", key, err)
		}
	}
	return nil
}

// SetRetention extends the current version's retention.
func (s *Store) SetRetention(ctx context.Context, key string, mode storage.RetentionMode, until time.Time) error {
	info, err := s.Stat(ctx, key)
	if err != nil {
		return objErr("retention", key, err)
	}
	mode = mode.OrDefault()
	if !mode.Valid() {
		return objErr("retention", key, fmt.Errorf("retention mode %q: use GOVERNANCE or COMPLIANCE", mode))
	}
	if info.RetainUntil.After(time.Now()) && (until.Before(info.RetainUntil) || info.Mode == storage.Compliance && mode != storage.Compliance) {
		return objErr("retention", key, storage.ErrLocked)
	}
	m, u := minio.RetentionMode(mode), until.UTC()
	err = s.client.PutObjectRetention(ctx, s.cfg.Bucket, key, minio.PutObjectRetentionOptions{Mode: &m, RetainUntilDate: &u, VersionID: info.VersionID})
	return objErr("retention", key, err)
}

// SetLegalHold places or releases the legal hold on the current version.
func (s *Store) SetLegalHold(ctx context.Context, key string, on bool) error {
	info, err := s.Stat(ctx, key)
	if err != nil {
		return objErr("legal-hold", key, err)
	}
	st := minio.LegalHoldDisabled
	if on {
		st = minio.LegalHoldEnabled
	}
	err = s.client.PutObjectLegalHold(ctx, s.cfg.Bucket, key, minio.PutObjectLegalHoldOptions{Status: &st, VersionID: info.VersionID})
	return objErr("legal-hold", key, err)
}
