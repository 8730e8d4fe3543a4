package archive

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/konkurs/konkurs/config"
	"github.com/konkurs/konkurs/storage"
	"github.com/konkurs/konkurs/storage/local"
	"github.com/konkurs/konkurs/storage/s3"
)

// Open opens the archive at url ("file:PATH" or "s3://HOST:PORT/BUCKET";
// empty means cfg.URL) with the retention settings of cfg. S3 credentials
// come from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.
// The archive is created when missing; dates for people are in
// DefaultTimeZone. OpenWith chooses otherwise.
func Open(ctx context.Context, url string, cfg config.ArchiveConfig) (*Archive, error) {
	return OpenWith(ctx, url, cfg, Options{})
}

// OpenWith is Open with options: the retention settings come from cfg, the
// rest (TimeZone, MustExist, Parallel, Logger, Now) from opts. With
// MustExist, a missing archive is the error IsNoArchive reports, and
// nothing is created.
func OpenWith(ctx context.Context, url string, cfg config.ArchiveConfig, opts Options) (*Archive, error) {
	if url == "" {
		url = cfg.URL
	}
	retention, err := OptionsFromConfig(cfg)
	if err != nil {
		return nil, err
	}
	opts.RetentionYears, opts.Mode = retention.RetentionYears, retention.Mode
	store, err := openStore(ctx, url, cfg.Insecure, opts.MustExist)
	if err != nil {
		return nil, err
	}
	return New(store, opts), nil
}

// IsNoArchive reports whether err says that no archive exists yet at the
// location (only OpenWith with MustExist reports it).
func IsNoArchive(err error) bool {
	var e *Error
	return errors.As(err, &e) && e.Key == keyNoArchive
}

const keyNoArchive = "archive.err.no_archive"

// OptionsFromConfig checks the retention settings.
func OptionsFromConfig(cfg config.ArchiveConfig) (Options, error) {
	opts := Options{RetentionYears: cfg.RetentionYears, Mode: storage.RetentionMode(strings.ToUpper(cfg.RetentionMode))}
	if opts.RetentionYears == 0 {
		opts.RetentionYears = DefaultRetentionYears
	}
	if opts.RetentionYears < 1 || opts.RetentionYears > 100 {
		return opts, newError("archive.err.retention", nil, "value", fmt.Sprint(cfg.RetentionYears))
	}
	if opts.Mode != "" && !opts.Mode.Valid() {
		return opts, newError("archive.err.retention_mode", nil, "value", cfg.RetentionMode)
	}
	return opts, nil
}

// OpenStore picks the backend from the URL scheme.
func OpenStore(ctx context.Context, url string, insecure bool) (storage.Store, error) {
	return openStore(ctx, url, insecure, false)
}

func openStore(ctx context.Context, url string, insecure, mustExist bool) (storage.Store, error) {
	switch {
	case strings.HasPrefix(url, "file:"):
		dir := strings.TrimPrefix(strings.TrimPrefix(url, "file:"), "//")
		if dir == "" {
			return nil, newError("archive.err.url", nil, "url", url)
		}
		open := local.Open
		if mustExist {
			open = local.OpenExisting
		}
		st, err := open(dir)
		if errors.Is(err, storage.ErrNotExist) {
			return nil, newError(keyNoArchive, nil, "location", url)
		}
		if err != nil {
			return nil, newError("archive.err.unreachable", err, "location", url)
		}
		return st, nil
	case strings.HasPrefix(url, "s3://"):
		cfg, err := s3.ParseURL(url)
		if err != nil {
			return nil, newError("archive.err.url", err, "url", "s3://…")
		}
		cfg.Insecure = cfg.Insecure || insecure
		if err := cfg.CredentialsFromEnv(); err != nil {
			return nil, newError("archive.err.credentials", nil)
		}
		cfg.MustExist = mustExist
		st, err := s3.Open(ctx, cfg)
		if errors.Is(err, storage.ErrNotExist) {
			return nil, newError(keyNoArchive, nil, "location", cfg.String())
		}
		if err != nil {
			return nil, newError("archive.err.unreachable", err, "location", cfg.String())
		}
		return st, nil
	}
	return nil, newError("archive.err.url", nil, "url", url)
}
