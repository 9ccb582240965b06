echo "[$-]"
