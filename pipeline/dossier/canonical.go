package dossier

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"regexp"
	"slices"
	"strings"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// Volumes are written by writeCanonical rather than by pdfcpu's writer,
// because the archive deduplicates and verifies dossiers by their SHA-256
// and pdfcpu v0.15.0 cannot write the same file twice:
//   - it sets the Info dictionary's CreationDate and ModDate to the current
//     time and derives the trailer /ID from the current time, with no option
//     to turn either off;
//   - merging renumbers each source's objects by iterating a Go map, and
//     writing visits a dictionary's entries in map order, so object numbers,
//     object order and offsets change from run to run;
//   - a subset font's tag (the "ABCDEF+" of "ABCDEF+KonkursSheetNr") is drawn
//     from a random source seeded with the clock.
//
// writeCanonical serializes the merged, stamped document itself: objects are
// numbered in breadth-first order from the catalog and the Info dictionary,
// following dictionary keys in sorted order, and written in that order with
// a classic cross-reference table; the Info dictionary is ours (its dates
// come from the spec, never the clock); the stamp font's subset tags are
// derived from the subset's bytes; and the /ID is taken from the SHA-256 of
// everything written before the cross-reference table. The same input thus
// always gives the same bytes.

// volumeInfo is what the Info dictionary of a volume says.
type volumeInfo struct {
	Title string
	// Date is a PDF date ("D:20260312") or empty for none.
	Date string
}

var producer = "konkurs (pdfcpu " + model.VersionStr + ")"

// writeCanonical writes ctx to w, deterministically (see above).
func writeCanonical(w io.Writer, ctx *model.Context, info volumeInfo) error {
	if ctx.Root == nil {
		return errors.New("write volume: no document catalog")
	}
	// Named destinations (the bookmarks') live in pdfcpu's name tree cache
	// until bound into the catalog, as its own writer does first.
	if !ctx.ApplyReducedFeatureSet() {
		if err := ctx.BindNameTrees(); err != nil {
			return fmt.Errorf("write volume: name trees: %w", err)
		}
	}
	if err := renameStampSubsets(ctx); err != nil {
		return err
	}
	pages, err := pageTreeObjects(ctx)
	if err != nil {
		return err
	}
	c := &canonical{ctx: ctx, pages: pages, newNr: map[int]int{}}

	// The catalog is the first bound file's. It loses /Version (the header
	// says the version, as in pdfcpu's own writer) and /Metadata: that XMP
	// packet describes the first file, its title and dates, not the volume,
	// and would contradict the volume's Info dictionary.
	root, err := ctx.DereferenceDict(*ctx.Root)
	if err != nil || root == nil {
		return fmt.Errorf("write volume: catalog: %v", err)
	}
	root = copyDict(root)
	delete(root, "Version")
	delete(root, "Metadata")

	c.number(int(ctx.Root.ObjectNumber), root)
	infoNr := c.add(infoDict(info))
	for i := 0; i < len(c.objects); i++ {
		if err := c.scan(c.objects[i]); err != nil {
			return err
		}
	}

	hw := &hashingWriter{w: bufio.NewWriterSize(w, 64<<10), h: sha256.New()}
	version := "1.7"
	if ctx.XRefTable.Version() >= model.V20 {
		version = "2.0"
	}
	// The comment's high bytes mark the file as binary for transfer tools.
	hw.writeString("%PDF-" + version + "\n%\xe2\xe3\xcf\xd3\n")
	offsets := make([]int64, len(c.objects)+1)
	for i, o := range c.objects {
		nr := i + 1
		offsets[nr] = hw.n
		if err := c.writeObject(hw, nr, o); err != nil {
			return err
		}
	}
	if hw.err != nil {
		return hw.err
	}
	id := hex.EncodeToString(hw.h.Sum(nil)[:16])
	xref := hw.n
	var b strings.Builder
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(offsets))
	for _, off := range offsets[1:] {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<</ID[<%s><%s>]/Info %d 0 R/Root 1 0 R/Size %d>>\nstartxref\n%d\n%%%%EOF\n",
		id, id, infoNr, len(offsets), xref)
	hw.writeString(b.String())
	if hw.err != nil {
		return hw.err
	}
	return hw.w.(*bufio.Writer).Flush()
}

