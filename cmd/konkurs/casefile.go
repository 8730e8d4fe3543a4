package main

import "github.com/konkurs/konkurs/competition"

func caseFileInput() any { return &competition.CaseFile{} }
