package storage

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash"
	"io"
)

// ValidateSHA256 accepts a lowercase hex SHA-256.
func ValidateSHA256(s string) error {
	if len(s) != sha256.Size*2 {
		return fmt.Errorf("SHA-256 %q: want %d hex digits", s, sha256.Size*2)
	}
	for _, r := range s {
		if !(r >= '0' && r <= '9' || r >= 'a' && r <= 'f') {
			return fmt.Errorf("SHA-256 %q: want lowercase hex digits", s)
		}
	}
	return nil
}

// ExpectReader hashes what a backend reads for Put and refuses to hand over
// the final bytes when the stream does not match the declared hash, so that
// an upload is aborted before it can complete (and before a lock applies).
type ExpectReader struct {
	r    io.Reader
	want string
	size int64 // -1 when unknown
	n    int64
	h    hash.Hash
	done bool
}

// NewExpectReader wraps r, which must produce size bytes (-1: until EOF)
// hashing to want.
func NewExpectReader(r io.Reader, want string, size int64) *ExpectReader {
	return &ExpectReader{r: r, want: want, size: size, h: sha256.New()}
}

func (e *ExpectReader) Read(p []byte) (int, error) {
	if e.done {
		return 0, io.EOF
	}
	if e.size >= 0 && int64(len(p)) > e.size-e.n {
		p = p[:e.size-e.n]
	}
	n, err := e.r.Read(p)
	e.h.Write(p[:n])
	e.n += int64(n)
	if e.size >= 0 && e.n == e.size || err == io.EOF {
		if err == io.EOF && e.size >= 0 && e.n < e.size {
			return 0, fmt.Errorf("content ended after %d of %d bytes: %w", e.n, e.size, io.ErrUnexpectedEOF)
		}
		if got := hex.EncodeToString(e.h.Sum(nil)); got != e.want {
			return 0, fmt.Errorf("%w: got %s, want %s", ErrChecksum, got, e.want)
		}
		e.done = true
		if n == 0 {
			return 0, io.EOF
		}
		return n, nil
	}
	return n, err
}

// Sum returns the hex SHA-256 of what has been read.
func (e *ExpectReader) Sum() string { return hex.EncodeToString(e.h.Sum(nil)) }

// VerifyingReadCloser checks, at EOF, that the stream matched the recorded
// hash and size, returning ErrChecksum instead of io.EOF when it did not.
type VerifyingReadCloser struct {
	rc   io.ReadCloser
	key  string
	want string
	size int64
	n    int64
	h    hash.Hash
}

// NewVerifyingReadCloser wraps an object's stream; want may be empty when
// the object has no recorded hash, which is reported as ErrChecksum at EOF.
func NewVerifyingReadCloser(rc io.ReadCloser, key, want string, size int64) *VerifyingReadCloser {
	return &VerifyingReadCloser{rc: rc, key: key, want: want, size: size, h: sha256.New()}
}

func (v *VerifyingReadCloser) Read(p []byte) (int, error) {
	n, err := v.rc.Read(p)
	v.h.Write(p[:n])
	v.n += int64(n)
	if err == io.EOF {
		got := hex.EncodeToString(v.h.Sum(nil))
		switch {
		case v.want == "":
			return n, &ObjectError{Op: "get", Key: v.key, Err: fmt.Errorf("%w: no SHA-256 recorded (content hashes to %s)", ErrChecksum, got)}
		case v.size >= 0 && v.n != v.size:
			return n, &ObjectError{Op: "get", Key: v.key, Err: fmt.Errorf("%w: %d bytes, recorded size %d", ErrChecksum, v.n, v.size)}
		case got != v.want:
			return n, &ObjectError{Op: "get", Key: v.key, Err: fmt.Errorf("%w: content hashes to %s, recorded %s", ErrChecksum, got, v.want)}
		}
	}
	return n, err
}

// Close closes the underlying stream.
func (v *VerifyingReadCloser) Close() error { return v.rc.Close() }
