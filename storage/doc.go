// Package storage defines the archive's object store: the Store interface,
// its typed errors and options, shared by every backend (local, s3).
package storage
