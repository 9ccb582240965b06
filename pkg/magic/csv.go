package magic

// What file(1) calls CSV is decided by counting commas, not by parsing
// fields: libmagic (5.38 and later) takes text whose first lines all have
// the same number of commas, at least one, as "CSV text", ahead of every
// other rule for text (a "#!" line with a comma in it is CSV too). Quoted
// fields may hold commas and newlines, and "" inside them is a quote.

// csvLines is how many lines libmagic looks at: when the tenth newline
// comes and every line so far had the same number of commas, the text is
// CSV, whatever follows.
const csvLines = 10

// isCSV reports whether buf (text) looks like CSV to file(1): a first
// line with a comma, then lines with as many, and more than two complete
// lines in all (or csvLines of them). An unfinished last line is not
// counted.
func isCSV(buf []byte) bool {
	want := -1 // commas on the first line
	commas, lines := 0, 0
	for i := 0; i < len(buf); i++ {
		switch buf[i] {
		case '"':
			i = skipQuoted(buf, i+1) - 1
		case ',':
			commas++
		case '\n':
			lines++
			switch {
			case want < 0 && commas == 0:
				return false
			case want < 0:
				want = commas
			case commas != want:
				return false
			}
			if lines == csvLines {
				return true
			}
			commas = 0
		}
	}
	return want > 0 && lines > 2
}

// skipQuoted returns the index just past the quoted field whose text
// starts at i (after its opening quote): past the first quote that is not
// doubled, or len(buf) when the field never ends.
func skipQuoted(buf []byte, i int) int {
	for i < len(buf) {
		if buf[i] != '"' {
			i++
			continue
		}
		if i+1 < len(buf) && buf[i+1] == '"' {
			i += 2 // "" is a quote inside the field
			continue
		}
		return i + 1
	}
	return len(buf)
}
