y=b
case abc in *"$y"*) echo contains;; esac
case aXc in *"$y"*) echo no;; *) echo not-contains;; esac
