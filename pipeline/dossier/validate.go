package dossier

import (
	"fmt"
	"os"
	"strings"

	"github.com/konkurs/konkurs/catalog"
)

// Validate checks the spec and lists every problem, in lang: the stage, the
// languages, each document's role, title and source, and completeness for the
// stage (items 6–8). It does not open the attachments (Build does).
func (s *Spec) Validate(lang catalog.Lang) error {
	ps := &problems{lang: lang}
	switch s.Stage {
	case 1:
		if s.TookPartInStage1 != nil {
			ps.add("took_part_in_stage1", "dossier.err.stage1_flag")
		}
	case 2:
		if s.TookPartInStage1 == nil {
			ps.add("took_part_in_stage1", "dossier.err.stage2_flag_missing")
		}
	default:
		ps.add("stage", "dossier.err.stage", "value", fmt.Sprint(s.Stage))
	}
	if _, err := s.languages(); err != nil {
		ps.add("languages", "dossier.err.languages", "value", strings.Join(s.Languages, ", "))
	}
	if len(s.Documents) == 0 {
		ps.add("documents", "dossier.err.no_documents")
	}
	for i, d := range s.Documents {
		at := fmt.Sprintf("documents[%d]", i)
		if !d.Role.valid() {
			ps.add(at+".role", "dossier.err.role", "value", string(d.Role), "roles", rolesList())
		}
		if d.Role == RoleOther {
			if strings.TrimSpace(d.TitleKK) == "" {
				ps.add(at+".title_kk", "dossier.err.title_missing")
			}
			if strings.TrimSpace(d.TitleRU) == "" {
				ps.add(at+".title_ru", "dossier.err.title_missing")
			}
		}
		switch {
		case d.File != "" && d.Render != nil:
			ps.add(at, "dossier.err.file_and_render")
		case d.File == "" && d.Render == nil:
			ps.add(at, "dossier.err.no_source")
		case d.File != "":
			if st, err := os.Stat(s.resolve(d.File)); err != nil || st.IsDir() {
				ps.add(at+".file", "dossier.err.file_missing", "file", d.File)
			}
		default:
			if d.Render.Kind == "" {
				ps.add(at+".render.kind", "dossier.err.render_kind")
			}
			if d.Render.Input == "" {
				ps.add(at+".render.input", "dossier.err.render_input")
			} else if _, err := os.Stat(s.resolve(d.Render.Input)); err != nil {
				ps.add(at+".render.input", "dossier.err.file_missing", "file", d.Render.Input)
			}
			if l := d.Render.Lang; l != "kk" && l != "ru" {
				ps.add(at+".render.lang", "dossier.err.render_lang", "value", l)
			}
		}
	}
	if s.Stage == 1 || (s.Stage == 2 && s.TookPartInStage1 != nil) {
		for _, m := range missingDocuments(s) {
			ps.add("documents", "dossier.err.missing_document",
				"document", catalog.T(lang, "dossier.role."+string(m.Role)),
				"role", string(m.Role), "item", m.Item, "stage", fmt.Sprint(s.Stage))
		}
	}
	return ps.err()
}

func rolesList() string {
	names := make([]string, len(Roles))
	for i, r := range Roles {
		names[i] = string(r)
	}
	return strings.Join(names, ", ")
}

// languages returns the languages of the inventory and certification sheets:
// both kk and ru unless the spec picks one.
func (s *Spec) languages() ([]catalog.Lang, error) {
	if len(s.Languages) == 0 {
		return []catalog.Lang{catalog.KK, catalog.RU}, nil
	}
	var out []catalog.Lang
	seen := map[catalog.Lang]bool{}
	for _, v := range s.Languages {
		l := catalog.Lang(strings.ToLower(strings.TrimSpace(v)))
		if l != catalog.KK && l != catalog.RU {
			return nil, fmt.Errorf("language %q", v)
		}
		if !seen[l] {
			seen[l] = true
			out = append(out, l)
		}
	}
	// Kazakh, the state language, comes first.
	if len(out) == 2 && out[0] == catalog.RU {
		out[0], out[1] = out[1], out[0]
	}
	return out, nil
}

// titles returns the document's kk and ru titles, the role's standard title
// filling a gap.
func (d DocumentSpec) titles() (kk, ru string) {
	kk, ru = strings.TrimSpace(d.TitleKK), strings.TrimSpace(d.TitleRU)
	if kk == "" {
		kk = catalog.T(catalog.KK, "dossier.role."+string(d.Role))
	}
	if ru == "" {
		ru = catalog.T(catalog.RU, "dossier.role."+string(d.Role))
	}
	return kk, ru
}

// sourceUsable reports whether the document's source can be read or
// rendered at all; Validate explains why when it cannot.
func (d DocumentSpec) sourceUsable(s *Spec) bool {
	exists := func(p string) bool {
		st, err := os.Stat(s.resolve(p))
		return err == nil && !st.IsDir()
	}
	switch {
	case d.File != "" && d.Render == nil:
		return exists(d.File)
	case d.File == "" && d.Render != nil:
		r := d.Render
		return r.Kind != "" && r.Input != "" && exists(r.Input) && (r.Lang == "kk" || r.Lang == "ru")
	}
	return false
}
