echo b | case x in x) cat;; esac
