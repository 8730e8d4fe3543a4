package s3

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"strconv"
	"strings"
)

// Config says which bucket to use and how to reach it.
type Config struct {
	Endpoint  string // host:port
	Bucket    string
	Insecure  bool // plain HTTP instead of TLS
	Region    string
	AccessKey string
	SecretKey string `json:"-"`
	// PartSize is the multipart part size in bytes (default 16 MiB);
	// Threads the number of parts uploaded at once (default 4).
	PartSize uint64
	Threads  uint
	// MaxRetries bounds the retries of a request on transient errors
	// (connection refused or reset, 5xx, throttling); default 5.
	MaxRetries int
	// MustExist makes Open report a missing bucket as storage.ErrNotExist
	// instead of creating it: reading commands must not create an archive.
	MustExist bool
}

// Environment variables the credentials come from: never the command line.
const (
	EnvAccessKey = "AWS_ACCESS_KEY_ID"
	EnvSecretKey = "AWS_SECRET_ACCESS_KEY"
	EnvRegion    = "AWS_REGION"
)

// ParseURL reads s3://HOST:PORT/BUCKET[?insecure=true&region=R&part_size_mb=N&threads=N].
// TLS is on unless insecure=true. Credentials are not part of the URL; a URL
// that carries them is refused so that they never end up in a config file.
func ParseURL(raw string) (Config, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return Config{}, fmt.Errorf("archive URL: %w", err)
	}
	if u.Scheme != "s3" {
		return Config{}, fmt.Errorf("archive URL %q: scheme must be s3", redact(u))
	}
	if u.User != nil {
		return Config{}, fmt.Errorf("archive URL %q: credentials must come from %s and %s, not the URL", redact(u), EnvAccessKey, EnvSecretKey)
	}
	if u.Host == "" {
		return Config{}, fmt.Errorf("archive URL %q: missing HOST:PORT", redact(u))
	}
	if _, _, err := net.SplitHostPort(u.Host); err != nil {
		return Config{}, fmt.Errorf("archive URL %q: want HOST:PORT: %w", redact(u), err)
	}
	bucket := strings.Trim(u.Path, "/")
	if bucket == "" || strings.Contains(bucket, "/") {
		return Config{}, fmt.Errorf("archive URL %q: want exactly one bucket name after the host", redact(u))
	}
	c := Config{Endpoint: u.Host, Bucket: bucket, Region: os.Getenv(EnvRegion)}
	q := u.Query()
	for k := range q {
		switch k {
		case "insecure", "region", "part_size_mb", "threads":
		default:
			return Config{}, fmt.Errorf("archive URL %q: unknown option %q (known: insecure, region, part_size_mb, threads)", redact(u), k)
		}
	}
	if v := q.Get("insecure"); v != "" {
		if c.Insecure, err = strconv.ParseBool(v); err != nil {
			return Config{}, fmt.Errorf("archive URL %q: insecure=%q: want true or false", redact(u), v)
		}
	}
	if v := q.Get("region"); v != "" {
		c.Region = v
	}
	if v := q.Get("part_size_mb"); v != "" {
		n, err := strconv.ParseUint(v, 10, 32)
		if err != nil || n < 5 || n > 5120 {
			return Config{}, fmt.Errorf("archive URL %q: part_size_mb=%q: want 5 to 5120", redact(u), v)
		}
		c.PartSize = n << 20
	}
	if v := q.Get("threads"); v != "" {
		n, err := strconv.ParseUint(v, 10, 8)
		if err != nil || n < 1 || n > 64 {
			return Config{}, fmt.Errorf("archive URL %q: threads=%q: want 1 to 64", redact(u), v)
		}
		c.Threads = uint(n)
	}
	return c, nil
}

// CredentialsFromEnv fills the keys from AWS_ACCESS_KEY_ID and
// AWS_SECRET_ACCESS_KEY.
func (c *Config) CredentialsFromEnv() error {
	c.AccessKey, c.SecretKey = os.Getenv(EnvAccessKey), os.Getenv(EnvSecretKey)
	if c.AccessKey == "" || c.SecretKey == "" {
		return errors.New("S3 archive: set " + EnvAccessKey + " and " + EnvSecretKey + " in the environment")
	}
	return nil
}

// String is the location without credentials.
func (c Config) String() string {
	s := "s3://" + c.Endpoint + "/" + c.Bucket
	if c.Insecure {
		s += "?insecure=true"
	}
	return s
}

func redact(u *url.URL) string {
	v := *u
	v.User = nil
	return v.String()
}
