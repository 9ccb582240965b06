for i in 1 2 3; do ( break ); echo $i; done
