package document

// Page geometry shared by both writers. The decree's forms are A4; the margins
// follow the state records-management practice (left 30 mm for binding).
const (
	PageWidthMM    = 210.0
	PageHeightMM   = 297.0
	MarginLeftMM   = 30.0
	MarginRightMM  = 15.0
	MarginTopMM    = 20.0
	MarginBottomMM = 20.0

	// BodySizePt is the body text size; CaptionSizePt is the small caption
	// printed under fill-in lines; TableSizePt is the default for table cells.
	BodySizePt    = 14.0
	CaptionSizePt = 10.0
	TableSizePt   = 12.0

	// FontFamily is the name written into DOCX files; the PDF writer embeds
	// Liberation Serif, which is metric-compatible with it.
	FontFamily = "Times New Roman"
)

// Document is one rendered document in one language.
type Document struct {
	Kind      string // document kind, e.g. "annex1"
	Lang      string // "kk" or "ru"
	Title     string // document title for metadata (PDF /Title, DOCX core props)
	Landscape bool   // orientation of the first section
	Footer    string // optional text printed in the footer before the page number
	// NoPageNumbers suppresses the footer page number (dossier sheets carry
	// their own stamped sheet numbers).
	NoPageNumbers bool
	Blocks        []Block
}

// Block is one element of a document: Heading, Paragraph, AnnexHeader,
// FillLine, Table, SignatureBlock, PageBreak or Spacer.
type Block interface{ isBlock() }

// Align is the horizontal alignment of a paragraph or cell.
type Align int

const (
	AlignLeft Align = iota
	AlignCenter
	AlignRight
	AlignJustify
)

// Run is a piece of text with uniform style.
type Run struct {
	Text      string
	Bold      bool
	Italic    bool
	Underline bool
}

// Heading is a centred bold title. Level 1 is the document title, 2 a
// section heading (left-aligned bold), 3 a sub-section heading.
type Heading struct {
	Text  string
	Level int
}

// Paragraph is body text. Size 0 means BodySizePt.
type Paragraph struct {
	Runs            []Run
	Align           Align
	FirstLineIndent bool    // 12.5 mm first-line indent, the official style
	IndentMM        float64 // left indent of the whole paragraph
	Size            float64
	SpaceBeforePt   float64
	SpaceAfterPt    float64
	KeepWithNext    bool
}

// AnnexHeader is the block at the top right of an annex: "Аумақтық
// кластерлерге ... қағидаларына 1-қосымша". Lines are printed as given,
// right half of the page, left-aligned within that half.
type AnnexHeader struct {
	Lines []string
}

// FillLine is a fill-in line of a form: the value (or an empty line on a blank
// form) above a rule, with a small centred caption under it, e.g.
// "(аумақтық кластердің атауы)". Label, when set, is printed before the line
// on the same row ("Мекенжайы және телефоны ______").
type FillLine struct {
	Label   string
	Value   string
	Caption string
	// WidthPercent of the text width the line takes; 0 means the rest of the
	// row (the full width when there is no label).
	WidthPercent float64
	Align        Align // of the value on the line; default left
}

// Table is a grid with optional header rows repeated on every page.
type Table struct {
	// Widths are relative column widths; their count is the column count.
	Widths     []float64
	HeaderRows int     // the first HeaderRows rows repeat on every page
	Size       float64 // font size, 0 means TableSizePt
	Rows       []Row
	// Borderless draws no grid (used for layout tables such as signature rows).
	Borderless bool
}

// Row is one table row.
type Row struct {
	Cells []Cell
}

// Cell is one table cell. A cell with ColSpan n covers n grid columns; a cell
// with RowSpan n covers n rows and the rows below omit that position (the
// writers keep the grid aligned). Text may contain "\n" for line breaks.
type Cell struct {
	Text    string
	Runs    []Run // when set, used instead of Text
	Bold    bool
	Align   Align
	ColSpan int
	RowSpan int
}

// SignatureBlock is the signatory's row: position on the left, a signature
// line with "(қолы)" caption, and the full name with its caption.
type SignatureBlock struct {
	Position         string
	Name             string
	SignatureCaption string // e.g. "(қолы)" / "(подпись)"
	NameCaption      string // e.g. "(Т.А.Ә.)" / "(Ф.И.О.)"
	Date             string // optional date line printed under the row
	Seal             string // optional "М.О." / "М.П." mark
}

// PageBreak starts a new page; Landscape sets the new page's orientation
// (a new section in DOCX).
type PageBreak struct {
	Landscape bool
}

// Spacer adds vertical space.
type Spacer struct {
	HeightPt float64
}

func (Heading) isBlock()        {}
func (Paragraph) isBlock()      {}
func (AnnexHeader) isBlock()    {}
func (FillLine) isBlock()       {}
func (Table) isBlock()          {}
func (SignatureBlock) isBlock() {}
func (PageBreak) isBlock()      {}
func (Spacer) isBlock()         {}

// Text returns a paragraph of plain runs, a convenience for templates.
func Text(s string) Paragraph { return Paragraph{Runs: []Run{{Text: s}}} }

// Justified returns a justified paragraph with the official first-line indent.
func Justified(s string) Paragraph {
	return Paragraph{Runs: []Run{{Text: s}}, Align: AlignJustify, FirstLineIndent: true}
}
