for f in *; do echo "got [$f]"; done
