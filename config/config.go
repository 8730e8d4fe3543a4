package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"gopkg.in/yaml.v3"
)

// Config is the whole configuration. Each section lives in its own file.
type Config struct {
	// DataDir holds konkurs's own state (archive by default, scheduler state).
	DataDir   string          `yaml:"data_dir"`
	Lang      string          `yaml:"lang"` // default language of messages: kk or ru
	Archive   ArchiveConfig   `yaml:"archive"`
	Dossier   DossierConfig   `yaml:"dossier"`
	Calendar  CalendarConfig  `yaml:"calendar"`
	Scheduler SchedulerConfig `yaml:"scheduler"`
	Server    ServerConfig    `yaml:"server"`
}

// DefaultPath is where konkurs looks for a config file when none is named.
const DefaultPath = "konkurs.yaml"

// Default returns the embedded defaults: everything works with no file.
func Default() Config {
	c := Config{DataDir: "konkurs-data", Lang: "kk"}
	c.Archive = defaultArchive()
	c.Dossier = defaultDossier()
	c.Calendar = defaultCalendar()
	c.Scheduler = defaultScheduler()
	c.Server = defaultServer()
	return c
}

// ResolvePath is the file Load reads for path: path itself, else
// $KONKURS_CONFIG, else DefaultPath when it exists; "" when there is none.
func ResolvePath(path string) string {
	if path != "" {
		return path
	}
	if env := os.Getenv("KONKURS_CONFIG"); env != "" {
		return env
	}
	if _, err := os.Stat(DefaultPath); err == nil {
		return DefaultPath
	}
	return ""
}

// Load reads the file at path over the defaults (a missing file is fine when
// path is DefaultPath), then applies KONKURS_* environment variables.
func Load(path string) (Config, error) {
	c := Default()
	explicit := path != ""
	if path == "" {
		path = DefaultPath
	}
	if env := os.Getenv("KONKURS_CONFIG"); env != "" && !explicit {
		path, explicit = env, true
	}
	data, err := os.ReadFile(path)
	switch {
	case err == nil:
		dec := yaml.NewDecoder(bytes.NewReader(data))
		dec.KnownFields(true)
		// An empty file (or one with only comments) keeps every default.
		if err := dec.Decode(&c); err != nil && !errors.Is(err, io.EOF) {
			return c, fmt.Errorf("config %s: %w", path, err)
		}
	case errors.Is(err, fs.ErrNotExist) && !explicit:
	default:
		return c, fmt.Errorf("config: %w", err)
	}
	applyEnv(&c)
	// The archive lives in the data directory unless it was set apart: moving
	// data_dir moves everything konkurs keeps.
	if def := Default(); c.Archive.URL == def.Archive.URL && c.DataDir != def.DataDir {
		c.Archive.URL = "file:" + filepath.Join(c.DataDir, "archive")
	}
	return c, nil
}

func applyEnv(c *Config) {
	if v := os.Getenv("KONKURS_DATA_DIR"); v != "" {
		c.DataDir = v
	}
	if v := os.Getenv("KONKURS_LANG"); v != "" {
		c.Lang = v
	}
	applyArchiveEnv(c)
}
