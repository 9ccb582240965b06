printf 'x\ny' | { read a; echo "1:$? $a"; read b; echo "2:$? $b"; read c; echo "3:$? [$c]"; }