// canonical numbers the objects reachable from the catalog.
type canonical struct {
	ctx   *model.Context
	pages map[int]bool // object numbers of the page tree
	newNr map[int]int  // old object number → new one; 0 for null
	// objects are resolved (never an IndirectRef); object i+1 is objects[i].
	objects []types.Object
}

// number gives the object old its number in the output, the next free one.
func (c *canonical) number(old int, obj types.Object) {
	c.objects = append(c.objects, obj)
	c.newNr[old] = len(c.objects)
}

// add appends an object that has no number in ctx.
func (c *canonical) add(obj types.Object) int {
	c.objects = append(c.objects, obj)
	return len(c.objects)
}

// scan numbers, in a fixed order, the objects o refers to.
func (c *canonical) scan(o types.Object) error {
	switch o := o.(type) {
	case types.IndirectRef:
		old := int(o.ObjectNumber)
		if _, seen := c.newNr[old]; seen {
			return nil
		}
		target, err := c.ctx.Dereference(o)
		if err != nil {
			return fmt.Errorf("write volume: object %d: %w", old, err)
		}
		if target == nil || c.orphanPage(old, target) {
			c.newNr[old] = 0 // written as null
			return nil
		}
		c.number(old, target)
	case types.Dict:
		for _, k := range sortedKeys(o) {
			if err := c.scan(o[k]); err != nil {
				return err
			}
		}
	case types.StreamDict:
		// /Length is written direct, so an indirect length object is
		// left out.
		for _, k := range sortedKeys(o.Dict) {
			if k == "Length" {
				continue
			}
			if err := c.scan(o.Dict[k]); err != nil {
				return err
			}
		}
	case types.Array:
		for _, e := range o {
			if err := c.scan(e); err != nil {
				return err
			}
		}
	}
	return nil
}

// orphanPage tells a page outside the page tree, such as the target of a
// link into a part of the document bound in another volume. pdfcpu's writer
// leaves such pages out too; writing one would drag its old page tree along.
func (c *canonical) orphanPage(nr int, o types.Object) bool {
	d, ok := o.(types.Dict)
	return ok && d.Type() != nil && *d.Type() == "Page" && !c.pages[nr]
}

func (c *canonical) writeObject(w *hashingWriter, nr int, o types.Object) error {
	fmt.Fprintf(w, "%d 0 obj\n", nr)
	switch o := o.(type) {
	case types.StreamDict:
		d := c.remap(o.Dict).(types.Dict)
		d["Length"] = types.Integer(len(o.Raw))
		w.writeString(d.PDFString())
		w.writeString("\nstream\n")
		w.write(o.Raw)
		w.writeString("\nendstream")
	default:
		r := c.remap(o)
		if r == nil {
			w.writeString("null")
		} else {
			w.writeString(r.PDFString())
		}
	}
	w.writeString("\nendobj\n")
	return w.err
}

// remap copies o with every reference renumbered (or null when it points at
// nothing written).
func (c *canonical) remap(o types.Object) types.Object {
	switch o := o.(type) {
	case types.IndirectRef:
		nr := c.newNr[int(o.ObjectNumber)]
		if nr == 0 {
			return nil
		}
		return *types.NewIndirectRef(nr, 0)
	case types.Dict:
		d := make(types.Dict, len(o))
		for k, v := range o {
			d[k] = c.remap(v)
		}
		return d
	case types.Array:
		a := make(types.Array, len(o))
		for i, v := range o {
			a[i] = c.remap(v)
		}
		return a
	case types.StreamDict:
		o.Dict = c.remap(o.Dict).(types.Dict)
		return o
	}
	return o
}

