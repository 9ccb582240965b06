// Package inet is the small part of the C library's internet functions that
// zinebox needs without Go's net package: inet_pton(3) and inet_ntop(3) for
// IPv4 and IPv6 text forms, sockaddr building for socket(2) calls made
// directly through golang.org/x/sys/unix, and name lookup in /etc/hosts and
// /etc/services (see hosts.go).
//
// Why not package net: it costs about half a megabyte of a stripped binary
// and runs package initialisation in every applet's start-up, while nc,
// strace and init only need to turn text into four or sixteen bytes and
// back. Doing it here also keeps the system calls in plain sight, which is
// what the zine is about.
//
// An address is a []byte of length 4 (IPv4) or 16 (IPv6), in network byte
// order, as in struct in_addr and struct in6_addr.
package inet

import (
	"strconv"

	"github.com/zinebox/zinebox/pkg/cescape"
	"golang.org/x/sys/unix"
)

// ParseIPv4 parses dotted-decimal a.b.c.d as inet_pton(AF_INET) does: four
// decimal numbers 0 to 255, no leading zeros, nothing else.
func ParseIPv4(s string) ([]byte, bool) {
	ip := make([]byte, 4)
	for i := range 4 {
		if i > 0 {
			if s == "" || s[0] != '.' {
				return nil, false
			}
			s = s[1:]
		}
		n, digits := 0, 0
		for digits < len(s) && s[digits] >= '0' && s[digits] <= '9' {
			n = n*10 + int(s[digits]-'0')
			digits++
			if n > 255 {
				return nil, false
			}
		}
		if digits == 0 || (digits > 1 && s[0] == '0') {
			return nil, false
		}
		ip[i] = byte(n)
		s = s[digits:]
	}
	if s != "" {
		return nil, false
	}
	return ip, true
}

// ParseIPv6 parses the text forms of RFC 4291 as inet_pton(AF_INET6) does:
// eight groups of one to four hex digits separated by colons, one "::"
// standing for one or more groups of zeros, and optionally a dotted IPv4
// address in place of the last two groups (::ffff:192.0.2.1).
func ParseIPv6(s string) ([]byte, bool) {
	ip := make([]byte, 16)
	gap := -1 // the byte index where "::" stands, if any
	i := 0    // the next byte of ip to fill
	if len(s) >= 2 && s[0] == ':' && s[1] == ':' {
		gap = 0
		s = s[2:]
		if s == "" {
			return ip, true
		}
	}
	for s != "" {
		// A dotted IPv4 address may end the text, in the last four bytes.
		if i <= 12 && hasDotBeforeColon(s) {
			v4, ok := ParseIPv4(s)
			if !ok {
				return nil, false
			}
			copy(ip[i:], v4)
			i += 4
			s = ""
			break
		}
		n, digits := cescape.Number(s, 5, 16) // a fifth digit is an error
		if digits == 0 || digits > 4 || i == 16 {
			return nil, false
		}
		ip[i], ip[i+1] = byte(n>>8), byte(n)
		i += 2
		s = s[digits:]
		if s == "" {
			break
		}
		if s[0] != ':' {
			return nil, false
		}
		s = s[1:]
		if s != "" && s[0] == ':' {
			if gap >= 0 {
				return nil, false // a second "::"
			}
			gap = i
			s = s[1:]
			if s == "" {
				break
			}
		} else if s == "" {
			return nil, false // a single trailing colon
		}
	}
	switch {
	case gap < 0 && i != 16:
		return nil, false
	case gap >= 0:
		if i == 16 {
			return nil, false // "::" must stand for at least one group
		}
		// Move what followed "::" to the end; zeros fill the gap.
		tail := i - gap
		copy(ip[16-tail:], ip[gap:i])
		clear(ip[gap : 16-tail])
	}
	return ip, true
}

func hasDotBeforeColon(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '.':
			return true
		case ':':
			return false
		}
	}
	return false
}

// ParseIP parses an IPv4 or an IPv6 address and returns 4 or 16 bytes.
func ParseIP(s string) ([]byte, bool) {
	if ip, ok := ParseIPv4(s); ok {
		return ip, true
	}
	return ParseIPv6(s)
}

// Format writes ip as inet_ntop(3) does: dotted decimal for 4 bytes; for
// 16, see FormatIPv6. Any other length gives "?".
func Format(ip []byte) string {
	switch len(ip) {
	case 4:
		return FormatIPv4(ip)
	case 16:
		return FormatIPv6(ip)
	}
	return "?"
}

// FormatIPv4 writes the four bytes of ip as a.b.c.d.
func FormatIPv4(ip []byte) string {
	b := make([]byte, 0, 15)
	for i := range 4 {
		if i > 0 {
			b = append(b, '.')
		}
		b = strconv.AppendUint(b, uint64(ip[i]), 10)
	}
	return string(b)
}

// FormatIPv6 writes the sixteen bytes of ip as glibc's inet_ntop(3) does:
// lower-case hex groups without leading zeros, the longest run of two or
// more zero groups (the first, on a tie) written as "::", and the last
// four bytes in dotted decimal for an IPv4-mapped address (::ffff:a.b.c.d)
// or an old IPv4-compatible one (::a.b.c.d, all but the last two groups
// zero, and not ::1-like: the last-but-one group must be non-zero).
func FormatIPv6(ip []byte) string {
	var words [8]int
	for i := range words {
		words[i] = int(ip[2*i])<<8 | int(ip[2*i+1])
	}
	// The longest run of zero groups.
	best, bestLen := -1, 0
	for i := 0; i < 8; {
		if words[i] != 0 {
			i++
			continue
		}
		j := i
		for j < 8 && words[j] == 0 {
			j++
		}
		if j-i > bestLen {
			best, bestLen = i, j-i
		}
		i = j
	}
	if bestLen < 2 {
		best = -1
	}
	b := make([]byte, 0, 46)
	for i := 0; i < 8; i++ {
		if best >= 0 && i >= best && i < best+bestLen {
			if i == best {
				b = append(b, ':')
			}
			continue
		}
		if i > 0 {
			b = append(b, ':')
		}
		if i == 6 && best == 0 && (bestLen == 6 || (bestLen == 5 && words[5] == 0xffff)) {
			return string(b) + FormatIPv4(ip[12:])
		}
		b = strconv.AppendUint(b, uint64(words[i]), 16)
	}
	if best >= 0 && best+bestLen == 8 {
		b = append(b, ':')
	}
	return string(b)
}

// Sockaddr builds the socket address for ip and port: a sockaddr_in for
// 4 bytes, a sockaddr_in6 for 16.
func Sockaddr(ip []byte, port int) unix.Sockaddr {
	if len(ip) == 4 {
		sa := &unix.SockaddrInet4{Port: port}
		copy(sa.Addr[:], ip)
		return sa
	}
	sa := &unix.SockaddrInet6{Port: port}
	copy(sa.Addr[:], ip)
	return sa
}

// Family is the address family for ip: AF_INET or AF_INET6.
func Family(ip []byte) int {
	if len(ip) == 4 {
		return unix.AF_INET
	}
	return unix.AF_INET6
}

// FromSockaddr returns the address and port of an internet socket address,
// or ok=false for any other kind.
func FromSockaddr(sa unix.Sockaddr) (ip []byte, port int, ok bool) {
	switch sa := sa.(type) {
	case *unix.SockaddrInet4:
		return append([]byte(nil), sa.Addr[:]...), sa.Port, true
	case *unix.SockaddrInet6:
		return append([]byte(nil), sa.Addr[:]...), sa.Port, true
	}
	return nil, 0, false
}
