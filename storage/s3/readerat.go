package s3

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"

	"github.com/konkurs/konkurs/storage"
)

// verifiedReaderAt lets minio-go upload the parts of a file in parallel
// (through ReadAt) while a separate pass hashes the file from start to end.
// Any read that reaches the last byte waits for that hash and fails when it
// does not match, so the last part, and with it the completion of the
// upload, never happens for content that does not match.
type verifiedReaderAt struct {
	ra   io.ReaderAt
	size int64
	done chan struct{}
	err  error
	off  int64 // for Read, which minio-go does not use on this path
	ctx  context.Context
}

func newVerifiedReaderAt(ctx context.Context, ra io.ReaderAt, size int64, want string) *verifiedReaderAt {
	v := &verifiedReaderAt{ra: ra, size: size, done: make(chan struct{}), ctx: ctx}
	go func() {
		defer close(v.done)
		h := sha256.New()
		n, err := io.Copy(h, io.NewSectionReader(ra, 0, size))
		switch {
		case err != nil:
			v.err = err
		case n != size:
			v.err = fmt.Errorf("content ended after %d of %d bytes: %w", n, size, io.ErrUnexpectedEOF)
		default:
			if got := hex.EncodeToString(h.Sum(nil)); got != want {
				v.err = fmt.Errorf("%w: got %s, want %s", storage.ErrChecksum, got, want)
			}
		}
	}()
	return v
}

// result waits for the hash and reports whether the content matched.
func (v *verifiedReaderAt) result() error {
	select {
	case <-v.done:
		return v.err
	case <-v.ctx.Done():
		return v.ctx.Err()
	}
}

func (v *verifiedReaderAt) ReadAt(p []byte, off int64) (int, error) {
	if off+int64(len(p)) >= v.size {
		if err := v.result(); err != nil {
			return 0, err
		}
	}
	return v.ra.ReadAt(p, off)
}

func (v *verifiedReaderAt) Read(p []byte) (int, error) {
	if v.off >= v.size {
		return 0, io.EOF
	}
	if int64(len(p)) > v.size-v.off {
		p = p[:v.size-v.off]
	}
	n, err := v.ReadAt(p, v.off)
	v.off += int64(n)
	if err == io.EOF && v.off == v.size {
		err = nil
	}
	return n, err
}
