package dossier

import (
	"bytes"
	"fmt"
	"io"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// pageRun is a run of pages of one PDF to bind: From..To (1-based), or the
// whole file when From is 0. Parsed, when set, is the file already read
// (whole files only); it is used once.
type pageRun struct {
	Data     []byte
	From, To int
	Parsed   *model.Context
}

// Sheet-number stamp: top right as the page is read (pdfcpu lays stamps out
// in the rotated page's reading orientation), 12 pt, framed on a white box.
// A page number the file already carries is part of the document and stays;
// the frame sets the dossier's sheet number apart from it.
const (
	sheetNumberStamp = "fontname:" + stampFontName + ", points:12, position:tr, offset:-28 -20, " +
		"scalefactor:1 abs, rotation:0, fillcolor:#000000, bgcolor:#FFFFFF, margins:2 4, border:0.6 #000000, opacity:1"
	copyMarkStamp = "fontname:" + stampFontName + ", points:16, position:tc, offset:0 -20, " +
		"scalefactor:1 abs, rotation:0, fillcolor:#B00000, bgcolor:#FFFFFF, margins:3 6, " +
		"border:1 #B00000, opacity:1"
)

// bindVolume merges the runs in order, stamps the sheet numbers 1..numbered
// on the first numbered pages (the certification sheet after them is not
// numbered) and, when copyText is set, marks the first sheet with it.
// Bookmarks, when given, replace the parts' own outlines so that the
// electronic copy opens on a table of the dossier's documents. The volume is
// written byte for byte the same for the same input (see writeCanonical).
func bindVolume(w io.Writer, runs []pageRun, numbered int, copyText string, bookmarks []pdfcpu.Bookmark, info volumeInfo) error {
	var dest *model.Context
	for i, r := range runs {
		ctx, err := runContext(r)
		if err != nil {
			return fmt.Errorf("part %d: %w", i+1, err)
		}
		if dest == nil {
			dest = ctx
			dest.EnsureVersionForWriting()
			continue
		}
		if err := pdfcpu.MergeXRefTables("", ctx, dest, false, false); err != nil {
			return fmt.Errorf("merge part %d: %w", i+1, err)
		}
	}
	if dest == nil {
		return fmt.Errorf("empty volume")
	}
	if numbered > dest.PageCount {
		return fmt.Errorf("volume has %d pages, expected at least %d", dest.PageCount, numbered)
	}
	// Stamping needs the optimizer's font inventory of the merged file.
	if err := api.OptimizeContext(dest); err != nil {
		return fmt.Errorf("optimize: %w", err)
	}
	wm, err := api.TextWatermark("%p", sheetNumberStamp, true, false, types.POINTS)
	if err != nil {
		return fmt.Errorf("sheet number stamp: %w", err)
	}
	pages := types.IntSet{}
	for p := 1; p <= numbered; p++ {
		pages[p] = true
	}
	if err := api.WatermarkContext(dest, pages, wm); err != nil {
		return fmt.Errorf("stamp sheet numbers: %w", err)
	}
	if len(bookmarks) > 0 {
		if err := pdfcpu.AddBookmarks(dest, bookmarks, true); err != nil {
			return fmt.Errorf("bookmarks: %w", err)
		}
	}
	if copyText != "" {
		mark, err := api.TextWatermark(copyText, copyMarkStamp, true, false, types.POINTS)
		if err != nil {
			return fmt.Errorf("copy mark: %w", err)
		}
		if err := api.WatermarkContext(dest, types.IntSet{1: true}, mark); err != nil {
			return fmt.Errorf("stamp copy mark: %w", err)
		}
	}
	return writeCanonical(w, dest, info)
}

func runContext(r pageRun) (*model.Context, error) {
	if r.Parsed != nil && r.From == 0 {
		return r.Parsed, nil
	}
	ctx, err := api.ReadAndValidate(bytes.NewReader(r.Data), pdfConfig())
	if err != nil {
		return nil, err
	}
	if r.From == 0 || (r.From == 1 && r.To == ctx.PageCount) {
		return ctx, nil
	}
	pages := make([]int, 0, r.To-r.From+1)
	for p := r.From; p <= r.To; p++ {
		pages = append(pages, p)
	}
	part, err := pdfcpu.ExtractPages(ctx, pages, false)
	if err != nil {
		return nil, err
	}
	// An extracted context lacks the read bookkeeping merging needs; a
	// round trip through bytes restores it. Only documents longer than a
	// volume take this path.
	var buf bytes.Buffer
	if err := api.WriteContext(part, &buf); err != nil {
		return nil, err
	}
	return api.ReadAndValidate(bytes.NewReader(buf.Bytes()), pdfConfig())
}
