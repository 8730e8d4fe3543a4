package config

// DossierConfig holds the records-practice defaults for numbered dossiers.
type DossierConfig struct {
	// MaxSheets is the most numbered sheets in one volume (records practice: 250).
	MaxSheets int `yaml:"max_sheets"`
	// Copies also builds the second paper set marked as the copy (item 9 of
	// the rules: an original and a copy are handed in).
	Copies bool `yaml:"copies"`
	// CacheDir holds the PDF engine's configuration and the stamp font;
	// empty means the user cache directory (~/.cache/konkurs), never
	// ~/.config/pdfcpu.
	CacheDir string `yaml:"cache_dir"`
}

func defaultDossier() DossierConfig { return DossierConfig{MaxSheets: 250} }
