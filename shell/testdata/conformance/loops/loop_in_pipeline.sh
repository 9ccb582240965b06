for i in c a b; do echo $i; done | sort
