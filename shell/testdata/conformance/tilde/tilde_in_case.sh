HOME=/h
case /h in ~) echo matched;; *) echo no;; esac
