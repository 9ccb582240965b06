printf '1\n2\n' | { read a; read b; echo $((a+b)); }
