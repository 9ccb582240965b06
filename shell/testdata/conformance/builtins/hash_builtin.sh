hash cat
hash | grep -c cat
hash -r
