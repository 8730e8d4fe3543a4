// Package pdf renders the document model to PDF with gopdf and a layout layer
// of its own (word wrap, justification, page breaks, tables with repeated
// header rows), embedding the Liberation Serif faces.
package pdf
