echo "$(echo "a \"b\" c")"
