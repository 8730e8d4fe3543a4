package dossier

// Manifest is manifest.json: what the archive stores and verifies and what
// scripts read. Its keys are a contract: do not rename them.
type Manifest struct {
	Documents []ManifestDocument `json:"documents"`
	Volumes   []ManifestVolume   `json:"volumes"`
	// Copies are the second paper set (item 9), present with --copies.
	Copies []ManifestVolume `json:"copies,omitempty"`
	Totals Totals           `json:"totals"`
}

// ManifestDocument is one document, or one part of a document that alone
// exceeds a volume (then it has one entry per part, pages counting that
// part, and the same source and SHA-256).
type ManifestDocument struct {
	TitleKK    string `json:"title_kk"`
	TitleRU    string `json:"title_ru"`
	Source     string `json:"source"`
	SHA256     string `json:"sha256"` // of the whole source PDF
	Pages      int    `json:"pages"`
	FirstSheet int    `json:"first_sheet"`
	LastSheet  int    `json:"last_sheet"`
	Volume     int    `json:"volume"`
}

// ManifestVolume is one volume file. Sheets counts the numbered sheets
// (the inventory included); the file has one more page, the unnumbered
// certification sheet.
type ManifestVolume struct {
	Number int    `json:"number"`
	Sheets int    `json:"sheets"`
	File   string `json:"file"` // relative to the output directory
	SHA256 string `json:"sha256"`
	Size   int64  `json:"size"`
}

// Totals sums the dossier up.
type Totals struct {
	Documents       int `json:"documents"`
	Volumes         int `json:"volumes"`
	Sheets          int `json:"sheets"`           // numbered sheets in all volumes
	InventorySheets int `json:"inventory_sheets"` // at the start of volume 1
	Pages           int `json:"pages"`            // pages of the documents
}
