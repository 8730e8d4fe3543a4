// Package dossier builds the numbered dossier of a competition application
// (items 9 and 11 of the rules): volumes of at most N sheets, the inventory
// bound first, sheet numbers on every page, a certification sheet closing
// each volume, an optional marked copy set and the manifest the archive keeps.
package dossier
