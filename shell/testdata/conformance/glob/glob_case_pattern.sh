case abc in a*) echo star;; esac
case abc in a?c) echo q;; esac
case abc in [ab]bc) echo br;; esac
case a.c in *.*) echo dot;; esac
