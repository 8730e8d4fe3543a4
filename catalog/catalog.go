package catalog

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"
)

// Lang is a language of the user interface and of documents.
type Lang string

const (
	KK Lang = "kk"
	RU Lang = "ru"
	EN Lang = "en" // fallback for messages only; documents are kk or ru
)

// DocumentLangs are the languages every document is rendered in.
var DocumentLangs = []Lang{KK, RU}

// ParseLang accepts "kk", "ru" or "en" (any case); anything else is an error.
func ParseLang(s string) (Lang, error) {
	switch l := Lang(strings.ToLower(strings.TrimSpace(s))); l {
	case KK, RU, EN:
		return l, nil
	}
	return "", fmt.Errorf("unknown language %q: use kk, ru or en", s)
}

// Messages are stored one file per area and language: messages/AREA.LANG.yaml,
// each a flat map from key to text with {name} placeholders.
//
//go:embed messages/*.yaml
var messageFiles embed.FS

var (
	loadOnce sync.Once
	texts    map[Lang]map[string]string
	loadErr  error
)

func load() {
	texts = map[Lang]map[string]string{KK: {}, RU: {}, EN: {}}
	loadErr = fs.WalkDir(messageFiles, "messages", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		base := strings.TrimSuffix(path.Base(p), ".yaml")
		dot := strings.LastIndexByte(base, '.')
		if dot < 0 {
			return fmt.Errorf("catalog file %s: name must be AREA.LANG.yaml", p)
		}
		lang := Lang(base[dot+1:])
		m, ok := texts[lang]
		if !ok {
			return fmt.Errorf("catalog file %s: unknown language %q", p, lang)
		}
		data, err := messageFiles.ReadFile(p)
		if err != nil {
			return err
		}
		var entries map[string]string
		if err := yaml.Unmarshal(data, &entries); err != nil {
			return fmt.Errorf("catalog file %s: %w", p, err)
		}
		for k, v := range entries {
			if _, dup := m[k]; dup {
				return fmt.Errorf("catalog file %s: key %q defined twice", p, k)
			}
			m[k] = v
		}
		return nil
	})
}

// T returns the text for key in lang with {name} placeholders replaced from
// kv pairs ("name", "value", ...). A key missing in lang falls back to
// English, then to the key itself, so a gap never hides the message.
func T(lang Lang, key string, kv ...string) string {
	loadOnce.Do(load)
	if loadErr != nil {
		panic(loadErr) // the catalog is embedded: a broken file is a build defect
	}
	s, ok := texts[lang][key]
	if !ok {
		if s, ok = texts[EN][key]; !ok {
			s = key
		}
	}
	if len(kv) == 0 {
		return s
	}
	pairs := make([]string, 0, len(kv))
	for i := 0; i+1 < len(kv); i += 2 {
		pairs = append(pairs, "{"+kv[i]+"}", kv[i+1])
	}
	return strings.NewReplacer(pairs...).Replace(s)
}

// Has reports whether key is defined in lang (without fallback).
func Has(lang Lang, key string) bool {
	loadOnce.Do(load)
	_, ok := texts[lang][key]
	return ok
}

// Keys lists every key defined in lang, sorted; tests use it to prove that
// Kazakh and Russian define the same keys.
func Keys(lang Lang) ([]string, error) {
	loadOnce.Do(load)
	if loadErr != nil {
		return nil, loadErr
	}
	keys := make([]string, 0, len(texts[lang]))
	for k := range texts[lang] {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys, nil
}
