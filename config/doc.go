// Package config owns konkurs's configuration: the Config struct, its
// defaults, loading from a YAML file and KONKURS_* environment variables.
package config
