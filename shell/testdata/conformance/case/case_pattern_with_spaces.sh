case 'a b' in 'a b') echo spaced;; esac
x='a b'
case $x in a\ b) echo escaped-space;; esac
