package storage

import (
	"context"
	"io"
	"time"
)

// Store keeps immutable-by-policy objects addressed by slash-separated keys.
// Every object carries the SHA-256 of its content: Put refuses content that
// does not match the declared hash, and a Get stream that reaches EOF has been
// verified against the recorded hash (ErrChecksum otherwise).
type Store interface {
	// Put writes the content of r under key. opts.SHA256 is required; the
	// object appears only when the whole stream matched it. An object under
	// retention or legal hold is never replaced (ErrLocked). When r is
	// also an io.ReaderAt (a file), a backend may read it with ReadAt from
	// offset 0 to opts.Size, in parallel: pass it positioned at 0.
	Put(ctx context.Context, key string, r io.Reader, opts PutOptions) (ObjectInfo, error)
	// Get opens the object for reading. The stream returns ErrChecksum
	// instead of io.EOF when the content does not match the recorded hash.
	Get(ctx context.Context, key string) (io.ReadCloser, ObjectInfo, error)
	// Stat describes the object without reading it.
	Stat(ctx context.Context, key string) (ObjectInfo, error)
	// List calls fn for every object whose key starts with prefix, in key
	// order. An error returned by fn stops the listing and is returned.
	List(ctx context.Context, prefix string, fn func(ObjectInfo) error) error
	// Delete removes the object; ErrLocked while it is retained or held.
	Delete(ctx context.Context, key string) error
	// Location describes where the store lives, without credentials.
	Location() string
	// Close releases the store's resources.
	Close() error
}

// Retainer is the optional capability to lock objects: retention until a
// date and legal hold. Both backends have it; Put with a Retention on a store
// without it fails with ErrNotSupported.
type Retainer interface {
	Store
	// SetRetention extends the object's retention; shortening or changing
	// the mode of an active retention is refused with ErrLocked.
	SetRetention(ctx context.Context, key string, mode RetentionMode, until time.Time) error
	// SetLegalHold places or releases a legal hold.
	SetLegalHold(ctx context.Context, key string, on bool) error
}

// RetentionMode follows S3 Object Lock: GOVERNANCE can be lifted by a
// privileged administrator of the storage, COMPLIANCE by nobody.
type RetentionMode string

const (
	Governance RetentionMode = "GOVERNANCE"
	Compliance RetentionMode = "COMPLIANCE"
)

// Valid reports whether m is one of the two S3 modes.
func (m RetentionMode) Valid() bool { return m == Governance || m == Compliance }

// PutOptions describe the object being written.
type PutOptions struct {
	// SHA256 is the lowercase hex SHA-256 of the content (required).
	SHA256 string
	// Size is the content length, or -1 when unknown.
	Size int64
	// ContentType is the media type, e.g. application/pdf.
	ContentType string
	// Metadata are small key/value pairs stored with the object. Keys are
	// lowercase ASCII letters, digits and '-'; values any UTF-8 text.
	Metadata map[string]string
	// RetainUntil locks the object until this moment (zero: no retention).
	RetainUntil time.Time
	// Mode is the retention mode; empty means Governance.
	Mode RetentionMode
	// LegalHold places a legal hold on the object.
	LegalHold bool
	// NoOverwrite refuses to replace an existing object (ErrExist).
	NoOverwrite bool
}

// ObjectInfo describes a stored object.
type ObjectInfo struct {
	Key         string
	Size        int64
	SHA256      string // as recorded when the object was written; empty if none
	ContentType string
	Metadata    map[string]string
	Modified    time.Time
	VersionID   string // the backend's version identifier, when it has one
	RetainUntil time.Time
	Mode        RetentionMode
	LegalHold   bool
}

// Locked reports whether the object is protected at time now.
func (o ObjectInfo) Locked(now time.Time) bool {
	return o.LegalHold || o.RetainUntil.After(now)
}
