package dossier

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/color"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/signintech/gopdf"

	"github.com/konkurs/konkurs/catalog"
	"github.com/konkurs/konkurs/templates/fonts"
)

// zeroPagePDF is a well-formed PDF whose page tree is empty.
func zeroPagePDF() []byte {
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [] /Count 0 >>",
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

func encryptedPDF(t *testing.T) []byte {
	conf := model.NewAESConfiguration("user-secret", "owner-secret", 256)
	var out bytes.Buffer
	if err := api.Encrypt(bytes.NewReader(attachmentPDF(t, "SECRET", a4)), &out, conf); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// TestBadAttachments: each bad file is named with what is wrong, every one
// of them is reported, and nothing is written.
func TestBadAttachments(t *testing.T) {
	dir := t.TempDir()
	good := attachmentPDF(t, "GOOD", pagesA4(3)...)
	files := map[string][]byte{
		"annex1.pdf":    good,
		"letter.pdf":    []byte("Dear organizer, please find attached..."),
		"truncated.pdf": good[:len(good)/3],
		"secret.pdf":    encryptedPDF(t),
		"empty.pdf":     zeroPagePDF(),
	}
	for name, data := range files {
		writeTemp(t, dir, name, data)
	}
	s := &Spec{Stage: 1, dir: dir, Documents: []DocumentSpec{
		{Role: RoleAnnex1, File: "annex1.pdf"},
		{Role: RoleAnnex2, File: "letter.pdf"},
		{Role: RoleAnnex3, File: "truncated.pdf"},
		{Role: RoleOther, File: "secret.pdf", TitleKK: "Құпия", TitleRU: "Секрет"},
		{Role: RoleOther, File: "empty.pdf", TitleKK: "Бос", TitleRU: "Пустой"},
	}}
	out := filepath.Join(dir, "out")
	_, err := Build(context.Background(), s, Options{OutDir: out, MessageLang: catalog.RU})
	var in *InputError
	if !errors.As(err, &in) {
		t.Fatalf("want *InputError, got %v", err)
	}
	for _, want := range []struct{ key, file string }{
		{"dossier.err.not_pdf", "letter.pdf"},
		{"dossier.err.corrupt", "truncated.pdf"},
		{"dossier.err.encrypted", "secret.pdf"},
		{"dossier.err.no_pages", "empty.pdf"},
	} {
		if !in.Has(want.key) {
			t.Errorf("no %s problem", want.key)
		}
		if !strings.Contains(err.Error(), want.file) {
			t.Errorf("the message does not name %s:\n%v", want.file, err)
		}
	}
	if strings.Contains(err.Error(), "annex1.pdf") {
		t.Errorf("the good file is blamed:\n%v", err)
	}
	if !strings.Contains(err.Error(), "зашифрован") {
		t.Errorf("the message is not in Russian:\n%v", err)
	}
	if _, statErr := os.Stat(out); !errors.Is(statErr, os.ErrNotExist) {
		t.Errorf("output directory written despite errors: %v", statErr)
	}
}

func TestCompletenessRefusal(t *testing.T) {
	no, yes := false, true
	for _, tc := range []struct {
		scenario string
		stage    int
		took     *bool
		roles    []Role
		missing  []string // items named in the error
	}{
		{"stage 1 without the concept and conclusion", 1, nil, []Role{RoleAnnex1}, []string{"6.2", "6.3"}},
		{"stage 2 without the roadmap", 2, &yes, []Role{RoleAnnex4, RoleAnnex5, RoleAuthorizedConclusion}, []string{"7.3"}},
		{"stage 2 newcomer without the Annex 3 conclusion", 2, &no,
			[]Role{RoleAnnex4, RoleAnnex5, RoleAnnex6, RoleAuthorizedConclusion}, []string{"7.5, 8"}},
	} {
		t.Run(tc.scenario, func(t *testing.T) {
			dir := t.TempDir()
			writeTemp(t, dir, "a.pdf", attachmentPDF(t, "A", a4))
			s := &Spec{Stage: tc.stage, TookPartInStage1: tc.took, dir: dir}
			for _, r := range tc.roles {
				s.Documents = append(s.Documents, DocumentSpec{Role: r, File: "a.pdf"})
			}
			err := s.Validate(catalog.KK)
			var in *InputError
			if !errors.As(err, &in) || !in.Has("dossier.err.missing_document") {
				t.Fatalf("want a missing-document error, got %v", err)
			}
			for _, item := range tc.missing {
				if !strings.Contains(err.Error(), "Қағидалар, "+item+" т.") {
					t.Errorf("the error does not name item %s:\n%v", item, err)
				}
			}
			if n := strings.Count(err.Error(), "\n  - "); n != len(tc.missing) {
				t.Errorf("%d problems, want %d:\n%v", n, len(tc.missing), err)
			}
		})
	}
	// The complete stage 2 newcomer's dossier passes.
	s := &Spec{Stage: 2, TookPartInStage1: &no, dir: t.TempDir()}
	writeTemp(t, s.dir, "a.pdf", attachmentPDF(t, "A", a4))
	for _, r := range []Role{RoleAnnex4, RoleAnnex5, RoleAnnex6, RoleAuthorizedConclusion, RoleAnnex3} {
		s.Documents = append(s.Documents, DocumentSpec{Role: r, File: "a.pdf"})
	}
	if err := s.Validate(catalog.KK); err != nil {
		t.Fatal(err)
	}
}

// scanPDF is an image-only page, as a scanner makes it: no text at all.
func scanPDF(t *testing.T) []byte {
	img := image.NewGray(image.Rect(0, 0, 400, 560))
	for y := 100; y < 120; y++ {
		for x := 50; x < 350; x++ {
			img.SetGray(x, y, color.Gray{Y: 0})
		}
	}
	for i := range img.Pix {
		if img.Pix[i] == 0 && i%7 != 0 {
			continue
		}
		img.Pix[i] = 255
	}
	pdf := &gopdf.GoPdf{}
	pdf.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4})
	pdf.AddPage()
	if err := pdf.ImageFrom(img, 0, 0, &gopdf.Rect{W: 595.28, H: 841.89}); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := pdf.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// numberedPDF carries its own page numbers at the top right, as office
// suites print them.
func numberedPDF(t *testing.T, pages int) []byte {
	pdf := &gopdf.GoPdf{}
	pdf.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4})
	if err := pdf.AddTTFFontData("sans", fonts.SansRegular); err != nil {
		t.Fatal(err)
	}
	if err := pdf.SetFont("sans", "", 12); err != nil {
		t.Fatal(err)
	}
	for i := range pages {
		pdf.AddPage()
		pdf.SetXY(545, 22)
		if err := pdf.Text(fmt.Sprint(100 + i)); err != nil {
			t.Fatal(err)
		}
		pdf.SetXY(100, 300)
		if err := pdf.Text(fmt.Sprintf("NUMBERED p%d", i+1)); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if _, err := pdf.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// libreOfficePDF converts a text document with LibreOffice, which embeds
// Liberation Sans and Serif subsets: the fonts pdfcpu would wrongly reuse
// for stamping if the stamp font had their name.
func libreOfficePDF(t *testing.T) []byte {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("soffice not installed (scripts/test installs it)")
		}
		t.Skip("soffice not installed (scripts/test installs it)")
	}
	dir := t.TempDir()
	// The Liberation faces are handed to LibreOffice through fontconfig, so
	// the test does not depend on the system's fonts.
	fontDir := filepath.Join(dir, "fonts")
	if err := os.MkdirAll(fontDir, 0o755); err != nil {
		t.Fatal(err)
	}
	writeTemp(t, fontDir, "LiberationSerif-Regular.ttf", fonts.SerifRegular)
	writeTemp(t, fontDir, "LiberationSans-Regular.ttf", fonts.SansRegular)
	conf := writeTemp(t, dir, "fonts.conf", []byte(`<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><dir>`+fontDir+`</dir><cachedir>`+filepath.Join(dir, "fc-cache")+`</cachedir>
<include ignore_missing="yes">/etc/fonts/fonts.conf</include></fontconfig>
`))
	writeTemp(t, dir, "lo.fodt", []byte(libreOfficeDoc))
	cmd := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--convert-to", "pdf", "--outdir", dir, filepath.Join(dir, "lo.fodt"))
	cmd.Env = append(os.Environ(), "FONTCONFIG_FILE="+conf)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	data, err := os.ReadFile(filepath.Join(dir, "lo.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte("LiberationSans")) || !bytes.Contains(data, []byte("LiberationSerif")) {
		t.Fatalf("the LibreOffice PDF does not embed Liberation Sans and Serif; the test proves nothing")
	}
	return data
}

