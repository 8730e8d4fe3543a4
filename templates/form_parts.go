package templates

import (
	"strings"

	"github.com/konkurs/konkurs/catalog"
	"github.com/konkurs/konkurs/competition"
	"github.com/konkurs/konkurs/pipeline/document"
	"github.com/konkurs/konkurs/wording"
)

// blankRule stands where a blank form leaves space to write by hand.
const blankRule = "__________"

// annexHeader is the block at the top right of Annex n:
// "Аумақтық кластерлерге конкурстық іріктеу жүргізу қағидаларына n-қосымша".
func annexHeader(lang catalog.Lang, n string) document.AnnexHeader {
	return document.AnnexHeader{Lines: strings.Split(catalog.T(lang, "form.annex_header", "n", n), "\n")}
}

// addressee prints the seed's generic title of the authorized body and, when
// the organizer is known, its name on the lines below (Annexes 1 and 4).
func addressee(lang catalog.Lang, org *competition.Text, blankLines int) []document.Block {
	blocks := []document.Block{document.AnnexHeader{Lines: []string{catalog.T(lang, "form.addressee")}}}
	if org != nil && org.In(string(lang)) != "" {
		return append(blocks, document.AnnexHeader{Lines: []string{org.In(string(lang))}})
	}
	for i := 0; i < blankLines; i++ {
		blocks = append(blocks, document.AnnexHeader{Lines: []string{strings.Repeat("_", 30)}})
	}
	return blocks
}

// signatoryBlocks are the applicant's signature: the position on a fill-in
// line with the seed's caption, then name and signature lines.
func signatoryBlocks(lang catalog.Lang, s competition.Signatory) []document.Block {
	return []document.Block{
		document.FillLine{Value: s.Position.In(string(lang)), Caption: catalog.T(lang, "form.caption.position")},
		document.SignatureBlock{
			Name:             s.FullName,
			NameCaption:      catalog.T(lang, "form.caption.fullname"),
			SignatureCaption: catalog.T(lang, "form.caption.signature"),
		},
	}
}

// receiptBlocks are the organizer's receipt at the foot of Annexes 1 and 4:
// who received the application, its number and date (blank until registered).
func receiptBlocks(lang catalog.Lang, r *competition.Registration) []document.Block {
	number, date, receiver := blankRule, catalog.T(lang, "form.receipt.blank_date"), ""
	if r != nil {
		if r.Number != "" {
			number = r.Number
		}
		if !r.Date.IsZero() {
			date = receiptDate(lang, r.Date)
		}
		receiver = r.ReceivedBy
	}
	return []document.Block{
		document.Spacer{HeightPt: 12},
		document.Paragraph{Runs: []document.Run{{Text: catalog.T(lang, "form.receipt.accepted"), Bold: true}}},
		document.Text(catalog.T(lang, "form.receipt.line", "signature", blankRule, "number", number, "date", date)),
		document.FillLine{Value: receiver, Caption: catalog.T(lang, "form.receipt.caption_receiver"), WidthPercent: 70},
		document.Paragraph{Runs: []document.Run{{Text: catalog.T(lang, "form.receipt.copy"), Italic: true}}, SpaceBeforePt: 6},
	}
}

func receiptDate(lang catalog.Lang, d competition.Date) string {
	if lang == catalog.RU {
		return wording.DateRU(d.Time)
	}
	return wording.DatePlainKK(d.Time)
}
