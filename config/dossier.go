package config

// DossierConfig holds the records-practice defaults for numbered dossiers.
type DossierConfig struct {
	// MaxSheets is the most sheets in one volume (records practice: 250).
	MaxSheets int `yaml:"max_sheets"`
}

func defaultDossier() DossierConfig { return DossierConfig{MaxSheets: 250} }
