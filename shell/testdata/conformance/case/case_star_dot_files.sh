case .hidden in *) echo star-matches-dot;; esac
case a/b in *) echo star-matches-slash;; esac
