package config

import "os"

// ArchiveConfig says where the archive lives.
type ArchiveConfig struct {
	// URL is "file:PATH" (the embedded default) or "s3://HOST:PORT/BUCKET".
	URL string `yaml:"url"`
}

func defaultArchive() ArchiveConfig {
	return ArchiveConfig{URL: "file:konkurs-data/archive"}
}

func applyArchiveEnv(c *Config) {
	if v := os.Getenv("KONKURS_ARCHIVE"); v != "" {
		c.Archive.URL = v
	}
}
