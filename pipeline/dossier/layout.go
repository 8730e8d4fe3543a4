package dossier

import "fmt"

// part is a run of one document's pages bound in one volume. A document is
// one part unless it alone exceeds a volume.
type part struct {
	Doc        int // index into the spec's documents
	From, To   int // 1-based pages of the document
	Volume     int // 1-based
	FirstSheet int // sheet numbers within the volume
	LastSheet  int
	Index      int // 1-based part number, Count parts in all
	Count      int
}

func (p part) Pages() int { return p.To - p.From + 1 }

// plan is where every page goes.
type plan struct {
	InventorySheets int
	Parts           []part
	VolumeSheets    []int // numbered sheets per volume, inventory included
}

// planVolumes lays documents of the given page counts into volumes of at
// most maxSheets numbered sheets, volume 1 starting with inventorySheets of
// inventory (item 11: the list of documents is bound first). A document
// never straddles volumes unless it alone exceeds one: then it starts a new
// volume and is cut into parts of maxSheets.
func planVolumes(pages []int, maxSheets, inventorySheets int) (plan, error) {
	if maxSheets < 1 {
		return plan{}, fmt.Errorf("max sheets %d: must be at least 1", maxSheets)
	}
	if inventorySheets > maxSheets {
		return plan{}, fmt.Errorf("the inventory alone takes %d sheets, more than a volume's %d", inventorySheets, maxSheets)
	}
	p := plan{InventorySheets: inventorySheets, VolumeSheets: []int{inventorySheets}}
	vol := 1
	used := func() int { return p.VolumeSheets[vol-1] }
	empty := func() bool { return used() == 0 || (vol == 1 && used() == inventorySheets) }
	newVolume := func() {
		p.VolumeSheets = append(p.VolumeSheets, 0)
		vol++
	}
	place := func(doc, from, to, index, count int) {
		first := used() + 1
		p.VolumeSheets[vol-1] += to - from + 1
		p.Parts = append(p.Parts, part{Doc: doc, From: from, To: to, Volume: vol,
			FirstSheet: first, LastSheet: used(), Index: index, Count: count})
	}
	for doc, n := range pages {
		switch {
		case used()+n <= maxSheets:
			place(doc, 1, n, 1, 1)
		case n <= maxSheets:
			newVolume()
			place(doc, 1, n, 1, 1)
		default:
			if !empty() {
				newVolume()
			}
			room := maxSheets - used()
			count := 1 + (n-room+maxSheets-1)/maxSheets
			from := 1
			for index := 1; from <= n; index++ {
				if index > 1 {
					newVolume()
				}
				to := min(n, from+maxSheets-used()-1)
				place(doc, from, to, index, count)
				from = to + 1
			}
		}
	}
	return p, nil
}
