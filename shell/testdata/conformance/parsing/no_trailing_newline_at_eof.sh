printf 'echo last-line-no-newline' > s
. ./s
