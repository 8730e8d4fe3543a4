package dossier

import (
	"path/filepath"

	"github.com/konkurs/konkurs/competition"
)

// Spec describes one application's dossier: its stage, the documents in the
// order they are bound, and who compiles it. It is read from YAML or JSON.
type Spec struct {
	// Stage is 1 or 2 (item 14: the competition runs in two stages).
	Stage int `yaml:"stage" json:"stage" jsonschema:"enum=1,enum=2"`
	// TookPartInStage1 matters for stage 2 only: a participant that skipped
	// stage 1 must add the Annex 3 conclusion (items 7.5 and 8).
	TookPartInStage1 *bool `yaml:"took_part_in_stage1,omitempty" json:"took_part_in_stage1,omitempty"`
	// Applicant is the participant's name, printed in the inventory heading.
	Applicant string `yaml:"applicant,omitempty" json:"applicant,omitempty"`
	// Languages of the inventory and certification sheets: kk, ru or both
	// (the default; the state language first).
	Languages []string `yaml:"languages,omitempty" json:"languages,omitempty"`
	// Compiler signs the inventory and certification sheets; blank lines are
	// printed for a handwritten signature when it is empty.
	Compiler Compiler `yaml:"compiler,omitempty" json:"compiler,omitempty"`
	// Date printed under the signatures: "2026-11-25" is printed as
	// 25.11.2026, anything else as given; blank when empty.
	Date      string         `yaml:"date,omitempty" json:"date,omitempty"`
	Documents []DocumentSpec `yaml:"documents" json:"documents"`

	// dir is the spec file's directory: relative paths are resolved from it.
	dir string
}

// Compiler is the person who numbers and certifies the dossier.
type Compiler struct {
	PositionKK string `yaml:"position_kk,omitempty" json:"position_kk,omitempty"`
	PositionRU string `yaml:"position_ru,omitempty" json:"position_ru,omitempty"`
	Name       string `yaml:"name,omitempty" json:"name,omitempty"`
}

// DocumentSpec is one document of the application: either an attached PDF
// (File) or a document konkurs renders itself (Render).
type DocumentSpec struct {
	// Role says which document of items 6–7 this is: annex1 … annex6,
	// authorized_conclusion or other.
	Role Role `yaml:"role" json:"role" jsonschema:"enum=annex1,enum=annex2,enum=annex3,enum=annex4,enum=annex5,enum=annex6,enum=authorized_conclusion,enum=other"`
	// Titles for the inventory and manifest; when empty, the role's standard
	// title is used (required for role "other").
	TitleKK string `yaml:"title_kk,omitempty" json:"title_kk,omitempty"`
	TitleRU string `yaml:"title_ru,omitempty" json:"title_ru,omitempty"`
	// File is an attached PDF, relative to the spec file.
	File string `yaml:"file,omitempty" json:"file,omitempty"`
	// Render asks konkurs to render the document itself.
	Render *RenderSpec `yaml:"render,omitempty" json:"render,omitempty"`
}

// RenderSpec names a document kind konkurs renders, its input and language.
type RenderSpec struct {
	Kind  string `yaml:"kind" json:"kind"`
	Input string `yaml:"input" json:"input"`
	Lang  string `yaml:"lang" json:"lang" jsonschema:"enum=kk,enum=ru"`
}

// LoadSpec reads a spec from a YAML or JSON file; unknown fields are errors.
// A file that cannot be read or decoded is a *competition.ValidationError
// naming the file (and the line), printable in the user's language, like
// every other input of konkurs. Problems with the content are reported by
// Validate, not here.
func LoadSpec(path string) (*Spec, error) {
	var s Spec
	if err := competition.ReadFile(path, &s); err != nil {
		return nil, err
	}
	abs, err := filepath.Abs(filepath.Dir(path))
	if err != nil {
		return nil, err
	}
	s.dir = abs
	return &s, nil
}

// SetDir sets the directory relative document paths are resolved from (a
// spec built in code rather than loaded from a file).
func (s *Spec) SetDir(dir string) { s.dir = dir }

func (s *Spec) resolve(p string) string {
	if p == "" || filepath.IsAbs(p) || s.dir == "" {
		return p
	}
	return filepath.Join(s.dir, p)
}
