set -- a b
case "$@" in 'a b') echo joined;; *) echo other;; esac
