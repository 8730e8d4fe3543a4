package archive

import (
	"bufio"
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"errors"
	"fmt"
	"hash"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/konkurs/konkurs/catalog"
)

// BagProblem is one reason a bag is not valid; Key names its message in the
// catalog.
type BagProblem struct {
	File string
	Key  string
	Args []string
}

// Message is the problem in lang.
func (p BagProblem) Message(lang catalog.Lang) string {
	return p.File + ": " + catalog.T(lang, p.Key, p.Args...)
}

var bagHashes = map[string]func() hash.Hash{
	"md5": md5.New, "sha1": sha1.New, "sha256": sha256.New, "sha512": sha512.New,
}

// ValidateBag checks a BagIt bag (RFC 8493 §3): the declaration, that every
// payload file is listed in every payload manifest and every listed file
// exists with the listed checksum, the tag manifests, and Payload-Oxum.
// It returns the problems found; an empty list means the bag is valid.
func ValidateBag(dir string) ([]BagProblem, error) {
	var problems []BagProblem
	add := func(file, key string, args ...string) {
		problems = append(problems, BagProblem{File: file, Key: key, Args: args})
	}
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return nil, newError("archive.err.file_read", err, "file", dir)
	}
	checkDeclaration(dir, add)
	if _, err := os.Stat(filepath.Join(dir, "fetch.txt")); err == nil {
		add("fetch.txt", "archive.bag.fetch")
	}
	payload, err := payloadFiles(dir)
	if err != nil {
		return nil, err
	}
	payloadManifests, tagManifests, err := manifestFiles(dir)
	if err != nil {
		return nil, err
	}
	if len(payloadManifests) == 0 {
		add("manifest-*.txt", "archive.bag.no_manifest")
	}
	for _, mf := range payloadManifests {
		listed := checkManifest(dir, mf, true, add)
		for _, p := range payload {
			if !listed[p] {
				add(p, "archive.bag.unlisted", "manifest", mf)
			}
		}
	}
	for _, tf := range tagManifests {
		checkManifest(dir, tf, false, add)
	}
	checkOxum(dir, payload, add)
	return problems, nil
}

func checkDeclaration(dir string, add func(file, key string, args ...string)) {
	data, err := os.ReadFile(filepath.Join(dir, "bagit.txt"))
	if err != nil {
		add("bagit.txt", "archive.bag.no_declaration")
		return
	}
	lines := strings.Split(strings.TrimRight(string(data), "\r\n"), "\n")
	if len(lines) != 2 || !strings.HasPrefix(lines[0], "BagIt-Version: ") ||
		strings.TrimSpace(strings.TrimRight(lines[1], "\r")) != "Tag-File-Character-Encoding: UTF-8" {
		add("bagit.txt", "archive.bag.bad_declaration")
		return
	}
	v := strings.TrimSpace(strings.TrimPrefix(strings.TrimRight(lines[0], "\r"), "BagIt-Version: "))
	if maj, _, ok := strings.Cut(v, "."); !ok || maj != "1" && maj != "0" {
		add("bagit.txt", "archive.bag.bad_declaration")
	}
}

func payloadFiles(dir string) ([]string, error) {
	var out []string
	root := filepath.Join(dir, "data")
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type().IsRegular() {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, newError("archive.err.file_read", err, "file", root)
	}
	sort.Strings(out)
	return out, nil
}

func manifestFiles(dir string) (payload, tag []string, err error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, nil, newError("archive.err.file_read", err, "file", dir)
	}
	for _, e := range entries {
		n := e.Name()
		switch {
		case strings.HasPrefix(n, "manifest-") && strings.HasSuffix(n, ".txt"):
			payload = append(payload, n)
		case strings.HasPrefix(n, "tagmanifest-") && strings.HasSuffix(n, ".txt"):
			tag = append(tag, n)
		}
	}
	return payload, tag, nil
}

// checkManifest verifies every line of one manifest and returns the set of
// paths it lists.
func checkManifest(dir, name string, isPayload bool, add func(file, key string, args ...string)) map[string]bool {
	listed := map[string]bool{}
	alg := strings.TrimSuffix(strings.TrimPrefix(strings.TrimPrefix(name, "tag"), "manifest-"), ".txt")
	newHash, ok := bagHashes[alg]
	if !ok {
		add(name, "archive.bag.algorithm", "algorithm", alg)
		return listed
	}
	f, err := os.Open(filepath.Join(dir, name))
	if err != nil {
		add(name, "archive.bag.unreadable")
		return listed
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		if text == "" {
			continue
		}
		sum, rel, ok := strings.Cut(text, " ")
		rel = strings.TrimLeft(rel, " \t")
		if !ok || rel == "" {
			add(name, "archive.bag.bad_line", "line", strconv.Itoa(line))
			continue
		}
		rel = decodeBagPath(rel)
		clean := path.Clean(rel)
		if clean != rel || strings.HasPrefix(rel, "/") || rel == ".." || strings.HasPrefix(rel, "../") {
			add(name, "archive.bag.bad_path", "line", strconv.Itoa(line), "path", rel)
			continue
		}
		if isPayload != strings.HasPrefix(rel, "data/") {
			add(name, "archive.bag.bad_path", "line", strconv.Itoa(line), "path", rel)
			continue
		}
		listed[rel] = true
		got, err := hashPath(filepath.Join(dir, filepath.FromSlash(rel)), newHash())
		if err != nil {
			add(rel, "archive.bag.missing", "manifest", name)
			continue
		}
		if !strings.EqualFold(got, sum) {
			add(rel, "archive.bag.checksum", "manifest", name, "want", sum, "got", got)
		}
	}
	if err := sc.Err(); err != nil {
		add(name, "archive.bag.unreadable")
	}
	return listed
}

// decodeBagPath undoes RFC 8493's percent-encoding of CR, LF and '%'.
// encodeBagPath escapes what RFC 8493 section 2.1.3 asks to escape in
// manifest paths; file names may hold '%' (names with spaces need nothing).
func encodeBagPath(p string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(p)
}

func decodeBagPath(p string) string {
	return strings.NewReplacer("%0D", "\r", "%0d", "\r", "%0A", "\n", "%0a", "\n", "%25", "%").Replace(p)
}

func checkOxum(dir string, payload []string, add func(file, key string, args ...string)) {
	f, err := os.Open(filepath.Join(dir, "bag-info.txt"))
	if err != nil {
		return // bag-info.txt is optional
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		label, value, ok := strings.Cut(sc.Text(), ":")
		if !ok || !strings.EqualFold(strings.TrimSpace(label), "Payload-Oxum") {
			continue
		}
		value = strings.TrimSpace(value)
		var octets int64
		var count int
		for _, p := range payload {
			if st, err := os.Stat(filepath.Join(dir, filepath.FromSlash(p))); err == nil {
				octets += st.Size()
			}
			count++
		}
		if got := fmt.Sprintf("%d.%d", octets, count); got != value {
			add("bag-info.txt", "archive.bag.oxum", "want", value, "got", got)
		}
	}
}
