package competition

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const unregisteredApplication = `  - id: A-09
    stage: 2
    participant: almaty-food-association
    cluster: almaty-food
events:
`

func exampleWithUnregistered(t *testing.T) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "examples", "competition.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	return []byte(strings.Replace(string(data), "events:\n", unregisteredApplication, 1))
}

func TestAddRegistrationKeepsCommentsAndLayout(t *testing.T) {
	data := exampleWithUnregistered(t)
	reg := Registration{Number: "02-12/0431", Date: NewDate(2026, 9, 30), Time: "17:55", PaperOriginal: true, PaperCopy: true, Electronic: true}
	out, err := AddRegistration(data, "case.yaml", "A-09", reg)
	if err != nil {
		t.Fatal(err)
	}
	block := "    registration:\n      number: \"02-12/0431\"\n      date: 2026-09-30\n      time: \"17:55\"\n" +
		"      paper_original: true\n      paper_copy: true\n      electronic: true\n"
	want := strings.Replace(string(data), "    cluster: almaty-food\nevents:\n", "    cluster: almaty-food\n"+block+"events:\n", 1)
	if string(out) != want {
		t.Fatalf("the file changed beyond the registration block:\n%s", out)
	}
	if !strings.Contains(string(out), "# Item 8: a cluster association that did not take part in stage 1.") {
		t.Error("comments lost")
	}
}

// The edited file passes every rule or nothing is returned: a registration
// after the stage-2 deadline (item 13) or with a taken number is refused.
func TestAddRegistrationValidatesTheResult(t *testing.T) {
	data := exampleWithUnregistered(t)
	for _, tc := range []struct {
		reg  Registration
		code string
	}{
		{Registration{Number: "02-12/0431", Date: NewDate(2026, 10, 1)}, "item13"},
		{Registration{Number: "02-12/0411", Date: NewDate(2026, 9, 30)}, "duplicate"},
		{Registration{Number: "02-12/0431", Date: NewDate(2026, 9, 30), Time: "25:00"}, "hhmm"},
	} {
		out, err := AddRegistration(data, "case.yaml", "A-09", tc.reg)
		if out != nil || !hasCode(err, tc.code) {
			t.Errorf("%+v: want %s, got %v", tc.reg, tc.code, err)
		}
	}
	if _, err := AddRegistration(data, "case.yaml", "A-99", Registration{Number: "1", Date: NewDate(2026, 9, 1)}); err == nil {
		t.Error("unknown application accepted")
	}
}
