// Package wording spells numbers in words in Kazakh and Russian and chooses
// the Russian plural form, as records practice requires on certification
// sheets ("екі жүз қырық жеті (247) парақ", "двести сорок семь (247) листов").
package wording
