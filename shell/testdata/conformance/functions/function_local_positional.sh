f() { local a=$1 b=$2; echo "$b $a"; }
f one two
echo "[$a$b]"
