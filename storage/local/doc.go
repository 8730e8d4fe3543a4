// Package local implements the archive's object store in a local directory,
// with atomic writes and retention enforced from each object's sidecar.
package local
