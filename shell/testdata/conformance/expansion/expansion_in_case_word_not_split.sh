x='a b'
case $x in 'a b') echo whole;; *) echo split;; esac
