package dossier

import (
	"reflect"
	"testing"
)

func TestPlanVolumes(t *testing.T) {
	for _, tc := range []struct {
		scenario  string
		pages     []int
		max, inv  int
		volumes   []int
		parts     [][4]int // doc, volume, first sheet, last sheet
		partCount map[int]int
	}{
		{"exactly 250 sheets fill one volume", []int{100, 149}, 250, 1,
			[]int{250}, [][4]int{{0, 1, 2, 101}, {1, 1, 102, 250}}, nil},
		{"251 sheets need a second volume", []int{100, 150}, 250, 1,
			[]int{101, 150}, [][4]int{{0, 1, 2, 101}, {1, 2, 1, 150}}, nil},
		{"a document that fits is moved whole", []int{200, 60, 10}, 250, 2,
			[]int{202, 70}, [][4]int{{0, 1, 3, 202}, {1, 2, 1, 60}, {2, 2, 61, 70}}, nil},
		{"a 300-page document alone is split", []int{300}, 250, 1,
			[]int{250, 51}, [][4]int{{0, 1, 2, 250}, {0, 2, 1, 51}}, map[int]int{0: 2}},
		// 10 → vol 1; 600 → vols 2, 3, 4 (250+250+100); 5 joins vol 4.
		{"a split document starts a new volume", []int{10, 600, 5}, 250, 1,
			[]int{11, 250, 250, 105}, nil, nil},
	} {
		t.Run(tc.scenario, func(t *testing.T) {
			p, err := planVolumes(tc.pages, tc.max, tc.inv)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(p.VolumeSheets, tc.volumes) {
				t.Fatalf("volumes %v, want %v", p.VolumeSheets, tc.volumes)
			}
			var got [][4]int
			for _, pt := range p.Parts {
				got = append(got, [4]int{pt.Doc, pt.Volume, pt.FirstSheet, pt.LastSheet})
				if want, ok := tc.partCount[pt.Doc]; ok && pt.Count != want {
					t.Errorf("doc %d: %d parts, want %d", pt.Doc, pt.Count, want)
				}
			}
			if tc.parts != nil && !reflect.DeepEqual(got, tc.parts) {
				t.Fatalf("parts %v, want %v", got, tc.parts)
			}
		})
	}
}

func TestPlanVolumesNeverOverfills(t *testing.T) {
	pages := []int{1, 249, 250, 251, 2000, 7, 3, 499, 500, 1}
	for _, max := range []int{1, 2, 50, 250} {
		p, err := planVolumes(pages, max, 1)
		if err != nil {
			t.Fatal(err)
		}
		total := 0
		for v, n := range p.VolumeSheets {
			if n > max || n == 0 {
				t.Errorf("max %d: volume %d has %d sheets", max, v+1, n)
			}
			total += n
		}
		if want := 1 + 1 + 249 + 250 + 251 + 2000 + 7 + 3 + 499 + 500 + 1; total != want {
			t.Errorf("max %d: %d sheets in all, want %d", max, total, want)
		}
	}
}
