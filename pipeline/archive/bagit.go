package archive

import (
	"context"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/hex"
	"fmt"
	"hash"
	"io"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
)

// BagOptions tune ExportBagIt.
type BagOptions struct {
	// PerVolume writes one bag per dossier volume (DIR/volume-01, …), each
	// with the dossier's manifest.json and Bag-Count "N of T", for transfer
	// media that hold one volume at a time.
	PerVolume bool
}

// BagResult describes the bags written.
type BagResult struct {
	Bags []Bag
}

// Bag is one bag written.
type Bag struct {
	Dir    string
	Files  int
	Octets int64
	Count  string // Bag-Count, "N of T"
}

// ExportBagIt writes the set (or single object) id as a BagIt bag (RFC 8493)
// in dir, for transfer to a state archive: bagit.txt, data/ with the files,
// manifest-sha256.txt and manifest-sha512.txt, bag-info.txt with
// Payload-Oxum and Bag-Count, and tag manifests. Every file is checked
// against its recorded SHA-256 on the way out. The bag is built in a
// temporary directory and renamed into place, so dir never holds half a bag.
func (a *Archive) ExportBagIt(ctx context.Context, id, dir string, opts BagOptions) (BagResult, error) {
	var res BagResult
	if _, err := os.Stat(dir); err == nil {
		return res, newError("archive.err.out_exists", nil, "file", dir)
	}
	groups, setID, err := a.bagGroups(ctx, id, opts)
	if err != nil {
		return res, err
	}
	parent := filepath.Dir(filepath.Clean(dir))
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return res, newError("archive.err.file_write", err, "file", parent)
	}
	tmp, err := os.MkdirTemp(parent, ".bag-*")
	if err != nil {
		return res, newError("archive.err.file_write", err, "file", parent)
	}
	defer os.RemoveAll(tmp)
	for i, g := range groups {
		bagDir := tmp
		if len(groups) > 1 || opts.PerVolume {
			bagDir = filepath.Join(tmp, g.name)
		}
		info := bagInfo{ExternalID: setID, Count: fmt.Sprintf("%d of %d", i+1, len(groups)), Date: a.localDate(a.now())}
		files, octets, err := a.writeBag(ctx, bagDir, g.keys, info)
		if err != nil {
			return res, err
		}
		final := dir
		if bagDir != tmp {
			final = filepath.Join(dir, g.name)
		}
		res.Bags = append(res.Bags, Bag{Dir: final, Files: files, Octets: octets, Count: info.Count})
	}
	if err := os.Rename(tmp, dir); err != nil {
		return res, newError("archive.err.file_write", err, "file", dir)
	}
	return res, nil
}

type bagGroup struct {
	name string
	keys []string
}

func (a *Archive) bagGroups(ctx context.Context, id string, opts BagOptions) ([]bagGroup, string, error) {
	id = strings.TrimSuffix(id, "/")
	if err := validKeyID(id); err != nil {
		return nil, "", err
	}
	if _, err := a.store.Stat(ctx, id); err == nil {
		return []bagGroup{{name: path.Base(id), keys: []string{id}}}, id, nil
	}
	m, err := a.resolveSet(ctx, id)
	if err != nil {
		return nil, "", err
	}
	var volumes, copies, others []ManifestEntry
	for _, f := range m.Files {
		switch {
		case f.Volume > 0 && f.Copy:
			copies = append(copies, f)
		case f.Volume > 0:
			volumes = append(volumes, f)
		default:
			others = append(others, f)
		}
	}
	if !opts.PerVolume || len(volumes) == 0 {
		keys := make([]string, len(m.Files))
		for i, f := range m.Files {
			keys[i] = f.Key
		}
		return []bagGroup{{name: m.Document, keys: keys}}, m.ID, nil
	}
	sort.Slice(volumes, func(i, j int) bool { return volumes[i].Volume < volumes[j].Volume })
	var groups []bagGroup
	for _, v := range volumes {
		// A volume travels with its copy and with the dossier's manifest.
		g := bagGroup{name: fmt.Sprintf("volume-%02d", v.Volume), keys: []string{v.Key}}
		for _, c := range copies {
			if c.Volume == v.Volume {
				g.keys = append(g.keys, c.Key)
			}
		}
		for _, o := range others {
			g.keys = append(g.keys, o.Key)
		}
		groups = append(groups, g)
	}
	return groups, m.ID, nil
}

