// Package document holds the document model: a form, protocol or minutes built
// once per language as a list of blocks, which the DOCX and PDF writers render.
package document
