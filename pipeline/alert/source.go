package alert

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/konkurs/konkurs/catalog"
	"github.com/konkurs/konkurs/competition"
	"github.com/konkurs/konkurs/pipeline/deadline"
)

// Watched is one competition to watch and where it came from.
type Watched struct {
	Source string
	Case   deadline.Case
}

// Source lists the competitions to watch. Files that cannot be read are
// reported as problems (in lang) without stopping the others.
type Source interface {
	Watched(ctx context.Context, lang catalog.Lang) ([]Watched, []Problem, error)
}

// FolderSource watches the case files (*.yaml, *.yml, *.json) in a folder.
type FolderSource struct{ Dir string }

func (f FolderSource) Watched(ctx context.Context, lang catalog.Lang) ([]Watched, []Problem, error) {
	entries, err := os.ReadDir(f.Dir)
	if err != nil {
		return nil, nil, err
	}
	var names []string
	for _, e := range entries {
		switch strings.ToLower(filepath.Ext(e.Name())) {
		case ".yaml", ".yml", ".json":
			if !e.IsDir() && !strings.HasPrefix(e.Name(), ".") {
				names = append(names, e.Name())
			}
		}
	}
	sort.Strings(names)
	var out []Watched
	var problems []Problem
	for _, name := range names {
		if err := ctx.Err(); err != nil {
			return nil, nil, err
		}
		path := filepath.Join(f.Dir, name)
		cf, err := competition.Load(path)
		if err != nil {
			problems = append(problems, Problem{Source: path, Error: localized(err, lang)})
			continue
		}
		out = append(out, Watched{Source: path, Case: deadline.FromCaseFile(cf)})
	}
	return out, problems, nil
}

// localized renders an error in lang when it knows how.
func localized(err error, lang catalog.Lang) string {
	var ve *competition.ValidationError
	if errors.As(err, &ve) {
		return strings.Join(ve.Lines(lang), "; ")
	}
	var t interface{ Text(catalog.Lang) string }
	if errors.As(err, &t) {
		return t.Text(lang)
	}
	return err.Error()
}
