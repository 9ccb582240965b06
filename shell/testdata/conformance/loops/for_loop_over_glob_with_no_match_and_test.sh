for f in *.none; do [ -e "$f" ] || { echo "no match: $f"; continue; }; echo found; done
