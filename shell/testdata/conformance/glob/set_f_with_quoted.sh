touch a
set -f
x='*'
echo $x "$x" *
