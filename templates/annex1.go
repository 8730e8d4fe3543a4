package templates

import (
	"fmt"

	"github.com/konkurs/konkurs/catalog"
	"github.com/konkurs/konkurs/competition"
	"github.com/konkurs/konkurs/pipeline/document"
)

// Annex 1 of the Rules: the application for the first stage (item 6.1).
func init() {
	register(&Kind{
		Name:      "annex1",
		Order:     10,
		NewInput:  func() any { return &competition.ApplicationForm{} },
		Build:     buildApplication(1),
		Blankable: true,
		FromCaseFile: func(cf *competition.CaseFile, application string) (any, error) {
			return applicationForStage(cf, application, 1)
		},
	})
}

// buildApplication lays out Annex 1 (stage 1) or Annex 4 (stage 2); the
// two forms differ only in their texts and in Annex 4's covering sentence.
func buildApplication(stage int) func(any, catalog.Lang, BuildOptions) (*document.Document, error) {
	annex, key := "1", "annex1"
	if stage == 2 {
		annex, key = "4", "annex4"
	}
	return func(input any, lang catalog.Lang, opt BuildOptions) (*document.Document, error) {
		f, ok := input.(*competition.ApplicationForm)
		if !ok {
			return nil, fmt.Errorf("%s: input is %T, want *competition.ApplicationForm", key, input)
		}
		l := string(lang)
		doc := &document.Document{Kind: key, Lang: l, Title: catalog.T(lang, key+".title")}
		add := func(b ...document.Block) { doc.Blocks = append(doc.Blocks, b...) }

		add(annexHeader(lang, annex), document.Spacer{HeightPt: 8})
		add(addressee(lang, f.Addressee, 3)...)
		add(document.Spacer{HeightPt: 12}, document.Heading{Text: catalog.T(lang, key+".title"), Level: 1})
		if stage == 1 {
			add(document.Text(catalog.T(lang, "annex1.request")))
		}
		add(document.FillLine{Value: f.Cluster.Name.In(l), Caption: catalog.T(lang, "form.caption.cluster")})
		add(document.FillLine{Value: f.Participant.Name.In(l), Caption: catalog.T(lang, key+".caption.participant")})
		if stage == 2 {
			add(document.Justified(catalog.T(lang, "annex4.sends")))
		}
		add(document.Spacer{HeightPt: 6})
		add(signatoryBlocks(lang, f.Participant.Signatory)...)
		add(receiptBlocks(lang, f.Registration)...)
		return doc, nil
	}
}

// applicationForStage takes an application's form from the case file and
// checks it belongs to the stage of the annex.
func applicationForStage(cf *competition.CaseFile, id string, stage int) (any, error) {
	ve := &competition.ValidationError{}
	if id == "" {
		ve.Add("--application", "proc_application_needed")
		return nil, ve
	}
	if a := cf.Application(id); a != nil && a.Stage != stage {
		ve.Add("--application", "application_stage", "id", id, "stage", fmt.Sprint(a.Stage), "want", fmt.Sprint(stage))
		return nil, ve
	}
	return cf.ApplicationForm(id)
}
