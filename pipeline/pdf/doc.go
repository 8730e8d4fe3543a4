// Package pdf renders the document model to PDF with a layout layer of its
// own (word wrap, justification, page breaks, tables with repeated header
// rows) and a small PDF file writer, embedding subsets of the Liberation
// Serif faces. gopdf's TrueType parser supplies the font metrics.
package pdf
