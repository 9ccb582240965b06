case x in (x) echo open-paren;; esac
case y in (a|y) echo alt-paren;; esac
