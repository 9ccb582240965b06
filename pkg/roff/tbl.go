package roff

func (r *renderer) table() {
	for {
		l, ok := r.next()
		if !ok || len(l) >= 3 && l[:3] == ".TE" {
			return
		}
	}
}