// TestUnusualAttachments: scans, files with their own page numbers,
// LibreOffice output and a 2,000-page file are bound and numbered.
func TestUnusualAttachments(t *testing.T) {
	if testing.Short() {
		t.Skip("binds a 2,000-page file")
	}
	dir := t.TempDir()
	writeTemp(t, dir, "scan.pdf", scanPDF(t))
	writeTemp(t, dir, "numbered.pdf", numberedPDF(t, 3))
	writeTemp(t, dir, "lo.pdf", libreOfficePDF(t))
	writeTemp(t, dir, "big.pdf", attachmentPDF(t, "BIG", pagesA4(2000)...))
	s := &Spec{Stage: 1, dir: dir, Documents: []DocumentSpec{
		{Role: RoleAnnex1, File: "lo.pdf"},
		{Role: RoleAnnex2, File: "big.pdf"},
		{Role: RoleAnnex3, File: "scan.pdf"},
		{Role: RoleOther, File: "numbered.pdf", TitleKK: "Нөмірленген", TitleRU: "С номерами"},
	}}
	out := filepath.Join(dir, "out")
	m, err := Build(context.Background(), s, Options{OutDir: out})
	if err != nil {
		t.Fatal(err)
	}
	// The inventory and the LibreOffice page in volume 1; 2,000 pages in 8
	// full volumes; the scan and the numbered file in the last.
	if len(m.Volumes) != 10 || m.Volumes[9].Sheets != 4 {
		t.Fatalf("volumes: %+v", m.Volumes)
	}
	v1 := pageTexts(t, filepath.Join(out, "volume-01.pdf"))
	lo := m.Documents[0].FirstSheet
	if sheetStamp(v1[lo-1]) != fmt.Sprint(lo) || !strings.Contains(v1[lo-1], "LO p1") {
		t.Errorf("LibreOffice page: %q", v1[lo-1])
	}
	last := pageTexts(t, filepath.Join(out, "volume-10.pdf"))
	if sheetStamp(last[0]) != "1" {
		t.Errorf("scan page: stamp %q", sheetStamp(last[0]))
	}
	for i := 1; i <= 3; i++ {
		// The file's own number (100, 101, …) stays; the sheet number
		// is printed next to it in its frame.
		text := last[i]
		top := strings.Fields(strings.Join(strings.SplitN(text, "\n", 3)[:2], " "))
		if !strings.Contains(text, fmt.Sprintf("NUMBERED p%d", i)) || !slices.Contains(top, fmt.Sprint(i+1)) ||
			!slices.Contains(top, fmt.Sprint(99+i)) {
			t.Errorf("numbered page %d: want sheet %d beside the file's own %d: %q", i, i+1, 99+i, text)
		}
	}
	for _, d := range m.Documents {
		if d.Source == "big.pdf" && (d.Pages != 250 && d.Volume != 10) {
			t.Errorf("big.pdf part: %+v", d)
		}
	}
}

