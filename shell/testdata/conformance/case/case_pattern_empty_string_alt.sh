case "" in ''|x) echo empty-alt;; esac
