package web

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/konkurs/konkurs/atomicfile"
	"github.com/konkurs/konkurs/competition"
)

// caseFiles is the folder of competition case files. Files are re-read
// when they change on disk, so an edit outside the web shows at once.
type caseFiles struct {
	dir   string
	mu    sync.Mutex // serialises writes; reads use the cache under it too
	cache map[string]cachedCase
}

type cachedCase struct {
	mod  time.Time
	size int64
	cf   *competition.CaseFile
	err  error
}

// caseEntry is one file of the folder: a valid case file or its problems.
type caseEntry struct {
	File string // base name
	Path string
	Case *competition.CaseFile
	Err  error
}

// ID is the competition's ID, or the file's name when it does not parse.
func (e caseEntry) ID() string {
	if e.Case != nil {
		return e.Case.Competition.ID
	}
	return strings.TrimSuffix(e.File, filepath.Ext(e.File))
}

func newCaseFiles(dir string) *caseFiles {
	return &caseFiles{dir: dir, cache: map[string]cachedCase{}}
}

func isCaseFileName(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".yaml", ".yml", ".json":
		return !strings.HasPrefix(name, ".")
	}
	return false
}

// list loads every case file of the folder, sorted by competition ID.
func (c *caseFiles) list() ([]caseEntry, error) {
	if c.dir == "" {
		return nil, nil
	}
	entries, err := os.ReadDir(c.dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []caseEntry
	for _, e := range entries {
		if e.IsDir() || !isCaseFileName(e.Name()) {
			continue
		}
		p := filepath.Join(c.dir, e.Name())
		cf, err := c.loadLocked(p)
		out = append(out, caseEntry{File: e.Name(), Path: p, Case: cf, Err: err})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID() < out[j].ID() })
	return out, nil
}

func (c *caseFiles) loadLocked(p string) (*competition.CaseFile, error) {
	fi, err := os.Stat(p)
	if err != nil {
		return nil, err
	}
	if hit, ok := c.cache[p]; ok && hit.mod.Equal(fi.ModTime()) && hit.size == fi.Size() {
		return hit.cf, hit.err
	}
	cf, err := competition.Load(p)
	if ve, ok := err.(*competition.ValidationError); ok {
		ve.File = filepath.Base(p) // never show the server's paths
	}
	c.cache[p] = cachedCase{mod: fi.ModTime(), size: fi.Size(), cf: cf, err: err}
	return cf, err
}

// get returns the competition with id; errNotFound when there is none. A
// file whose name is the ID but which does not validate is returned with
// its problems so the organizer can fix it.
func (c *caseFiles) get(id string) (caseEntry, error) {
	list, err := c.list()
	if err != nil {
		return caseEntry{}, err
	}
	for _, e := range list {
		if e.ID() == id {
			return e, nil
		}
	}
	return caseEntry{}, errNotFound
}

// replace validates data as the new version of the case file at entry and
// writes it, keeping the old version under .history/. The competition ID
// may not change: other records refer to it.
func (c *caseFiles) replace(entry caseEntry, data []byte) (*competition.CaseFile, error) {
	var cf competition.CaseFile
	name := entry.File
	if err := competition.Decode(data, name, &cf); err != nil {
		return nil, err
	}
	if err := cf.Validate(); err != nil {
		err.(*competition.ValidationError).File = name
		return nil, err
	}
	if entry.Case != nil && cf.Competition.ID != entry.Case.Competition.ID {
		ve := &competition.ValidationError{File: name}
		ve.Add("competition.id", "web_id_changed", "id", entry.Case.Competition.ID)
		return nil, ve
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if old, err := os.ReadFile(entry.Path); err == nil {
		hist := filepath.Join(c.dir, ".history", fmt.Sprintf("%s.%s%s",
			strings.TrimSuffix(name, filepath.Ext(name)), time.Now().UTC().Format("20060102T150405.000000000Z"), filepath.Ext(name)))
		if err := atomicfile.Write(hist, old, 0o644); err != nil {
			return nil, err
		}
	}
	if err := atomicfile.Write(entry.Path, data, 0o644); err != nil {
		return nil, err
	}
	delete(c.cache, entry.Path)
	return &cf, nil
}

// withApplication returns the case file's YAML text with app appended to
// its applications, keeping the file's comments and layout.
func withApplication(data []byte, app competition.Application) ([]byte, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, err
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, errors.New("case file is not a YAML mapping")
	}
	root := doc.Content[0]
	var appNode yaml.Node
	if err := appNode.Encode(app); err != nil {
		return nil, err
	}
	var list *yaml.Node
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == "applications" {
			list = root.Content[i+1]
		}
	}
	if list == nil {
		list = &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		root.Content = append(root.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: "applications"}, list)
	}
	if list.Kind != yaml.SequenceNode {
		return nil, errors.New("applications is not a list")
	}
	list.Content = append(list.Content, &appNode)
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return nil, err
	}
	return buf.Bytes(), enc.Close()
}

// create validates data as a new competition's case file and writes it as
// ID.yaml (or .json); a competition with the same ID is refused.
func (c *caseFiles) create(data []byte, name string) (*competition.CaseFile, error) {
	ext := ".yaml"
	if strings.EqualFold(filepath.Ext(name), ".json") {
		ext = ".json"
	}
	cf, err := decodeCaseFile(data, "casefile"+ext)
	if err != nil {
		return nil, err
	}
	taken := func() error {
		ve := &competition.ValidationError{File: filepath.Base(name)}
		ve.Add("competition.id", "web_id_taken", "id", cf.Competition.ID)
		return ve
	}
	if _, err := c.get(cf.Competition.ID); err == nil {
		return nil, taken()
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	p := filepath.Join(c.dir, cf.Competition.ID+ext)
	if _, err := os.Stat(p); err == nil {
		return nil, taken()
	}
	if err := atomicfile.Write(p, data, 0o644); err != nil {
		return nil, err
	}
	return cf, nil
}
