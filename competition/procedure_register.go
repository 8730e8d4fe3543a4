package competition

import (
	"bytes"
	"encoding/json"
	"fmt"

	"gopkg.in/yaml.v3"
)

// AddRegistration returns the case file data (named name, for its format
// and for messages) with reg written into application id. A YAML file is
// edited as a node tree, so its comments, key order and layout stay as they
// were and only the registration is added; a JSON file is re-encoded. The
// result is decoded and validated in full before it is returned, so the
// caller never writes a case file that breaks a rule.
func AddRegistration(data []byte, name, id string, reg Registration) ([]byte, error) {
	var edited []byte
	var err error
	if isJSON(data, name) {
		edited, err = addRegistrationJSON(data, name, id, reg)
	} else {
		edited, err = addRegistrationYAML(data, id, reg)
	}
	if err != nil {
		ve := &ValidationError{File: name}
		ve.Merge(err)
		return nil, ve
	}
	var check CaseFile
	if err := Decode(edited, name, &check); err != nil {
		return nil, err
	}
	if err := check.Validate(); err != nil {
		err.(*ValidationError).File = name
		return nil, err
	}
	return edited, nil
}

func addRegistrationJSON(data []byte, path, id string, reg Registration) ([]byte, error) {
	var cf CaseFile
	if err := Decode(data, path, &cf); err != nil {
		return nil, err
	}
	a := cf.Application(id)
	if a == nil {
		return nil, fmt.Errorf("application %q is not in the case file", id)
	}
	a.Registration = &reg
	out, err := json.MarshalIndent(&cf, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(out, '\n'), nil
}

func addRegistrationYAML(data []byte, id string, reg Registration) ([]byte, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, err
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		return nil, fmt.Errorf("the case file is empty")
	}
	apps := mappingValue(doc.Content[0], "applications")
	if apps == nil || apps.Kind != yaml.SequenceNode {
		return nil, fmt.Errorf("the case file has no applications list")
	}
	var app *yaml.Node
	for _, n := range apps.Content {
		if v := mappingValue(n, "id"); v != nil && v.Value == id {
			app = n
			break
		}
	}
	if app == nil {
		return nil, fmt.Errorf("application %q is not in the case file", id)
	}
	var regNode yaml.Node
	if err := regNode.Encode(&reg); err != nil {
		return nil, err
	}
	// Write the values as the examples do: number and time quoted (they
	// look like numbers), the date plain.
	for i := 0; i+1 < len(regNode.Content); i += 2 {
		switch k, v := regNode.Content[i].Value, regNode.Content[i+1]; k {
		case "number", "time":
			v.Style = yaml.DoubleQuotedStyle
		case "date":
			v.Tag, v.Style = "!!timestamp", 0
		}
	}
	if existing := mappingValue(app, "registration"); existing != nil {
		*existing = regNode
	} else {
		app.Content = append(app.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: "registration"}, &regNode)
	}
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// mappingValue returns the value of key in mapping node m, or nil.
func mappingValue(m *yaml.Node, key string) *yaml.Node {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}
