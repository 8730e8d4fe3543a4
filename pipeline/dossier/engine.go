package dossier

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	pdffont "github.com/pdfcpu/pdfcpu/pkg/font"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"

	"github.com/konkurs/konkurs/templates/fonts"
)

// stampFontName is the PostScript name under which Liberation Sans is
// installed for stamping. pdfcpu reuses any subset font of the same name it
// finds in the stamped file and then fails on it ("corrupt fontDict: invalid
// encoding"), which happens with LibreOffice PDFs that embed Liberation Sans
// or Serif; a name no other PDF carries avoids that. It has the length of
// "LiberationSans" so that renaming rewrites bytes in place.
const stampFontName = "KonkursSheetNr"

var (
	engineOnce sync.Once
	engineErr  error
)

// setupEngine points pdfcpu at its own configuration directory under
// cacheDir (never ~/.config/pdfcpu) and installs the stamp font there.
// pdfcpu keeps that directory in package state, so it is set once per process.
func setupEngine(cacheDir string) error {
	engineOnce.Do(func() { engineErr = installEngine(cacheDir) })
	return engineErr
}

func installEngine(cacheDir string) error {
	if cacheDir == "" {
		base, err := os.UserCacheDir()
		if err != nil {
			base = os.TempDir()
		}
		cacheDir = filepath.Join(base, "konkurs")
	}
	if err := os.MkdirAll(cacheDir, 0o755); err != nil {
		return fmt.Errorf("pdf engine cache %s: %w", cacheDir, err)
	}
	if err := api.EnsureDefaultConfigAt(cacheDir); err != nil {
		return fmt.Errorf("pdf engine config in %s: %w", cacheDir, err)
	}
	ttf, err := renamedFont(fonts.SansRegular, "LiberationSans", stampFontName)
	if err != nil {
		return err
	}
	if err := pdffont.InstallFontFromBytesQuiet(pdffont.UserFontDir, stampFontName, ttf); err != nil {
		return fmt.Errorf("install stamp font: %w", err)
	}
	if err := pdffont.ReloadUserFonts(); err != nil {
		return fmt.Errorf("load stamp font: %w", err)
	}
	return nil
}

// pdfConfig returns a fresh pdfcpu configuration; relaxed validation accepts
// the small defects common in scanners' and office suites' output.
func pdfConfig() *model.Configuration {
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationRelaxed
	return conf
}

// renamedFont rewrites the PostScript name (name ID 6) in a TrueType font's
// name table. The new name must have the old name's length.
func renamedFont(ttf []byte, from, to string) ([]byte, error) {
	if len(from) != len(to) {
		return nil, errors.New("stamp font: new name must have the old name's length")
	}
	out := bytes.Clone(ttf)
	if len(out) < 12 {
		return nil, errors.New("stamp font: not a TrueType file")
	}
	be := binary.BigEndian
	tables := int(be.Uint16(out[4:]))
	for i := range tables {
		rec := 12 + 16*i
		if rec+16 > len(out) || string(out[rec:rec+4]) != "name" {
			continue
		}
		off := int(be.Uint32(out[rec+8:]))
		count := int(be.Uint16(out[off+2:]))
		strings := off + int(be.Uint16(out[off+4:]))
		renamed := 0
		for r := range count {
			nr := off + 6 + 12*r
			platform, nameID := be.Uint16(out[nr:]), be.Uint16(out[nr+6:])
			length, start := int(be.Uint16(out[nr+8:])), strings+int(be.Uint16(out[nr+10:]))
			if nameID != 6 {
				continue
			}
			old, repl := []byte(from), []byte(to)
			if platform == 3 || platform == 0 { // UTF-16BE
				old, repl = utf16BE(from), utf16BE(to)
			}
			if length != len(old) || !bytes.Equal(out[start:start+length], old) {
				continue
			}
			copy(out[start:], repl)
			renamed++
		}
		if renamed == 0 {
			return nil, fmt.Errorf("stamp font: PostScript name %q not found", from)
		}
		return out, nil
	}
	return nil, errors.New("stamp font: no name table")
}

func utf16BE(s string) []byte {
	b := make([]byte, 0, 2*len(s))
	for _, r := range s { // ASCII names only
		b = append(b, 0, byte(r))
	}
	return b
}
