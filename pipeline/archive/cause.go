package archive

import (
	"context"
	"encoding/json"
	"errors"
	"io/fs"
	"net"
	"strconv"
	"syscall"

	"github.com/konkurs/konkurs/catalog"
	"github.com/konkurs/konkurs/storage"
)

// errNotRegular is the cause when a path names a directory or a device
// where a file was expected.
var errNotRegular = errors.New("not a regular file")

// causeKeys name, in the catalog, the causes users meet: the operating
// system's own texts ("no such file or directory") are English only.
var causeKeys = []struct {
	target error
	key    string
}{
	{fs.ErrNotExist, "archive.cause.not_exist"},
	{fs.ErrPermission, "archive.cause.permission"},
	{fs.ErrExist, "archive.cause.exists"},
	{syscall.ENOSPC, "archive.cause.no_space"},
	{syscall.EROFS, "archive.cause.read_only"},
	{syscall.EISDIR, "archive.cause.not_regular"},
	{syscall.ENOTDIR, "archive.cause.not_dir"},
	{errNotRegular, "archive.cause.not_regular"},
	{storage.ErrChecksum, "archive.cause.checksum"},
	{storage.ErrLocked, "archive.cause.locked"},
	{storage.ErrInvalidKey, "archive.cause.invalid_key"},
	{syscall.ECONNREFUSED, "archive.cause.refused"},
	{context.DeadlineExceeded, "archive.cause.timeout"},
}

// saidByKey: these messages already say what their cause would add.
var saidByKey = map[string]error{
	"archive.err.not_found": storage.ErrNotExist,
	"archive.err.locked":    storage.ErrLocked,
	"archive.err.corrupt":   storage.ErrChecksum,
}

// causeText explains err in lang for the message key it is the cause of;
// causes with no catalog entry (a remote server's own words) stay as they
// are, since they are all there is to go on.
func causeText(lang catalog.Lang, key string, err error) string {
	if err == nil {
		return ""
	}
	if said, ok := saidByKey[key]; ok && errors.Is(err, said) {
		return ""
	}
	var ae *Error
	if errors.As(err, &ae) {
		return ae.Message(lang)
	}
	var syn *json.SyntaxError
	if errors.As(err, &syn) {
		return catalog.T(lang, "archive.cause.json_syntax", "offset", strconv.FormatInt(syn.Offset, 10))
	}
	var typ *json.UnmarshalTypeError
	if errors.As(err, &typ) {
		return catalog.T(lang, "archive.cause.json_type", "field", typ.Field)
	}
	for _, c := range causeKeys {
		if errors.Is(err, c.target) {
			return catalog.T(lang, c.key)
		}
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return catalog.T(lang, "archive.cause.timeout")
	}
	return err.Error()
}
