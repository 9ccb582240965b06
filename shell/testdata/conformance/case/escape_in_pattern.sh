case 'a?' in a\?) echo escaped-q;; esac
case ab in a\?) echo no;; *) echo not-glob;; esac
