package competition

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"unicode/utf16"

	"gopkg.in/yaml.v3"
)

// MaxInputSize bounds an input file: a case file or form is text, and a
// larger file is a mistake (or an attack), refused before parsing.
const MaxInputSize = 8 << 20

// ReadFile reads and strictly decodes a YAML or JSON file into v (a pointer).
// Unknown fields, malformed syntax and oversize files are reported as a
// *ValidationError naming the file and, where known, the line.
func ReadFile(path string, v any) error {
	f, err := os.Open(path)
	if err != nil {
		ve := &ValidationError{File: path}
		ve.Add("", "read", "detail", errors.Unwrap(err).Error())
		return ve
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxInputSize+1))
	if err != nil {
		ve := &ValidationError{File: path}
		ve.Add("", "read", "detail", err.Error())
		return ve
	}
	if len(data) > MaxInputSize {
		ve := &ValidationError{File: path}
		ve.Add("", "too_large", "max", fmt.Sprint(MaxInputSize>>20))
		return ve
	}
	return Decode(data, path, v)
}

// Decode strictly decodes YAML or JSON (chosen by the name's extension, or
// by content when the name has none of .json/.yaml/.yml).
func Decode(data []byte, name string, v any) error {
	ve := &ValidationError{File: name}
	// Windows editors (Notepad, Excel's "UTF-8" export) start files with a
	// byte-order mark, and Notepad's "Unicode" is UTF-16; the YAML decoder
	// copes with both, the JSON decoder with neither.
	data = bytes.TrimPrefix(fromUTF16(data), utf8BOM)
	if isJSON(data, name) {
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.DisallowUnknownFields()
		if err := dec.Decode(v); err != nil {
			addJSONError(ve, data, err)
		}
		return ve.Err()
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil {
		if errors.Is(err, io.EOF) {
			ve.Add("", "empty")
		} else {
			addYAMLError(ve, err)
		}
	}
	return ve.Err()
}

func isJSON(data []byte, name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".json":
		return true
	case ".yaml", ".yml":
		return false
	}
	return bytes.HasPrefix(bytes.TrimSpace(data), []byte("{"))
}

var utf8BOM = []byte("\uFEFF")

// fromUTF16 converts UTF-16 text that starts with its byte-order mark to
// UTF-8; anything else is returned unchanged.
func fromUTF16(data []byte) []byte {
	var order binary.ByteOrder
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		order = binary.LittleEndian
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		order = binary.BigEndian
	default:
		return data
	}
	units := make([]uint16, 0, len(data)/2)
	for i := 2; i+1 < len(data); i += 2 {
		units = append(units, order.Uint16(data[i:]))
	}
	return []byte(string(utf16.Decode(units)))
}

var (
	yamlUnknownField = regexp.MustCompile(`line (\d+): field (\S+) not found in type`)
	yamlLine         = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)
	// Date.UnmarshalYAML's complaints (values.go): shown as an invalid
	// value with the expected form, which reads the same in every language,
	// rather than as English prose.
	// "cannot unmarshal !!str `present` into []competition.Participant":
	// the Go type means nothing to the user; the value and line do.
	yamlWrongType = regexp.MustCompile("^cannot unmarshal !!\\w+ `(.*)` into ")
	yamlBadDate   = regexp.MustCompile(`^(?:line \d+: )?(?:("[^"]*") is not a date in the form YYYY-MM-DD|a date must be written as YYYY-MM-DD)$`)
)

// addYAMLLineError records a problem the decoder reported on a line.
func addYAMLLineError(ve *ValidationError, line, detail string) {
	where := fmt.Sprintf("line %s", line)
	if m := yamlBadDate.FindStringSubmatch(detail); m != nil {
		tag := "YYYY-MM-DD"
		if m[1] != "" {
			tag = m[1] + " → YYYY-MM-DD"
		}
		ve.Add(where, "invalid", "tag", tag)
		return
	}
	if m := yamlWrongType.FindStringSubmatch(detail); m != nil {
		ve.Add(where, "invalid", "tag", m[1])
		return
	}
	ve.Add(where, "syntax", "detail", detail)
}

func addYAMLError(ve *ValidationError, err error) {
	var te *yaml.TypeError
	if errors.As(err, &te) {
		ve.Partial = true
		for _, msg := range te.Errors {
			if m := yamlUnknownField.FindStringSubmatch(msg); m != nil {
				ve.Add(fmt.Sprintf("line %s", m[1]), "unknown_field", "field", m[2])
				continue
			}
			if m := yamlLine.FindStringSubmatch(msg); m != nil {
				addYAMLLineError(ve, m[1], m[2])
				continue
			}
			ve.Add("", "syntax", "detail", msg)
		}
		return
	}
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		addYAMLLineError(ve, m[1], m[2])
		return
	}
	ve.Add("", "syntax", "detail", msg)
}

func addJSONError(ve *ValidationError, data []byte, err error) {
	var se *json.SyntaxError
	var ute *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		ve.Add(fmt.Sprintf("line %d", lineAt(data, se.Offset)), "syntax", "detail", se.Error())
	case errors.As(err, &ute):
		ve.Add(ute.Field, "syntax", "detail", fmt.Sprintf("expected %s, got %s", ute.Type, ute.Value))
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		field := strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`)
		ve.Add("", "unknown_field", "field", field)
	default:
		ve.Add("", "syntax", "detail", err.Error())
	}
}

func lineAt(data []byte, offset int64) int {
	if offset > int64(len(data)) {
		offset = int64(len(data))
	}
	return bytes.Count(data[:offset], []byte("\n")) + 1
}

// ReadAndValidate reads path into v, then runs validate. Problems the
// decoder went past (an unknown field, a malformed date) do not stop the
// validation: every problem of the file is reported at once.
func ReadAndValidate(path string, v any, validate func() error) error {
	err := ReadFile(path, v)
	var ve *ValidationError
	if err != nil && !(errors.As(err, &ve) && ve.Partial) {
		return err
	}
	if verr := validate(); verr != nil {
		if ve == nil {
			ve = &ValidationError{}
		}
		ve.Merge(verr)
	}
	if ve == nil || len(ve.Errors) == 0 {
		return nil
	}
	ve.File = path
	return ve
}
