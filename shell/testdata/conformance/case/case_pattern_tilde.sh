HOME=/h
case /h/x in ~/x) echo tilde;; esac
