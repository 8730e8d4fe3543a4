// Package storagetest holds the conformance suite every storage backend
// passes: one set of tests, run against local and S3 alike.
package storagetest
