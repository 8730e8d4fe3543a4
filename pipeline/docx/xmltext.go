package docx

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf8"
)

// xmlBuilder accumulates a part's XML. Text goes through escapeText; the
// markup itself is written literally, which keeps the writer allocation-light.
type xmlBuilder struct {
	bytes.Buffer
}

// escapeText writes s as XML character data: the markup characters are
// escaped and characters XML 1.0 cannot carry (controls, invalid UTF-8) are
// dropped or replaced, so no input text can produce an unreadable file.
func (b *xmlBuilder) escapeText(s string) {
	last := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		var repl string
		switch {
		case r == '&':
			repl = "&amp;"
		case r == '<':
			repl = "&lt;"
		case r == '>':
			repl = "&gt;"
		case r == '"':
			repl = "&#34;"
		case r == utf8.RuneError && size == 1:
			repl = "\uFFFD"
		case r < 0x20 && r != '\t' && r != '\n' && r != '\r', r == 0xFFFE, r == 0xFFFF:
			repl = ""
		default:
			i += size
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(repl)
		i += size
		last = i
	}
	b.WriteString(s[last:])
}

// attrInt writes ` name="v"`.
func (b *xmlBuilder) attrInt(name string, v int) {
	b.WriteByte(' ')
	b.WriteString(name)
	b.WriteString(`="`)
	var buf [20]byte
	b.Write(strconv.AppendInt(buf[:0], int64(v), 10))
	b.WriteByte('"')
}

// elemVal writes `<name w:val="v"/>` for an integer value.
func (b *xmlBuilder) elemVal(name string, v int) {
	b.WriteByte('<')
	b.WriteString(name)
	b.attrInt("w:val", v)
	b.WriteString("/>")
}

// runStyle is the character formatting of one w:r.
type runStyle struct {
	bold, italic, underline bool
	halfPoints              int // 0: the style's size
}

func (b *xmlBuilder) runProps(st runStyle) {
	if !st.bold && !st.italic && !st.underline && st.halfPoints == 0 {
		return
	}
	b.WriteString("<w:rPr>")
	if st.bold {
		b.WriteString("<w:b/><w:bCs/>")
	}
	if st.italic {
		b.WriteString("<w:i/><w:iCs/>")
	}
	if st.halfPoints > 0 {
		b.elemVal("w:sz", st.halfPoints)
		b.elemVal("w:szCs", st.halfPoints)
	}
	if st.underline {
		b.WriteString(`<w:u w:val="single"/>`)
	}
	b.WriteString("</w:rPr>")
}

// run writes one w:r; "\n" becomes a line break and "\t" a tab, so text from
// templates keeps its shape.
func (b *xmlBuilder) run(text string, st runStyle) {
	if text == "" {
		return
	}
	b.WriteString("<w:r>")
	b.runProps(st)
	for text != "" {
		cut := strings.IndexAny(text, "\n\t")
		segment := text
		if cut >= 0 {
			segment = text[:cut]
		}
		if segment = strings.TrimSuffix(segment, "\r"); segment != "" {
			b.textElem(segment)
		}
		if cut < 0 {
			break
		}
		if text[cut] == '\n' {
			b.WriteString("<w:br/>")
		} else {
			b.WriteString("<w:tab/>")
		}
		text = text[cut+1:]
	}
	b.WriteString("</w:r>")
}

// textElem writes w:t; leading or trailing spaces need xml:space="preserve"
// or Word and LibreOffice drop them.
func (b *xmlBuilder) textElem(s string) {
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		b.WriteString(`<w:t xml:space="preserve">`)
	} else {
		b.WriteString("<w:t>")
	}
	b.escapeText(s)
	b.WriteString("</w:t>")
}
