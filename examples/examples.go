// Package examples bundles the example inputs of every document kind, the
// example competition case file and the example dossier, so that
// `konkurs demo` works from any directory with no set-up.
package examples

import "embed"

// Files holds every example input.
//
//go:embed *.yaml attachments/*.pdf
var Files embed.FS
