//go:build unix

package local

import (
	"os"
	"syscall"
)

// fileLock serialises commits (rename of content and sidecar) against
// readers, between goroutines and between processes sharing the directory.
// Each acquisition opens the lock file anew: flock excludes open file
// descriptions, so holders of one shared descriptor would not exclude each
// other.
type fileLock struct{ path string }

func openLock(path string) (*fileLock, error) {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, err
	}
	return &fileLock{path: path}, f.Close()
}

func (l *fileLock) lock(exclusive bool) (unlock func(), err error) {
	f, err := os.OpenFile(l.path, os.O_RDWR, 0)
	if err != nil {
		return nil, err
	}
	how := syscall.LOCK_SH
	if exclusive {
		how = syscall.LOCK_EX
	}
	for {
		err = syscall.Flock(int(f.Fd()), how)
		if err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return func() { f.Close() }, nil // closing releases the lock
}

func (l *fileLock) close() error { return nil }
