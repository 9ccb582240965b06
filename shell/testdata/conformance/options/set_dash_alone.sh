# expect: `set -` turns off -x and -v and ends options (POSIX: unspecified; dash supports it)
set -x
set - a b
echo $# $1
