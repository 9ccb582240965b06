for i in 1 2 3; do i=x; echo $i; done