// libreOfficeDoc is a flat ODF text with one paragraph in each Liberation family.
const libreOfficeDoc = `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls>
 <style:font-face style:name="Liberation Serif" svg:font-family="'Liberation Serif'"/>
 <style:font-face style:name="Liberation Sans" svg:font-family="'Liberation Sans'"/>
</office:font-face-decls>
<office:automatic-styles>
 <style:style style:name="P1" style:family="paragraph"><style:text-properties style:font-name="Liberation Serif"/></style:style>
 <style:style style:name="P2" style:family="paragraph"><style:text-properties style:font-name="Liberation Sans"/></style:style>
</office:automatic-styles>
<office:body><office:text>
 <text:p text:style-name="P1">Қазақстан Республикасы LO p1</text:p>
 <text:p text:style-name="P2">Сәйкестік қорытындысы</text:p>
</office:text></office:body></office:document>
`

func TestLargeFormatPages(t *testing.T) {
	letter := testPage{W: 612, H: 792}
	rotated := testPage{W: a4.W, H: a4.H, Rotate: 270}
	rotatedLandscape := testPage{W: a4Landscape.W, H: a4Landscape.H, Rotate: 90}
	src, key := readSource(attachmentPDF(t, "SIZES", a4, letter, a4Landscape, a3, rotated, rotatedLandscape))
	if key != "" {
		t.Fatal(key)
	}
	// Landscape as read (3, 5) and A3 (4) are large; a landscape page
	// rotated to portrait (6) reads as A4.
	if fmt.Sprint(src.Large) != "[3 4 5]" {
		t.Errorf("large pages %v, want [3 4 5]", src.Large)
	}
	if src.Pages != 6 || len(src.SHA256) != 64 {
		t.Errorf("pages %d, sha256 %q", src.Pages, src.SHA256)
	}
}
