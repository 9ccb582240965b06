p='[!0-9]*'
case abc in $p) echo nondigit-start;; esac
case 1bc in $p) echo no;; *) echo digit-start;; esac
