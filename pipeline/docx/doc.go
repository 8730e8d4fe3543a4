// Package docx renders the document model as a WordprocessingML (.docx)
// package written with the standard library only.
package docx
