case a in a) echo one;; b) echo two;; esac
