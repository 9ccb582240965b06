printf '1\n2\n3\n' | while read x; do echo "got $x"; cat > /dev/null; done
