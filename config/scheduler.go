package config

// SchedulerConfig configures the deadline alerts.
type SchedulerConfig struct {
	TimeZone string `yaml:"time_zone"`
}

func defaultScheduler() SchedulerConfig { return SchedulerConfig{TimeZone: "Asia/Almaty"} }
