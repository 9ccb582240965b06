echo x | if read v; then echo "read $v"; fi
echo y | while read v; do echo "loop $v"; done
