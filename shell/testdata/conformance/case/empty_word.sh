case "" in "") echo empty;; *) echo nonempty;; esac
case "" in *) echo star-matches-empty;; esac
