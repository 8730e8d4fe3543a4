// Package fonts embeds the Liberation Serif and Liberation Sans 2.1.5 faces
// (SIL Open Font License 1.1, OFL.txt beside them) that the PDF writer and the
// dossier stamps print with, and answers which characters a face can draw.
package fonts
