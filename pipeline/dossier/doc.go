// Package dossier builds the numbered dossier of a competition application
// (items 9 and 11 of the rules): volumes of at most N sheets, the inventory
// bound first, sheet numbers on every page, a certification sheet closing
// each volume, an optional marked copy set and the manifest the archive keeps.
//
// Choices made where the rules and the issue are silent:
//   - One page is one sheet: applications are printed one-sided, and A3
//     fold-outs and landscape pages count as one sheet each (they are noted
//     in the inventory and on the certification sheet).
//   - Sheet numbers run from 1 in each volume, the inventory included, and
//     are stamped top right as the page is read, framed on a white box so a
//     number the file already carries stays readable and distinct.
//   - The certification sheet is the last page of each volume, unnumbered
//     and not counted, as in records practice; a volume's N sheets are its
//     numbered sheets, so its file has N+1 pages.
//   - A document never straddles volumes unless it alone exceeds one: then
//     it starts a new volume, is cut into parts, and the inventory and the
//     manifest list each part.
//   - The inventory and certification sheets are in Kazakh and Russian
//     together by default (Kazakh first); the spec or --lang may pick one.
//   - The inventory's length is found by laying it out until the sheet
//     numbers it prints no longer change its length (never guessed).
//   - The copy set (--copies) is written to copy/volume-NN.pdf, each
//     volume's first sheet marked «КӨШІРМЕ / КОПИЯ», and listed under
//     "copies" in the manifest.
//   - Encrypted PDFs are refused even when they open without a password:
//     binding them would silently drop their owner's restrictions.
//   - The same spec and attachments give the same bytes in every volume,
//     copy and manifest (the archive deduplicates and verifies by SHA-256):
//     volumes carry the spec's date, never the clock, and are serialized by
//     writeCanonical rather than by pdfcpu's writer.
package dossier
