// Package catalog owns the texts shown to users — form labels, errors,
// alerts — in Kazakh and Russian (English as a fallback), and the official
// way each language writes dates and numbers.
package catalog
