gcd() { if [ $2 -eq 0 ]; then echo $1; else gcd $2 $(($1 % $2)); fi; }
gcd 48 18
gcd 17 5
gcd 100 75
