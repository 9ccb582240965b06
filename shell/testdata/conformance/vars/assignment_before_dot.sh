echo 'echo "dot sees $D"' > inc
D=val . ./inc
echo "after: [${D-unset}]"
