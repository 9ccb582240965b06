case '*' in '*') echo star-literal;; esac
case 'abc' in '*') echo no;; *) echo wild;; esac
case 'a*' in "a*") echo quoted-match;; esac
case 'ab' in "a*") echo no;; *) echo nomatch-quoted;; esac
