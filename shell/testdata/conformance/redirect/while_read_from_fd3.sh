printf 'l1\nl2\n' > f
while read -r line <&3; do echo "got $line"; done 3<f
