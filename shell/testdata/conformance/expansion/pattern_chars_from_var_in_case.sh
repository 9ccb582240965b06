p='[ab]'
case a in $p) echo glob;; esac
case '[ab]' in "$p") echo literal;; esac
