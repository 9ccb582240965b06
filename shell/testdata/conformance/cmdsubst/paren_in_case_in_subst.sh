x=$(case a in (a) echo m1;; (b) echo m2;; esac)
echo $x
