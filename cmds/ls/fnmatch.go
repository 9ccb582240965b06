package ls

import "strings"

// fnmatch matches name against a shell pattern as fnmatch(3) with no flags:
// * ? [...] with ! or ^ negation, and backslash escapes.
func fnmatch(pattern, name string) bool {
	return fnmatchFrom(pattern, name)
}

// fnmatchPeriod is fnmatch with FNM_PERIOD, as ls matches -I and --hide
// patterns: a leading dot must be matched by a dot in the pattern, never
// by *, ? or a bracket expression.
func fnmatchPeriod(pattern, name string) bool {
	if strings.HasPrefix(name, ".") && !strings.HasPrefix(pattern, ".") &&
		!strings.HasPrefix(pattern, "\\.") {
		return false
	}
	return fnmatchFrom(pattern, name)
}

func fnmatchFrom(pattern, name string) bool {
	for len(pattern) > 0 {
		switch pattern[0] {
		case '*':
			for len(pattern) > 0 && pattern[0] == '*' {
				pattern = pattern[1:]
			}
			if pattern == "" {
				return true
			}
			for i := 0; i <= len(name); i++ {
				if fnmatchFrom(pattern, name[i:]) {
					return true
				}
			}
			return false
		case '?':
			if name == "" {
				return false
			}
			pattern, name = pattern[1:], name[1:]
		case '[':
			if name == "" {
				return false
			}
			ok, rest, valid := matchBracket(pattern, name[0])
			if !valid {
				if name[0] != '[' {
					return false
				}
				pattern, name = pattern[1:], name[1:]
				continue
			}
			if !ok {
				return false
			}
			pattern, name = rest, name[1:]
		case '\\':
			if len(pattern) > 1 {
				pattern = pattern[1:]
			}
			fallthrough
		default:
			if name == "" || name[0] != pattern[0] {
				return false
			}
			pattern, name = pattern[1:], name[1:]
		}
	}
	return name == ""
}

// matchBracket matches c against the bracket expression at the start of p.
func matchBracket(p string, c byte) (matched bool, rest string, valid bool) {
	i := 1
	negate := false
	if i < len(p) && (p[i] == '!' || p[i] == '^') {
		negate = true
		i++
	}
	first := true
	for i < len(p) {
		if p[i] == ']' && !first {
			return matched != negate, p[i+1:], true
		}
		first = false
		lo := p[i]
		if lo == '\\' && i+1 < len(p) {
			i++
			lo = p[i]
		}
		i++
		hi := lo
		if i+1 < len(p) && p[i] == '-' && p[i+1] != ']' {
			hi = p[i+1]
			i += 2
		}
		if lo <= c && c <= hi {
			matched = true
		}
	}
	return false, "", false
}