func validKeyID(id string) error {
	if id == "" || strings.HasPrefix(id, "/") || strings.Contains(id, "..") || strings.ContainsFunc(id, func(r rune) bool { return r < ' ' }) {
		return newError("archive.err.not_found", nil, "id", fmt.Sprintf("%q", id))
	}
	return nil
}

type bagInfo struct {
	ExternalID, Count, Date string
}

// bagAlgorithms are the payload and tag manifest algorithms written.
var bagAlgorithms = []struct {
	name string
	new  func() hash.Hash
}{{"sha256", sha256.New}, {"sha512", sha512.New}}

func (a *Archive) writeBag(ctx context.Context, dir string, keys []string, info bagInfo) (int, int64, error) {
	data := filepath.Join(dir, "data")
	if err := os.MkdirAll(data, 0o755); err != nil {
		return 0, 0, newError("archive.err.file_write", err, "file", data)
	}
	sums := map[string][]string{} // algorithm → manifest lines
	var octets int64
	for _, key := range keys {
		name := path.Base(key)
		hashes := make([]hash.Hash, len(bagAlgorithms))
		writers := make([]io.Writer, len(bagAlgorithms))
		for i, alg := range bagAlgorithms {
			hashes[i] = alg.new()
			writers[i] = hashes[i]
		}
		r, err := a.getOne(ctx, key, data, false)
		if err != nil {
			return 0, 0, err
		}
		f, err := os.Open(r.Path)
		if err != nil {
			return 0, 0, newError("archive.err.file_write", err, "file", r.Path)
		}
		_, err = io.Copy(io.MultiWriter(writers...), f)
		f.Close()
		if err != nil {
			return 0, 0, newError("archive.err.file_write", err, "file", r.Path)
		}
		for i, alg := range bagAlgorithms {
			sums[alg.name] = append(sums[alg.name], hex.EncodeToString(hashes[i].Sum(nil))+"  data/"+encodeBagPath(name)+"\n")
		}
		octets += r.Size
	}
	tagFiles := []string{"bagit.txt", "bag-info.txt"}
	write := func(name, content string) error {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			return newError("archive.err.file_write", err, "file", p)
		}
		return nil
	}
	if err := write("bagit.txt", "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"); err != nil {
		return 0, 0, err
	}
	bi := fmt.Sprintf("Source-Organization: konkurs\nExternal-Identifier: %s\nBagging-Date: %s\nPayload-Oxum: %d.%d\nBag-Count: %s\n",
		info.ExternalID, info.Date, octets, len(keys), info.Count)
	if err := write("bag-info.txt", bi); err != nil {
		return 0, 0, err
	}
	for _, alg := range bagAlgorithms {
		name := "manifest-" + alg.name + ".txt"
		if err := write(name, strings.Join(sums[alg.name], "")); err != nil {
			return 0, 0, err
		}
		tagFiles = append(tagFiles, name)
	}
	for _, alg := range bagAlgorithms {
		var lines strings.Builder
		for _, tf := range tagFiles {
			sum, err := hashPath(filepath.Join(dir, tf), alg.new())
			if err != nil {
				return 0, 0, err
			}
			lines.WriteString(sum + "  " + tf + "\n")
		}
		if err := write("tagmanifest-"+alg.name+".txt", lines.String()); err != nil {
			return 0, 0, err
		}
	}
	return len(keys), octets, nil
}

func hashPath(p string, h hash.Hash) (string, error) {
	f, err := os.Open(p)
	if err != nil {
		return "", newError("archive.err.file_read", err, "file", p)
	}
	defer f.Close()
	if _, err := io.Copy(h, f); err != nil {
		return "", newError("archive.err.file_read", err, "file", p)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
