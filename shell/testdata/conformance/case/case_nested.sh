case a in a) case b in b) echo nested;; esac;; esac
