package catalog

import "testing"

// Every key must exist in both document languages: a gap would show a user
// an English or raw-key message.
func TestKazakhAndRussianDefineTheSameKeys(t *testing.T) {
	kk, err := Keys(KK)
	if err != nil {
		t.Fatal(err)
	}
	ru, err := Keys(RU)
	if err != nil {
		t.Fatal(err)
	}
	in := func(keys []string) map[string]bool {
		m := map[string]bool{}
		for _, k := range keys {
			m[k] = true
		}
		return m
	}
	kkSet, ruSet := in(kk), in(ru)
	for _, k := range kk {
		if !ruSet[k] {
			t.Errorf("key %q is in kk but not in ru", k)
		}
	}
	for _, k := range ru {
		if !kkSet[k] {
			t.Errorf("key %q is in ru but not in kk", k)
		}
	}
}

func TestPlaceholdersAreReplaced(t *testing.T) {
	got := T(EN, "no.such.key {x}", "x", "1")
	if got != "no.such.key 1" {
		t.Fatalf("got %q", got)
	}
}
