package config

import (
	"os"
	"strconv"
)

// ArchiveConfig says where the archive lives and how long signed protocols
// and minutes stay locked.
type ArchiveConfig struct {
	// URL is "file:PATH" (the embedded default) or "s3://HOST:PORT/BUCKET".
	// S3 credentials come only from AWS_ACCESS_KEY_ID and
	// AWS_SECRET_ACCESS_KEY, never from this file.
	URL string `yaml:"url"`
	// Insecure turns TLS off for s3:// (same as ?insecure=true in the URL).
	Insecure bool `yaml:"insecure"`
	// RetentionYears locks signed protocols and minutes for this many years.
	// 10 is a configurable default: the article of the records-retention
	// list that would fix the period was not found.
	RetentionYears int `yaml:"retention_years"`
	// RetentionMode is GOVERNANCE (default: a storage administrator can
	// lift it) or COMPLIANCE (nobody can, not even the administrator).
	RetentionMode string `yaml:"retention_mode"`
}

func defaultArchive() ArchiveConfig {
	return ArchiveConfig{URL: "file:konkurs-data/archive", RetentionYears: 10, RetentionMode: "GOVERNANCE"}
}

func applyArchiveEnv(c *Config) {
	if v := os.Getenv("KONKURS_ARCHIVE"); v != "" {
		c.Archive.URL = v
	}
	if v := os.Getenv("KONKURS_ARCHIVE_RETENTION_YEARS"); v != "" {
		if n, err := strconv.Atoi(v); err == nil {
			c.Archive.RetentionYears = n
		} else {
			c.Archive.RetentionYears = -1 // refused with a clear error when the archive opens
		}
	}
	if v := os.Getenv("KONKURS_ARCHIVE_RETENTION_MODE"); v != "" {
		c.Archive.RetentionMode = v
	}
}
