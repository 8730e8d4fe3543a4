package storagetest

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"math/rand/v2"
)

// Content is reproducible pseudo-random content of a given size, so large
// objects can be streamed twice (to hash, then to store) without holding
// them in memory.
type Content struct {
	Seed uint64
	Size int64
}

// Reader streams the content.
func (c Content) Reader() io.Reader {
	return io.LimitReader(rand.NewChaCha8(seed32(c.Seed)), c.Size)
}

// SHA256 hashes the content.
func (c Content) SHA256() string {
	h := sha256.New()
	io.Copy(h, c.Reader())
	return hex.EncodeToString(h.Sum(nil))
}

func seed32(s uint64) (b [32]byte) {
	for i := range 8 {
		b[i] = byte(s >> (8 * i))
	}
	return b
}

// SumBytes is the hex SHA-256 of b.
func SumBytes(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}
