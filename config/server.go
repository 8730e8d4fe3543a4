package config

// ServerConfig configures konkurs serve.
type ServerConfig struct {
	Addr string `yaml:"addr"`
}

func defaultServer() ServerConfig { return ServerConfig{Addr: "127.0.0.1:8080"} }