// pageTreeObjects lists the object numbers of the page tree's nodes and pages.
func pageTreeObjects(ctx *model.Context) (map[int]bool, error) {
	root, err := ctx.DereferenceDict(*ctx.Root)
	if err != nil || root == nil {
		return nil, fmt.Errorf("write volume: catalog: %v", err)
	}
	seen := map[int]bool{}
	queue := []types.Object{root["Pages"]}
	for len(queue) > 0 {
		ir, ok := queue[0].(types.IndirectRef)
		queue = queue[1:]
		if !ok || seen[int(ir.ObjectNumber)] {
			continue
		}
		seen[int(ir.ObjectNumber)] = true
		d, err := ctx.DereferenceDict(ir)
		if err != nil {
			return nil, fmt.Errorf("write volume: page tree: %w", err)
		}
		if kids, err := ctx.DereferenceArray(d["Kids"]); err == nil {
			queue = append(queue, kids...)
		}
	}
	return seen, nil
}

func infoDict(info volumeInfo) types.Dict {
	d := types.Dict{"Producer": pdfText(producer), "Creator": pdfText("konkurs")}
	if info.Title != "" {
		d["Title"] = pdfText(info.Title)
	}
	if info.Date != "" {
		d["CreationDate"] = types.StringLiteral(info.Date)
		d["ModDate"] = types.StringLiteral(info.Date)
	}
	return d
}

// pdfText is a text string: ASCII as is, anything else UTF-16BE.
func pdfText(s string) types.Object {
	ascii := true
	for _, r := range s {
		if r > 0x7e || r < 0x20 || r == '(' || r == ')' || r == '\\' {
			ascii = false
			break
		}
	}
	if ascii {
		return types.StringLiteral(s)
	}
	return types.HexLiteral(strings.ToUpper(hex.EncodeToString([]byte(types.EncodeUTF16String(s)))))
}

// subsetTag matches the stamp font's subset names, "ABCDEF+KonkursSheetNr".
var subsetTag = regexp.MustCompile(`^[A-Z]{6}\+` + stampFontName + `$`)

// renameStampSubsets replaces the random tags pdfcpu gives the stamp font's
// subsets with tags derived from each subset's font program, so that equal
// subsets get equal names and different subsets different ones.
func renameStampSubsets(ctx *model.Context) error {
	renamed := map[string]string{}
	nrs := make([]int, 0, len(ctx.Table))
	for nr := range ctx.Table {
		nrs = append(nrs, nr)
	}
	slices.Sort(nrs)
	var dicts []types.Dict
	for _, nr := range nrs {
		e := ctx.Table[nr]
		if e == nil || e.Free {
			continue
		}
		d, ok := e.Object.(types.Dict)
		if !ok {
			continue
		}
		dicts = append(dicts, d)
		name, ok := d["FontName"].(types.Name)
		if !ok || !subsetTag.MatchString(string(name)) {
			continue
		}
		program, _, err := ctx.DereferenceStreamDict(d["FontFile2"])
		if err != nil || program == nil {
			return fmt.Errorf("write volume: stamp font program: %v", err)
		}
		renamed[string(name)] = tagFor(program.Raw) + "+" + stampFontName
	}
	if len(renamed) == 0 {
		return nil
	}
	for _, d := range dicts {
		for _, k := range []string{"FontName", "BaseFont"} {
			if name, ok := d[k].(types.Name); ok {
				if to, ok := renamed[string(name)]; ok {
					d[k] = types.Name(to)
				}
			}
		}
	}
	return nil
}

// tagFor makes six capital letters from the SHA-256 of data.
func tagFor(data []byte) string {
	sum := sha256.Sum256(data)
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = 'A' + sum[i]%26
	}
	return string(tag)
}

func sortedKeys(d types.Dict) []string {
	keys := make([]string, 0, len(d))
	for k := range d {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func copyDict(d types.Dict) types.Dict {
	out := make(types.Dict, len(d))
	for k, v := range d {
		out[k] = v
	}
	return out
}

// hashingWriter writes, counts and hashes; the first error sticks.
type hashingWriter struct {
	w   io.Writer
	h   hash.Hash
	n   int64
	err error
}

func (hw *hashingWriter) Write(p []byte) (int, error) {
	hw.write(p)
	return len(p), hw.err
}

func (hw *hashingWriter) write(p []byte) {
	if hw.err != nil {
		return
	}
	n, err := hw.w.Write(p)
	hw.h.Write(p[:n])
	hw.n += int64(n)
	hw.err = err
}

func (hw *hashingWriter) writeString(s string) { hw.write([]byte(s)) }
