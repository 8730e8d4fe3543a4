// Package templates builds the document model of every document kind —
// the annexes of the Rules, the scoring sheet and the procedure's protocols
// and minutes — from its validated input, once per language.
package templates
