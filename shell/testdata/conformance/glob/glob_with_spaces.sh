touch 'my file' other
for f in my*; do echo "[$f]"; done
