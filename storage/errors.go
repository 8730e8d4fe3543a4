package storage

import (
	"errors"
	"io/fs"
)

// Errors callers test with errors.Is. ErrNotExist and ErrExist are the
// io/fs sentinels, so code written against fs works unchanged.
var (
	ErrNotExist     = fs.ErrNotExist
	ErrExist        = fs.ErrExist
	ErrLocked       = errors.New("object is locked by retention or legal hold")
	ErrChecksum     = errors.New("content does not match its SHA-256")
	ErrInvalidKey   = errors.New("invalid object key")
	ErrNotSupported = errors.New("not supported by this store")
)

// ObjectError records the operation and key that failed, like fs.PathError.
type ObjectError struct {
	Op  string
	Key string
	Err error
}

func (e *ObjectError) Error() string { return e.Op + " " + e.Key + ": " + e.Err.Error() }
func (e *ObjectError) Unwrap() error { return e.Err }
