package fonts

import _ "embed"

// Liberation Serif is metric-compatible with Times New Roman, the family the
// DOCX writer names, so both formats break lines alike. Version 2.1.5 (Debian
// fonts-liberation2) is required: 1.07 has no Kazakh letters.
var (
	//go:embed LiberationSerif-Regular.ttf
	SerifRegular []byte
	//go:embed LiberationSerif-Bold.ttf
	SerifBold []byte
	//go:embed LiberationSerif-Italic.ttf
	SerifItalic []byte
	//go:embed LiberationSerif-BoldItalic.ttf
	SerifBoldItalic []byte

	// Liberation Sans is used for the dossier's sheet-number stamps.

	//go:embed LiberationSans-Regular.ttf
	SansRegular []byte
	//go:embed LiberationSans-Bold.ttf
	SansBold []byte

	// License is the SIL Open Font License text that must travel with the fonts.
	//
	//go:embed OFL.txt
	License []byte
)

// Face is one embedded font file with its PostScript-style name.
type Face struct {
	Name string
	Data []byte
}

// Faces lists every embedded face.
func Faces() []Face {
	return []Face{
		{"LiberationSerif-Regular", SerifRegular},
		{"LiberationSerif-Bold", SerifBold},
		{"LiberationSerif-Italic", SerifItalic},
		{"LiberationSerif-BoldItalic", SerifBoldItalic},
		{"LiberationSans-Regular", SansRegular},
		{"LiberationSans-Bold", SansBold},
	}
}
