case 'a*c' in a'*'c) echo quoted-star-matched;; esac
case 'abc' in a'*'c) echo no;; *) echo literal-star-only;; esac
