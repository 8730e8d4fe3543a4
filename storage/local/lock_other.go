//go:build !unix

package local

import (
	"os"
	"sync"
)

// fileLock falls back to an in-process lock where flock is unavailable.
type fileLock struct {
	mu sync.RWMutex
	f  *os.File
}

func openLock(path string) (*fileLock, error) {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, err
	}
	return &fileLock{f: f}, nil
}

func (l *fileLock) lock(exclusive bool) (func(), error) {
	if exclusive {
		l.mu.Lock()
		return l.mu.Unlock, nil
	}
	l.mu.RLock()
	return l.mu.RUnlock, nil
}

func (l *fileLock) close() error { return l.f.Close() }
