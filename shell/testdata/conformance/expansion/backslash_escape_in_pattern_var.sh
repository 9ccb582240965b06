p='\*'
case '*' in $p) echo matched-escaped-star;; *) echo no;; esac
case 'x' in $p) echo wrong;; *) echo literal-only;; esac
