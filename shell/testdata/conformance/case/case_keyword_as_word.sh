# expect: dash rejects esac as a first pattern: Syntax error, exit 2
case esac in esac) echo matched-esac;; esac
case in in in) echo matched-in;; esac
