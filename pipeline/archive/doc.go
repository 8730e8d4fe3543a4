// Package archive stores konkurs's documents, dossiers and signed protocols
// in a storage.Store under a key layout that follows the procedure, and
// lists, retrieves, verifies and exports them (BagIt) for archive staff.
package archive
